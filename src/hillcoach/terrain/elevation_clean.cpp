#include "hillcoach/terrain/elevation_clean.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
// Median absolute deviation to the standard deviation of a normal distribution.
constexpr double k_mad_to_sigma = 1.4826;

std::size_t remove_absurd(std::vector<double>& e) {
    std::size_t count = 0;
    for (double& v : e) {
        if (std::isfinite(v) && (v < k_min_plausible_elevation_m || v > k_max_plausible_elevation_m)) {
            v = k_nan;
            ++count;
        }
    }
    return count;
}

std::size_t remove_zero_dropouts(std::vector<double>& e) {
    std::size_t count = 0;
    const std::size_t n = e.size();
    std::size_t i = 0;
    double before = k_nan;  // last finite non-zero value before the run
    while (i < n) {
        if (!(e[i] == 0.0)) {
            if (std::isfinite(e[i])) before = e[i];
            ++i;
            continue;
        }
        std::size_t end = i;  // one past the run of zeros (missing values inside the run are skipped)
        while (end < n && (e[end] == 0.0 || !std::isfinite(e[end]))) ++end;
        const double after = end < n ? e[end] : k_nan;
        const bool far_before = !std::isfinite(before) || std::abs(before) >= k_zero_dropout_margin_m;
        const bool far_after = !std::isfinite(after) || std::abs(after) >= k_zero_dropout_margin_m;
        const bool has_neighbour = std::isfinite(before) || std::isfinite(after);
        if (far_before && far_after && has_neighbour) {
            for (std::size_t j = i; j < end; ++j) {
                if (e[j] == 0.0) {
                    e[j] = k_nan;
                    ++count;
                }
            }
        }
        i = end;
    }
    return count;
}

// The Hampel test for sample i over its distance window. `scratch` is reused to avoid allocating per test.
bool is_spike(const std::vector<double>& e, const std::vector<double>& d, const std::vector<double>& t,
              std::size_t i, std::vector<double>& scratch) {
    const std::size_t n = e.size();
    scratch.clear();
    const std::size_t lo = i > k_spike_max_half_window ? i - k_spike_max_half_window : 0;
    const std::size_t hi = std::min(n - 1, i + k_spike_max_half_window);
    for (std::size_t j = lo; j <= hi; ++j) {
        if (!std::isfinite(e[j])) continue;
        if (std::abs(d[j] - d[i]) <= k_spike_half_window_m ||
            std::abs(t[j] - t[i]) <= k_spike_half_window_s) {
            scratch.push_back(e[j]);
        }
    }
    if (scratch.size() < 3) return false;
    const auto mid = scratch.begin() + static_cast<std::ptrdiff_t>(scratch.size() / 2);
    std::nth_element(scratch.begin(), mid, scratch.end());
    const double median = *mid;
    for (double& v : scratch) v = std::abs(v - median);
    std::nth_element(scratch.begin(), mid, scratch.end());
    const double sigma = k_mad_to_sigma * *mid;
    const double deviation = std::abs(e[i] - median);
    return deviation > k_spike_floor_m && deviation > k_spike_sigmas * sigma;
}

std::size_t remove_spikes(std::vector<double>& e, const std::vector<double>& d,
                          const std::vector<double>& t) {
    const std::size_t n = e.size();
    // Candidates: samples within the test window of a step larger than the floor.
    std::vector<std::uint8_t> candidate(n, 0);
    std::size_t prev = n;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(e[i])) continue;
        if (prev < n && std::abs(e[i] - e[prev]) > k_spike_floor_m) {
            const std::size_t lo = prev > k_spike_max_half_window ? prev - k_spike_max_half_window : 0;
            const std::size_t hi = std::min(n - 1, i + k_spike_max_half_window);
            for (std::size_t j = lo; j <= hi; ++j) candidate[j] = 1;
            any = true;
        }
        prev = i;
    }
    if (!any) return 0;
    // Decide on the original values, then remove, so one spike does not shift its neighbours' medians.
    std::vector<double> scratch;
    scratch.reserve(2 * k_spike_max_half_window + 1);
    std::vector<std::size_t> spikes;
    for (std::size_t i = 0; i < n; ++i) {
        if (candidate[i] && std::isfinite(e[i]) && is_spike(e, d, t, i, scratch)) spikes.push_back(i);
    }
    for (std::size_t i : spikes) e[i] = k_nan;
    return spikes.size();
}

// Takes the change across each pause out of the values after it.
void level_pauses(std::vector<double>& e, const std::vector<std::uint8_t>& pause_steps,
                  CleanedElevation& out) {
    double offset = 0.0;
    double last = k_nan;   // last finite value, levelled
    bool pending = false;  // a pause crossed since `last`
    for (std::size_t i = 0; i < e.size(); ++i) {
        if (i < pause_steps.size() && pause_steps[i]) pending = true;
        if (!std::isfinite(e[i])) continue;
        if (pending && std::isfinite(last)) {
            const double change = e[i] + offset - last;
            offset -= change;
            out.levelled_m += std::abs(change);
            ++out.levelled;
        }
        pending = false;
        e[i] += offset;
        last = e[i];
    }
}

// Linear interpolation of the missing values over distance (time where distance stands still).
void fill_missing(std::vector<double>& e, const std::vector<double>& d, const std::vector<double>& t) {
    const std::size_t n = e.size();
    std::size_t prev = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(e[i])) continue;
        if (prev == n) {
            for (std::size_t j = 0; j < i; ++j) e[j] = e[i];
        } else if (i > prev + 1) {
            const double span_d = d[i] - d[prev];
            const double span_t = t[i] - t[prev];
            for (std::size_t j = prev + 1; j < i; ++j) {
                double w = 0.5;
                if (span_d > 0.0) {
                    w = (d[j] - d[prev]) / span_d;
                } else if (std::isfinite(span_t) && span_t > 0.0 && std::isfinite(t[j])) {
                    w = (t[j] - t[prev]) / span_t;
                }
                e[j] = e[prev] + std::clamp(w, 0.0, 1.0) * (e[i] - e[prev]);
            }
        }
        prev = i;
    }
    if (prev < n) {
        for (std::size_t j = prev + 1; j < n; ++j) e[j] = e[prev];
    }
}

}  // namespace

CleanedElevation clean_elevation(const std::vector<double>& elevation_m,
                                 const std::vector<double>& distance_m, const std::vector<double>& time_s,
                                 const std::vector<std::uint8_t>& pause_steps) {
    CleanedElevation out;
    out.elevation_m = elevation_m;
    auto& e = out.elevation_m;
    const std::size_t missing_before = static_cast<std::size_t>(
        std::count_if(e.begin(), e.end(), [](double v) { return !std::isfinite(v); }));
    out.absurd = remove_absurd(e);
    out.zeros = remove_zero_dropouts(e);
    out.spikes = remove_spikes(e, distance_m, time_s);
    const std::size_t left = static_cast<std::size_t>(
        std::count_if(e.begin(), e.end(), [](double v) { return std::isfinite(v); }));
    if (left < 2) {
        std::fill(e.begin(), e.end(), k_nan);
        return out;
    }
    out.filled = missing_before + out.absurd + out.zeros + out.spikes;
    level_pauses(e, pause_steps, out);
    fill_missing(e, distance_m, time_s);
    out.valid = true;
    return out;
}

}  // namespace hillcoach::terrain
