#include "hillcoach/terrain/grade.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hillcoach::terrain {

double grade_at(const DistanceProfile& profile, double distance_m, double window_m) {
    if (profile.empty() || !std::isfinite(distance_m)) return std::numeric_limits<double>::quiet_NaN();
    const double length = profile.length_m();
    if (length <= 0.0) return 0.0;
    const double from = std::max(0.0, distance_m - 0.5 * window_m);
    const double to = std::min(length, distance_m + 0.5 * window_m);
    if (to <= from) return 0.0;
    const double g = (profile.at(to) - profile.at(from)) / (to - from);
    return std::clamp(g, -k_max_abs_grade, k_max_abs_grade);
}

std::vector<double> grade_series(const DistanceProfile& profile, const std::vector<double>& distance_m,
                                 double window_m) {
    std::vector<double> out(distance_m.size());
    for (std::size_t i = 0; i < distance_m.size(); ++i) out[i] = grade_at(profile, distance_m[i], window_m);
    return out;
}

}  // namespace hillcoach::terrain
