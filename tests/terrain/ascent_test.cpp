// Ascent and descent with hysteresis on hand-made series; every expected value is worked out in the comment.

#include "hillcoach/terrain/ascent.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

AscentDescent run(std::vector<double> v, double h) {
    return ascent_descent(v, h);
}

TEST(AscentTest, OneClimbCountsInFull) {
    // 100 -> 140 in steps: one leg of 40 m, whatever the hysteresis below 40.
    const auto r = run({100, 110, 120, 130, 140}, 5.0);
    EXPECT_DOUBLE_EQ(r.ascent_m, 40.0);
    EXPECT_DOUBLE_EQ(r.descent_m, 0.0);
}

TEST(AscentTest, WigglesBelowTheHysteresisCountNothing) {
    // Between 99 and 101.5 (a 2.5 m range) with a 3 m hysteresis: no leg is ever confirmed.
    const auto r = run({100, 101, 100, 99, 100, 101.5, 99, 101}, 3.0);
    EXPECT_DOUBLE_EQ(r.ascent_m, 0.0);
    EXPECT_DOUBLE_EQ(r.descent_m, 0.0);
}

TEST(AscentTest, LegsRunFromTurningPointToTurningPoint) {
    // 0 up to 20 (with a 1 m dip on the way, ignored), down to 5, up to 12: ascent 20 + 7, descent 15.
    const auto r = run({0, 8, 7, 20, 12, 5, 9, 12}, 3.0);
    EXPECT_DOUBLE_EQ(r.ascent_m, 27.0);
    EXPECT_DOUBLE_EQ(r.descent_m, 15.0);
}

TEST(AscentTest, TheUnfinishedTailCountsOnlyPastTheHysteresis) {
    // Up 10, then down 2 at the end (less than 3): ascent 10, descent 0.
    const auto r = run({0, 10, 8}, 3.0);
    EXPECT_DOUBLE_EQ(r.ascent_m, 10.0);
    EXPECT_DOUBLE_EQ(r.descent_m, 0.0);
}

TEST(AscentTest, AStartGoingDownIsADescent) {
    const auto r = run({50, 45, 30, 31, 29}, 3.0);
    EXPECT_DOUBLE_EQ(r.ascent_m, 0.0);
    EXPECT_DOUBLE_EQ(r.descent_m, 21.0);
}

TEST(AscentTest, NetChangeEqualsAscentMinusDescent) {
    // A long random-ish walk: ascent - descent = last - first whenever both ends are turning points.
    std::vector<double> v;
    double h = 300.0;
    for (int i = 0; i < 2000; ++i) {
        h += 3.0 * std::sin(i * 0.05) + 1.5 * std::sin(i * 0.37);
        v.push_back(h);
    }
    const auto r = run(v, 2.0);
    EXPECT_NEAR(r.ascent_m - r.descent_m, v.back() - v.front(), 2.0);
}

TEST(AscentTest, NanIsSkippedAndEmptyIsZero) {
    const auto r = run({k_nan, 0, k_nan, 10, k_nan}, 3.0);
    EXPECT_DOUBLE_EQ(r.ascent_m, 10.0);
    EXPECT_DOUBLE_EQ(run({}, 3.0).ascent_m, 0.0);
    EXPECT_DOUBLE_EQ(run({5}, 3.0).descent_m, 0.0);
}

TEST(AscentTest, HysteresisPerKindOfChannel) {
    EXPECT_DOUBLE_EQ(hysteresis_m(ElevationNoise::clean), k_clean_hysteresis_m);
    EXPECT_DOUBLE_EQ(hysteresis_m(ElevationNoise::noisy), k_noisy_hysteresis_m);
    EXPECT_DOUBLE_EQ(hysteresis_m(ElevationNoise::dem), k_dem_hysteresis_m);
    EXPECT_LT(k_clean_hysteresis_m, k_dem_hysteresis_m);
    EXPECT_LT(k_dem_hysteresis_m, k_noisy_hysteresis_m);
}

}  // namespace
}  // namespace hillcoach::terrain
