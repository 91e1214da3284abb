// The distance profile and its smoothing: sampling independence, exactness on straight ramps, and the ends.

#include "hillcoach/terrain/elevation_smooth.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

TEST(ElevationSmoothTest, TheProfileAveragesSamplesInACellAndInterpolatesEmptyCells) {
    // Cells of 2 m: samples at 0 m (100) and 0.8 m (102) make one point (0.4 m, 101); the sample at 6.4 m
    // (113) another. Grid cells at 0, 2, 4, 6 m on the line through (0.4, 101) and (6.4, 113), of slope 2 m
    // per m (continued for up to one cell beyond the end points): 100.2, 104.2, 108.2, 112.2.
    const DistanceProfile p = distance_profile({100.0, 102.0, 113.0}, {0.0, 0.8, 6.4});
    ASSERT_EQ(p.elevation_m().size(), 4u);
    EXPECT_NEAR(p.elevation_m()[0], 100.2, 1e-12);
    EXPECT_NEAR(p.elevation_m()[1], 104.2, 1e-12);
    EXPECT_NEAR(p.elevation_m()[2], 108.2, 1e-12);
    EXPECT_NEAR(p.elevation_m()[3], 112.2, 1e-12);
    EXPECT_NEAR(p.at(3.0), 106.2, 1e-12);
    EXPECT_NEAR(p.at(-5.0), 100.2, 1e-12);
    EXPECT_NEAR(p.at(100.0), 112.2, 1e-12);
    EXPECT_DOUBLE_EQ(p.length_m(), 6.0);
}

TEST(ElevationSmoothTest, AStopCountsOnceWhateverItsLength) {
    // 300 samples standing at 10 m with the barometer drifting +-1 m, among samples every 3 m on a flat at 50
    // m: the stop's cell is the mean of its samples, not 300 votes for one place.
    std::vector<double> e;
    std::vector<double> d;
    for (int i = 0; i < 10; ++i) {
        e.push_back(50.0);
        d.push_back(3.0 * i);
    }
    for (int i = 0; i < 300; ++i) {
        e.push_back(50.0 + ((i % 2) ? 1.0 : -1.0));
        d.push_back(10.0);
    }
    const DistanceProfile p = distance_profile(e, d);
    for (double v : p.elevation_m()) EXPECT_NEAR(v, 50.0, 1e-9);
}

TEST(ElevationSmoothTest, SmoothingKeepsAStraightRampExactlyAwayFromTheEnds) {
    std::vector<double> e;
    std::vector<double> d;
    for (int i = 0; i <= 1000; ++i) {
        e.push_back(200.0 + 0.08 * i);
        d.push_back(static_cast<double>(i));
    }
    const DistanceProfile s = smooth_profile(distance_profile(e, d), 50.0);
    // Each box is symmetric, so a linear function passes unchanged where the window fits.
    EXPECT_NEAR(s.at(500.0), 240.0, 1e-9);
    EXPECT_NEAR(s.at(100.0), 208.0, 1e-9);
    // At the very end the window shrinks to the cells that exist: the end value is pulled inwards by less
    // than a quarter of the window's rise.
    EXPECT_NEAR(s.at(1000.0), 280.0, 0.25 * 0.08 * 50.0 * 3.0);
}

TEST(ElevationSmoothTest, SmoothingRemovesShortWigglesAndKeepsLongOnes) {
    // A 10 m-wavelength ripple of +-1 m on a 1000 m-wavelength hill of +-20 m.
    std::vector<double> e;
    std::vector<double> d;
    const double pi = std::acos(-1.0);
    for (int i = 0; i <= 3000; ++i) {
        const double x = static_cast<double>(i);
        e.push_back(300.0 + 20.0 * std::sin(2 * pi * x / 1000.0) + std::sin(2 * pi * x / 10.0));
        d.push_back(x);
    }
    const DistanceProfile s = smooth_profile(distance_profile(e, d), k_clean_window_m);
    double worst = 0.0;
    for (double x = 200.0; x <= 2800.0; x += 1.0) {
        worst = std::max(worst, std::abs(s.at(x) - (300.0 + 20.0 * std::sin(2 * pi * x / 1000.0))));
    }
    // Three 20 m boxes take a 10 m ripple to under 1 % and bend the 1 km hill by under 0.2 m.
    EXPECT_LT(worst, 0.2);
}

TEST(ElevationSmoothTest, OneSecondAndTenSecondSamplingGiveTheSameProfile) {
    // The same ground sampled every 3 m and every 30 m: after smoothing over distance the profiles agree to a
    // few centimetres (the sparse one only lacks what lies between its samples).
    const double pi = std::acos(-1.0);
    const auto ground = [&](double x) { return 400.0 + 15.0 * std::sin(2 * pi * x / 700.0); };
    std::vector<double> e1, d1, e10, d10;
    for (int i = 0; i <= 1000; ++i) {
        const double x = 3.0 * i;
        e1.push_back(ground(x));
        d1.push_back(x);
        if (i % 10 == 0) {
            e10.push_back(ground(x));
            d10.push_back(x);
        }
    }
    const DistanceProfile a = smooth_profile(distance_profile(e1, d1), k_noisy_window_m);
    const DistanceProfile b = smooth_profile(distance_profile(e10, d10), k_noisy_window_m);
    for (double x = 0.0; x <= 3000.0; x += 10.0) EXPECT_NEAR(a.at(x), b.at(x), 0.15) << x;
}

TEST(ElevationSmoothTest, WindowsPerKindOfChannel) {
    EXPECT_DOUBLE_EQ(smoothing_window_m(ElevationNoise::clean), k_clean_window_m);
    EXPECT_DOUBLE_EQ(smoothing_window_m(ElevationNoise::noisy), k_noisy_window_m);
    EXPECT_DOUBLE_EQ(smoothing_window_m(ElevationNoise::dem), k_dem_window_m);
    EXPECT_EQ(to_string(ElevationNoise::dem), "dem");
}

TEST(ElevationSmoothTest, EmptyInputsGiveAnEmptyProfile) {
    const DistanceProfile p = distance_profile({}, {});
    EXPECT_TRUE(p.empty());
    EXPECT_TRUE(std::isnan(p.at(0.0)));
    EXPECT_TRUE(smooth_profile(p, 20.0).empty());
}

}  // namespace
}  // namespace hillcoach::terrain
