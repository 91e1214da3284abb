// Times are UTC seconds near 1.7e9, resolved to about 2e-7 s per sample: times are compared to 1e-3 s.
// Hill repeats on hand-built courses: reps with a fade put in by hand (each rep 2 s slower and 3 beats
// higher than the one before), matched by position and, without positions, by their elevation pattern.

#include "hillcoach/terrain/repeats.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "hillcoach/terrain/step_length.hpp"
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

// Six reps of 150 m at 8 % heading north, each back down south, on two parallel hills `offset_m` apart
// east-west: reps 0, 2, 4 on the western one, 1, 3, 5 on the eastern one. Before each rep after the first the
// runner crosses flat from the foot of one hill to the foot of the other (`offset_m` due east or west), so
// the reps' bottoms lie `offset_m` apart and so do their tops.
test::ProfiledCourse two_parallel_hills(double offset_m) {
    std::vector<Piece> pieces{{.length_m = 1000, .rise_m = 0}};
    std::vector<double> east_at_end{0.0};  // east offset (m) at the end of each piece
    for (int k = 0; k < k_reps; ++k) {
        const double east = k % 2 == 0 ? 0.0 : offset_m;
        if (k > 0) {
            pieces.push_back({.length_m = offset_m, .rise_m = 0, .heading = 0});  // heading 0: no northing
            east_at_end.push_back(east);
        }
        pieces.push_back({.length_m = 150, .rise_m = 12, .heading = 1});
        east_at_end.push_back(east);
        pieces.push_back({.length_m = 150, .rise_m = -12, .heading = -1});
        east_at_end.push_back(east);
    }
    pieces.push_back({.length_m = 500, .rise_m = 0, .heading = -1});
    east_at_end.push_back(east_at_end.back());
    auto p = profile_course(pieces);
    // Metres per degree of longitude at the hills' feet, from the ellipsoidal step length the matching uses.
    const double foot_latitude_deg =
        test::k_test_start_latitude_deg + 1000.0 / test::k_test_metres_per_degree;
    const double metres_per_degree_east =
        step_length_m(foot_latitude_deg, test::k_test_longitude_deg, foot_latitude_deg,
                      test::k_test_longitude_deg + 0.01) /
        0.01;
    // profile_course samples every metre: sample i of a piece of n samples lies i/n of the way along it.
    std::size_t sample = 1;
    double east = 0.0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const auto n = static_cast<std::size_t>(std::lround(pieces[k].length_m));
        const double from = east;
        east = east_at_end[k];
        for (std::size_t i = 1; i <= n; ++i, ++sample) {
            const double e = from + (east - from) * static_cast<double>(i) / static_cast<double>(n);
            p.samples.longitude_deg[sample] = test::k_test_longitude_deg + e / metres_per_degree_east;
        }
    }
    EXPECT_EQ(sample, p.samples.size());
    return p;
}

TEST(RepeatsTest, HillsUnderTheMatchRadiusApartAreOneHill) {
    ASSERT_EQ(k_repeat_match_radius_m, 40.0);
    for (double offset_m : {30.0, 38.0}) {
        const auto p = two_parallel_hills(offset_m);
        const auto segments = find_segments(p.course);
        const auto ascents = hill_candidates(p.course, segments, HillDirection::up, p.samples);
        ASSERT_EQ(ascents.size(), static_cast<std::size_t>(k_reps));
        // The feet of reps 0 and 1 lie offset_m apart by the same geodesy the matching uses.
        ASSERT_TRUE(ascents[0].start_position && ascents[1].start_position && ascents[0].end_position &&
                    ascents[1].end_position);
        EXPECT_NEAR(
            step_length_m(ascents[0].start_position->latitude_deg, ascents[0].start_position->longitude_deg,
                          ascents[1].start_position->latitude_deg, ascents[1].start_position->longitude_deg),
            offset_m, 0.01);
        EXPECT_NEAR(
            step_length_m(ascents[0].end_position->latitude_deg, ascents[0].end_position->longitude_deg,
                          ascents[1].end_position->latitude_deg, ascents[1].end_position->longitude_deg),
            offset_m, 0.01);
        const auto groups = find_repeats(p.course, ascents, p.samples);
        ASSERT_EQ(groups.size(), 1U) << offset_m << " m apart";
        EXPECT_TRUE(groups[0].matched_by_position);
        EXPECT_TRUE(groups[0].back_to_back);
        EXPECT_EQ(groups[0].reps.size(), static_cast<std::size_t>(k_reps)) << offset_m << " m apart";
        EXPECT_NEAR(groups[0].height_m, 12.0, 1e-6);
    }
}

TEST(RepeatsTest, HillsOverTheMatchRadiusApartAreTwoHills) {
    ASSERT_EQ(k_repeat_match_radius_m, 40.0);
    for (double offset_m : {42.0, 60.0}) {
        const auto p = two_parallel_hills(offset_m);
        const auto groups = repeats_of(p);
        ASSERT_EQ(groups.size(), 2U) << offset_m << " m apart";
        for (std::size_t g = 0; g < 2; ++g) {
            EXPECT_TRUE(groups[g].matched_by_position);
            ASSERT_EQ(groups[g].reps.size(), 3U) << offset_m << " m apart, group " << g;
            EXPECT_NEAR(groups[g].height_m, 12.0, 1e-6);
            // Group 0 holds reps 0, 2, 4 (the western hill), group 1 reps 1, 3, 5; rep k starts after the
            // 1000 m warm-up, k reps of 300 m and k crossings.
            for (std::size_t r = 0; r < 3; ++r) {
                const double k = static_cast<double>(2 * r + g);
                EXPECT_NEAR(groups[g].reps[r].ascent.start_m, 1000.0 + k * (300.0 + offset_m), 1.0)
                    << offset_m << " m apart, group " << g << " rep " << r;
            }
        }
    }
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
