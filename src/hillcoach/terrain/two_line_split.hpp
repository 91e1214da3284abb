#pragma once
// The best split of a stretch of elevation profile into two straight lines, by least squares: where a climb
// turns into level ground when the level ground is noisy.
//
// For every point c of [first, last] (keeping at least `min_points` points on each side), a least-squares
// line is fitted to the points [first, c] and another to [c, last] (the lines share the point c but are not
// forced to meet); the split is the c with the smallest total squared residual. This is two-phase regression,
// the classical estimator of a change point in slope (D. V. Hinkley, "Inference in two-phase regression", J
// Am Stat Assoc 66(336), 736-743, 1971). Running sums taken from the stretch's own first point make it linear
// in the number of points and keep the sums small enough that the residuals do not cancel out.

#include <cstddef>
#include <optional>
#include <span>

namespace hillcoach::terrain {

struct TwoLineSplit {
    std::size_t at = 0;       // the split point c
    double head_slope = 0.0;  // dy/dx of the line over [first, c]
    double tail_slope = 0.0;  // and over [c, last]
};

// nullopt when [first, last] has fewer than 2 * min_points - 1 points or the x values do not spread.
std::optional<TwoLineSplit> best_two_line_split(std::span<const double> x, std::span<const double> y,
                                                std::size_t first, std::size_t last,
                                                std::size_t min_points = 3);

}  // namespace hillcoach::terrain
