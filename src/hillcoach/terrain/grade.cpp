#include "hillcoach/terrain/grade.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hillcoach::terrain {

namespace {

// grade_at's body, inlined into grade_series' per-sample loop (a call per sample cost 1 % of analysing a
// run).
[[gnu::always_inline]] inline double grade_over(const DistanceProfile& profile, double distance_m,
                                                double window_m) {
    if (profile.empty() || !std::isfinite(distance_m)) return std::numeric_limits<double>::quiet_NaN();
    const double length = profile.length_m();
    if (length <= 0.0) return 0.0;
    const double from = std::max(0.0, distance_m - 0.5 * window_m);
    const double to = std::min(length, distance_m + 0.5 * window_m);
    if (to <= from) return 0.0;
    const double g = (profile.at(to) - profile.at(from)) / (to - from);
    return std::clamp(g, -k_max_abs_grade, k_max_abs_grade);
}

}  // namespace

double grade_at(const DistanceProfile& profile, double distance_m, double window_m) {
    return grade_over(profile, distance_m, window_m);
}

std::vector<double> grade_series(const DistanceProfile& profile, const std::vector<double>& distance_m,
                                 double window_m) {
    std::vector<double> out(distance_m.size());
    for (std::size_t i = 0; i < distance_m.size(); ++i) out[i] = grade_over(profile, distance_m[i], window_m);
    return out;
}

}  // namespace hillcoach::terrain
