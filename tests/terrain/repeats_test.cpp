// Times are UTC seconds near 1.7e9, resolved to about 2e-7 s per sample: times are compared to 1e-3 s.
// Hill repeats on hand-built courses: reps with a fade put in by hand (each rep 2 s slower and 3 beats
// higher than the one before), matched by position and, without positions, by their elevation pattern.

#include "hillcoach/terrain/repeats.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "terrain/profile_course.hpp"

namespace hillcoach::terrain {
namespace {

using test::Piece;
using test::profile_course;

constexpr int k_reps = 6;

// Warm-up 1000 m north, then 6 x (150 m at 8 % north in 50 + 2k s, back down south at 3 m/s), cool-down.
std::vector<Piece> fading_repeats() {
    std::vector<Piece> pieces{{.length_m = 1000, .rise_m = 0}};
    for (int k = 0; k < k_reps; ++k) {
        const double rep_s = 50.0 + 2.0 * k;
        pieces.push_back(
            {.length_m = 150, .rise_m = 12, .speed_m_s = 150.0 / rep_s, .heart_rate_bpm = 160.0 + 3.0 * k});
        pieces.push_back(
            {.length_m = 150, .rise_m = -12, .speed_m_s = 3.0, .heart_rate_bpm = 130, .heading = -1});
    }
    pieces.push_back({.length_m = 1000, .rise_m = 0, .heading = -1});
    return pieces;
}

std::vector<RepeatGroup> repeats_of(const test::ProfiledCourse& p) {
    const auto segments = find_segments(p.course);
    const auto ascents = hill_candidates(p.course, segments, HillDirection::up, p.samples);
    return find_repeats(p.course, ascents, p.samples);
}

void expect_fading_group(const RepeatGroup& g) {
    ASSERT_EQ(g.reps.size(), static_cast<std::size_t>(k_reps));
    EXPECT_TRUE(g.back_to_back);
    EXPECT_NEAR(g.length_m, 150.0, 1.0);
    EXPECT_NEAR(g.height_m, 12.0, 1e-6);
    EXPECT_NEAR(g.avg_grade, 0.08, 1e-3);
    for (int k = 0; k < k_reps; ++k) {
        const Rep& r = g.reps[static_cast<std::size_t>(k)];
        const double rep_s = 50.0 + 2.0 * k;
        ASSERT_TRUE(r.ascent.time_s && r.ascent.vertical_speed_m_h && r.pace_s_per_km &&
                    r.ascent.avg_heart_rate_bpm);
        EXPECT_NEAR(r.ascent.start_m, 1000.0 + 300.0 * k, 1.0) << "rep " << k;
        EXPECT_NEAR(*r.ascent.time_s, rep_s, 1e-3) << "rep " << k;
        EXPECT_NEAR(*r.ascent.vertical_speed_m_h, 12.0 / rep_s * 3600.0, 0.1);
        EXPECT_NEAR(*r.pace_s_per_km, rep_s / 0.150, 0.01);
        EXPECT_DOUBLE_EQ(*r.ascent.avg_heart_rate_bpm, 160.0 + 3.0 * k);
        if (k + 1 < k_reps) {
            ASSERT_TRUE(r.recovery_m && r.recovery_s);
            EXPECT_NEAR(*r.recovery_m, 150.0, 1.0);
            EXPECT_NEAR(*r.recovery_s, 50.0, 0.5);
        } else {
            EXPECT_FALSE(r.recovery_m.has_value());
        }
    }
    ASSERT_TRUE(g.fade.time_slope_s_per_rep && g.fade.last_vs_first && g.fade.heart_rate_slope_bpm_per_rep &&
                g.fade.vam_slope_m_h_per_rep);
    EXPECT_NEAR(*g.fade.time_slope_s_per_rep, 2.0, 1e-3);
    EXPECT_NEAR(*g.fade.last_vs_first, 60.0 / 50.0 - 1.0, 1e-4);
    EXPECT_NEAR(*g.fade.heart_rate_slope_bpm_per_rep, 3.0, 1e-6);
    EXPECT_LT(*g.fade.vam_slope_m_h_per_rep, 0.0);
    ASSERT_TRUE(g.rep_time_s);
    EXPECT_NEAR(*g.rep_time_s, 55.0, 1e-3);  // median of 50, 52, ..., 60
}

TEST(RepeatsTest, SixRepsOnOneHillMatchedByPosition) {
    const auto groups = repeats_of(profile_course(fading_repeats()));
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_TRUE(groups[0].matched_by_position);
    expect_fading_group(groups[0]);
}

TEST(RepeatsTest, WithoutPositionsTheElevationPatternFindsTheSameReps) {
    auto p = profile_course(fading_repeats());
    p.samples.latitude_deg.assign(p.samples.size(), std::nan(""));
    p.samples.longitude_deg.assign(p.samples.size(), std::nan(""));
    const auto groups = repeats_of(p);
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_FALSE(groups[0].matched_by_position);
    expect_fading_group(groups[0]);
}

TEST(RepeatsTest, TheSameHillOnEachLapIsARepeatedAscentButNotBackToBack) {
    // Three out-and-back laps of 2.4 km passing a 200 m hill at 8 % at the same place each time.
    std::vector<Piece> pieces;
    for (int lap = 0; lap < 3; ++lap) {
        pieces.push_back({.length_m = 500, .rise_m = 0});
        pieces.push_back({.length_m = 200, .rise_m = 16});
        pieces.push_back({.length_m = 500, .rise_m = 0});
        pieces.push_back({.length_m = 500, .rise_m = 0, .heading = -1});
        pieces.push_back({.length_m = 200, .rise_m = -16, .heading = -1});
        pieces.push_back({.length_m = 500, .rise_m = 0, .heading = -1});
    }
    const auto groups = repeats_of(profile_course(pieces));
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(groups[0].reps.size(), 3U);
    EXPECT_TRUE(groups[0].matched_by_position);
    EXPECT_FALSE(groups[0].back_to_back);
    ASSERT_TRUE(groups[0].reps[0].recovery_m);
    EXPECT_NEAR(*groups[0].reps[0].recovery_m, 2200.0, 1.0);
}

TEST(RepeatsTest, RollingHillsInARowAreDifferentHillsByPosition) {
    std::vector<Piece> pieces;
    for (int k = 0; k < 5; ++k) {
        pieces.push_back({.length_m = 150, .rise_m = 12});
        pieces.push_back({.length_m = 150, .rise_m = -12});
    }
    auto p = profile_course(pieces);
    EXPECT_TRUE(repeats_of(p).empty());
    // Without positions the same profile looks like repeats: the documented limit of pattern matching.
    p.samples.latitude_deg.assign(p.samples.size(), std::nan(""));
    p.samples.longitude_deg.assign(p.samples.size(), std::nan(""));
    const auto groups = repeats_of(p);
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(groups[0].reps.size(), 5U);
}

TEST(RepeatsTest, TwoAscentsAreNotAGroup) {
    std::vector<Piece> pieces{{.length_m = 500, .rise_m = 0}};
    for (int k = 0; k < 2; ++k) {
        pieces.push_back({.length_m = 150, .rise_m = 12});
        pieces.push_back({.length_m = 150, .rise_m = -12, .heading = -1});
    }
    EXPECT_TRUE(repeats_of(profile_course(pieces)).empty());
}

TEST(RepeatsTest, ShortSprintHillsBelowClimbSizeAreReps) {
    // 8 x 50 m at 10 % (5 m): too small for a climb, still reps.
    std::vector<Piece> pieces{{.length_m = 800, .rise_m = 0}};
    for (int k = 0; k < 8; ++k) {
        pieces.push_back({.length_m = 50, .rise_m = 5, .speed_m_s = 5.0});
        pieces.push_back({.length_m = 50, .rise_m = -5, .speed_m_s = 1.2, .heading = -1});
        pieces.push_back({.speed_m_s = 0.0, .rest_s = 90});
    }
    const auto groups = repeats_of(profile_course(pieces));
    ASSERT_EQ(groups.size(), 1U);
    EXPECT_EQ(groups[0].reps.size(), 8U);
    EXPECT_TRUE(groups[0].back_to_back);
    ASSERT_TRUE(groups[0].rep_time_s);
    EXPECT_NEAR(*groups[0].rep_time_s, 10.0, 1e-3);
}

TEST(RepeatsTest, SlopePerStep) {
    EXPECT_NEAR(*slope_per_step({1.0, 2.0, 3.0}), 1.0, 1e-12);
    EXPECT_NEAR(*slope_per_step({10.0, std::nullopt, 14.0}), 2.0, 1e-12);  // x = 0 and 2
    EXPECT_NEAR(*slope_per_step({5.0, 5.0, 5.0, 5.0}), 0.0, 1e-12);
    EXPECT_FALSE(slope_per_step({7.0}).has_value());
    EXPECT_FALSE(slope_per_step({std::nullopt, 3.0}).has_value());
}

}  // namespace
}  // namespace hillcoach::terrain
