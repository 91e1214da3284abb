#pragma once
// Elevation cleaning: what no instrument could have measured is removed, and the holes are filled over
// distance.
//
//   1. absurd values (below k_min_plausible_elevation_m or above k_max_plausible_elevation_m) are missing;
//   2. runs of exact zeros between values at least k_zero_dropout_margin_m from zero are missing: devices and
//      exports write 0 for "no altitude" (gpxpy #252: missing elevations read as 0 turned 228 m into 480 m);
//   3. spikes are missing: a Hampel test (Hampel 1974; Pearson 2002) over the samples within
//      k_spike_half_window_m of course distance or k_spike_half_window_s of time (at most
//      k_spike_max_half_window samples each side): a sample is a spike when it is further from the window's
//      median than k_spike_sigmas robust standard deviations (1.4826 x the median absolute deviation) and
//      than k_spike_floor_m. Time as well as distance, because a GPS spike throws the position too: its
//      samples are spread over tens of metres of (track) distance but stay seconds apart. Only windows around
//      a step of more than k_spike_floor_m between consecutive samples are tested: a spike must make such a
//      step, and this keeps the cost linear (most activities have none);
//   4. across a timer pause the elevation is levelled: the change from the last value before the pause to the
//      first after it is taken out of every later value. The device was not measuring the ground then; what
//      changed is the weather or a recalibration (python-fitparse 2019-02-17-...-ELEMNT: +32 m across a
//      24-min pause at the same place), or the runner travelled with the timer stopped, which devices do not
//      count;
//   5. every missing value is interpolated linearly over course distance between its neighbours (over time
//      where the distance does not advance, as in a stop); before the first and after the last value the
//      nearest value is held.
//
// With fewer than two values left there is no elevation: `valid` is false and the caller reports nullopt.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hillcoach::terrain {

inline constexpr double k_min_plausible_elevation_m = -500.0;  // the Dead Sea shore is at -430 m
inline constexpr double k_max_plausible_elevation_m = 9000.0;  // Everest is 8849 m
inline constexpr double k_zero_dropout_margin_m = 10.0;
// Half-window of the spike test: 50 m or 15 s each side holds 15-35 samples of a 1 Hz run, enough for a
// robust median, and is short enough that the terrain inside it is close to a straight line.
inline constexpr double k_spike_half_window_m = 50.0;
inline constexpr double k_spike_half_window_s = 15.0;
inline constexpr std::size_t k_spike_max_half_window = 15;
// Hampel's usual threshold.
inline constexpr double k_spike_sigmas = 3.0;
// No deviation under this is a spike: GPS altitude wanders by several metres (sigma 3-4 m) and smoothing
// deals with that; the spikes to remove are the 15-60 m jumps of a lost fix.
inline constexpr double k_spike_floor_m = 8.0;

struct CleanedElevation {
    std::vector<double> elevation_m;  // per sample; no NaN when valid
    bool valid = false;
    std::size_t absurd = 0;  // values outside the plausible range
    std::size_t zeros = 0;   // zero dropouts
    std::size_t spikes = 0;
    std::size_t filled = 0;    // samples interpolated (all of the above and the originally missing)
    std::size_t levelled = 0;  // pauses levelled
    double levelled_m = 0.0;   // sum of the absolute changes taken out
};

// `pause_steps`, when not empty, holds per sample whether the step ending there crosses a timer pause (step
// 4).
CleanedElevation clean_elevation(const std::vector<double>& elevation_m,
                                 const std::vector<double>& distance_m, const std::vector<double>& time_s,
                                 const std::vector<std::uint8_t>& pause_steps = {});

}  // namespace hillcoach::terrain
