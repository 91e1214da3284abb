#pragma once
// Seeded random numbers for the synthetic activities, and the correlated noise built on them.
//
// Hand-written rather than <random>: the standard leaves the algorithms of std::normal_distribution and
// std::uniform_real_distribution to each library, so the committed examples/ would change with the standard
// library that built the generator. Here every draw is specified: xoshiro256** (Blackman & Vigna 2018,
// https://prng.di.unimi.it/) seeded through splitmix64, uniform doubles from the top 53 bits, normal deviates
// by the Marsaglia polar method. The same seed gives the same activity on every platform.

#include <cstdint>
#include <string_view>

namespace hillcoach::synth {

class Random {
  public:
    explicit Random(std::uint64_t seed);

    // An independent stream for one part of the model ("path", "runner", "recorder"), so that changing how
    // one part draws does not shift the numbers another part sees.
    Random fork(std::string_view stream) const;

    std::uint64_t next_u64();
    // Uniform in [0, 1).
    double uniform();
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    // Uniform integer in [low, high] (both included); low <= high.
    long long integer(long long low, long long high);
    // Standard normal deviate (mean 0, standard deviation 1).
    double normal();
    double normal(double mean, double sd) { return mean + sd * normal(); }
    // True with probability p.
    bool chance(double p) { return uniform() < p; }

  private:
    std::uint64_t m_state[4] = {};
    std::uint64_t m_seed = 0;
    double m_spare_normal = 0.0;
    bool m_has_spare = false;
};

// A stationary Ornstein-Uhlenbeck process: Gaussian with standard deviation `sigma`, correlated over
// `correlation` (seconds, or metres when stepped over distance): the correlation after a step dt is
// exp(-dt / correlation). Stepping uses the exact discretisation, so 1 s and irregular steps give the same
// statistics (the "smart recording" case).
class CorrelatedNoise {
  public:
    CorrelatedNoise() = default;
    CorrelatedNoise(double sigma, double correlation) : m_sigma(sigma), m_correlation(correlation) {}

    // Draws the starting value from the stationary distribution.
    void start(Random& rng);
    // Advances by dt (>= 0) and returns the new value.
    double step(double dt, Random& rng);
    double value() const { return m_value; }
    double sigma() const { return m_sigma; }

  private:
    double m_sigma = 0.0;
    double m_correlation = 1.0;
    double m_value = 0.0;
};

// A correlated process smoothed once more: an Ornstein-Uhlenbeck process (correlation time `correlation`)
// through a first-order low-pass (time constant `smoothing`). Its standard deviation is `sigma`, its
// correlation after a lag t is (c e^(-t/c) - s e^(-t/s)) / (c - s) (c = correlation, s = smoothing), and
// unlike the plain process it has no jitter from one step to the next: the error of a filtered GPS position,
// which wanders over tens of seconds but moves only decimetres per second.
class SmoothCorrelatedNoise {
  public:
    SmoothCorrelatedNoise() = default;
    SmoothCorrelatedNoise(double sigma, double correlation, double smoothing);

    void start(Random& rng);
    double step(double dt, Random& rng);
    double value() const { return m_value; }

  private:
    CorrelatedNoise m_raw;
    double m_smoothing = 1.0;
    double m_value = 0.0;
};

}  // namespace hillcoach::synth
