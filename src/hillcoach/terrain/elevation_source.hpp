#pragma once
// Which instrument measured the elevation channel, and how noisy the channel is.
//
// The instrument is shown to the user: a barometric altimeter, the GPS receiver, or none. The reader's hint
// wins where it has one (io knows which device models carry a barometer); otherwise the signal decides. How
// hard the elevation is smoothed (elevation_smooth.hpp, ascent.hpp) follows the noise measured in the signal:
//
//   jitter = median over sample triples of |e[i] - (linear interpolation of e[i-1], e[i+1] at i's distance)|
//
// The ground under a runner is close to a straight line over a few metres, so what is left after a straight
// line through the neighbours is measurement noise. A barometric altimeter resolves 0.1-0.2 m and changes
// smoothly (jitter 0.0-0.2 m); raw GPS altitude jumps by half a metre to metres from one fix to the next
// (its vertical error is 2-3 times the horizontal). The median ignores the odd spike and the moments of real
// relief. Triples longer than k_source_max_span_m or k_source_max_span_s say more about the terrain's
// curvature than about the instrument and are skipped (a 10 s recording of a barometer on hilly ground
// measures 0.3-0.9 m).
//
// Why the noise and not the label decides the smoothing: GPS-only watches often filter their altitude before
// writing it (gpsbabel fit-sample.fit, a GPS-only Garmin: jitter 0.00 m, plateaus of a few metres). Raw-GPS
// smoothing flattens such a channel to 16 m of ascent against the device's 41 m; the light smoothing of clean
// channels gives 42 m. A device known to carry a barometer is always clean (its table entry is firmer
// evidence than a jitter measured on a few triples), and a channel whose jitter cannot be measured is taken
// as noisy unless the device has a barometer: overcounting noise is the failure users complain about most
// (mission-anchors §2: totals 20 %-3000 % over the device's).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::terrain {

// Jitter at or above this is a noisy (raw GPS) channel. Measured (docs/models.md): barometric channels
// 0.00-0.22 m (benchmark workload at most 0.12 m; corpus barometric devices 0.00-0.11 m at 1 Hz, 0.20 m where
// the Suunto files' two interleaved record streams alternate, 0.22 m for a bike leg recorded every 5 s), raw
// GPS altitude 0.41 m and more (workload GPS runs at least 0.41 m, the synthetic GPS recorder at least 0.52
// m).
inline constexpr double k_noisy_jitter_m = 0.3;
// Triples longer than this (either measure) are not used for the jitter.
inline constexpr double k_source_max_span_m = 30.0;
inline constexpr double k_source_max_span_s = 10.0;
// The jitter is the median over at most about this many triples, taken at an even stride through the
// activity.
inline constexpr std::size_t k_source_max_triples = 500;
// Fewer usable triples than this: the signal cannot decide, the hint (or "unknown") stands.
inline constexpr std::size_t k_source_min_triples = 20;

struct ElevationSourceDecision {
    core::ElevationSource source = core::ElevationSource::none;
    std::optional<double> jitter_m;  // the measured jitter, when there were enough triples
    bool noisy = true;               // smoothed as raw GPS altitude (else as a clean, barometer-like channel)
    bool from_hint = false;          // the reader's device table named the instrument
    std::string reason;              // plain language, for Course::notes
};

// `distance_m` is the course distance per sample (distance.hpp); with no distance (all zeros) time is used
// as the interpolation axis instead.
ElevationSourceDecision detect_elevation_source(const core::Activity& activity,
                                                const std::vector<double>& distance_m);

// The jitter alone (nullopt with fewer than k_source_min_triples usable triples).
std::optional<double> elevation_jitter_m(const std::vector<double>& elevation_m,
                                         const std::vector<double>& distance_m,
                                         const std::vector<double>& time_s);

}  // namespace hillcoach::terrain
