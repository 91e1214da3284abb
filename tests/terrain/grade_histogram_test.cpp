// Grade bands: the boundaries, and distance and time per band on a hand-built course (times are UTC seconds
// near 1.7e9, resolved to about 2e-7 s per sample, so they are compared to 1e-3 s).

#include "hillcoach/terrain/grade_histogram.hpp"

#include <array>
#include <cmath>
#include <utility>

#include <gtest/gtest.h>

#include "terrain/profile_course.hpp"

namespace hillcoach::terrain {
namespace {

TEST(GradeHistogramTest, BoundaryGradesBelongToTheBandNearerZero) {
    EXPECT_EQ(grade_band_index(0.0), 4U);
    EXPECT_EQ(grade_band_index(0.03), 4U);
    EXPECT_EQ(grade_band_index(-0.03), 4U);
    EXPECT_EQ(grade_band_index(0.0301), 5U);
    EXPECT_EQ(grade_band_index(-0.0301), 3U);
    EXPECT_EQ(grade_band_index(0.06), 5U);
    EXPECT_EQ(grade_band_index(0.10), 6U);
    EXPECT_EQ(grade_band_index(0.15), 7U);
    EXPECT_EQ(grade_band_index(0.1501), 8U);
    EXPECT_EQ(grade_band_index(-0.15), 1U);
    EXPECT_EQ(grade_band_index(-0.1501), 0U);
    EXPECT_EQ(grade_band_index(-0.45), 0U);
    EXPECT_EQ(grade_band_index(std::nan("")), k_grade_band_count);
}

TEST(GradeHistogramTest, EveryEdgeFallsInTheBandNearerZero) {
    // Bands 0..8: (-inf, -0.15) [-0.15, -0.10) [-0.10, -0.06) [-0.06, -0.03) [-0.03, 0.03] (0.03, 0.06]
    // (0.06, 0.10] (0.10, 0.15] (0.15, inf): each edge value itself belongs to the band on its zero side, a
    // grade a hair steeper to the next band out.
    struct Edge {
        double grade = 0.0;
        std::size_t at = 0;      // the band of the edge value
        std::size_t beyond = 0;  // the band just steeper than it
    };
    for (const Edge& e :
         {Edge{.grade = -0.15, .at = 1, .beyond = 0}, Edge{.grade = -0.10, .at = 2, .beyond = 1},
          Edge{.grade = -0.06, .at = 3, .beyond = 2}, Edge{.grade = -0.03, .at = 4, .beyond = 3},
          Edge{.grade = 0.03, .at = 4, .beyond = 5}, Edge{.grade = 0.06, .at = 5, .beyond = 6},
          Edge{.grade = 0.10, .at = 6, .beyond = 7}, Edge{.grade = 0.15, .at = 7, .beyond = 8}}) {
        const double steeper = e.grade + std::copysign(1e-4, e.grade);
        EXPECT_EQ(grade_band_index(e.grade), e.at) << "grade " << e.grade;
        EXPECT_EQ(grade_band_index(steeper), e.beyond) << "grade " << steeper;
        // The edge's own band is the one that ends (below zero: starts) at the edge.
        const GradeHistogram h =
            grade_histogram(test::profile_course({{.length_m = 10, .rise_m = 0}}).course);
        EXPECT_DOUBLE_EQ(e.grade < 0.0 ? h.bands[e.at].from : h.bands[e.at].to, e.grade);
    }
}

TEST(GradeHistogramTest, EveryBandsEdges) {
    const GradeHistogram h = grade_histogram(test::profile_course({{.length_m = 10, .rise_m = 0}}).course);
    const std::array<std::pair<double, double>, k_grade_band_count> edges{{{-k_no_grade_limit, -0.15},
                                                                           {-0.15, -0.10},
                                                                           {-0.10, -0.06},
                                                                           {-0.06, -0.03},
                                                                           {-0.03, 0.03},
                                                                           {0.03, 0.06},
                                                                           {0.06, 0.10},
                                                                           {0.10, 0.15},
                                                                           {0.15, k_no_grade_limit}}};
    for (std::size_t k = 0; k < k_grade_band_count; ++k) {
        EXPECT_DOUBLE_EQ(h.bands[k].from, edges[k].first) << "band " << k;
        EXPECT_DOUBLE_EQ(h.bands[k].to, edges[k].second) << "band " << k;
    }
}

TEST(GradeHistogramTest, DistanceAndMovingTimePerBand) {
    // 1000 m flat at 3 m/s, 500 m at 8 % at 2 m/s, a 60 s rest, 300 m at -12 % at 4 m/s.
    const auto p = test::profile_course({{.length_m = 1000, .rise_m = 0},
                                         {.length_m = 500, .rise_m = 40, .speed_m_s = 2.0},
                                         {.speed_m_s = 0.0, .rest_s = 60},
                                         {.length_m = 300, .rise_m = -36, .speed_m_s = 4.0}});
    const GradeHistogram h = grade_histogram(p.course);
    EXPECT_DOUBLE_EQ(h.bands[0].from, -k_no_grade_limit);
    EXPECT_DOUBLE_EQ(h.bands[0].to, -0.15);
    EXPECT_DOUBLE_EQ(h.bands[8].from, 0.15);
    EXPECT_DOUBLE_EQ(h.bands[8].to, k_no_grade_limit);
    EXPECT_NEAR(h.bands[4].distance_m, 1000.0, 1e-6);    // the rest's steps are flat and add 0 m
    EXPECT_NEAR(h.bands[4].time_s, 1000.0 / 3.0, 1e-3);  // and no time: not moving
    EXPECT_NEAR(h.bands[6].distance_m, 500.0, 1e-6);     // 6..10
    EXPECT_NEAR(h.bands[6].time_s, 250.0, 1e-3);
    EXPECT_NEAR(h.bands[1].distance_m, 300.0, 1e-6);  // -15..-10
    EXPECT_NEAR(h.bands[1].time_s, 75.0, 1e-3);
    for (std::size_t k : {0U, 2U, 3U, 5U, 7U, 8U}) {
        EXPECT_EQ(h.bands[k].distance_m, 0.0) << "band " << k;
        EXPECT_EQ(h.bands[k].time_s, 0.0) << "band " << k;
    }
    EXPECT_NEAR(h.graded_distance_m(), 1800.0, 1e-6);
    EXPECT_NEAR(h.graded_time_s(), 1000.0 / 3.0 + 250.0 + 75.0, 1e-3);
    EXPECT_EQ(h.ungraded_distance_m, 0.0);
    EXPECT_NEAR(h.distance_share_within(0.03), 1000.0 / 1800.0, 1e-9);
    EXPECT_NEAR(h.distance_share_within(0.10), 1500.0 / 1800.0, 1e-9);
}

TEST(GradeHistogramTest, WithoutElevationEverythingIsUngraded) {
    auto p = test::profile_course({{.length_m = 1000, .rise_m = 0}});
    p.course.grade.assign(p.course.size(), std::nan(""));
    const GradeHistogram h = grade_histogram(p.course);
    EXPECT_EQ(h.graded_distance_m(), 0.0);
    EXPECT_NEAR(h.ungraded_distance_m, 1000.0, 1e-6);
    EXPECT_NEAR(h.ungraded_time_s, 1000.0 / 3.0, 1e-3);
    EXPECT_EQ(h.distance_share_within(0.03), 0.0);
}

}  // namespace
}  // namespace hillcoach::terrain
