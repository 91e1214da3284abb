#pragma once
// When two files hold the same run: a watch's FIT and the GPX a service exported from it, or the TCX of a
// second app that recorded the same session. Their bytes differ, so the content hash cannot tell; their
// start and length can. Two activities are the same when they start within k_same_start_window_s of each
// other and last the same within k_same_duration_fraction (elapsed time, first to last sample: it does not
// depend on how a format records pauses; moving time where there is no elapsed time).
//
// The window: devices and exporters round the start to the second and may drop the first fixes before the
// GPS locks, a few seconds to tens of seconds; two different runs by one person cannot start within a minute
// and also last the same. The fraction: an exporter may trim the last samples after the stop (a few %).

#include <optional>

#include "hillcoach/training/activity_digest.hpp"

namespace hillcoach::store {

inline constexpr double k_same_start_window_s = 60.0;
inline constexpr double k_same_duration_fraction = 0.05;

struct ActivityTiming {
    std::optional<double> start_s{};
    std::optional<double> duration_s{};
};

ActivityTiming timing_of(const training::ActivityDigest& digest);

// Symmetric. Without a start time on either side nothing can be said: false. With a start on both, a
// duration on one side only is a mismatch; on neither, the start alone decides.
bool same_activity(const ActivityTiming& a, const ActivityTiming& b);

}  // namespace hillcoach::store
