// Moving time on hand-built timelines: every expected value is counted by hand in the comment beside it.

#include "hillcoach/terrain/moving_time.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_t0 = 1'700'000'000.0;

core::Activity timeline(std::initializer_list<double> offsets_s) {
    core::Activity a;
    for (double dt : offsets_s) {
        a.samples.push_empty();
        a.samples.time_s.back() = std::isnan(dt) ? dt : k_t0 + dt;
    }
    return a;
}

TEST(MovingTimeTest, SteadyOneHertzIsAllMoving) {
    EXPECT_DOUBLE_EQ(*moving_time_s(timeline({0, 1, 2, 3, 4, 5})), 5.0);
}

TEST(MovingTimeTest, AGapOverTenSecondsWithoutPauseIsAStop) {
    // 0..2 moving (2 s), 2..20 a silent gap of 18 s (a stop), 20..22 moving (2 s).
    EXPECT_DOUBLE_EQ(*moving_time_s(timeline({0, 1, 2, 20, 21, 22})), 4.0);
}

// A timeline with positions: each entry is (seconds from the start, metres north of 46.8 N 7.15 E).
core::Activity track(std::initializer_list<std::pair<double, double>> fixes) {
    core::Activity a;
    for (const auto& [t, north_m] : fixes) {
        a.samples.push_empty();
        a.samples.time_s.back() = k_t0 + t;
        // About 111,165 m per degree of latitude at 46.8 N on WGS84; 111,180 is within 0.02 %.
        a.samples.latitude_deg.back() = 46.8 + north_m / 111180.0;
        a.samples.longitude_deg.back() = 7.15;
    }
    return a;
}

TEST(MovingTimeTest, ASmartRecordingGapOverGroundCoveredIsMoving) {
    // Smart recording on a straight road: samples at 0, 1, 2, then 30 s without one while running 90 m
    // (3 m/s), then 33, 34. Every step moves: 34 s. The gap is far over 10 s, but 90 m in 30 s is 3 m/s.
    EXPECT_DOUBLE_EQ(*moving_time_s(track({{0, 0}, {1, 3}, {2, 6}, {32, 96}, {33, 99}, {34, 102}})), 34.0);
}

TEST(MovingTimeTest, ASilentGapWithoutMovementIsStillAStop) {
    // The same timeline standing 30 s at the traffic light: the fix after the gap is 4 m from the one before
    // (GPS wander), 0.13 m/s, under k_gap_moving_speed_m_s: 2 + 2 = 4 s.
    EXPECT_DOUBLE_EQ(*moving_time_s(track({{0, 0}, {1, 3}, {2, 6}, {32, 10}, {33, 13}, {34, 16}})), 4.0);
    // Either side of the threshold, 15 m in 30 s (0.5 m/s, a slow hike): 15.1 m is moving, 14.9 m a stop.
    static_assert(k_gap_moving_speed_m_s == 0.5);
    EXPECT_DOUBLE_EQ(*moving_time_s(track({{0, 0}, {2, 6}, {32, 21.1}})), 32.0);
    EXPECT_DOUBLE_EQ(*moving_time_s(track({{0, 0}, {2, 6}, {32, 20.9}})), 2.0);
}

TEST(MovingTimeTest, TheDeviceDistanceShowsMovementWithoutPositions) {
    // A treadmill or foot pod: no positions, a distance channel. 0, 1, then 20 s later 60 m on: moving
    // (21 s). With the channel flat across the gap: a stop (1 s).
    core::Activity a = timeline({0, 1, 21});
    a.samples.distance_m = {0.0, 3.0, 63.0};
    EXPECT_DOUBLE_EQ(*moving_time_s(a), 21.0);
    a.samples.distance_m = {0.0, 3.0, 3.5};
    EXPECT_DOUBLE_EQ(*moving_time_s(a), 1.0);
}

TEST(MovingTimeTest, AGapOfExactlyTenSecondsStillCounts) {
    // "more than 10 s" is a stop; 10 s is smart recording's slowest pace.
    EXPECT_DOUBLE_EQ(*moving_time_s(timeline({0, 10, 15})), 15.0);
}

