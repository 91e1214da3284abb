#include "hillcoach/plan/hills.hpp"

#include <cmath>
#include <tuple>

namespace hillcoach::plan {

std::optional<ClimbUse> choose_hill(std::span<const Hill> hills, const HillNeed& need) {
    const Hill* best = nullptr;
    const double mid = 0.5 * (need.grade_low + need.grade_high);
    const auto rank = [&](const Hill& h) {
        return std::make_tuple(-h.times_run, std::abs(h.grade - mid), h.length_m);
    };
    for (const Hill& h : hills) {
        if (!(h.length_m >= need.rep_m * k_hill_min_length_share)) continue;
        if (!(h.grade >= need.grade_low * (1.0 - k_hill_grade_tolerance) &&
              h.grade <= need.grade_high * (1.0 + k_hill_grade_tolerance))) {
            continue;
        }
        if (best == nullptr || rank(h) < rank(*best)) best = &h;
    }
    if (best == nullptr) return std::nullopt;
    return ClimbUse{.id = best->id,
                    .name = best->name,
                    .length_m = best->length_m,
                    .grade = best->grade,
                    .times_run = best->times_run,
                    .used_m = std::min(need.rep_m, best->length_m)};
}

}  // namespace hillcoach::plan
