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
    if (n <= 2 * half + 1) {
        // Every window is cut by an end: the general form.
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t lo = i > half ? i - half : 0;
            const std::size_t hi = std::min(n, i + half + 1);
            double sum = 0.0;
            for (std::size_t j = lo; j < hi; ++j) sum += in[j];
            out[i] = sum / static_cast<double>(hi - lo);
        }
        return;
    }
    double sum = 0.0;
    for (std::size_t j = 0; j <= half; ++j) sum += in[j];
    // Head: windows [0, i + half].
    for (std::size_t i = 0; i <= half; ++i) {
        out[i] = sum / static_cast<double>(i + half + 1);
        sum += in[i + half + 1];
    }
    // Body: full windows [i - half, i + half]; sum holds [0, 2 half + 1) on entry, i.e. the window of half
    // + 1. The running sum takes the cell that enters less the one that leaves as one addition: one
    // floating-point add a cell on the loop's dependency chain instead of two (the chain is what the loop
    // waits on).
    const double inverse = 1.0 / static_cast<double>(2 * half + 1);
    for (std::size_t i = half + 1; i + half < n; ++i) {
        const double leaving = in[i - half - 1];
        out[i] = (sum - leaving) * inverse;
        sum += (i + half + 1 < n ? in[i + half + 1] : 0.0) - leaving;
    }
    // Tail: windows [i - half, n - 1].
    for (std::size_t i = n - half; i < n; ++i) {
        sum -= in[i - half - 1];
        out[i] = sum / static_cast<double>(n - (i - half));
    }
}

}  // namespace

std::string_view to_string(ElevationNoise noise) {
    switch (noise) {
        case ElevationNoise::clean:
            return "clean";
        case ElevationNoise::noisy:
            return "noisy";
        case ElevationNoise::dem:
            return "dem";
    }
    return "noisy";
}

double smoothing_window_m(ElevationNoise noise) {
    switch (noise) {
        case ElevationNoise::clean:
            return k_clean_window_m;
        case ElevationNoise::noisy:
            return k_noisy_window_m;
        case ElevationNoise::dem:
            return k_dem_window_m;
    }
    return k_noisy_window_m;
}

namespace {

// The grid from the cells' points (each at its samples' mean distance and mean elevation, in increasing
// distance): the straight line through consecutive points; beyond the end points the line through the last
// two points for up to one cell (the first and last cells' points sit up to half a cell inside the course),
// the end value beyond.
std::vector<double> grid_through(const std::vector<double>& point_d, const std::vector<double>& point_e,
                                 std::size_t cells, double step_m) {
    // Two cells of slack: the fill below may write up to two cells past the last one it keeps.
    std::vector<double> grid(cells + 2);
    const std::size_t p = point_d.size();
    const double inverse_step = 1.0 / step_m;
    const auto end_value = [&](double x, bool front) {
        const std::size_t a = front ? 0 : p - 2;
        const double end_d = front ? point_d.front() : point_d.back();
        const double end_e = front ? point_e.front() : point_e.back();
        if (p >= 2 && std::abs(x - end_d) <= step_m && point_d[a + 1] > point_d[a]) {
            return end_e + (x - end_d) * (point_e[a + 1] - point_e[a]) / (point_d[a + 1] - point_d[a]);
        }
        return end_e;
    };
    std::size_t k = 0;
    for (; k < cells && static_cast<double>(k) * step_m <= point_d.front(); ++k) {
        grid[k] = end_value(static_cast<double>(k) * step_m, true);
    }
    for (std::size_t j = 0; j + 1 < p; ++j) {
        // Cells with x in (point_d[j], point_d[j + 1]]: one slope per segment, no division per cell. The
        // distances are not negative, so the cast is the floor (std::floor is a library call at this
        // project's -O2 without SSE4.1).
        const std::size_t end =
            std::min(cells, static_cast<std::size_t>(point_d[j + 1] * inverse_step) + 1);
        if (k >= end) continue;
        const double slope = (point_e[j + 1] - point_e[j]) / (point_d[j + 1] - point_d[j]);
        // A point is 2-4 m from the next at running pace, one or two cells, a count the branch predictor
        // cannot guess: both cells are written (the second is overwritten by the next segment when it is not
        // this one's), the loop only takes the rare longer segment.
        grid[k] = point_e[j] + (static_cast<double>(k) * step_m - point_d[j]) * slope;
        grid[k + 1] = point_e[j] + (static_cast<double>(k + 1) * step_m - point_d[j]) * slope;
        for (std::size_t c = k + 2; c < end; ++c)
            grid[c] = point_e[j] + (static_cast<double>(c) * step_m - point_d[j]) * slope;
        k = end;
    }
    for (; k < cells; ++k) grid[k] = end_value(static_cast<double>(k) * step_m, false);
    grid.resize(cells);
    return grid;
}

}  // namespace

