// The whole physiology of a run from one call, on synthetic activities built from a course description and read
// back through terrain's course builder: the properties hold through the real pipeline (recorder, cleaning,
// smoothing), not only on hand-made courses.

#include "hillcoach/physiology/physiology_summary.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "course_fixture.hpp"
#include "hillcoach/terrain/course_builder.hpp"
#include "support/course_builder.hpp"

namespace hillcoach::physiology {
namespace {

using hillcoach::test::build_course;
using hillcoach::test::Noise;

terrain::Course course_of(std::string_view description, Noise noise = Noise::none) {
    return terrain::build_course(build_course(description, {.noise = noise, .seed = 3}).activity);
}

const AthleteProfile k_runner{.mass_kg = 68.0, .sex = Sex::male, .max_hr_bpm = 188.0, .rest_hr_bpm = 52.0,
                              .threshold_hr_bpm = 172.0};

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(PhysiologySummaryTest, HillyRunHasEveryPart) {
    const auto course = course_of("flat 1000; up 1500 +120; down 1500 -120; flat 1000", Noise::barometric);
    const auto r = analyze_physiology(course, k_runner, {.climb_count = 1});
    ASSERT_TRUE(r.gap);
    ASSERT_TRUE(r.energy);
    ASSERT_TRUE(r.time_in_zones_s);
    ASSERT_TRUE(r.trimp);
    ASSERT_TRUE(r.hr_tss);
    ASSERT_TRUE(r.pace);
    ASSERT_TRUE(r.muscle_load);
    ASSERT_TRUE(r.leg_load);
    // Up and down the same 120 m: more than 5 km of level running, and more energy than 5 km of level.
    EXPECT_GT(r.gap->flat_equivalent_distance_m, course.distance_m_total);
    EXPECT_GT(r.energy->net_energy_j, 3.6 * 5000 * 68.0);
    EXPECT_GT(r.energy->acsm_kcal, r.energy->kcal);
    // Zone times add up to the moving time with heart rate.
    double zone_total = 0.0;
    for (double t : *r.time_in_zones_s) zone_total += t;
    EXPECT_NEAR(zone_total, r.gap->moving_s, 1.0);
    // Uphill stretch: concentric glute load per metre far above the flat stretches'; downhill: quadriceps eccentric.
    const MuscleLoad& m = *r.muscle_load;
    EXPECT_GT(m.uphill.concentric_of(MuscleGroup::glutes), 2.0 * m.flat.concentric_of(MuscleGroup::glutes) * 1500 / 2000);
    EXPECT_GT(m.downhill.eccentric_of(MuscleGroup::quadriceps),
              1.5 * m.flat.eccentric_of(MuscleGroup::quadriceps) * 1500 / 2000);
    EXPECT_TRUE(r.leg_load->hilly);
    EXPECT_NE(r.leg_load->text.find("on 1 climb (1"), std::string::npos) << r.leg_load->text;
    EXPECT_TRUE(contains(r.estimated_settings(), "threshold_pace"));
    EXPECT_FALSE(contains(r.estimated_settings(), "max_hr_bpm"));
    EXPECT_TRUE(contains(r.defaulted_settings(), "gap_model"));
}

TEST(PhysiologySummaryTest, BarometricNoiseChangesTheMuscleLoadLittle) {
    const char* description = "flat 1000; up 2000 +160; down 1000 -160; flat 1000";
    const auto clean = analyze_physiology(course_of(description), k_runner);
    const auto noisy = analyze_physiology(course_of(description, Noise::barometric), k_runner);
    ASSERT_TRUE(clean.muscle_load && noisy.muscle_load);
    for (MuscleGroup g : k_muscle_groups) {
        EXPECT_NEAR(noisy.muscle_load->total.concentric_of(g), clean.muscle_load->total.concentric_of(g),
                    0.05 * clean.muscle_load->total.concentric_of(g))
            << to_string(g);
        EXPECT_NEAR(noisy.muscle_load->total.eccentric_of(g), clean.muscle_load->total.eccentric_of(g),
                    0.05 * clean.muscle_load->total.eccentric_of(g))
            << to_string(g);
    }
}

TEST(PhysiologySummaryTest, SyntheticFlatRunGapIsItsPace) {
    const auto course = course_of("flat 6000");
    const auto r = analyze_physiology(course, k_runner);
    ASSERT_TRUE(r.gap);
    EXPECT_NEAR(r.gap->gap_speed_m_s, course.distance_m_total / *course.moving_s, 0.01 * r.gap->gap_speed_m_s);
    EXPECT_FALSE(r.leg_load->hilly);
}

TEST(PhysiologySummaryTest, WithoutElevationAndHeartRateThePartsAreMissingAndSaySo) {
    const auto course = test::make_course({{.length_m = 4000, .grade = 0.05, .speed_m_s = 3.0}}, false);
    const auto r = analyze_physiology(course, {});
    EXPECT_FALSE(r.gap);
    EXPECT_FALSE(r.muscle_load);
    EXPECT_FALSE(r.leg_load);
    EXPECT_FALSE(r.trimp);
    EXPECT_FALSE(r.time_in_zones_s);
    EXPECT_FALSE(r.pace);  // 22 min, no heart rate: no threshold pace to compare with
    ASSERT_TRUE(r.energy);
    EXPECT_TRUE(r.energy->level_assumed);
    EXPECT_GE(r.notes.size(), 3u);
    EXPECT_TRUE(contains(r.defaulted_settings(), "mass_kg"));
    EXPECT_TRUE(contains(r.defaulted_settings(), "rest_hr_bpm"));
}

TEST(PhysiologySummaryTest, GivenThresholdPaceGivesPaceStress) {
    // 30 min flat at 3.333 m/s (5:00/km), threshold 4:30/km: IF 0.9, 40.5.
    const auto course = test::make_course({{.length_m = 6000, .grade = 0.0, .speed_m_s = 1000.0 / 300}});
    AthleteProfile p;
    p.threshold_speed_m_s = 1000.0 / 270;
    const auto r = analyze_physiology(course, p);
    ASSERT_TRUE(r.pace);
    EXPECT_NEAR(r.pace->intensity_factor, 0.9, 1e-9);
    EXPECT_NEAR(r.pace->pace_tss, 40.5, 1e-6);
}

}  // namespace
}  // namespace hillcoach::physiology
