// Two-line least-squares split on hand-made points: exact corners, slopes, and the cases with no answer.

#include "hillcoach/terrain/two_line_split.hpp"

#include <cmath>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

TEST(TwoLineSplitTest, AFlatThenASlopeSplitsAtTheCorner) {
    // y = 0 for x = 0..100, then 8 % up to x = 300.
    std::vector<double> x;
    std::vector<double> y;
    for (int i = 0; i <= 300; ++i) {
        x.push_back(i);
        y.push_back(i <= 100 ? 0.0 : 0.08 * (i - 100));
    }
    const auto split = best_two_line_split(x, y, 0, 300);
    ASSERT_TRUE(split);
    EXPECT_EQ(split->at, 100U);
    EXPECT_NEAR(split->head_slope, 0.0, 1e-12);
    EXPECT_NEAR(split->tail_slope, 0.08, 1e-12);
}

TEST(TwoLineSplitTest, ASubRangeFarFromTheOriginKeepsItsPrecision) {
    // The same corner at x = 500 000 m and y = 3000 m (a long ultra): sums taken from the stretch's own
    // start.
    std::vector<double> x;
    std::vector<double> y;
    for (int i = 0; i <= 400; ++i) {
        x.push_back(500000.0 + i);
        y.push_back(3000.0 + (i <= 250 ? -0.12 * i : -0.12 * 250));
    }
    const auto split = best_two_line_split(x, y, 50, 400);
    ASSERT_TRUE(split);
    EXPECT_EQ(split->at, 250U);
    EXPECT_NEAR(split->head_slope, -0.12, 1e-9);
    EXPECT_NEAR(split->tail_slope, 0.0, 1e-9);
}

TEST(TwoLineSplitTest, NoisyFlatAfterADescentStillSplitsNearTheCorner) {
    // A descent at -13 % for 600 m, then a flat with a +-2 m wave of 200 m wavelength: the corner within 20
    // m.
    std::vector<double> x;
    std::vector<double> y;
    for (int i = 0; i <= 900; ++i) {
        x.push_back(i);
        y.push_back(i <= 600 ? -0.13 * i
                             : -78.0 + 2.0 * std::sin((i - 600) * 2.0 * std::numbers::pi / 200.0));
    }
    const auto split = best_two_line_split(x, y, 0, 900);
    ASSERT_TRUE(split);
    EXPECT_NEAR(static_cast<double>(split->at), 600.0, 20.0);
    EXPECT_NEAR(split->head_slope, -0.13, 0.005);
    EXPECT_NEAR(split->tail_slope, 0.0, 0.01);
}

TEST(TwoLineSplitTest, TooFewPointsOrNoSpreadGiveNothing) {
    const std::vector<double> x{0, 1, 2, 3};
    const std::vector<double> y{0, 1, 2, 3};
    EXPECT_FALSE(best_two_line_split(x, y, 0, 3).has_value());  // 4 points, 3 needed each side
    EXPECT_FALSE(best_two_line_split(x, y, 2, 1).has_value());  // backwards
    EXPECT_FALSE(best_two_line_split(x, y, 0, 9).has_value());  // past the end
    const std::vector<double> same(7, 5.0);
    EXPECT_FALSE(best_two_line_split(same, same, 0, 6).has_value());  // all at one x
}

}  // namespace
}  // namespace hillcoach::terrain
