#include "hillcoach/terrain/moving_time.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "hillcoach/terrain/step_length.hpp"

namespace hillcoach::terrain {
namespace {

// The recorded pauses sorted and merged, so that overlapping or repeated pause events count once.
std::vector<core::Pause> merged_pauses(const std::vector<core::Pause>& pauses) {
    std::vector<core::Pause> sorted;
    for (const auto& p : pauses) {
        if (std::isfinite(p.start_s) && std::isfinite(p.end_s) && p.end_s > p.start_s) sorted.push_back(p);
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.start_s < b.start_s; });
    std::vector<core::Pause> merged;
    for (const auto& p : sorted) {
        if (!merged.empty() && p.start_s <= merged.back().end_s) {
            merged.back().end_s = std::max(merged.back().end_s, p.end_s);
        } else {
            merged.push_back(p);
        }
    }
    return merged;
}

// Seconds of [from, to] inside the pauses; `first` is advanced past pauses that end before `from`
// (samples come in time order, so the whole walk is linear).
double paused_within(const std::vector<core::Pause>& pauses, std::size_t& first, double from, double to) {
    while (first < pauses.size() && pauses[first].end_s <= from) ++first;
    double paused = 0.0;
    for (std::size_t i = first; i < pauses.size() && pauses[i].start_s < to; ++i) {
        paused += std::min(to, pauses[i].end_s) - std::max(from, pauses[i].start_s);
    }
    return paused;
}

// Whether the samples at the two ends of a gap (indices) show the runner covering ground across it: the
// straight line between their positions, or the device's distance channel, at k_gap_moving_speed_m_s or more.
bool moved_across(const core::Samples& s, std::size_t from, std::size_t to, double gap_s) {
    const double needed_m = k_gap_moving_speed_m_s * gap_s;
    const double chord_m =
        step_length_m(s.latitude_deg[from], s.longitude_deg[from], s.latitude_deg[to], s.longitude_deg[to]);
    if (chord_m >= needed_m) return true;  // NaN (no position at an end) compares false
    return s.distance_m[to] - s.distance_m[from] >= needed_m;
}

}  // namespace

std::vector<double> timer_running_s(const core::Activity& activity, double stop_gap_s) {
    const auto& time = activity.samples.time_s;
    const std::vector<core::Pause> pauses = merged_pauses(activity.pauses);
    std::vector<double> running(time.size(), 0.0);
    std::size_t next_pause = 0;
    bool any = false;
    double prev = 0.0;
    std::size_t prev_index = 0;  // the sample `prev` belongs to
    for (std::size_t i = 0; i < time.size(); ++i) {
        const double t = time[i];
        if (!std::isfinite(t)) continue;
        if (any && t > prev) {
            const double step = t - prev;
            const double paused = paused_within(pauses, next_pause, prev, t);
            const bool stopped = paused <= 0.0 && step > stop_gap_s &&
                                 !moved_across(activity.samples, prev_index, i, step);
            if (!stopped) running[i] = step - paused;
        }
        if (!any || t > prev) {
            prev = t;
            prev_index = i;
        }
        any = true;
    }
    return running;
}

std::vector<std::uint8_t> pause_steps(const core::Activity& activity) {
    const auto& time = activity.samples.time_s;
    const std::vector<core::Pause> pauses = merged_pauses(activity.pauses);
    std::vector<std::uint8_t> crossed(time.size(), 0);
    if (pauses.empty()) return crossed;
    std::size_t next_pause = 0;
    bool any = false;
    double prev = 0.0;
    for (std::size_t i = 0; i < time.size(); ++i) {
        const double t = time[i];
        if (!std::isfinite(t)) continue;
        if (any && t > prev && paused_within(pauses, next_pause, prev, t) > 0.0) crossed[i] = 1;
        if (!any || t > prev) prev = t;
        any = true;
    }
    return crossed;
}

std::optional<double> moving_time_s(const core::Activity& activity, double stop_gap_s) {
    const auto& time = activity.samples.time_s;
    if (std::none_of(time.begin(), time.end(), [](double t) { return std::isfinite(t); })) return std::nullopt;
    const std::vector<double> running = timer_running_s(activity, stop_gap_s);
    return std::accumulate(running.begin(), running.end(), 0.0);
}

}  // namespace hillcoach::terrain
