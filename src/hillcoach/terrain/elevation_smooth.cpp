#include "hillcoach/terrain/elevation_smooth.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// One moving average of 2 * half + 1 cells, over the cells that exist at the ends. `out` must not alias `in`.
void box_pass(const std::vector<double>& in, std::size_t half, std::vector<double>& out) {
    const std::size_t n = in.size();
    out.resize(n);
    double sum = 0.0;
    std::size_t lo = 0;  // window [lo, hi)
    std::size_t hi = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t want_hi = std::min(n, i + half + 1);
        const std::size_t want_lo = i > half ? i - half : 0;
        while (hi < want_hi) sum += in[hi++];
        while (lo < want_lo) sum -= in[lo++];
        out[i] = sum / static_cast<double>(hi - lo);
    }
}

}  // namespace

std::string_view to_string(ElevationNoise noise) {
    switch (noise) {
        case ElevationNoise::clean: return "clean";
        case ElevationNoise::noisy: return "noisy";
        case ElevationNoise::dem: return "dem";
    }
    return "noisy";
}

double smoothing_window_m(ElevationNoise noise) {
    switch (noise) {
        case ElevationNoise::clean: return k_clean_window_m;
        case ElevationNoise::noisy: return k_noisy_window_m;
        case ElevationNoise::dem: return k_dem_window_m;
    }
    return k_noisy_window_m;
}

double DistanceProfile::at(double distance_m) const {
    if (m_elevation_m.empty() || !std::isfinite(distance_m)) return k_nan;
    const double x = distance_m / m_step_m;
    if (x <= 0.0) return m_elevation_m.front();
    const auto last = static_cast<double>(m_elevation_m.size() - 1);
    if (x >= last) return m_elevation_m.back();
    const auto k = static_cast<std::size_t>(x);
    const double w = x - static_cast<double>(k);
    return m_elevation_m[k] + w * (m_elevation_m[k + 1] - m_elevation_m[k]);
}

DistanceProfile distance_profile(const std::vector<double>& elevation_m, const std::vector<double>& distance_m,
                                 double step_m) {
    const std::size_t n = std::min(elevation_m.size(), distance_m.size());
    double max_d = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isfinite(distance_m[i])) max_d = std::max(max_d, distance_m[i]);
    }
    bool any = false;
    for (std::size_t i = 0; i < n && !any; ++i) any = std::isfinite(elevation_m[i]) && std::isfinite(distance_m[i]);
    if (!any) return DistanceProfile(step_m, {});
    const auto cells = static_cast<std::size_t>(std::floor(max_d / step_m + 0.5)) + 1;
    std::vector<double> sum_e(cells, 0.0);
    std::vector<double> sum_d(cells, 0.0);
    std::vector<double> count(cells, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(elevation_m[i]) || !std::isfinite(distance_m[i]) || distance_m[i] < 0.0) continue;
        const auto k = std::min(cells - 1, static_cast<std::size_t>(distance_m[i] / step_m + 0.5));
        sum_e[k] += elevation_m[i];
        sum_d[k] += distance_m[i];
        count[k] += 1.0;
    }
    // Each cell with samples is one point at the mean distance and mean elevation of its samples (so that a
    // cell's samples lying off its centre do not shift the profile); the grid takes the straight line between
    // consecutive points, and the nearest point's value beyond the first and last.
    std::vector<double> point_d;
    std::vector<double> point_e;
    for (std::size_t k = 0; k < cells; ++k) {
        if (count[k] == 0.0) continue;
        point_d.push_back(sum_d[k] / count[k]);
        point_e.push_back(sum_e[k] / count[k]);
    }
    std::vector<double> grid(cells);
    std::size_t j = 0;  // point_d[j] <= x < point_d[j + 1]
    for (std::size_t k = 0; k < cells; ++k) {
        const double x = static_cast<double>(k) * step_m;
        while (j + 1 < point_d.size() && point_d[j + 1] <= x) ++j;
        const std::size_t p = point_d.size();
        if (x <= point_d.front() || x >= point_d.back()) {
            // Beyond the end points: the line through the last two points for up to one cell (the first and last
            // cells' points sit up to half a cell inside the course), the end value beyond that.
            const bool front = x <= point_d.front();
            const std::size_t a = front ? 0 : p - 2;
            const double end_d = front ? point_d.front() : point_d.back();
            const double end_e = front ? point_e.front() : point_e.back();
            if (p >= 2 && std::abs(x - end_d) <= step_m && point_d[a + 1] > point_d[a]) {
                grid[k] = end_e + (x - end_d) * (point_e[a + 1] - point_e[a]) / (point_d[a + 1] - point_d[a]);
            } else {
                grid[k] = end_e;
            }
        } else {
            const double w = (x - point_d[j]) / (point_d[j + 1] - point_d[j]);
            grid[k] = point_e[j] + w * (point_e[j + 1] - point_e[j]);
        }
    }
    return DistanceProfile(step_m, std::move(grid));
}

DistanceProfile smooth_profile(const DistanceProfile& profile, double window_m) {
    const auto half = static_cast<std::size_t>(std::max(0.0, std::round(window_m / profile.step_m() / 2.0)));
    if (half == 0 || profile.elevation_m().size() < 3) return profile;
    std::vector<double> a = profile.elevation_m();
    std::vector<double> b;
    box_pass(a, half, b);
    box_pass(b, half, a);
    box_pass(a, half, b);
    return DistanceProfile(profile.step_m(), std::move(b));
}

}  // namespace hillcoach::terrain
