// Elevation cleaning on hand-built series: absurd values, zero dropouts, spikes, pauses and gaps.

#include "hillcoach/terrain/elevation_clean.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

struct Series {
    std::vector<double> e;
    std::vector<double> d;
    std::vector<double> t;
};

// A ramp rising 0.1 m per 3 m sample (3.3 %), one sample a second.
Series ramp(int n) {
    Series s;
    for (int i = 0; i < n; ++i) {
        s.e.push_back(500.0 + 0.1 * i);
        s.d.push_back(3.0 * i);
        s.t.push_back(1.7e9 + i);
    }
    return s;
}

TEST(ElevationCleanTest, ACleanSeriesIsUntouched) {
    const Series s = ramp(100);
    const auto c = clean_elevation(s.e, s.d, s.t);
    ASSERT_TRUE(c.valid);
    EXPECT_EQ(c.elevation_m, s.e);
    EXPECT_EQ(c.filled, 0u);
}

TEST(ElevationCleanTest, SpikesAreReplacedByTheLineThroughTheirNeighbours) {
    // A lost GPS fix throws one sample 40 m up and one 25 m down; real GPS noise of a metre stays.
    Series s = ramp(100);
    s.e[30] += 40.0;
    s.e[70] -= 25.0;
    s.e[50] += 1.0;
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_EQ(c.spikes, 2u);
    EXPECT_NEAR(c.elevation_m[30], 503.0, 1e-9);
    EXPECT_NEAR(c.elevation_m[70], 507.0, 1e-9);
    EXPECT_NEAR(c.elevation_m[50], 506.0, 1e-9);
}

TEST(ElevationCleanTest, AStepOfRealTerrainIsNotASpike) {
    // A 10 m step that stays (a steep bank climbed in two seconds) moves the median with it.
    Series s = ramp(100);
    for (int i = 50; i < 100; ++i) s.e[static_cast<std::size_t>(i)] += 10.0;
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_EQ(c.spikes, 0u);
    EXPECT_NEAR(c.elevation_m[60], 516.0, 1e-9);
}

TEST(ElevationCleanTest, ZerosBetweenRealValuesAreDropouts) {
    // gpxpy #252: missing elevations written as 0 between values around 500 m.
    Series s = ramp(40);
    for (std::size_t i = 10; i < 15; ++i) s.e[i] = 0.0;
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_EQ(c.zeros, 5u);
    EXPECT_NEAR(c.elevation_m[12], 501.2, 1e-9);
}

TEST(ElevationCleanTest, ZerosAtSeaLevelAreKept) {
    // A beach run around 0 m: zeros next to 0.4 and -0.2 are real.
    Series s = ramp(20);
    for (std::size_t i = 0; i < s.e.size(); ++i) s.e[i] = (i % 3 == 0) ? 0.0 : (i % 3 == 1 ? 0.4 : -0.2);
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_EQ(c.zeros, 0u);
    EXPECT_EQ(c.elevation_m[3], 0.0);
}

TEST(ElevationCleanTest, AbsurdValuesAreMissing) {
    Series s = ramp(20);
    s.e[5] = -32768.0;  // an invalid marker read as a value
    s.e[6] = 12000.0;
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_EQ(c.absurd, 2u);
    EXPECT_NEAR(c.elevation_m[5], 500.5, 1e-9);
    EXPECT_NEAR(c.elevation_m[6], 500.6, 1e-9);
}

TEST(ElevationCleanTest, GapsAreInterpolatedOverDistanceNotSamples) {
    // 0 m -> 100 m with the samples in between bunched: 10 m, 20 m, then 90 m. Elevation 200 at 0 m and 210
    // at 100 m: over distance the samples get 201, 202 and 209 m (over samples it would be 202.5, 205,
    // 207.5).
    Series s{
        .e = {200.0, k_nan, k_nan, k_nan, 210.0}, .d = {0.0, 10.0, 20.0, 90.0, 100.0}, .t = {0, 1, 2, 3, 4}};
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_NEAR(c.elevation_m[1], 201.0, 1e-9);
    EXPECT_NEAR(c.elevation_m[2], 202.0, 1e-9);
    EXPECT_NEAR(c.elevation_m[3], 209.0, 1e-9);
    EXPECT_EQ(c.filled, 3u);
}

TEST(ElevationCleanTest, WhereDistanceStandsStillTimeIsUsed) {
    Series s{.e = {100.0, k_nan, k_nan, 104.0}, .d = {50.0, 50.0, 50.0, 50.0}, .t = {0, 1, 3, 4}};
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_NEAR(c.elevation_m[1], 101.0, 1e-9);
    EXPECT_NEAR(c.elevation_m[2], 103.0, 1e-9);
}

TEST(ElevationCleanTest, EndsHoldTheNearestValue) {
    Series s{.e = {k_nan, k_nan, 7.0, 9.0, k_nan}, .d = {0, 1, 2, 3, 4}, .t = {0, 1, 2, 3, 4}};
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_EQ(c.elevation_m[0], 7.0);
    EXPECT_EQ(c.elevation_m[4], 9.0);
}

TEST(ElevationCleanTest, AChangeAcrossATimerPauseIsTakenOut) {
    // 500.0 .. 500.9, then 32 m higher after a pause at sample 10 (python-fitparse's ELEMNT file), then on
    // up.
    Series s = ramp(20);
    for (std::size_t i = 10; i < 20; ++i) s.e[i] += 32.0;
    std::vector<std::uint8_t> paused(20, 0);
    paused[10] = 1;
    const auto c = clean_elevation(s.e, s.d, s.t, paused);
    EXPECT_EQ(c.levelled, 1u);
    EXPECT_NEAR(c.levelled_m, 32.1, 1e-9);
    EXPECT_NEAR(c.elevation_m[10], 500.9, 1e-9);
    EXPECT_NEAR(c.elevation_m[19], 501.8, 1e-9);
}

TEST(ElevationCleanTest, FewerThanTwoValuesIsNoElevation) {
    Series s{.e = {k_nan, 12.0, k_nan}, .d = {0, 1, 2}, .t = {0, 1, 2}};
    const auto c = clean_elevation(s.e, s.d, s.t);
    EXPECT_FALSE(c.valid);
    EXPECT_TRUE(std::isnan(c.elevation_m[1]));
    EXPECT_FALSE(clean_elevation({}, {}, {}).valid);
}

}  // namespace
}  // namespace hillcoach::terrain
