// Segments on hand-built, noise-free profiles: where each stretch starts and ends is known from the pieces.

#include "hillcoach/terrain/segments.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "terrain/profile_course.hpp"

namespace hillcoach::terrain {
namespace {

using test::Piece;
using test::profile_course;

void expect_contiguous(const Course& course, const std::vector<Segment>& segments) {
    ASSERT_FALSE(segments.empty());
    EXPECT_EQ(segments.front().first, 0U);
    EXPECT_EQ(segments.back().last, course.size() - 1);
    for (std::size_t k = 0; k + 1 < segments.size(); ++k) {
        EXPECT_EQ(segments[k].last, segments[k + 1].first) << "segment " << k;
        EXPECT_NE(segments[k].kind, segments[k + 1].kind)
            << "neighbours of one kind are joined, segment " << k;
    }
}

TEST(SegmentsTest, FlatClimbDescentFlatAreFourStretchesAtTheirTrueEnds) {
    const auto p = profile_course({{.length_m = 1000, .rise_m = 0},
                                   {.length_m = 1500, .rise_m = 120},
                                   {.length_m = 600, .rise_m = -80},
                                   {.length_m = 500, .rise_m = 0}});
    const auto s = find_segments(p.course);
    expect_contiguous(p.course, s);
    ASSERT_EQ(s.size(), 4U);
    EXPECT_EQ(s[0].kind, SegmentKind::flat);
    EXPECT_EQ(s[1].kind, SegmentKind::up);
    EXPECT_EQ(s[2].kind, SegmentKind::down);
    EXPECT_EQ(s[3].kind, SegmentKind::flat);
    // The corners are sharp, so the plateau cut lands on them to the metre.
    EXPECT_NEAR(s[1].start_m, 1000.0, 1.0);
    EXPECT_NEAR(s[1].end_m, 2500.0, 1.0);
    EXPECT_NEAR(s[1].change_m(), 120.0, 0.1);
    EXPECT_NEAR(s[1].grade(), 0.08, 1e-3);
    EXPECT_NEAR(s[2].end_m, 3100.0, 1.0);
    EXPECT_NEAR(s[2].change_m(), -80.0, 0.1);
}

TEST(SegmentsTest, BumpsSmallerThanTheHysteresisLeaveAFlatRunFlat) {
    // Two kilometres of 2 m bumps (up 50 m, down 50 m, 4 % each way): one flat stretch.
    std::vector<Piece> pieces;
    for (int k = 0; k < 20; ++k) {
        pieces.push_back({.length_m = 50, .rise_m = 2});
        pieces.push_back({.length_m = 50, .rise_m = -2});
    }
    const auto p = profile_course(pieces);
    const auto s = find_segments(p.course);
    ASSERT_EQ(s.size(), 1U);
    EXPECT_EQ(s[0].kind, SegmentKind::flat);
    EXPECT_DOUBLE_EQ(s[0].length_m(), 2000.0);
}

TEST(SegmentsTest, ADipUnderThreeMetresDoesNotSplitAClimb) {
    const auto p = profile_course(
        {{.length_m = 500, .rise_m = 40}, {.length_m = 50, .rise_m = -2}, {.length_m = 500, .rise_m = 40}});
    const auto s = find_segments(p.course);
    ASSERT_EQ(s.size(), 1U);
    EXPECT_EQ(s[0].kind, SegmentKind::up);
    EXPECT_NEAR(s[0].change_m(), 78.0, 1e-9);
}

TEST(SegmentsTest, ADipOfFiveMetresIsADescentOfItsOwn) {
    const auto p = profile_course(
        {{.length_m = 500, .rise_m = 40}, {.length_m = 60, .rise_m = -5}, {.length_m = 500, .rise_m = 40}});
    const auto s = find_segments(p.course);
    ASSERT_EQ(s.size(), 3U);
    EXPECT_EQ(s[1].kind, SegmentKind::down);
    EXPECT_NEAR(s[1].start_m, 500.0, 1.0);
    EXPECT_NEAR(s[1].end_m, 560.0, 1.0);
}

TEST(SegmentsTest, ALongLevelStretchInsideAClimbIsFlat) {
    const auto p = profile_course(
        {{.length_m = 500, .rise_m = 40}, {.length_m = 300, .rise_m = 0}, {.length_m = 500, .rise_m = 40}});
    const auto s = find_segments(p.course);
    ASSERT_EQ(s.size(), 3U);
    EXPECT_EQ(s[0].kind, SegmentKind::up);
    EXPECT_EQ(s[1].kind, SegmentKind::flat);
    EXPECT_EQ(s[2].kind, SegmentKind::up);
    // Found through the level window, then widened to the ground within half a metre: at 8 %, 6 m.
    EXPECT_NEAR(s[1].start_m, 500.0, 7.0);
    EXPECT_NEAR(s[1].end_m, 800.0, 7.0);
}

TEST(SegmentsTest, AShortLevelStretchInsideAClimbIsPartOfIt) {
    const auto p = profile_course(
        {{.length_m = 500, .rise_m = 40}, {.length_m = 60, .rise_m = 0}, {.length_m = 500, .rise_m = 40}});
    const auto s = find_segments(p.course);
    ASSERT_EQ(s.size(), 1U);
    EXPECT_EQ(s[0].kind, SegmentKind::up);
    EXPECT_NEAR(s[0].change_m(), 80.0, 1e-9);
}

TEST(SegmentsTest, AGentleDriftBelowTwoPercentIsFlat) {
    // 30 m over 2 km (1.5 %): more than the hysteresis, less than the flat grade.
    const auto p = profile_course({{.length_m = 2000, .rise_m = 30}});
    const auto s = find_segments(p.course);
    ASSERT_EQ(s.size(), 1U);
    EXPECT_EQ(s[0].kind, SegmentKind::flat);
}

TEST(SegmentsTest, SharpRepeatsGiveOneStretchPerRepAndReturn) {
    std::vector<Piece> pieces{{.length_m = 1000, .rise_m = 0}};
    for (int k = 0; k < 6; ++k) {
        pieces.push_back({.length_m = 150, .rise_m = 12});
        pieces.push_back({.length_m = 150, .rise_m = -12});
    }
    const auto p = profile_course(pieces);
    const auto s = find_segments(p.course);
    expect_contiguous(p.course, s);
    ASSERT_EQ(s.size(), 13U);
    for (int k = 0; k < 6; ++k) {
        const Segment& up = s[1 + 2 * static_cast<std::size_t>(k)];
        EXPECT_EQ(up.kind, SegmentKind::up);
        EXPECT_NEAR(up.start_m, 1000.0 + 300.0 * k, 1.0);
        EXPECT_NEAR(up.change_m(), 12.0, 1e-9);
    }
}

TEST(SegmentsTest, NoElevationGivesNoSegments) {
    auto p = profile_course({{.length_m = 1000, .rise_m = 50}});
    for (double& e : p.course.elevation_m) e = std::nan("");
    EXPECT_TRUE(find_segments(p.course).empty());
    EXPECT_TRUE(find_segments(Course{}).empty());
}

TEST(SegmentsTest, MissingElevationsInsideAreSteppedOver) {
    auto p = profile_course({{.length_m = 1000, .rise_m = 0}, {.length_m = 1000, .rise_m = 60}});
    for (std::size_t i = 1200; i < 1300; ++i) p.course.elevation_m[i] = std::nan("");
    const auto s = find_segments(p.course);
    ASSERT_EQ(s.size(), 2U);
    EXPECT_EQ(s[1].kind, SegmentKind::up);
    EXPECT_NEAR(s[1].change_m(), 60.0, 1e-9);
}

}  // namespace
}  // namespace hillcoach::terrain
