// analyze() on hostile activities: random lengths, times that stall, jump and run backwards, positions and
// elevations with holes, spikes and flat lines, no heart rate or garbage heart rate. Nothing may throw or
// crash (the suite runs under ASan and UBSan), and what comes out must hold together: segments cover the
// course in order, hills lie inside it with positive heights, reps follow each other, the grade bands never
// hold more distance than the course, and the JSON serialises. Seeded, so every run sees the same 300
// activities.

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "hillcoach/analysis/analysis_json.hpp"
#include "hillcoach/analysis/analyze.hpp"

namespace hillcoach::analysis {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

class Hostile {
  public:
    explicit Hostile(std::uint64_t seed) : m_rng(seed) {}

    core::Activity activity() {
        core::Activity a;
        const auto n = static_cast<std::size_t>(pick(0, 2500));
        a.metadata.sport = static_cast<core::Sport>(pick(0, 8));
        double t = 1'700'000'000.0;
        double lat = 46.0 + uniform(-1, 1);
        double lon = 7.0 + uniform(-1, 1);
        double e = uniform(-50, 3000);
        const double e_noise = uniform(0, 8);
        const bool flat_line = chance(0.1);
        for (std::size_t i = 0; i < n; ++i) {
            a.samples.push_empty();
            t += time_step();
            a.samples.time_s.back() = chance(0.01) ? k_nan : t;
            lat += uniform(-3e-5, 3e-5);
            lon += uniform(-3e-5, 3e-5);
            if (!chance(0.03)) {
                a.samples.latitude_deg.back() = lat;
                a.samples.longitude_deg.back() = lon;
            }
            if (!flat_line) e += uniform(-1, 1) * 0.4 + uniform(-e_noise, e_noise) * 0.1;
            double elevation = e;
            if (chance(0.005)) elevation += uniform(-500, 500);  // spike
            if (chance(0.02)) elevation = k_nan;
            a.samples.elevation_m.back() = elevation;
            if (chance(0.7))
                a.samples.heart_rate_bpm.back() = chance(0.01) ? uniform(-10, 400) : uniform(90, 190);
        }
        if (chance(0.3)) a.elevation_source = core::ElevationSource::barometric;
        if (chance(0.2) && n > 10) a.pauses.push_back({.start_s = t - 100.0, .end_s = t - 40.0});
        return a;
    }

  private:
    double time_step() {
        const double r = uniform(0, 1);
        if (r < 0.02) return 0.0;               // duplicate time
        if (r < 0.03) return -uniform(1, 5);    // backwards
        if (r < 0.05) return uniform(10, 600);  // a gap or a stop
        return r < 0.5 ? 1.0 : uniform(1, 10);  // 1 Hz or smart recording
    }
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(m_rng); }
    bool chance(double p) { return uniform(0, 1) < p; }

    std::mt19937_64 m_rng;
};

void expect_consistent(const ActivityAnalysis& a, std::uint64_t seed) {
    const std::size_t n = a.course.size();
    for (std::size_t k = 0; k < a.segments.size(); ++k) {
        const auto& s = a.segments[k];
        EXPECT_LT(s.first, s.last) << "seed " << seed;
        EXPECT_LT(s.last, n) << "seed " << seed;
        EXPECT_LE(s.start_m, s.end_m) << "seed " << seed;
        if (k > 0) {
            EXPECT_EQ(a.segments[k - 1].last, s.first) << "seed " << seed;
        }
    }
    for (const auto* hills : {&a.climbs, &a.descents}) {
        for (const auto& h : *hills) {
            EXPECT_LT(h.first, h.last) << "seed " << seed;
            EXPECT_LT(h.last, n) << "seed " << seed;
            EXPECT_GT(h.height_m, 0.0) << "seed " << seed;
            EXPECT_GE(h.length_m(), 0.0) << "seed " << seed;
            EXPECT_TRUE(std::isfinite(h.avg_grade) && std::isfinite(h.max_grade)) << "seed " << seed;
            if (h.time_s) {
                EXPECT_GE(*h.time_s, 0.0) << "seed " << seed;
            }
        }
    }
    for (const auto& g : a.repeats) {
        ASSERT_GE(g.reps.size(), 3U) << "seed " << seed;
        for (std::size_t k = 1; k < g.reps.size(); ++k) {
            EXPECT_LE(g.reps[k - 1].ascent.last, g.reps[k].ascent.first) << "seed " << seed;
        }
    }
    EXPECT_LE(a.grade_histogram.graded_distance_m() + a.grade_histogram.ungraded_distance_m,
              a.summary.distance_m + 1e-6)
        << "seed " << seed;
    const std::string json = analysis_json(a).dump();
    EXPECT_EQ(json.find("nan"), std::string::npos) << "seed " << seed;
}

TEST(AnalyzeRobustnessTest, HostileActivitiesAnalyseWithoutCrashingAndHoldTogether) {
    int with_segments = 0;
    int with_climbs = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Hostile make(seed);
        const core::Activity activity = make.activity();
        ActivityAnalysis a;
        ASSERT_NO_THROW(a = analyze(activity)) << "seed " << seed;
        expect_consistent(a, seed);
        with_segments += a.segments.size() > 1 ? 1 : 0;
        with_climbs += a.climbs.empty() ? 0 : 1;
    }
    // The activities reach the hill code, not only its early exits.
    EXPECT_GT(with_segments, 100);
    EXPECT_GT(with_climbs, 30);
}

}  // namespace
}  // namespace hillcoach::analysis
