#include "hillcoach/terrain/two_line_split.hpp"

#include <limits>

namespace hillcoach::terrain {
namespace {

// Sums of 1, x, y, x^2, xy, y^2 over points of the stretch, relative to its first point.
struct Sums {
    double n = 0.0;
    double x = 0.0;
    double y = 0.0;
    double xx = 0.0;
    double xy = 0.0;
    double yy = 0.0;

    Sums minus(const Sums& o) const { return {n - o.n, x - o.x, y - o.y, xx - o.xx, xy - o.xy, yy - o.yy}; }
    Sums plus(const Sums& o) const { return {n + o.n, x + o.x, y + o.y, xx + o.xx, xy + o.xy, yy + o.yy}; }
};

struct LineFit {
    double residual = 0.0;  // sum of squared residuals
    double slope = 0.0;
};

// The residual alone, for the sweep: the slope's division is left to the winner (fit below computes the
// same residual the same way, so the winner is the same). Written over n times the variances,
//   A = n yy - y^2,  B = n xx - x^2,  C = n xy - x y,  residual = (A - C^2 / B) / n = (A B - C^2) / (n B),
// it costs one division where the textbook form (var_y - cov^2 / var_x, each variance divided by n) costs
// four, and the sweep runs it twice per candidate split; the rounding error is of the same order, eps var_y.
double residual_of(const Sums& s) {
    const double b = s.n * s.xx - s.x * s.x;
    const double a = s.n * s.yy - s.y * s.y;
    if (b <= 0.0) return a > 0.0 ? a / s.n : 0.0;
    const double c = s.n * s.xy - s.x * s.y;
    const double residual = (a * b - c * c) / (s.n * b);
    return residual > 0.0 ? residual : 0.0;
}

LineFit fit(const Sums& s) {
    const double b = s.n * s.xx - s.x * s.x;
    if (b <= 0.0) return {residual_of(s), 0.0};
    return {residual_of(s), (s.n * s.xy - s.x * s.y) / b};
}

}  // namespace

std::optional<TwoLineSplit> best_two_line_split(std::span<const double> x, std::span<const double> y,
                                                std::size_t first, std::size_t last, std::size_t min_points) {
    if (min_points < 2) min_points = 2;
    if (last >= x.size() || last >= y.size() || last < first) return std::nullopt;
    const std::size_t m = last - first + 1;
    if (m < 2 * min_points - 1) return std::nullopt;
    // One pass for the totals, one sweep adding each point to the head: the tail is the totals minus the
    // head.
    const auto point = [&](std::size_t k) {
        const double dx = x[first + k] - x[first];
        const double dy = y[first + k] - y[first];
        return Sums{1.0, dx, dy, dx * dx, dx * dy, dy * dy};
    };
    Sums total;
    for (std::size_t k = 0; k < m; ++k) total = total.plus(point(k));
    Sums head;
    for (std::size_t k = 0; k + 1 < min_points; ++k) head = head.plus(point(k));
    std::optional<std::size_t> best_c;
    Sums best_head;
    Sums best_tail;
    double best_residual = std::numeric_limits<double>::infinity();
    for (std::size_t c = min_points - 1; c + min_points <= m; ++c) {
        const Sums before = head;  // points [0, c)
        head = head.plus(point(c));
        const Sums tail = total.minus(before);
        const double residual = residual_of(head) + residual_of(tail);
        if (residual < best_residual) {
            best_residual = residual;
            best_c = c;
            best_head = head;
            best_tail = tail;
        }
    }
    std::optional<TwoLineSplit> best;
    if (best_c) {
        best = TwoLineSplit{
            .at = first + *best_c, .head_slope = fit(best_head).slope, .tail_slope = fit(best_tail).slope};
    }
    if (best && x[last] <= x[first]) return std::nullopt;
    return best;
}

}  // namespace hillcoach::terrain
