// The cost of one GPS step's length: GeographicLib's geodesic inverse (the distance-only solution, as
// terrain::geodesic_distance_m calls it) against the local ellipsoidal formula of terrain/step_length.hpp
// (with exact fix scales, and with FixScaler's as the course builder uses) and a spherical haversine, on the
// steps of a 1 Hz run (3 m apart, wandering heading, 46.8 N).
//
// usage: geodesy_bench [--benchmark_min_time=...]   (Google Benchmark; ns per step in the "Time" column)

#include <cmath>
#include <numbers>
#include <vector>

#include <benchmark/benchmark.h>

#include "hillcoach/terrain/geodesy.hpp"
#include "hillcoach/terrain/step_length.hpp"

namespace {

struct Track {
    std::vector<double> lat;
    std::vector<double> lon;
};

// 3,600 fixes 3 m apart with a slowly turning heading.
const Track& track() {
    static const Track t = [] {
        Track out;
        double lat = 46.8;
        double lon = 7.15;
        double heading = 0.3;
        for (int i = 0; i < 3600; ++i) {
            out.lat.push_back(lat);
            out.lon.push_back(lon);
            heading += 0.02 * std::sin(0.013 * i);
            lat += 3.0 * std::cos(heading) / 111200.0;
            lon += 3.0 * std::sin(heading) / (111200.0 * std::cos(lat * std::numbers::pi / 180.0));
        }
        return out;
    }();
    return t;
}

void geographiclib_inverse(benchmark::State& state) {
    const Track& t = track();
    for (auto _ : state) {
        double sum = 0.0;
        for (std::size_t i = 1; i < t.lat.size(); ++i) {
            sum += hillcoach::terrain::geodesic_distance_m(t.lat[i - 1], t.lon[i - 1], t.lat[i], t.lon[i]);
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.lat.size() - 1));
}

void local_ellipsoidal(benchmark::State& state) {
    const Track& t = track();
    for (auto _ : state) {
        double sum = 0.0;
        hillcoach::terrain::FixScale prev = hillcoach::terrain::fix_scale(t.lat[0], t.lon[0]);
        for (std::size_t i = 1; i < t.lat.size(); ++i) {
            const hillcoach::terrain::FixScale here = hillcoach::terrain::fix_scale(t.lat[i], t.lon[i]);
            sum += hillcoach::terrain::step_length_m(prev, here);
            prev = here;
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.lat.size() - 1));
}

// As the course builder measures a track: the fix scales from FixScaler (no trigonometry per fix).
void local_ellipsoidal_scaler(benchmark::State& state) {
    const Track& t = track();
    for (auto _ : state) {
        double sum = 0.0;
        hillcoach::terrain::FixScaler scaler;
        hillcoach::terrain::FixScale prev = scaler(t.lat[0], t.lon[0]);
        for (std::size_t i = 1; i < t.lat.size(); ++i) {
            const hillcoach::terrain::FixScale here = scaler(t.lat[i], t.lon[i]);
            sum += hillcoach::terrain::step_length_m(prev, here);
            prev = here;
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.lat.size() - 1));
}

void spherical_haversine(benchmark::State& state) {
    const Track& t = track();
    constexpr double k_rad = std::numbers::pi / 180.0;
    for (auto _ : state) {
        double sum = 0.0;
        for (std::size_t i = 1; i < t.lat.size(); ++i) {
            const double dlat = (t.lat[i] - t.lat[i - 1]) * k_rad;
            const double dlon = (t.lon[i] - t.lon[i - 1]) * k_rad;
            const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                             std::cos(t.lat[i - 1] * k_rad) * std::cos(t.lat[i] * k_rad) *
                                 std::sin(dlon / 2) * std::sin(dlon / 2);
            sum += 2.0 * 6371008.8 * std::asin(std::sqrt(a));
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.lat.size() - 1));
}

BENCHMARK(geographiclib_inverse);
BENCHMARK(local_ellipsoidal);
BENCHMARK(local_ellipsoidal_scaler);
BENCHMARK(spherical_haversine);

}  // namespace

BENCHMARK_MAIN();
