#include "hillcoach/synth/random.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::synth {
namespace {

// The committed examples depend on these exact numbers on every platform. Reference values from an
// independent implementation of splitmix64 seeding + xoshiro256** (Python, integer arithmetic).
TEST(Random, MatchesTheReferenceSequenceBitForBit) {
    Random zero(0);
    EXPECT_EQ(zero.next_u64(), 0x99ec5f36cb75f2b4ULL);
    EXPECT_EQ(zero.next_u64(), 0xbf6e1f784956452aULL);
    EXPECT_EQ(zero.next_u64(), 0x1a5f849d4933e6e0ULL);
    Random answer(42);
    EXPECT_EQ(answer.next_u64(), 0x15780b2e0c2ec716ULL);
    EXPECT_EQ(answer.next_u64(), 0x6104d9866d113a7eULL);
    EXPECT_EQ(answer.next_u64(), 0xae17533239e499a1ULL);
}

TEST(Random, ForkedStreamsAreRepeatableAndIndependent) {
    const Random root(7);
    Random a1 = root.fork("path");
    Random a2 = root.fork("path");
    Random b = root.fork("runner");
    int same_as_other_stream = 0;
    for (int i = 0; i < 100; ++i) {
        const std::uint64_t x = a1.next_u64();
        EXPECT_EQ(x, a2.next_u64());
        if (x == b.next_u64()) ++same_as_other_stream;
    }
    EXPECT_EQ(same_as_other_stream, 0);
}

TEST(Random, UniformAndNormalHaveTheirMoments) {
    Random rng(2024);
    constexpr int n = 200000;
    double sum_u = 0.0;
    double sum_z = 0.0;
    double sum_z2 = 0.0;
    for (int i = 0; i < n; ++i) {
        const double u = rng.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum_u += u;
        const double z = rng.normal();
        sum_z += z;
        sum_z2 += z * z;
    }
    // Standard errors: 0.29/sqrt(n) = 0.00065 for the uniform mean, 0.0022 for the normal mean, 0.0032 for
    // its variance; bounds are about 5 standard errors.
    EXPECT_NEAR(sum_u / n, 0.5, 0.003);
    EXPECT_NEAR(sum_z / n, 0.0, 0.011);
    EXPECT_NEAR(sum_z2 / n, 1.0, 0.016);
}

TEST(Random, IntegersStayInTheirRangeAndReachBothEnds) {
    Random rng(5);
    bool saw_low = false;
    bool saw_high = false;
    for (int i = 0; i < 1000; ++i) {
        const long long k = rng.integer(3, 9);
        ASSERT_GE(k, 3);
        ASSERT_LE(k, 9);
        saw_low |= k == 3;
        saw_high |= k == 9;
    }
    EXPECT_TRUE(saw_low);
    EXPECT_TRUE(saw_high);
    EXPECT_EQ(rng.integer(4, 4), 4);
}

// An Ornstein-Uhlenbeck process keeps its standard deviation whatever the step, and its correlation over a
// lag is exp(-lag / correlation): checked at 1 s steps and at irregular steps.
TEST(CorrelatedNoise, HasItsStationarySpreadAndCorrelation) {
    Random rng(11);
    CorrelatedNoise noise(2.5, 20.0);
    noise.start(rng);
    constexpr int n = 400000;
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i) x[i] = noise.step(1.0, rng);
    double sum2 = 0.0;
    double lag = 0.0;
    for (int i = 0; i < n; ++i) sum2 += x[i] * x[i];
    for (int i = 10; i < n; ++i) lag += x[i] * x[i - 10];
    const double variance = sum2 / n;
    // 400000 samples correlated over 20 s: about 10000 independent ones, so the spread is known to ~1 %.
    EXPECT_NEAR(std::sqrt(variance), 2.5, 0.08);
    EXPECT_NEAR(lag / (n - 10) / variance, std::exp(-10.0 / 20.0), 0.03);

    CorrelatedNoise irregular(2.5, 20.0);
    irregular.start(rng);
    double sum_irregular = 0.0;
    for (int i = 0; i < n; ++i) {
        const double v = irregular.step(1.0 + static_cast<double>(i % 7), rng);
        sum_irregular += v * v;
    }
    EXPECT_NEAR(std::sqrt(sum_irregular / n), 2.5, 0.05);
}

// Smoothed once more, the process keeps its spread, takes the documented correlation
// (c e^(-t/c) - s e^(-t/s)) / (c - s) and moves far less from one step to the next than the plain process.
TEST(SmoothCorrelatedNoise, KeepsItsSpreadAndLosesTheStepJitter) {
    Random rng(12);
    SmoothCorrelatedNoise smooth(2.5, 30.0, 4.0);
    smooth.start(rng);
    constexpr int n = 400000;
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i) x[i] = smooth.step(1.0, rng);
    double sum2 = 0.0;
    double lag10 = 0.0;
    double step2 = 0.0;
    for (int i = 0; i < n; ++i) sum2 += x[i] * x[i];
    for (int i = 10; i < n; ++i) lag10 += x[i] * x[i - 10];
    for (int i = 1; i < n; ++i) step2 += (x[i] - x[i - 1]) * (x[i] - x[i - 1]);
    const double variance = sum2 / n;
    EXPECT_NEAR(std::sqrt(variance), 2.5, 0.1);
    const double expected = (30.0 * std::exp(-10.0 / 30.0) - 4.0 * std::exp(-10.0 / 4.0)) / 26.0;  // 0.814
    EXPECT_NEAR(lag10 / (n - 10) / variance, expected, 0.03);
    // A plain process of the same spread and correlation steps by 2.5 x sqrt(2 (1 - e^(-1/30))) = 0.64 per
    // step.
    EXPECT_LT(std::sqrt(step2 / (n - 1)), 0.3);
}

}  // namespace
}  // namespace hillcoach::synth
