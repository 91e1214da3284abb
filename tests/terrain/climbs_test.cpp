// Climbs and descents on hand-built, noise-free profiles: positions, heights, grades, times, VAM, heart rate
// and categories worked out from the pieces.

#include "hillcoach/terrain/climbs.hpp"

#include <gtest/gtest.h>

#include "terrain/profile_course.hpp"

namespace hillcoach::terrain {
namespace {

using test::Piece;
using test::profile_course;

struct Found {
    std::vector<Hill> climbs;
    std::vector<Hill> descents;
};

Found find_hills(const test::ProfiledCourse& p) {
    const auto segments = find_segments(p.course);
    return {find_climbs(p.course, segments, p.samples), find_descents(p.course, segments, p.samples)};
}

TEST(ClimbsTest, ALongSteadyClimbWithItsTimeVamHeartRateAndCategories) {
    // 2100 m at 4 % (84 m) run at 2 m/s with heart rate 150, between flats at 3 m/s and 140.
    const auto p = profile_course({{.length_m = 1000, .rise_m = 0},
                                   {.length_m = 2100, .rise_m = 84, .speed_m_s = 2.0, .heart_rate_bpm = 150},
                                   {.length_m = 500, .rise_m = 0}});
    const auto found = find_hills(p);
    ASSERT_EQ(found.climbs.size(), 1U);
    EXPECT_TRUE(found.descents.empty());
    const Hill& c = found.climbs[0];
    EXPECT_EQ(c.direction, HillDirection::up);
    EXPECT_NEAR(c.start_m, 1000.0, 1.0);
    EXPECT_NEAR(c.end_m, 3100.0, 1.0);
    EXPECT_NEAR(c.height_m, 84.0, 0.1);
    EXPECT_NEAR(c.avg_grade, 0.04, 1e-4);
    EXPECT_NEAR(c.max_grade, 0.04, 1e-6);
    ASSERT_TRUE(c.time_s && c.vertical_speed_m_h && c.speed_m_s && c.avg_heart_rate_bpm);
    EXPECT_NEAR(*c.time_s, 1050.0, 1.0);             // 2100 m / 2 m/s
    EXPECT_NEAR(*c.vertical_speed_m_h, 288.0, 0.5);  // 84 m in 1050 s
    EXPECT_NEAR(*c.speed_m_s, 2.0, 1e-6);
    EXPECT_DOUBLE_EQ(*c.avg_heart_rate_bpm, 150.0);
    EXPECT_NEAR(c.score.climb_score, 8400.0, 5.0);
    EXPECT_EQ(c.score.strava, StravaCategory::cat4);
    EXPECT_TRUE(c.score.climbpro);
    EXPECT_NEAR(c.score.runner_score, 336.0, 1.0);
    EXPECT_EQ(c.score.runner, RunnerCategory::hard);
    ASSERT_TRUE(c.start_position && c.end_position);
    EXPECT_NEAR(c.start_position->latitude_deg,
                test::k_test_start_latitude_deg + 1000.0 / test::k_test_metres_per_degree,
                1.0 / test::k_test_metres_per_degree);
    EXPECT_NEAR(c.end_position->latitude_deg,
                test::k_test_start_latitude_deg + 3100.0 / test::k_test_metres_per_degree,
                1.0 / test::k_test_metres_per_degree);
}

TEST(ClimbsTest, ARunnersTrainingHillIsAClimbWithNoCyclingCategory) {
    const auto p = profile_course(
        {{.length_m = 500, .rise_m = 0}, {.length_m = 150, .rise_m = 12}, {.length_m = 500, .rise_m = 0}});
    const auto found = find_hills(p);
    ASSERT_EQ(found.climbs.size(), 1U);
    const Hill& c = found.climbs[0];
    EXPECT_NEAR(c.length_m(), 150.0, 1.0);
    EXPECT_NEAR(c.height_m, 12.0, 1e-6);
    EXPECT_EQ(c.score.strava, StravaCategory::none);
    EXPECT_FALSE(c.score.climbpro);
    EXPECT_EQ(c.score.runner, RunnerCategory::moderate);  // 12 m x 8 % = 96
}

TEST(ClimbsTest, SteepestHundredMetres) {
    const auto p = profile_course(
        {{.length_m = 300, .rise_m = 15}, {.length_m = 100, .rise_m = 12}, {.length_m = 300, .rise_m = 15}});
    const auto found = find_hills(p);
    ASSERT_EQ(found.climbs.size(), 1U);
    EXPECT_NEAR(found.climbs[0].avg_grade, 42.0 / 700.0, 1e-6);
    EXPECT_NEAR(found.climbs[0].max_grade, 0.12, 1e-6);
}

TEST(ClimbsTest, ADipOfUnderAFifthOfTheGainDoesNotEndAClimb) {
    // 40 m up, 5 m down (12.5 % of 40), 40 m up: one climb of 75 m net from the first bottom to the last top.
    const auto p = profile_course(
        {{.length_m = 500, .rise_m = 40}, {.length_m = 60, .rise_m = -5}, {.length_m = 500, .rise_m = 40}});
    const auto found = find_hills(p);
    ASSERT_EQ(found.climbs.size(), 1U);
    EXPECT_NEAR(found.climbs[0].start_m, 0.0, 1e-9);
    EXPECT_NEAR(found.climbs[0].end_m, 1060.0, 1.0);
    EXPECT_NEAR(found.climbs[0].height_m, 75.0, 1e-6);
    EXPECT_TRUE(found.descents.empty()) << "a 5 m dip is not a descent of 10 m";
}

TEST(ClimbsTest, ADipOfMoreThanAFifthEndsIt) {
    // 20 m up, 6 m down (30 %), 20 m up: two climbs.
    const auto p = profile_course(
        {{.length_m = 200, .rise_m = 20}, {.length_m = 100, .rise_m = -6}, {.length_m = 200, .rise_m = 20}});
    const auto found = find_hills(p);
    ASSERT_EQ(found.climbs.size(), 2U);
    EXPECT_NEAR(found.climbs[0].height_m, 20.0, 1e-6);
    EXPECT_NEAR(found.climbs[1].start_m, 300.0, 1.0);
    EXPECT_NEAR(found.climbs[1].height_m, 20.0, 1e-6);
}

TEST(ClimbsTest, AFlatBreakLongerThanAThirdOfTheClimbEndsIt) {
    const auto split = find_hills(profile_course(
        {{.length_m = 300, .rise_m = 24}, {.length_m = 150, .rise_m = 0}, {.length_m = 300, .rise_m = 24}}));
    EXPECT_EQ(split.climbs.size(), 2U);
    const auto joined = find_hills(profile_course(
        {{.length_m = 600, .rise_m = 48}, {.length_m = 150, .rise_m = 0}, {.length_m = 300, .rise_m = 24}}));
    ASSERT_EQ(joined.climbs.size(), 1U);
    EXPECT_NEAR(joined.climbs[0].height_m, 72.0, 1e-6);
}

TEST(ClimbsTest, ADescentWithItsRateAndSpeed) {
    const auto p = profile_course({{.length_m = 200, .rise_m = 0},
                                   {.length_m = 800, .rise_m = -64, .speed_m_s = 4.0},
                                   {.length_m = 200, .rise_m = 0}});
    const auto found = find_hills(p);
    EXPECT_TRUE(found.climbs.empty());
    ASSERT_EQ(found.descents.size(), 1U);
    const Hill& d = found.descents[0];
    EXPECT_EQ(d.direction, HillDirection::down);
    EXPECT_NEAR(d.start_m, 200.0, 1.0);
    EXPECT_NEAR(d.end_m, 1000.0, 1.0);
    EXPECT_NEAR(d.height_m, 64.0, 1e-6);
    EXPECT_NEAR(d.avg_grade, -0.08, 1e-6);
    EXPECT_NEAR(d.max_grade, -0.08, 1e-6);
    ASSERT_TRUE(d.time_s && d.vertical_speed_m_h && d.speed_m_s);
    EXPECT_NEAR(*d.time_s, 200.0, 1e-3);
    EXPECT_NEAR(*d.vertical_speed_m_h, 1152.0, 0.01);  // 64 m in 200 s
    EXPECT_NEAR(*d.speed_m_s, 4.0, 1e-9);
    EXPECT_EQ(d.score.strava, StravaCategory::none);
    EXPECT_FALSE(d.score.climbpro);
    EXPECT_EQ(d.score.runner, RunnerCategory::hard);  // 64 x 8 = 512
}

TEST(ClimbsTest, ADescentWithItsHeartRateAndPositions) {
    // 300 m flat north, then the descent heading south (back over the ground just covered and beyond):
    // 400 m at -8 % at 4 m/s (100 s) with heart rate 160, then 400 m at -8 % at 2 m/s (200 s) with 172,
    // then 200 m flat south at 140. Heart rate is averaged over moving time: (160 x 100 + 172 x 200) / 300
    // = 168 (a plain mean over the samples, one a metre, would give 166).
    const auto p = profile_course(
        {{.length_m = 300, .rise_m = 0},
         {.length_m = 400, .rise_m = -32, .speed_m_s = 4.0, .heart_rate_bpm = 160, .heading = -1},
         {.length_m = 400, .rise_m = -32, .speed_m_s = 2.0, .heart_rate_bpm = 172, .heading = -1},
         {.length_m = 200, .rise_m = 0, .heading = -1}});
    const auto found = find_hills(p);
    EXPECT_TRUE(found.climbs.empty());
    ASSERT_EQ(found.descents.size(), 1U);
    const Hill& d = found.descents[0];
    EXPECT_NEAR(d.start_m, 300.0, 1.0);
    EXPECT_NEAR(d.end_m, 1100.0, 1.0);
    EXPECT_NEAR(d.height_m, 64.0, 1e-6);
    ASSERT_TRUE(d.time_s && d.avg_heart_rate_bpm);
    EXPECT_NEAR(*d.time_s, 300.0, 1e-3);
    EXPECT_NEAR(*d.avg_heart_rate_bpm, 168.0, 1e-6);
    // Start 300 m north of the first sample, end 800 m south of that: 500 m south of the first sample.
    ASSERT_TRUE(d.start_position && d.end_position);
    const double one_metre_deg = 1.0 / test::k_test_metres_per_degree;
    EXPECT_NEAR(d.start_position->latitude_deg, test::k_test_start_latitude_deg + 300.0 * one_metre_deg,
                one_metre_deg);
    EXPECT_NEAR(d.end_position->latitude_deg, test::k_test_start_latitude_deg - 500.0 * one_metre_deg,
                one_metre_deg);
    EXPECT_DOUBLE_EQ(d.start_position->longitude_deg, test::k_test_longitude_deg);
    EXPECT_DOUBLE_EQ(d.end_position->longitude_deg, test::k_test_longitude_deg);
}

TEST(ClimbsTest, AHillUnderEightMetresIsACandidateButNotAClimb) {
    const auto p = profile_course(
        {{.length_m = 300, .rise_m = 0}, {.length_m = 100, .rise_m = 5}, {.length_m = 300, .rise_m = 0}});
    const auto segments = find_segments(p.course);
    EXPECT_TRUE(find_climbs(p.course, segments, p.samples).empty());
    const auto candidates = hill_candidates(p.course, segments, HillDirection::up, p.samples);
    ASSERT_EQ(candidates.size(), 1U);
    EXPECT_NEAR(candidates[0].height_m, 5.0, 1e-6);
    EXPECT_FALSE(qualifies(candidates[0]));
}

TEST(ClimbsTest, AStandingRestOnAClimbIsNotClimbingTime) {
    const auto p = profile_course({{.length_m = 500, .rise_m = 40, .speed_m_s = 2.0},
                                   {.speed_m_s = 0.0, .rest_s = 60},
                                   {.length_m = 500, .rise_m = 40, .speed_m_s = 2.0}});
    const auto found = find_hills(p);
    ASSERT_EQ(found.climbs.size(), 1U);
    ASSERT_TRUE(found.climbs[0].time_s);
    EXPECT_NEAR(*found.climbs[0].time_s, 500.0, 1e-3);
    EXPECT_NEAR(*found.climbs[0].vertical_speed_m_h, 80.0 / 500.0 * 3600.0, 1e-6);
}

TEST(ClimbsTest, NoTimesGiveNoTimeButStillTheGeometry) {
    auto p = profile_course({{.length_m = 1000, .rise_m = 60}});
    p.course.time_s.assign(p.course.size(), std::nan(""));
    const auto found = find_hills(p);
    ASSERT_EQ(found.climbs.size(), 1U);
    EXPECT_FALSE(found.climbs[0].time_s.has_value());
    EXPECT_FALSE(found.climbs[0].vertical_speed_m_h.has_value());
    EXPECT_NEAR(found.climbs[0].height_m, 60.0, 1e-6);
}

}  // namespace
}  // namespace hillcoach::terrain
