#pragma once
// Total ascent and descent of an elevation series with hysteresis.
//
// The series is walked once, keeping the last confirmed turning point (a low or a high) and the extreme
// reached since. A climb is confirmed only when the series has risen at least `hysteresis_m` above the last
// low, and it ends at the highest point before the series falls `hysteresis_m` below that high; descents
// likewise. Each confirmed leg counts in full, from turning point to turning point: unlike a threshold on
// each step (which drops the sub-threshold part of every leg), a 40 m climb counts 40 m. Wiggles smaller than
// the hysteresis inside a leg, or between legs, count nothing. The unfinished last leg counts when it reaches
// the hysteresis. So ascent - descent equals the net elevation change up to less than one hysteresis at each
// end.
//
// This is the scheme GoldenCheetah uses with 3 m (default) and OsmAnd's maintainers describe (ignore trends
// that reverse before 5 m); hillcoach runs it on the smoothed distance profile (elevation_smooth.hpp) with a
// hysteresis per kind of channel (docs/models.md).

#include <span>

#include "hillcoach/terrain/elevation_smooth.hpp"

namespace hillcoach::terrain {

// Hysteresis per kind of channel, in metres (docs/models.md gives the measurements).
inline constexpr double k_clean_hysteresis_m = 1.0;
inline constexpr double k_noisy_hysteresis_m = 9.0;
inline constexpr double k_dem_hysteresis_m = 3.0;

double hysteresis_m(ElevationNoise noise);

struct AscentDescent {
    double ascent_m = 0.0;
    double descent_m = 0.0;
};

// NaN values are skipped. An empty series (or one value) gives 0 / 0.
AscentDescent ascent_descent(std::span<const double> elevation_m, double hysteresis_m);

}  // namespace hillcoach::terrain
