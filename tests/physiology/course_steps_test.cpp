// CourseSteps: the counting steps read once, in order, with the sample each ends at; and the window sweep
// that serves several windows at once.

#include "hillcoach/physiology/course_steps.hpp"

#include <gtest/gtest.h>

#include "hillcoach/physiology/grade_adjusted_pace.hpp"

#include "course_fixture.hpp"

namespace hillcoach::physiology {
namespace {

using test::make_course;
using test::Stretch;

TEST(CourseStepsTest, KeepsTheCountingStepsInOrderWithTheirSamples) {
    // 30 m at 3 m/s: samples 0..10, steps 1..10. Sample 4 stands still (not moving) and step 7 has no time.
    terrain::Course c =
        make_course({{.length_m = 30.0, .grade = 0.05, .speed_m_s = 3.0, .heart_rate_bpm = 150.0}});
    ASSERT_EQ(c.size(), 11U);
    c.moving[4] = 0;
    c.time_s[7] = c.time_s[6];
    const CourseSteps steps(c);
    ASSERT_EQ(steps.all().size(), 8U);  // 10 steps less 4 and 7
    const std::vector<std::size_t> expected_ends{1, 2, 3, 5, 6, 8, 9, 10};
    for (std::size_t i = 0; i < expected_ends.size(); ++i) {
        EXPECT_EQ(steps.end_sample(i), expected_ends[i]);
        CourseStep direct;
        ASSERT_TRUE(course_step(c, expected_ends[i], direct));
        EXPECT_DOUBLE_EQ(steps.all()[i].distance_m, direct.distance_m);
        EXPECT_DOUBLE_EQ(steps.all()[i].duration_s, direct.duration_s);
        EXPECT_DOUBLE_EQ(steps.all()[i].grade, 0.05);
        EXPECT_DOUBLE_EQ(steps.all()[i].heart_rate_bpm, 150.0);
    }
    EXPECT_EQ(steps.samples(), 11U);
    EXPECT_TRUE(steps.has_grade());
    EXPECT_TRUE(steps.has_heart_rate());
}

TEST(CourseStepsTest, BetweenIsTheStretchAsIntervalsCountIt) {
    const terrain::Course c = make_course({{.length_m = 30.0, .grade = 0.0, .speed_m_s = 3.0}});
    const CourseSteps steps(c);
    // [2, 5]: the steps ending at samples 3, 4 and 5.
    const auto middle = steps.between(2, 5);
    ASSERT_EQ(middle.size(), 3U);
    EXPECT_EQ(middle.data(), steps.all().data() + 2);
    EXPECT_EQ(steps.between(0, 10).size(), 10U);
    EXPECT_TRUE(steps.between(4, 4).empty());
    EXPECT_TRUE(steps.between(10, 20).empty());
}

TEST(CourseStepsTest, GapFactorsAreEachStepsFactorUnderTheModelAsked) {
    // A climb, a steep descent (where the two curves disagree most) and level ground: each step's kept factor
    // is gap_speed_factor of its grade, and asking for the other model gives that model's factors, not the
    // ones kept from the first call.
    const terrain::Course c = make_course({{.length_m = 60.0, .grade = 0.08, .speed_m_s = 3.0},
                                           {.length_m = 60.0, .grade = -0.20, .speed_m_s = 3.0},
                                           {.length_m = 60.0, .grade = 0.0, .speed_m_s = 3.0}});
    const CourseSteps steps(c);
    ASSERT_FALSE(steps.all().empty());
    for (const GapModel model : {GapModel::heart_rate, GapModel::metabolic, GapModel::heart_rate}) {
        const std::span<const double> factors = steps.gap_factors(model);
        ASSERT_EQ(factors.size(), steps.all().size());
        for (std::size_t i = 0; i < factors.size(); ++i) {
            EXPECT_DOUBLE_EQ(factors[i], gap_speed_factor(steps.all()[i].grade, model)) << to_string(model) << i;
        }
    }
    // The models differ on the descent (1.081 against about 0.5), so the check above tells them apart.
    EXPECT_GT(gap_speed_factor(-0.20, GapModel::heart_rate), 1.5 * gap_speed_factor(-0.20, GapModel::metabolic));
}

TEST(CourseStepsTest, NoElevationOrHeartRateIsSeen) {
    const terrain::Course c = make_course({{.length_m = 30.0}}, /*with_elevation=*/false);
    const CourseSteps steps(c);
    EXPECT_FALSE(steps.has_grade());
    EXPECT_FALSE(steps.has_heart_rate());
    EXPECT_EQ(steps.all().size(), 10U);
}

TEST(CourseStepsTest, OneSweepGivesWhatEachWindowGivesAlone) {
    // 600 s at 140, 120 s at 175, 600 s at 160, 60 s at 190 (3 m/s, one sample a second).
    const terrain::Course c = make_course({{.length_m = 1800.0, .heart_rate_bpm = 140.0},
                                           {.length_m = 360.0, .heart_rate_bpm = 175.0},
                                           {.length_m = 1800.0, .heart_rate_bpm = 160.0},
                                           {.length_m = 180.0, .heart_rate_bpm = 190.0}});
    const CourseSteps steps(c);
    const auto beats = [](const CourseStep& s) { return s.heart_rate_bpm * s.duration_s; };
    const auto seconds = [](const CourseStep& s) { return s.duration_s; };
    const auto both = best_window_averages<3>(steps, {60.0, 1200.0, 5000.0}, beats, seconds);
    const auto minute = best_window_average(steps, 60.0, beats, seconds);
    const auto twenty = best_window_average(steps, 1200.0, beats, seconds);
    ASSERT_TRUE(both[0] && both[1] && minute && twenty);
    EXPECT_DOUBLE_EQ(*both[0], *minute);
    EXPECT_DOUBLE_EQ(*both[1], *twenty);
    EXPECT_FALSE(both[2]);  // the run is 1380 s long
    // By hand: the last minute at 190 is the best minute. The best 20 minutes end with it: 60 s at 190, the
    // 600 s at 160, the 120 s at 175 and 420 s at 140. The step into each stretch averages its two ends.
    EXPECT_NEAR(*minute, 190.0 - (190.0 - 160.0) / 2.0 / 60.0, 1e-9);
    const double entries = -(175.0 - 140.0) / 2.0 + (175.0 - 160.0) / 2.0 - (190.0 - 160.0) / 2.0;
    EXPECT_NEAR(*twenty, (60 * 190.0 + 600 * 160.0 + 120 * 175.0 + 420 * 140.0 + entries) / 1200.0, 1e-9);
}

}  // namespace
}  // namespace hillcoach::physiology
