// The distance profile and its smoothing: sampling independence, exactness on straight ramps, and the ends.

#include "hillcoach/terrain/elevation_smooth.hpp"

#include <algorithm>
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

TEST(ElevationSmoothTest, EveryCellLiesOnTheLineBetweenTheSamplesAroundIt) {
    // Samples 2.5-9.5 m apart (each in a cell of its own, so each is a point of the profile) leave 1 to 5
    // cells between neighbours: every cell, whichever way the fill reaches it, is the straight line between
    // the two samples around it.
    std::vector<double> d{0.0};
    std::vector<double> e{200.0};
    unsigned state = 12345u;
    for (int i = 0; i < 400; ++i) {
        state = state * 1103515245u + 12345u;
        const double gap = 2.5 + 7.0 * static_cast<double>((state >> 16) % 1000u) / 1000.0;
        d.push_back(d.back() + gap);
        e.push_back(200.0 + 30.0 * std::sin(d.back() / 150.0) + static_cast<double>(i % 3));
    }
    const DistanceProfile p = distance_profile(e, d);
    ASSERT_EQ(p.elevation_m().size(), static_cast<std::size_t>(std::floor(d.back() / 2.0 + 0.5)) + 1);
    std::size_t j = 0;
    for (std::size_t k = 0; k < p.elevation_m().size(); ++k) {
        const double x = 2.0 * static_cast<double>(k);
        if (x > d.back()) break;
        while (d[j + 1] < x) ++j;
        const double expected = e[j] + (x - d[j]) * (e[j + 1] - e[j]) / (d[j + 1] - d[j]);
        ASSERT_NEAR(p.elevation_m()[k], expected, 1e-9) << "cell " << k;
    }
}

// Three moving averages of 2 half + 1 cells, each over the cells that exist at the ends, written the plain way
// (each window summed afresh) for the test below.
std::vector<double> three_plain_averages(std::vector<double> v, std::size_t half) {
    for (int pass = 0; pass < 3; ++pass) {
        std::vector<double> out(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::size_t lo = i > half ? i - half : 0;
            const std::size_t hi = std::min(v.size(), i + half + 1);
            double sum = 0.0;
            for (std::size_t j = lo; j < hi; ++j) sum += v[j];
            out[i] = sum / static_cast<double>(hi - lo);
        }
        v = out;
    }
    return v;
}

TEST(ElevationSmoothTest, SmoothingIsThreeMovingAveragesAtEveryLengthAndWindow) {
    // The three passes run side by side over two buffers (elevation_smooth.cpp): every profile length around
    // the window's own (where the ends meet) and a long one, every window from 3 to 17 cells, on rough data
    // (a profile of fewer than 3 cells is returned as it is).
    unsigned state = 99u;
    const auto rough = [&state](std::size_t n) {
        std::vector<double> v(n);
        for (double& x : v) {
            state = state * 1103515245u + 12345u;
            x = 300.0 + static_cast<double>((state >> 16) % 2000u) / 100.0;
        }
        return v;
    };
    for (std::size_t half = 1; half <= 8; ++half) {
        std::vector<std::size_t> lengths{3, 1000};
        for (std::size_t n = std::max<std::size_t>(3, 2 * half); n <= 6 * half + 6; ++n) lengths.push_back(n);
        for (const std::size_t n : lengths) {
            const std::vector<double> cells = rough(n);
            const DistanceProfile smoothed =
                smooth_profile(DistanceProfile(2.0, cells), 2.0 * static_cast<double>(2 * half + 1));
            const std::vector<double> expected = three_plain_averages(cells, half);
            ASSERT_EQ(smoothed.elevation_m().size(), n);
            for (std::size_t i = 0; i < n; ++i) {
                ASSERT_NEAR(smoothed.elevation_m()[i], expected[i], 1e-9) << "half " << half << " n " << n << " i " << i;
            }
        }
    }
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
