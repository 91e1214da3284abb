#include "hillcoach/report/chart_series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hillcoach::report {

std::vector<ChartPoint> column_means(std::span<const double> x, std::span<const double> y,
                                     std::size_t columns, std::span<const std::uint8_t> keep) {
    const std::size_t n = std::min(x.size(), y.size());
    const auto counts = [&](std::size_t i) { return keep.empty() || (i < keep.size() && keep[i] != 0); };
    std::vector<ChartPoint> points;
    if (n <= columns) {
        for (std::size_t i = 0; i < n; ++i) {
            if (!std::isfinite(x[i])) continue;
            const double v = counts(i) ? y[i] : std::numeric_limits<double>::quiet_NaN();
            points.push_back({x[i], v});
        }
        return points;
    }
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i])) continue;
        lo = std::min(lo, x[i]);
        hi = std::max(hi, x[i]);
    }
    if (!(hi > lo) || columns == 0) return points;
    std::vector<double> sum(columns, 0.0);
    std::vector<std::size_t> count(columns, 0);
    const double width = (hi - lo) / static_cast<double>(columns);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || !counts(i)) continue;
        const auto c = std::min(columns - 1, static_cast<std::size_t>((x[i] - lo) / width));
        sum[c] += y[i];
        ++count[c];
    }
    points.reserve(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        const double mid = lo + (static_cast<double>(c) + 0.5) * width;
        const double v =
            count[c] > 0 ? sum[c] / static_cast<double>(count[c]) : std::numeric_limits<double>::quiet_NaN();
        points.push_back({mid, v});
    }
    return points;
}

std::vector<std::size_t> thinned_indices(std::size_t count, std::size_t max_points) {
    std::vector<std::size_t> out;
    if (count == 0) return out;
    const std::size_t step = max_points < 2 ? count : (count + max_points - 2) / (max_points - 1);
    for (std::size_t i = 0; i < count; i += std::max<std::size_t>(step, 1)) out.push_back(i);
    if (out.back() != count - 1) out.push_back(count - 1);
    return out;
}

double quantile(std::vector<double> values, double p) {
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    const auto k = static_cast<std::size_t>(std::clamp(p, 0.0, 1.0) * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
    return values[k];
}

}  // namespace hillcoach::report
