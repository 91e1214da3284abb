#include "hillcoach/terrain/two_line_split.hpp"

#include <limits>
#include <vector>

namespace hillcoach::terrain {
namespace {

// Running sums of 1, x, y, x^2, xy, y^2 over points [0, k) of the stretch, relative to its first point.
struct Sums {
    double n = 0.0;
    double x = 0.0;
    double y = 0.0;
    double xx = 0.0;
    double xy = 0.0;
    double yy = 0.0;

    Sums minus(const Sums& o) const { return {n - o.n, x - o.x, y - o.y, xx - o.xx, xy - o.xy, yy - o.yy}; }
};

struct LineFit {
    double residual = 0.0;  // sum of squared residuals
    double slope = 0.0;
};

LineFit fit(const Sums& s) {
    const double var_x = s.xx - s.x * s.x / s.n;
    const double var_y = s.yy - s.y * s.y / s.n;
    if (var_x <= 0.0) return {var_y > 0.0 ? var_y : 0.0, 0.0};
    const double cov = s.xy - s.x * s.y / s.n;
    const double residual = var_y - cov * cov / var_x;
    return {residual > 0.0 ? residual : 0.0, cov / var_x};
}

}  // namespace

std::optional<TwoLineSplit> best_two_line_split(std::span<const double> x, std::span<const double> y,
                                                std::size_t first, std::size_t last, std::size_t min_points) {
    if (min_points < 2) min_points = 2;
    if (last >= x.size() || last >= y.size() || last < first) return std::nullopt;
    const std::size_t m = last - first + 1;
    if (m < 2 * min_points - 1) return std::nullopt;
    std::vector<Sums> prefix(m + 1);
    for (std::size_t k = 0; k < m; ++k) {
        const double dx = x[first + k] - x[first];
        const double dy = y[first + k] - y[first];
        const Sums& p = prefix[k];
        prefix[k + 1] = {p.n + 1.0, p.x + dx, p.y + dy, p.xx + dx * dx, p.xy + dx * dy, p.yy + dy * dy};
    }
    std::optional<TwoLineSplit> best;
    double best_residual = std::numeric_limits<double>::infinity();
    for (std::size_t c = min_points - 1; c + min_points <= m; ++c) {
        const LineFit head = fit(prefix[c + 1]);
        const LineFit tail = fit(prefix[m].minus(prefix[c]));
        const double residual = head.residual + tail.residual;
        if (residual < best_residual) {
            best_residual = residual;
            best = TwoLineSplit{.at = first + c, .head_slope = head.slope, .tail_slope = tail.slope};
        }
    }
    if (best && x[last] <= x[first]) return std::nullopt;
    return best;
}

}  // namespace hillcoach::terrain
