// Ascent and descent with hysteresis on hand-made series; every expected value is worked out in the comment.

#include "hillcoach/terrain/ascent.hpp"

#include <algorithm>
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

TEST(AscentTest, AveragedHysteresisCountsASwingByTheShareOfHysteresesItExceeds) {
    // 0 up to 100, a dip of 8 m, up to 110. Hystereses 6, 6.75, ..., 12 (9 levels around 9 +- 3): the dip is
    // confirmed at 6, 6.75 and 7.5 (8 >= h), giving ascent 100 + 18 = 118 and descent 8; at the other six the
    // dip is ignored: ascent 110, descent 0. Mean: ascent (3 x 118 + 6 x 110) / 9 = 1014 / 9, descent 24 / 9.
    const std::vector<double> v{0, 100, 92, 110};
    const AscentDescent r = averaged_ascent_descent(v, 9.0, 3.0, 9);
    EXPECT_NEAR(r.ascent_m, 1014.0 / 9.0, 1e-9);
    EXPECT_NEAR(r.descent_m, 24.0 / 9.0, 1e-9);
    // One level, or no spread, is the plain count.
    EXPECT_DOUBLE_EQ(averaged_ascent_descent(v, 9.0, 3.0, 1).ascent_m, 110.0);
    EXPECT_DOUBLE_EQ(averaged_ascent_descent(v, 7.0, 0.0, 9).ascent_m, 118.0);
}

TEST(AscentTest, AveragedHysteresisMovesSmoothlyWhereOneHysteresisJumps) {
    // The dip deepens from 5 to 13 m in 0.1 m steps. With one 9 m hysteresis the total jumps by the whole dip
    // (9 m) where the dip reaches 9 m; averaged over 6-12 m it never moves more than one level's share of the
    // dip (13 / 9 m) plus the 0.1 m step.
    double largest_single = 0.0;
    double largest_averaged = 0.0;
    double previous_single = -1.0;
    double previous_averaged = -1.0;
    for (int tenth = 50; tenth <= 130; ++tenth) {
        const double dip = tenth / 10.0;
        const std::vector<double> v{0, 100, 100 - dip, 110};
        const double single = ascent_descent(v, 9.0).ascent_m;
        const double averaged = averaged_ascent_descent(v, 9.0, 3.0, 9).ascent_m;
        if (previous_single >= 0.0) {
            largest_single = std::max(largest_single, std::abs(single - previous_single));
            largest_averaged = std::max(largest_averaged, std::abs(averaged - previous_averaged));
        }
        previous_single = single;
        previous_averaged = averaged;
    }
    EXPECT_NEAR(largest_single, 9.0, 0.11);
    EXPECT_LT(largest_averaged, 13.0 / 9.0 + 0.11);
}

TEST(AscentTest, NoisyChannelsAreCountedOverTheSpreadOfHystereses) {
    const std::vector<double> v{0, 100, 92, 110, 103, 104, 96, 120};
    const AscentDescent noisy = ascent_descent(v, ElevationNoise::noisy);
    const AscentDescent averaged = averaged_ascent_descent(
        v, k_noisy_hysteresis_m, k_noisy_hysteresis_spread_m, k_noisy_hysteresis_levels);
    EXPECT_DOUBLE_EQ(noisy.ascent_m, averaged.ascent_m);
    EXPECT_DOUBLE_EQ(noisy.descent_m, averaged.descent_m);
    EXPECT_DOUBLE_EQ(ascent_descent(v, ElevationNoise::clean).ascent_m,
                     ascent_descent(v, k_clean_hysteresis_m).ascent_m);
    EXPECT_DOUBLE_EQ(ascent_descent(v, ElevationNoise::dem).ascent_m,
                     ascent_descent(v, k_dem_hysteresis_m).ascent_m);
    EXPECT_NE(noisy.ascent_m, ascent_descent(v, k_noisy_hysteresis_m).ascent_m);
}

TEST(AscentTest, TheCountingOfEachChannelIsStatedAsItIsDone) {
    // The course's note says how its ascent was counted: the range for a noisy channel, one value otherwise.
    EXPECT_EQ(hysteresis_text(ElevationNoise::noisy), "hysteresis 6-12 m averaged");
    EXPECT_EQ(hysteresis_text(ElevationNoise::clean), "hysteresis 1 m");
    EXPECT_EQ(hysteresis_text(ElevationNoise::dem), "hysteresis 3 m");
}

TEST(AscentTest, TurningValuesKeepTheEndsAndEveryTurnOnce) {
    // Up to 5 (a plateau at 3 on the way), down to 1 over a plateau, up to 4; NaN skipped.
    EXPECT_EQ(turning_values(std::vector<double>{0, 3, 3, 5, 5, 2, 1, 1, k_nan, 4}),
              (std::vector<double>{0, 5, 1, 4}));
    EXPECT_EQ(turning_values(std::vector<double>{2, 2, 2}), (std::vector<double>{2}));
    EXPECT_TRUE(turning_values(std::vector<double>{}).empty());
}

TEST(AscentTest, TurningValuesGiveTheSameTotalsAsTheWholeSeriesAtEveryHysteresis) {
    // A wandering series with plateaus and repeated values, counted at hystereses from 0.5 to 15 m.
    std::vector<double> v;
    double h = 300.0;
    for (int i = 0; i < 3000; ++i) {
        h += 4.0 * std::sin(i * 0.031) + 2.5 * std::sin(i * 0.29) +
             (i % 7 == 0 ? 0.0 : 0.3 * std::cos(i * 1.7));
        v.push_back(i % 11 == 0 ? v.empty() ? h : v.back() : std::round(h * 5.0) / 5.0);
    }
    const std::vector<double> turns = turning_values(v);
    EXPECT_LT(turns.size(), v.size() / 3);
    for (double hysteresis = 0.5; hysteresis <= 15.0; hysteresis += 0.5) {
        const AscentDescent whole = ascent_descent(v, hysteresis);
        const AscentDescent few = ascent_descent(turns, hysteresis);
        EXPECT_DOUBLE_EQ(few.ascent_m, whole.ascent_m) << "hysteresis " << hysteresis;
        EXPECT_DOUBLE_EQ(few.descent_m, whole.descent_m) << "hysteresis " << hysteresis;
    }
}

}  // namespace
}  // namespace hillcoach::terrain
