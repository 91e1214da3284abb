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
//
// A noisy channel (raw GPS altitude) is counted at several hystereses and the counts averaged
// (`averaged_ascent_descent`). With one hysteresis a noise swing just over it counts in full and one just
// under it counts nothing, so a second recording of the same run (every 5th sample, another device) can gain
// or lose a whole swing: a step in the total. Averaged over hystereses from centre - spread to centre +
// spread, a swing counts in proportion to the share of hystereses it exceeds, so the total moves smoothly
// with the data.

#include <span>
#include <string>
#include <vector>

#include "hillcoach/terrain/elevation_smooth.hpp"

namespace hillcoach::terrain {

// Hysteresis per kind of channel, in metres (docs/models.md gives the measurements).
inline constexpr double k_clean_hysteresis_m = 1.0;
inline constexpr double k_noisy_hysteresis_m = 9.0;
inline constexpr double k_dem_hysteresis_m = 3.0;
// A noisy channel is counted at k_noisy_hysteresis_levels hystereses evenly spread over
// k_noisy_hysteresis_m +- k_noisy_hysteresis_spread_m (6-12 m).
inline constexpr double k_noisy_hysteresis_spread_m = 3.0;
inline constexpr int k_noisy_hysteresis_levels = 9;

double hysteresis_m(ElevationNoise noise);
// How a kind of channel is counted, for the course's notes: "hysteresis 1 m", "hysteresis 6-12 m averaged".
std::string hysteresis_text(ElevationNoise noise);

struct AscentDescent {
    double ascent_m = 0.0;
    double descent_m = 0.0;
};

// NaN values are skipped. An empty series (or one value) gives 0 / 0.
AscentDescent ascent_descent(std::span<const double> elevation_m, double hysteresis_m);

// The first value, every value where the series turns from rising to falling or back (a plateau counts once),
// and the last value, NaN skipped. Between two of them the series only rises or only falls, so no hysteresis
// can confirm a leg there that it would not confirm at the next one, and ascent_descent of these values
// equals ascent_descent of the whole series at every hysteresis: a smoothed profile of thousands of cells has
// a few hundred of them.
std::vector<double> turning_values(std::span<const double> elevation_m);

// The mean of ascent_descent over `levels` hystereses evenly spaced from centre_m - spread_m to centre_m +
// spread_m (both ends included; levels < 2 or spread_m <= 0 is ascent_descent at centre_m).
AscentDescent averaged_ascent_descent(std::span<const double> elevation_m, double centre_m, double spread_m,
                                      int levels);

// The count for a kind of channel: one hysteresis for clean and DEM channels, the average for noisy ones.
AscentDescent ascent_descent(std::span<const double> elevation_m, ElevationNoise noise);

}  // namespace hillcoach::terrain
