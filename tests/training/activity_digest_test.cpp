// make_digest on synthetic activities of known truth (tests/support/course_builder.hpp), analysed with a
// profile that fixes the thresholds (threshold heart rate 170, threshold pace 4:30/km = 3.70 m/s) so that
// "easy" and "race pace" are judged against known anchors: the synthetic easy runner runs 2.95 m/s (0.80 of
// threshold speed: easy), the tempo runner 3.6 m/s (0.97: race pace).

#include "hillcoach/training/activity_digest.hpp"

#include <cmath>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "hillcoach/analysis/analyze.hpp"
#include "support/course_builder.hpp"

namespace hillcoach::training {
namespace {

using test::build_course;
using test::Noise;
using test::Runner;

constexpr double k_threshold_speed_m_s = 1000.0 / 270.0;

analysis::ActivityAnalysis analyse(const test::BuiltCourse& run) {
    analysis::AnalysisOptions options;
    options.athlete.threshold_hr_bpm = 170.0;
    options.athlete.max_hr_bpm = 188.0;
    options.athlete.rest_hr_bpm = 52.0;
    options.athlete.threshold_speed_m_s = k_threshold_speed_m_s;
    return analysis::analyze(run.activity, options);
}

TEST(ActivityDigestTest, HillRepeatsAreOneFocusedHillWithAnEasyWarmUp) {
    const auto run = build_course("flat 1500; repeat 6 { up 150 +12; down 150 -12 }; turn around; flat 1500",
                                  {.noise = Noise::barometric, .seed = 11, .runner = Runner::repeats});
    const analysis::ActivityAnalysis a = analyse(run);
    const ActivityDigest d = make_digest(a);

    EXPECT_EQ(d.hill_focus, HillFocus::hill_repeats) << d.focus_reason;
    EXPECT_TRUE(d.focused_hill());
    EXPECT_EQ(d.focus_reason, a.session.reason);
    ASSERT_EQ(d.climbs.size(), 1U) << "the six reps are one hill, not six climbs";
    const ClimbDigest& hill = d.climbs[0];
    EXPECT_EQ(hill.reps, 6);
    EXPECT_TRUE(hill.back_to_back);
    EXPECT_NEAR(hill.length_m, 150.0, 20.0);
    EXPECT_NEAR(hill.gain_m, 12.0, 2.0);
    EXPECT_NEAR(hill.avg_grade, 0.08, 0.012);
    EXPECT_NEAR(hill.start_m, 1500.0, 25.0);
    ASSERT_TRUE(hill.time_s && hill.best_time_s && hill.vam_m_h && hill.start_position && hill.top_position);
    EXPECT_LE(*hill.best_time_s, *hill.time_s);
    EXPECT_NEAR(*hill.vam_m_h, hill.gain_m / *hill.time_s * 3600.0, 1e-9);

    // Warm-up: the 1500 m before the first rep, run easy.
    ASSERT_TRUE(d.warmup);
    EXPECT_NEAR(d.warmup->first_climb_start_m, 1500.0, 25.0);
    EXPECT_NEAR(d.warmup->distance_m, 1500.0, 25.0);
    EXPECT_NEAR(d.warmup->moving_s, 1500.0 / 2.95, 25.0);
    // The last seconds before the first rep may read the rep's grade (the grade windows straddle the foot of the
    // hill), so their grade-adjusted speed is no longer easy: allow 2 %.
    EXPECT_GT(d.warmup->easy_s, 0.98 * d.warmup->moving_s);
    EXPECT_LE(d.warmup->easy_s, d.warmup->moving_s);
    ASSERT_TRUE(d.warmup->gap_speed_m_s && d.warmup->avg_heart_rate_bpm);
    EXPECT_NEAR(*d.warmup->gap_speed_m_s, 2.95, 0.1);
    EXPECT_LT(*d.warmup->avg_heart_rate_bpm, 0.9 * 170.0);

    // Stress: heart rate present, so hr_tss, the pace score kept beside.
    EXPECT_EQ(d.stress_source, StressSource::hr_tss);
    ASSERT_TRUE(d.stress && d.hr_tss && d.pace_tss && d.trimp);
    EXPECT_EQ(*d.stress, *d.hr_tss);
    EXPECT_EQ(d.threshold_hr_bpm, 170.0);
    EXPECT_EQ(d.threshold_speed_m_s, k_threshold_speed_m_s);
}

TEST(ActivityDigestTest, HillyRunCarriesItsDescentAndLoads) {
    const auto run = build_course("flat 1000; up 1500 +120; down 600 -80; flat 500");
    const analysis::ActivityAnalysis a = analyse(run);
    const ActivityDigest d = make_digest(a);

    EXPECT_EQ(d.session_type, analysis::SessionType::hilly_run);
    EXPECT_FALSE(d.focused_hill()) << "a hilly easy run is not a focused hill session";
    EXPECT_TRUE(d.focus_reason.empty());
    ASSERT_TRUE(d.ascent_m && d.descent_m && d.moving_s && d.flat_equivalent_distance_m);
    EXPECT_NEAR(*d.ascent_m, 120.0, 3.0);
    EXPECT_NEAR(*d.descent_m, 80.0, 3.0);
    EXPECT_NEAR(d.distance_m, 3600.0, 36.0);
    EXPECT_GT(*d.flat_equivalent_distance_m, d.distance_m) << "120 m up outweighs 80 m down";

    ASSERT_TRUE(d.longest_descent && d.steepest_descent);
    EXPECT_EQ(*d.longest_descent, *d.steepest_descent);
    EXPECT_NEAR(d.longest_descent->drop_m, 80.0, 1.5);
    EXPECT_NEAR(d.longest_descent->avg_grade, -80.0 / 600.0, 0.008);

    ASSERT_EQ(d.climbs.size(), 1U);
    EXPECT_EQ(d.climbs[0].reps, 1);
    EXPECT_NEAR(d.climbs[0].start_m, 1000.0, 15.0);
    EXPECT_NEAR(d.climbs[0].gain_m, 120.0, 1.5);

    // Uphill concentric: 120 m lifted = 9.80665 x 120 = 1177 J/kg, against the reference run's whole-leg
    // concentric work: (0.5 stance + 0.4 swing) J/kg/m over 10 km = 9000 J/kg: 13.1 points.
    ASSERT_TRUE(d.uphill_concentric_load && d.downhill_eccentric_load && d.muscle_load);
    EXPECT_NEAR(*d.uphill_concentric_load, 9.80665 * 120.0 / 9000.0 * 100.0, 0.7);
    EXPECT_EQ(*d.downhill_eccentric_load,
              a.physiology.muscle_load->lowering.eccentric_of(physiology::MuscleGroup::quadriceps));
    EXPECT_GT(*d.downhill_eccentric_load, 0.0);
    // Warm-up before the one climb: the flat kilometre.
    ASSERT_TRUE(d.warmup);
    EXPECT_NEAR(d.warmup->distance_m, 1000.0, 15.0);
}

TEST(ActivityDigestTest, FlatTempoRunIsRacePaceAndEasyRunIsNot) {
    const auto tempo = make_digest(analyse(build_course("flat 5000", {.runner = Runner::tempo})));
    ASSERT_TRUE(tempo.flat_race_pace_s && tempo.moving_s);
    EXPECT_NEAR(*tempo.flat_race_pace_s, *tempo.moving_s, 0.05 * *tempo.moving_s);
    EXPECT_NEAR(*tempo.flat_race_pace_m, 5000.0, 250.0);
    EXPECT_FALSE(tempo.warmup) << "no climb, nothing to warm up for";
    EXPECT_FALSE(tempo.longest_descent);
    EXPECT_TRUE(tempo.climbs.empty());

    const auto easy = make_digest(analyse(build_course("flat 5000", {.runner = Runner::easy})));
    ASSERT_TRUE(easy.flat_race_pace_s);
    EXPECT_LT(*easy.flat_race_pace_s, 30.0);
}

TEST(ActivityDigestTest, MountainClimbingAndDownhillRunsAreFocused) {
    const auto mountain = make_digest(analyse(build_course("flat 500; up 4000 +400; down 4000 -400")));
    EXPECT_EQ(mountain.hill_focus, HillFocus::mountain);
    ASSERT_TRUE(mountain.ascent_m);
    EXPECT_NEAR(*mountain.ascent_m, 400.0, 4.0);
    EXPECT_EQ(mountain.focus_reason, fmt::format("+{:.0f} m, {:.0f} m per km", *mountain.ascent_m,
                                                 *mountain.ascent_m / (mountain.distance_m / 1000.0)));

    const auto downhill = make_digest(analyse(build_course("flat 500; down 3000 -200; flat 500")));
    EXPECT_EQ(downhill.hill_focus, HillFocus::downhill) << downhill.focus_reason;

    const auto hike =
        make_digest(analyse(build_course("up 3000 +400; down 3000 -400", {.runner = Runner::walk})));
    EXPECT_EQ(hike.session_type, analysis::SessionType::hike_or_walk);
    EXPECT_EQ(hike.hill_focus, HillFocus::none) << "a hike is not hard hill running";
}

TEST(ActivityDigestTest, StartTimeOffsetSportAndNameComeFromTheFile) {
    auto run = build_course("flat 3000");
    run.activity.metadata.name = "Morning run";
    run.activity.metadata.utc_offset_s = 7200;
    const ActivityDigest d = make_digest(analyse(run));
    EXPECT_EQ(d.name, "Morning run");
    ASSERT_TRUE(d.start_time_s);
    EXPECT_EQ(*d.start_time_s, 1777615200.0);
    EXPECT_EQ(d.utc_offset_s, 7200);
    EXPECT_EQ(d.sport, core::Sport::running);
    EXPECT_EQ(d.id, core::ActivityId{});
}

TEST(ActivityDigestTest, NoElevationNoHeartRateMeansNoLoadsAndPaceStress) {
    auto run = build_course("flat 3000", {.runner = Runner::tempo});
    for (double& e : run.activity.samples.elevation_m) e = std::nan("");
    for (double& hr : run.activity.samples.heart_rate_bpm) hr = std::nan("");
    run.activity.elevation_source = core::ElevationSource::none;
    const ActivityDigest d = make_digest(analyse(run));
    EXPECT_FALSE(d.ascent_m);
    EXPECT_FALSE(d.muscle_load);
    EXPECT_FALSE(d.uphill_concentric_load);
    EXPECT_FALSE(d.downhill_eccentric_load);
    EXPECT_FALSE(d.hr_tss);
    EXPECT_EQ(d.stress_source, StressSource::pace_tss);
    ASSERT_TRUE(d.stress && d.pace_tss);
    EXPECT_EQ(*d.stress, *d.pace_tss);
    // Without elevation every step counts as level: the whole tempo run is race pace.
    ASSERT_TRUE(d.flat_race_pace_s && d.moving_s);
    EXPECT_NEAR(*d.flat_race_pace_s, *d.moving_s, 0.05 * *d.moving_s);
}

TEST(ActivityDigestTest, EnumNamesRoundTrip) {
    for (HillFocus f : {HillFocus::none, HillFocus::hill_repeats, HillFocus::hill_sprints, HillFocus::downhill,
                        HillFocus::mountain})
        EXPECT_EQ(hill_focus_from_text(to_string(f)), f);
    for (StressSource s : {StressSource::none, StressSource::hr_tss, StressSource::pace_tss})
        EXPECT_EQ(stress_source_from_text(to_string(s)), s);
    EXPECT_FALSE(hill_focus_from_text("hills"));
    EXPECT_EQ(to_string(HillFocus::downhill), "downhill");
}

}  // namespace
}  // namespace hillcoach::training
