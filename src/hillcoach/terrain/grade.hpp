#pragma once
// Grade over course distance: the slope a runner would name for where they are.
//
//   grade(d) = (h(d + w/2) - h(d - w/2)) / w,   w = k_grade_window_m,
//
// on the smoothed distance profile (elevation_smooth.hpp), with the window shortened at the start and end of
// the course to the part that exists, and clamped to [-k_max_abs_grade, k_max_abs_grade].
//
// Why 50 m: it is the length over which a runner reads a slope (about 15-20 s of running; a bend in the road,
// a ramp between two houses), long enough that a barometer's 0.2 m steps and the decimetres of fix-to-fix GPS
// jitter left after smoothing do not show as grade (1 m over 50 m is 2 %), and short enough to keep a 100 m
// wall at its grade. (GPS altitude's slow wander of metres still moves the grade by a few percent.) Runalyze's 20-point moving average (about 60 m at 1 Hz) and sports-lib's 10 m look-ahead
// bracket it. Climbs report their own steepest 100 m from the profile.
//
// Why clamp at 50 %: steeper than any runnable (or walkable) path over 50 m; Minetti et al. (2002) measured
// the energy cost only to +-45 %. sports-lib clamps at +-50 % too. A larger value can only come from noise at
// the very ends of a course or from a profile with almost no distance.

#include <vector>

#include "hillcoach/terrain/elevation_smooth.hpp"

namespace hillcoach::terrain {

inline constexpr double k_grade_window_m = 50.0;
inline constexpr double k_max_abs_grade = 0.5;

// Grade at distance d of the profile (fraction); NaN for an empty profile, 0 for a profile with no length.
double grade_at(const DistanceProfile& profile, double distance_m, double window_m = k_grade_window_m);

// Grade per sample at each sample's course distance.
std::vector<double> grade_series(const DistanceProfile& profile, const std::vector<double>& distance_m,
                                 double window_m = k_grade_window_m);

}  // namespace hillcoach::terrain
