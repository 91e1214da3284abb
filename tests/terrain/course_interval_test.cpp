// Interval statistics and interpolation on hand-built courses, every value counted by hand.

#include "hillcoach/terrain/course_interval.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// Five samples 1 s apart, 3 m per step, heart rate 100, 110, 120, 130, 140.
Course five_steps() {
    Course c;
    for (int i = 0; i < 5; ++i) {
        c.time_s.push_back(1000.0 + i);
        c.distance_m.push_back(3.0 * i);
        c.elevation_m.push_back(10.0 + i);
        c.heart_rate_bpm.push_back(100.0 + 10.0 * i);
        c.moving.push_back(1);
        c.speed_m_s.push_back(3.0);
    }
    return c;
}

TEST(CourseIntervalTest, DistanceMovingTimeSpeedAndHeartRate) {
    const Course c = five_steps();
    const IntervalStats s = interval_stats(c, 1, 4);
    EXPECT_DOUBLE_EQ(s.distance_m, 9.0);
    ASSERT_TRUE(s.moving_s && s.speed_m_s && s.avg_heart_rate_bpm);
    EXPECT_DOUBLE_EQ(*s.moving_s, 3.0);
    EXPECT_DOUBLE_EQ(*s.speed_m_s, 3.0);
    EXPECT_DOUBLE_EQ(*s.avg_heart_rate_bpm, 130.0);  // steps end at 120, 130, 140
}

TEST(CourseIntervalTest, StepsNotMovingAndMissingHeartRateAreLeftOut) {
    Course c = five_steps();
    c.moving[2] = 0;
    c.heart_rate_bpm[4] = k_nan;
    const IntervalStats s = interval_stats(c, 0, 4);
    EXPECT_DOUBLE_EQ(*s.moving_s, 3.0);
    EXPECT_DOUBLE_EQ(*s.avg_heart_rate_bpm, 120.0);  // steps 1 and 3: 110 and 130
}

TEST(CourseIntervalTest, AMovingStepHoldingATimerPauseCountsOnlyItsRunningPart) {
    // Step 3 spans 61 s (the timer paused for a minute at a standing rest), covering 3 m at 3 m/s: 1 s runs.
    Course c = five_steps();
    for (std::size_t i = 3; i < 5; ++i) c.time_s[i] += 60.0;
    const IntervalStats s = interval_stats(c, 0, 4);
    EXPECT_DOUBLE_EQ(*s.moving_s, 4.0);
    // The same step covering no ground (the rest was at one place) runs for nothing.
    for (std::size_t i = 3; i < 5; ++i) c.distance_m[i] -= 3.0;
    EXPECT_DOUBLE_EQ(*interval_stats(c, 0, 4).moving_s, 3.0);
}

TEST(CourseIntervalTest, NoTimesNoMovingTime) {
    Course c = five_steps();
    c.time_s.assign(5, k_nan);
    const IntervalStats s = interval_stats(c, 0, 4);
    EXPECT_DOUBLE_EQ(s.distance_m, 12.0);
    EXPECT_FALSE(s.moving_s.has_value());
    EXPECT_FALSE(s.speed_m_s.has_value());
    EXPECT_FALSE(interval_stats(Course{}, 0, 3).moving_s.has_value());
}

TEST(CourseIntervalTest, ElevationAtInterpolatesAndClamps) {
    const Course c = five_steps();
    std::size_t hint = 0;
    EXPECT_DOUBLE_EQ(elevation_at(c, -5.0, hint), 10.0);
    EXPECT_DOUBLE_EQ(elevation_at(c, 4.5, hint), 11.5);
    EXPECT_DOUBLE_EQ(elevation_at(c, 12.0, hint), 14.0);
    EXPECT_DOUBLE_EQ(elevation_at(c, 100.0, hint), 14.0);
    EXPECT_DOUBLE_EQ(elevation_at(c, 1.5, hint), 10.5) << "walking back still answers right";
    EXPECT_TRUE(std::isnan(elevation_at(Course{}, 1.0, hint)));
}

TEST(CourseIntervalTest, PositionAtNeedsBothCoordinates) {
    core::Samples s;
    s.push_empty();
    s.latitude_deg[0] = 46.5;
    s.longitude_deg[0] = 7.25;
    s.push_empty();
    s.latitude_deg[1] = 46.6;
    const auto p = position_at(s, 0);
    ASSERT_TRUE(p);
    EXPECT_DOUBLE_EQ(p->latitude_deg, 46.5);
    EXPECT_DOUBLE_EQ(p->longitude_deg, 7.25);
    EXPECT_FALSE(position_at(s, 1).has_value());
    EXPECT_FALSE(position_at(s, 2).has_value());
}

}  // namespace
}  // namespace hillcoach::terrain
