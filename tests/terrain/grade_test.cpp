// Grade over the profile: exact on ramps, the window a runner reads, clamped, and defined at the ends.

#include "hillcoach/terrain/grade.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

DistanceProfile piecewise(const std::vector<std::pair<double, double>>& corners) {
    // Corners (distance, elevation), joined by straight lines, sampled every metre.
    std::vector<double> e;
    std::vector<double> d;
    for (std::size_t k = 0; k + 1 < corners.size(); ++k) {
        const auto [x0, h0] = corners[k];
        const auto [x1, h1] = corners[k + 1];
        for (double x = x0; x < x1; x += 1.0) {
            d.push_back(x);
            e.push_back(h0 + (h1 - h0) * (x - x0) / (x1 - x0));
        }
    }
    d.push_back(corners.back().first);
    e.push_back(corners.back().second);
    return distance_profile(e, d);
}

TEST(GradeTest, ARampHasItsGradeEverywhereInside) {
    const DistanceProfile p = piecewise({{0, 100}, {1000, 180}});
    for (double x = 0; x <= 1000; x += 50) EXPECT_NEAR(grade_at(p, x), 0.08, 1e-9) << x;
}

TEST(GradeTest, AtACornerTheWindowAveragesBothSides) {
    // Flat for 500 m, then 10 %: at the corner half the 50 m window is flat: 5 %; 25 m past it, 10 %. The 2 m
    // cells round the corner over one cell (a few centimetres of elevation): 0.1 % of grade over 50 m.
    const DistanceProfile p = piecewise({{0, 100}, {500, 100}, {1000, 150}});
    EXPECT_NEAR(grade_at(p, 500.0), 0.05, 1e-3);
    EXPECT_NEAR(grade_at(p, 527.0), 0.10, 1e-3);
    EXPECT_NEAR(grade_at(p, 473.0), 0.0, 1e-3);
}

TEST(GradeTest, AHundredMetreWallKeepsItsGrade) {
    // A 100 m wall at 25 % between flats: the 50 m window sees its full grade over its middle 50 m.
    const DistanceProfile p = piecewise({{0, 0}, {300, 0}, {400, 25}, {700, 25}});
    EXPECT_NEAR(grade_at(p, 350.0), 0.25, 1e-9);
}

TEST(GradeTest, GradesAreClamped) {
    const DistanceProfile p = piecewise({{0, 0}, {100, 0}, {110, 30}, {200, 30}});
    EXPECT_DOUBLE_EQ(grade_at(p, 105.0), k_max_abs_grade);
    const DistanceProfile down = piecewise({{0, 30}, {100, 30}, {110, 0}, {200, 0}});
    EXPECT_DOUBLE_EQ(grade_at(down, 105.0), -k_max_abs_grade);
}

TEST(GradeTest, AtTheEndsTheWindowIsWhatExists) {
    const DistanceProfile p = piecewise({{0, 100}, {200, 110}});
    EXPECT_NEAR(grade_at(p, 0.0), 0.05, 1e-9);
    EXPECT_NEAR(grade_at(p, 200.0), 0.05, 1e-9);
}

TEST(GradeTest, SeriesPerSampleAndDegenerateProfiles) {
    const DistanceProfile p = piecewise({{0, 100}, {200, 110}});
    const auto g = grade_series(p, {0.0, 100.0, 200.0});
    ASSERT_EQ(g.size(), 3u);
    EXPECT_NEAR(g[1], 0.05, 1e-9);
    EXPECT_TRUE(std::isnan(grade_at(DistanceProfile(), 10.0)));
    EXPECT_EQ(grade_at(distance_profile({5.0}, {0.0}), 0.0), 0.0);
}

}  // namespace
}  // namespace hillcoach::terrain
