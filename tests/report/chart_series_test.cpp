#include "hillcoach/report/chart_series.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::report {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

TEST(ColumnMeans, FewSamplesAreKeptAsTheyAre) {
    const std::vector<double> x = {0, 1, 2, 3};
    const std::vector<double> y = {10, k_nan, 30, 40};
    const auto points = column_means(x, y, 10);
    ASSERT_EQ(points.size(), 4U);
    EXPECT_DOUBLE_EQ(points[0].y, 10.0);
    EXPECT_TRUE(std::isnan(points[1].y));  // a gap stays a gap
    EXPECT_DOUBLE_EQ(points[3].x, 3.0);
}

TEST(ColumnMeans, ManySamplesAreAveragedPerColumn) {
    // 1000 samples over x = 0..999, y = x: 10 columns of 100 samples, each the mean of its x range.
    std::vector<double> x(1000);
    std::vector<double> y(1000);
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = y[i] = static_cast<double>(i);
    const auto points = column_means(x, y, 10);
    ASSERT_EQ(points.size(), 10U);
    // Column width is 99.9; column 0 holds x = 0..99 (mean 49.5).
    EXPECT_DOUBLE_EQ(points[0].y, 49.5);
    EXPECT_NEAR(points[0].x, 49.95, 1e-9);
    EXPECT_DOUBLE_EQ(points[9].y, 949.5);  // x = 900..999; the last sample falls in the last column
}

TEST(ColumnMeans, ColumnsWithoutKeptValuesAreGaps) {
    std::vector<double> x(100);
    std::vector<double> y(100, 5.0);
    std::vector<std::uint8_t> keep(100, 1);
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
    for (std::size_t i = 50; i < 100; ++i) keep[i] = 0;  // stopped in the second half
    const auto points = column_means(x, y, 4, keep);
    ASSERT_EQ(points.size(), 4U);
    EXPECT_DOUBLE_EQ(points[0].y, 5.0);
    EXPECT_DOUBLE_EQ(points[1].y, 5.0);
    EXPECT_TRUE(std::isnan(points[2].y));
    EXPECT_TRUE(std::isnan(points[3].y));
}

TEST(ColumnMeans, NoRangeNoPoints) {
    const std::vector<double> x(20, 3.0);
    const std::vector<double> y(20, 1.0);
    EXPECT_TRUE(column_means(x, y, 4).empty());
    EXPECT_TRUE(column_means({}, {}, 4).empty());
}

TEST(ThinnedIndices, KeepsEndsAndStaysUnderTheLimit) {
    const auto kept = thinned_indices(10001, 1000);
    EXPECT_LE(kept.size(), 1001U);
    EXPECT_GE(kept.size(), 900U);
    EXPECT_EQ(kept.front(), 0U);
    EXPECT_EQ(kept.back(), 10000U);
    EXPECT_EQ(thinned_indices(5, 1000), (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(thinned_indices(1, 10), (std::vector<std::size_t>{0}));
    EXPECT_TRUE(thinned_indices(0, 10).empty());
}

TEST(Quantile, IgnoresNonFiniteValues) {
    EXPECT_DOUBLE_EQ(quantile({5, 1, k_nan, 3, 2, 4}, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(quantile({5, 1, k_nan, 3, 2, 4}, 1.0), 5.0);
    EXPECT_DOUBLE_EQ(quantile({5, 1, 3, 2, 4}, 0.5), 3.0);
    EXPECT_TRUE(std::isnan(quantile({k_nan}, 0.5)));
}

}  // namespace
}  // namespace hillcoach::report
