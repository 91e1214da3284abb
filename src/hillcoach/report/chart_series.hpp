#pragma once
// From per-sample channels (tens of thousands of samples) to the few hundred points a chart can show: the
// mean of each equal-width column of x. A chart is at most ~640 units wide, so more points than columns add
// bytes, not detail. Columns without a value become NaN points, which break the line (a heart-rate strap
// that dropped out shows as a gap, not as a straight line across it).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "hillcoach/report/svg_chart.hpp"

namespace hillcoach::report {

// The chart width in columns; series with at most this many samples are drawn sample by sample.
inline constexpr std::size_t k_chart_columns = 600;

// Points (x, mean y) per column of x; `keep` (optional, same length) selects the samples that count (moving
// steps for pace). Samples with a non-finite x or y are skipped; with at most `columns` samples the points
// are the samples themselves (non-finite y kept as gaps).
std::vector<ChartPoint> column_means(std::span<const double> x, std::span<const double> y,
                                     std::size_t columns = k_chart_columns,
                                     std::span<const std::uint8_t> keep = {});

// Every k-th sample of a 2-D track so that at most `max_points` remain (the first and last always kept).
std::vector<std::size_t> thinned_indices(std::size_t count, std::size_t max_points);

// The p-th quantile (0..1) of the finite values; NaN when there are none.
double quantile(std::vector<double> values, double p);

}  // namespace hillcoach::report
