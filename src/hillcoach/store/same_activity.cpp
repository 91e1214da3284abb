#include "hillcoach/store/same_activity.hpp"

#include <algorithm>
#include <cmath>

namespace hillcoach::store {

ActivityTiming timing_of(const training::ActivityDigest& d) {
    return {.start_s = d.start_time_s, .duration_s = d.elapsed_s ? d.elapsed_s : d.moving_s};
}

bool same_activity(const ActivityTiming& a, const ActivityTiming& b) {
    if (!a.start_s || !b.start_s) return false;
    if (!(std::abs(*a.start_s - *b.start_s) <= k_same_start_window_s)) return false;
    if (a.duration_s.has_value() != b.duration_s.has_value()) return false;
    if (!a.duration_s) return true;
    const double longer = std::max(*a.duration_s, *b.duration_s);
    return std::abs(*a.duration_s - *b.duration_s) <= k_same_duration_fraction * longer;
}

}  // namespace hillcoach::store
