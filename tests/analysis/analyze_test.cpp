// analyze() end to end on synthetic activities of known truth (tests/support/course_builder.hpp): the climbs,
// descents and reps it finds against the ones the course was written with, noise-free and through GPS and
// barometric noise.

#include "hillcoach/analysis/analyze.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/course_builder.hpp"

namespace hillcoach::analysis {
namespace {

using test::build_course;
using test::BuiltCourse;
using test::Noise;

constexpr const char* k_hilly = "flat 1000; up 1500 +120; down 600 -80; flat 500";
// The cool-down turns back over the warm-up's ground: going on straight would run a flat stretch over the
// ground the hill was laid on (synth lays every stretch out by its own profile).
constexpr const char* k_repeats = "flat 1500; repeat 6 { up 150 +12; down 150 -12 }; turn around; flat 1500";

// A climb found where the truth has one: start and end within `slack_m`, height within `height_m`.
void expect_matches(const terrain::Hill& found, const test::TrueHill& truth, double slack_m, double height_m,
                    const std::string& what) {
    EXPECT_NEAR(found.start_m, truth.start_m, slack_m) << what;
    EXPECT_NEAR(found.end_m, truth.end_m, slack_m) << what;
    EXPECT_NEAR(found.height_m, truth.height_m, height_m) << what;
    EXPECT_NEAR(std::abs(found.avg_grade), std::abs(truth.avg_grade), 0.008) << what;
}

TEST(AnalyzeTest, NoiseFreeHillyCourseGivesItsClimbAndDescent) {
    const BuiltCourse run = build_course(k_hilly);
    const ActivityAnalysis a = analyze(run.activity);
    ASSERT_EQ(run.truth.climbs.size(), 1U);
    ASSERT_EQ(a.climbs.size(), 1U);
    ASSERT_EQ(a.descents.size(), 1U);
    expect_matches(a.climbs[0], run.truth.climbs[0], 15.0, 1.5, "climb");
    expect_matches(a.descents[0], run.truth.descents[0], 15.0, 1.5, "descent");
    EXPECT_NEAR(a.climbs[0].score.runner_score, 960.0, 40.0);            // 120 m x 8 %
    EXPECT_EQ(a.climbs[0].score.strava, terrain::StravaCategory::cat4);  // 100 x 120 m = 12 000
    ASSERT_TRUE(a.climbs[0].vertical_speed_m_h && a.climbs[0].time_s);
    EXPECT_NEAR(*a.climbs[0].vertical_speed_m_h, a.climbs[0].height_m / *a.climbs[0].time_s * 3600.0, 1e-6);
    EXPECT_NEAR(a.summary.distance_m, run.truth.distance_m, 0.01 * run.truth.distance_m);
    ASSERT_TRUE(a.summary.ascent_m && a.summary.descent_m);
    EXPECT_NEAR(*a.summary.ascent_m, 120.0, 3.0);
    EXPECT_NEAR(*a.summary.descent_m, 80.0, 3.0);
    EXPECT_TRUE(a.repeats.empty());
    EXPECT_EQ(a.session.type, SessionType::hilly_run) << a.session.reason;
    // Histogram: every graded metre in a band, the climb's 8 % in 6..10.
    EXPECT_NEAR(a.grade_histogram.graded_distance_m(), a.summary.distance_m, 1.0);
    EXPECT_GT(a.grade_histogram.bands[6].distance_m, 1300.0);
}

class AnalyzeNoiseTest : public ::testing::TestWithParam<std::tuple<Noise, std::uint64_t>> {};

// The found hill and the true one share most of their length: at least `share` of each lies in the other.
void expect_overlaps(const terrain::Hill& found, const test::TrueHill& truth, double share, double height_m,
                     const std::string& what) {
    const double common = std::min(found.end_m, truth.end_m) - std::max(found.start_m, truth.start_m);
    EXPECT_GE(common, share * truth.length_m) << what << ": found " << found.start_m << "-" << found.end_m;
    EXPECT_GE(common, share * found.length_m()) << what << ": found " << found.start_m << "-" << found.end_m;
    EXPECT_NEAR(found.height_m, truth.height_m, height_m) << what;
}

TEST_P(AnalyzeNoiseTest, TheSameClimbAndDescentThroughNoise) {
    const auto [noise, seed] = GetParam();
    const BuiltCourse run = build_course(k_hilly, {.noise = noise, .seed = seed});
    const ActivityAnalysis a = analyze(run.activity);
    ASSERT_EQ(a.climbs.size(), 1U) << "seed " << seed;
    ASSERT_EQ(a.descents.size(), 1U) << "seed " << seed;
    const std::string what = fmt::format("seed {}: ", seed);
    if (noise == Noise::barometric) {
        expect_matches(a.climbs[0], run.truth.climbs[0], 40.0, 3.0, what + "climb");
        expect_matches(a.descents[0], run.truth.descents[0], 40.0, 3.0, what + "descent");
    } else {
        // GPS altitude wanders by metres over a few hundred metres: the ends of a hill are known to within
        // that, its height to within the wander at its two ends (12 %).
        expect_overlaps(a.climbs[0], run.truth.climbs[0], 0.65, 0.12 * run.truth.climbs[0].height_m,
                        what + "climb");
        expect_overlaps(a.descents[0], run.truth.descents[0], 0.65, 0.12 * run.truth.descents[0].height_m,
                        what + "descent");
    }
    EXPECT_EQ(a.session.type, SessionType::hilly_run) << a.session.reason;
}

INSTANTIATE_TEST_SUITE_P(Seeds, AnalyzeNoiseTest,
                         ::testing::Combine(::testing::Values(Noise::gps, Noise::barometric),
                                            ::testing::Values(1U, 2U, 3U, 4U, 5U)));

// The rep times of a group, in order.
std::vector<double> rep_times(const terrain::RepeatGroup& g) {
    std::vector<double> t;
    for (const auto& r : g.reps) t.push_back(r.ascent.time_s.value_or(std::nan("")));
    return t;
}

// Slows each rep k (0-based) by (1 + fade x k): every time step inside the k-th true climb of the repeat
// block is stretched by that factor, and everything after it shifted; the ground is unchanged.
BuiltCourse with_fade(BuiltCourse run, double fade) {
    std::vector<test::TrueHill> reps;
    for (const auto& c : run.truth.climbs) {
        if (c.repeat_block >= 0) reps.push_back(c);
    }
    auto& t = run.activity.samples.time_s;
    const auto& where = run.truth.course_distance_m;
    double shift = 0.0;
    for (std::size_t i = 1; i < t.size(); ++i) {
        const double original_step = t[i] - (t[i - 1] - shift);
        double factor = 1.0;
        for (const auto& r : reps) {
            if (where[i - 1] >= r.start_m && where[i] <= r.end_m) factor = 1.0 + fade * r.rep;
        }
        shift += original_step * (factor - 1.0);
        t[i] += shift;
    }
    return run;
}

TEST(AnalyzeTest, SixRepsOfOneHundredFiftyMetresWithTheFadePutIn) {
    const BuiltCourse plain =
        build_course(k_repeats, {.noise = Noise::barometric, .seed = 11, .runner = test::Runner::repeats});
    const BuiltCourse faded = with_fade(plain, 0.04);
    const ActivityAnalysis a = analyze(plain.activity);
    const ActivityAnalysis b = analyze(faded.activity);
    ASSERT_EQ(a.repeats.size(), 1U);
    ASSERT_EQ(b.repeats.size(), 1U);
    const auto& g = b.repeats[0];
    ASSERT_EQ(g.reps.size(), 6U);
    EXPECT_TRUE(g.matched_by_position);
    EXPECT_TRUE(g.back_to_back);
    // The elevation is smoothed over a few tens of metres (terrain/elevation_smooth.hpp), which rounds the
    // sharp top and bottom of a 150 m hill: a metre or two of its 12 m are lost.
    EXPECT_NEAR(g.length_m, 150.0, 20.0);
    EXPECT_NEAR(g.height_m, 12.0, 2.5);
    EXPECT_NEAR(g.avg_grade, 0.08, 0.016);
    const auto before = rep_times(a.repeats[0]);
    const auto after = rep_times(g);
    for (std::size_t k = 0; k < 6; ++k) {
        // A rep's ends are its samples nearest the hill's bottom and top: a second outside the true climb is
        // not slowed, so the ratio can fall short by a second's share of a 50 s rep.
        EXPECT_NEAR(after[k] / before[k], 1.0 + 0.04 * static_cast<double>(k), 0.025) << "rep " << k;
    }
    // A rep of about 50 s growing 4 % per rep: about 2 s per rep, the last 20 % slower than the first, give
    // or take the runner's own variation between reps (the plain run's fade).
    ASSERT_TRUE(g.fade.time_slope_s_per_rep && g.fade.last_vs_first);
    ASSERT_TRUE(a.repeats[0].fade.time_slope_s_per_rep && a.repeats[0].fade.last_vs_first);
    const double plain_slope = *a.repeats[0].fade.time_slope_s_per_rep;
    const double mean_rep_s = (before[0] + before[5]) / 2.0;
    EXPECT_NEAR(*g.fade.time_slope_s_per_rep - plain_slope, 0.04 * mean_rep_s, 0.25 * 0.04 * mean_rep_s);
    EXPECT_NEAR(*g.fade.last_vs_first, (1.0 + *a.repeats[0].fade.last_vs_first) * 1.2 - 1.0, 0.025);
    ASSERT_TRUE(g.fade.vam_slope_m_h_per_rep);
    EXPECT_LT(*g.fade.vam_slope_m_h_per_rep, 0.0);
    EXPECT_EQ(b.session.type, SessionType::hill_repeats) << b.session.reason;
}

class RepeatsNoiseTest : public ::testing::TestWithParam<std::tuple<Noise, std::uint64_t>> {};

TEST_P(RepeatsNoiseTest, SixRepsAreFoundThroughNoise) {
    const auto [noise, seed] = GetParam();
    const BuiltCourse run =
        build_course(k_repeats, {.noise = noise, .seed = seed, .runner = test::Runner::repeats});
    const ActivityAnalysis a = analyze(run.activity);
    ASSERT_EQ(a.repeats.size(), 1U) << "seed " << seed;
    EXPECT_EQ(a.repeats[0].reps.size(), 6U) << "seed " << seed;
    for (std::size_t k = 0; k < a.repeats[0].reps.size(); ++k) {
        EXPECT_NEAR(a.repeats[0].reps[k].ascent.start_m, 1500.0 + 300.0 * static_cast<double>(k), 30.0)
            << "rep " << k;
    }
    EXPECT_EQ(a.session.type, SessionType::hill_repeats) << a.session.reason;
}

INSTANTIATE_TEST_SUITE_P(Seeds, RepeatsNoiseTest,
                         ::testing::Combine(::testing::Values(Noise::gps, Noise::barometric),
                                            ::testing::Values(1U, 2U, 3U, 4U, 5U)));

TEST(AnalyzeTest, SummaryPaceAndTimes) {
    const BuiltCourse run = build_course("flat 5000");
    const ActivityAnalysis a = analyze(run.activity);
    ASSERT_TRUE(a.summary.moving_s && a.summary.pace_s_per_km && a.summary.avg_speed_m_s);
    EXPECT_NEAR(*a.summary.moving_s, run.truth.moving_s, 2.0);
    EXPECT_NEAR(*a.summary.pace_s_per_km, *a.summary.moving_s / (a.summary.distance_m / 1000.0), 1e-9);
    EXPECT_NEAR(*a.summary.avg_speed_m_s, 2.95, 0.15);  // the easy runner
    EXPECT_TRUE(a.climbs.empty());
    EXPECT_TRUE(a.descents.empty());
    EXPECT_EQ(a.metadata.sport, core::Sport::running);
}

// 3000 m at 4 m/s, a sample a second along a meridian with the device's distance channel: 1000 m, a recorded
// 120 s timer pause (no samples), 1000 m, a silent 60 s stop on one spot (no pause, no samples), 1000 m. By
// hand: 750 s moving, 930 s elapsed, so 250 s/km moving and 310 s/km elapsed.
TEST(AnalyzeTest, ElapsedPaceCountsTheStopsAndMovingPaceDoesNot) {
    core::Activity run;
    run.metadata.sport = core::Sport::running;
    constexpr double k_start_s = 1.7e9;
    constexpr double k_metres_per_degree = 111'197.0;  // meridian arc near 46.8 N, to 0.2 %
    const auto add = [&](double t, double d) {
        run.samples.push_empty();
        const std::size_t i = run.samples.size() - 1;
        run.samples.time_s[i] = k_start_s + t;
        run.samples.latitude_deg[i] = 46.8 + d / k_metres_per_degree;
        run.samples.longitude_deg[i] = 7.1;
        run.samples.distance_m[i] = d;
    };
    for (int k = 0; k <= 250; ++k) add(k, 4.0 * k);              // 0..250 s
    for (int k = 0; k <= 250; ++k) add(370 + k, 1000.0 + 4.0 * k);  // after the pause, 370..620 s
    add(680, 2000.0);                                              // the silent stop, 620..680 s
    for (int k = 1; k <= 250; ++k) add(680 + k, 2000.0 + 4.0 * k);  // 681..930 s
    run.pauses.push_back(core::Pause{.start_s = k_start_s + 250.0, .end_s = k_start_s + 370.0});
    const ActivityAnalysis a = analyze(run);
    EXPECT_EQ(a.summary.distance_source, terrain::DistanceSource::device);
    EXPECT_DOUBLE_EQ(a.summary.distance_m, 3000.0);
    ASSERT_TRUE(a.summary.moving_s && a.summary.elapsed_s);
    EXPECT_NEAR(*a.summary.elapsed_s, 930.0, 1e-6);
    EXPECT_NEAR(*a.summary.moving_s, 750.0, 1e-6);
    ASSERT_TRUE(a.summary.pace_s_per_km && a.summary.elapsed_pace_s_per_km && a.summary.avg_speed_m_s);
    EXPECT_NEAR(*a.summary.pace_s_per_km, 250.0, 1e-6);
    EXPECT_NEAR(*a.summary.elapsed_pace_s_per_km, 310.0, 1e-6);
    EXPECT_NEAR(*a.summary.avg_speed_m_s, 4.0, 1e-9);
}

TEST(AnalyzeTest, AnEmptyActivityIsUnknownNotACrash) {
    const ActivityAnalysis a = analyze(core::Activity{});
    EXPECT_TRUE(a.segments.empty());
    EXPECT_TRUE(a.climbs.empty());
    EXPECT_EQ(a.session.type, SessionType::unknown);
}

}  // namespace
}  // namespace hillcoach::analysis
