#include "hillcoach/synth/random.hpp"

#include <cmath>
#include <stdexcept>

namespace hillcoach::synth {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    x += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

// FNV-1a: turns a stream name into a number to mix into the seed.
std::uint64_t name_hash(std::string_view name) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : name) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

}  // namespace

Random::Random(std::uint64_t seed) : m_seed(seed) {
    std::uint64_t x = seed;
    for (auto& word : m_state) word = splitmix64(x);
}

Random Random::fork(std::string_view stream) const {
    std::uint64_t x = m_seed ^ name_hash(stream);
    return Random(splitmix64(x));
}

std::uint64_t Random::next_u64() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Random::uniform() {
    return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

long long Random::integer(long long low, long long high) {
    if (high < low) throw std::logic_error("Random::integer: high < low");
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    // span == 0 only for the full 64-bit range, which no caller uses; the modulo bias for the small spans
    // used here (a few thousand at most) is below 1e-15.
    return low + static_cast<long long>(span == 0 ? next_u64() : next_u64() % span);
}

double Random::normal() {
    if (m_has_spare) {
        m_has_spare = false;
        return m_spare_normal;
    }
    double u = 0.0;
    double v = 0.0;
    double s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spare_normal = v * factor;
    m_has_spare = true;
    return u * factor;
}

void CorrelatedNoise::start(Random& rng) {
    m_value = m_sigma * rng.normal();
}

double CorrelatedNoise::step(double dt, Random& rng) {
    const double keep = std::exp(-dt / m_correlation);
    m_value = keep * m_value + m_sigma * std::sqrt(1.0 - keep * keep) * rng.normal();
    return m_value;
}

// The low-pass takes variance away: for correlation c and smoothing s the output keeps c / (c + s) of the
// input's variance, so the input is scaled up to leave `sigma` at the output.
SmoothCorrelatedNoise::SmoothCorrelatedNoise(double sigma, double correlation, double smoothing)
    : m_raw(sigma * std::sqrt((correlation + smoothing) / correlation), correlation),
      m_smoothing(smoothing) {}

void SmoothCorrelatedNoise::start(Random& rng) {
    m_raw.start(rng);
    m_value = m_raw.value();
}

double SmoothCorrelatedNoise::step(double dt, Random& rng) {
    const double raw = m_raw.step(dt, rng);
    m_value += (raw - m_value) * (1.0 - std::exp(-dt / m_smoothing));
    return m_value;
}

}  // namespace hillcoach::synth