TEST(MovingTimeTest, RecordedPausesAreTakenOutEvenWhenSamplesGoOn) {
    // 0..100 s at 1 Hz with the timer stopped from 30 to 50: 100 - 20 = 80 s.
    core::Activity a;
    for (int i = 0; i <= 100; ++i) {
        a.samples.push_empty();
        a.samples.time_s.back() = k_t0 + i;
    }
    a.pauses.push_back({.start_s = k_t0 + 30, .end_s = k_t0 + 50});
    EXPECT_DOUBLE_EQ(*moving_time_s(a), 80.0);
}

TEST(MovingTimeTest, APauseInsideAGapRemovesOnlyThePause) {
    // Samples at 0, 5, 65, 70; the device recorded a pause 10..40 inside the 60 s gap.
    // 0..5 moving (5), 5..65: 60 - 30 paused = 30, 65..70 moving (5): 40 s.
    auto a = timeline({0, 5, 65, 70});
    a.pauses.push_back({.start_s = k_t0 + 10, .end_s = k_t0 + 40});
    EXPECT_DOUBLE_EQ(*moving_time_s(a), 40.0);
}

TEST(MovingTimeTest, OverlappingPausesCountOnce) {
    // 0..60 at 1 Hz; pauses 10..30 and 20..40 merge into 10..40 (30 s): 60 - 30 = 30 s.
    core::Activity a;
    for (int i = 0; i <= 60; ++i) {
        a.samples.push_empty();
        a.samples.time_s.back() = k_t0 + i;
    }
    a.pauses.push_back({.start_s = k_t0 + 20, .end_s = k_t0 + 40});
    a.pauses.push_back({.start_s = k_t0 + 10, .end_s = k_t0 + 30});
    EXPECT_DOUBLE_EQ(*moving_time_s(a), 30.0);
}

TEST(MovingTimeTest, UntimedSamplesAreIgnoredAndBackwardTimesAddNothing) {
    // 0, NaN, 2, 1 (backwards), 3: steps 0..2 and 2..3 = 3 s.
    EXPECT_DOUBLE_EQ(*moving_time_s(timeline({0, k_nan, 2, 1, 3})), 3.0);
}

TEST(MovingTimeTest, NoTimeIsNullopt) {
    EXPECT_FALSE(moving_time_s(timeline({})).has_value());
    EXPECT_FALSE(moving_time_s(timeline({k_nan, k_nan})).has_value());
    EXPECT_DOUBLE_EQ(*moving_time_s(timeline({7})), 0.0);
}

TEST(MovingTimeTest, TimerRunningPerStepSumsToMovingTime) {
    // Samples at 0, 5, 65, 70 with a pause 10..40: steps 5, 60 - 30 = 30, 5; entry 0 is 0.
    auto a = timeline({0, 5, 65, 70});
    a.pauses.push_back({.start_s = k_t0 + 10, .end_s = k_t0 + 40});
    const auto running = timer_running_s(a);
    ASSERT_EQ(running.size(), 4u);
    EXPECT_DOUBLE_EQ(running[0], 0.0);
    EXPECT_DOUBLE_EQ(running[1], 5.0);
    EXPECT_DOUBLE_EQ(running[2], 30.0);
    EXPECT_DOUBLE_EQ(running[3], 5.0);
    EXPECT_DOUBLE_EQ(*moving_time_s(a), 40.0);
}

TEST(MovingTimeTest, PauseStepsMarkTheStepsAPauseOverlaps) {
    // Pause 10..40 overlaps only the step 5 -> 65; an unexplained gap (65 -> 90) is not a recorded pause.
    auto a = timeline({0, 5, 65, 70, 90});
    a.pauses.push_back({.start_s = k_t0 + 10, .end_s = k_t0 + 40});
    const auto crossed = pause_steps(a);
    ASSERT_EQ(crossed.size(), 5u);
    EXPECT_EQ(crossed[0], 0);
    EXPECT_EQ(crossed[1], 0);
    EXPECT_EQ(crossed[2], 1);
    EXPECT_EQ(crossed[3], 0);
    EXPECT_EQ(crossed[4], 0);
}

}  // namespace
}  // namespace hillcoach::terrain
