// Training load on hand-computed and published cases: Banister TRIMP, the heart-rate stress score, and the
// pace stress score.

#include "hillcoach/physiology/training_load.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "course_fixture.hpp"

namespace hillcoach::physiology {
namespace {

using test::make_course;

const HeartRateAnchors k_anchors{.rest_hr_bpm = 60, .max_hr_bpm = 190};

TEST(TrimpTest, FortyFiveMinutesAtOneFiftyForAMan) {
    // HRr = 90/130 = 0.6923; 45 x 0.6923 x 0.64 e^(1.92 x 0.6923) = 75.33 (calculatorhub.com shows 75.36 from
    // rounded intermediates).
    EXPECT_NEAR(banister_trimp(SteadyEffort{.duration_s = 2700, .heart_rate_bpm = 150}, k_anchors, Sex::male),
                75.33021954280629, 1e-9);
}

TEST(TrimpTest, FortyFiveMinutesAtOneFortyFiveForAMan) {
    // theprimecalculator.com: 66 (66.08 unrounded).
    EXPECT_NEAR(banister_trimp(SteadyEffort{.duration_s = 2700, .heart_rate_bpm = 145}, k_anchors, Sex::male),
                66.08070569511884, 1e-9);
}

TEST(TrimpTest, OneMinuteAtHalfReserveForEachSex) {
    // x = 0.5: men 0.5 x 0.64 e^0.96, women 0.5 x 0.86 e^0.835 (a = 0.86, the published women's coefficient).
    const SteadyEffort minute{.duration_s = 60, .heart_rate_bpm = 125};
    EXPECT_NEAR(banister_trimp(minute, k_anchors, Sex::male), 0.8357428714953977, 1e-12);
    EXPECT_NEAR(banister_trimp(minute, k_anchors, Sex::female), 0.9910700407634154, 1e-12);
    // Unknown sex: the mean of the two.
    EXPECT_NEAR(banister_trimp(minute, k_anchors, Sex::unknown),
                (0.8357428714953977 + 0.9910700407634154) / 2, 1e-12);
}

TEST(TrimpTest, ReserveFractionIsClampedToZeroAndOne) {
    EXPECT_DOUBLE_EQ(heart_rate_reserve_fraction(40, k_anchors), 0.0);
    EXPECT_DOUBLE_EQ(heart_rate_reserve_fraction(220, k_anchors), 1.0);
    EXPECT_TRUE(std::isnan(heart_rate_reserve_fraction(150, {.rest_hr_bpm = 60, .max_hr_bpm = 60})));
    // A spike above the maximum weighs as the maximum: 1 min at x = 1 is 0.64 e^1.92.
    EXPECT_NEAR(banister_trimp(SteadyEffort{.duration_s = 60, .heart_rate_bpm = 230}, k_anchors, Sex::male),
                0.64 * std::exp(1.92), 1e-12);
}

TEST(TrimpTest, CourseTrimpSumsItsSteps) {
    // 45 min at a steady 150 beats/min, flat at 3 m/s: the steady-effort value.
    const auto course =
        make_course({{.length_m = 3.0 * 2700, .grade = 0.0, .speed_m_s = 3.0, .heart_rate_bpm = 150}});
    EXPECT_NEAR(*banister_trimp(course, k_anchors, Sex::male), 75.33021954280629, 1e-6);
    EXPECT_FALSE(banister_trimp(make_course({{.length_m = 1000}}), k_anchors, Sex::male));
}

TEST(TrimpTest, CourseTrimpOfChangingHeartRateIsTheSumOfItsSteadySteps) {
    // A minute at each of many heart rates, back and forth, among them values that share a slot of the weight
    // table (90 and 346 beats/min are 512 half beats apart; 346 is clamped to the maximum) and half beats
    // (the step into each minute averages its two ends): every step weighs as it would alone.
    const std::vector<double> rates{90, 346, 90, 150.5, 151, 150.5, 190, 60, 250, 90, 346, 175};
    std::vector<test::Stretch> stretches;
    for (double hr : rates) stretches.push_back({.length_m = 180.0, .speed_m_s = 3.0, .heart_rate_bpm = hr});
    const auto course = make_course(stretches);
    double expected = 0.0;
    for (std::size_t k = 1; k < course.size(); ++k) {
        const double hr = 0.5 * (course.heart_rate_bpm[k - 1] + course.heart_rate_bpm[k]);
        const double dt = course.time_s[k] - course.time_s[k - 1];
        expected +=
            banister_trimp(SteadyEffort{.duration_s = dt, .heart_rate_bpm = hr}, k_anchors, Sex::unknown);
    }
    EXPECT_NEAR(*banister_trimp(course, k_anchors, Sex::unknown), expected, 1e-9);
}

TEST(HeartRateStressTest, AnHourAtThresholdScoresOneHundred) {
    const double hour =
        banister_trimp(SteadyEffort{.duration_s = 3600, .heart_rate_bpm = 170}, k_anchors, Sex::male);
    EXPECT_NEAR(heart_rate_stress_score(hour, 170, k_anchors, Sex::male), 100.0, 1e-9);
}

TEST(HeartRateStressTest, FortyFiveMinutesBelowThreshold) {
    // 100 x 75.3302 / TRIMP(60 min at 170) = 100 x 75.3302 / 164.9461 = 45.6696.
    EXPECT_NEAR(heart_rate_stress_score(75.33021954280629, 170, k_anchors, Sex::male), 45.669596986526905,
                1e-9);
}

TEST(PaceStressTest, ThirtyMinutesAtFiveMinutesWithThresholdFourThirty) {
    // IF = 270 / 300 = 0.9; 100 x 0.5 h x 0.81 = 40.5.
    const PaceStressInput input{
        .duration_s = 1800, .gap_speed_m_s = 1000.0 / 300, .threshold_speed_m_s = 1000.0 / 270};
    EXPECT_NEAR(pace_intensity_factor(input), 0.9, 1e-12);
    EXPECT_NEAR(pace_stress_score(input), 40.5, 1e-9);
}

TEST(PaceStressTest, HourAtThresholdAndNinetyMinutesAboveIt) {
    EXPECT_NEAR(pace_stress_score({.duration_s = 3600, .gap_speed_m_s = 4.0, .threshold_speed_m_s = 4.0}),
                100.0, 1e-9);
    EXPECT_NEAR(pace_stress_score({.duration_s = 5400, .gap_speed_m_s = 4.2, .threshold_speed_m_s = 4.0}),
                165.375, 1e-9);
}

}  // namespace
}  // namespace hillcoach::physiology