DistanceProfile distance_profile(const std::vector<double>& elevation_m,
                                 const std::vector<double>& distance_m, double step_m) {
    const std::size_t n = std::min(elevation_m.size(), distance_m.size());
    double max_d = 0.0;
    bool monotone = true;
    double last_d = 0.0;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = distance_m[i];
        if (!std::isfinite(d) || !std::isfinite(elevation_m[i]) || d < 0.0) continue;
        if (any && d < last_d) monotone = false;
        last_d = d;
        max_d = std::max(max_d, d);
        any = true;
    }
    if (!any) return DistanceProfile(step_m, {});
    const auto cells = static_cast<std::size_t>(std::floor(max_d / step_m + 0.5)) + 1;
    const double inverse_step = 1.0 / step_m;
    std::vector<double> point_d;
    std::vector<double> point_e;
    point_d.reserve(std::min(n, cells));
    point_e.reserve(std::min(n, cells));
    if (monotone) {
        // Course distance never decreases: each cell's samples are consecutive, one running sum at a time.
        std::size_t cell = cells;
        double sum_d = 0.0;
        double sum_e = 0.0;
        double count = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double d = distance_m[i];
            if (!std::isfinite(d) || !std::isfinite(elevation_m[i]) || d < 0.0) continue;
            const auto k = std::min(cells - 1, static_cast<std::size_t>(d * inverse_step + 0.5));
            if (k != cell && count > 0.0) {
                point_d.push_back(sum_d / count);
                point_e.push_back(sum_e / count);
                sum_d = sum_e = count = 0.0;
            }
            cell = k;
            sum_d += d;
            sum_e += elevation_m[i];
            count += 1.0;
        }
        point_d.push_back(sum_d / count);
        point_e.push_back(sum_e / count);
    } else {
        std::vector<double> sum_e(cells, 0.0);
        std::vector<double> sum_d(cells, 0.0);
        std::vector<double> count(cells, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            const double d = distance_m[i];
            if (!std::isfinite(d) || !std::isfinite(elevation_m[i]) || d < 0.0) continue;
            const auto k = std::min(cells - 1, static_cast<std::size_t>(d * inverse_step + 0.5));
            sum_e[k] += elevation_m[i];
            sum_d[k] += d;
            count[k] += 1.0;
        }
        for (std::size_t k = 0; k < cells; ++k) {
            if (count[k] == 0.0) continue;
            point_d.push_back(sum_d[k] / count[k]);
            point_e.push_back(sum_e[k] / count[k]);
        }
    }
    return DistanceProfile(step_m, grid_through(point_d, point_e, cells, step_m));
}

DistanceProfile smooth_profile(DistanceProfile profile, double window_m) {
    // The odd number of cells nearest to the window: 2 half + 1.
    const auto half =
        static_cast<std::size_t>(std::max(0.0, std::round((window_m / profile.step_m() - 1.0) / 2.0)));
    if (half == 0 || profile.elevation_m().size() < 3) return profile;
    const double step = profile.step_m();
    std::vector<double> a = std::move(profile).release();
    std::vector<double> b;
    box_pass(a, half, b);
    box_pass(b, half, a);
    box_pass(a, half, b);
    return DistanceProfile(step, std::move(b));
}

}  // namespace hillcoach::terrain
