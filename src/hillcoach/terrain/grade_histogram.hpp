#pragma once
// Distance and time spent in grade bands: how much of a run was steep uphill, gentle downhill, flat.
//
// Bands (grades as fractions): steeper than -15 %, -15..-10, -10..-6, -6..-3, -3..3, 3..6, 6..10, 10..15,
// steeper than 15 %. A boundary grade belongs to the band nearer zero, so the bands are symmetric: exactly
// 3 % and exactly -3 % are flat ("steeper than 3 %" means strictly steeper), exactly 15 % is in 10..15.
//
// Each step of the course (sample i-1 to i) goes into the band of the course's grade at sample i, which
// Course defines as the grade of the interval ending there. Distance is the step's horizontal distance;
// time is the step's time when the course marks it as moving (a standing rest is in no band). Steps
// without a grade (no elevation) are counted apart as `ungraded`.

#include <array>
#include <cstddef>
#include <limits>

#include "hillcoach/terrain/course.hpp"

namespace hillcoach::terrain {

inline constexpr double k_no_grade_limit = std::numeric_limits<double>::infinity();

// The band edges, from the steepest descent up; the first band starts at -infinity, the last ends at
// +infinity.
inline constexpr std::array<double, 8> k_grade_band_edges = {-0.15, -0.10, -0.06, -0.03,
                                                             0.03,  0.06,  0.10,  0.15};
inline constexpr std::size_t k_grade_band_count = k_grade_band_edges.size() + 1;

struct GradeBand {
    double from = -k_no_grade_limit;  // lower edge (fraction); -infinity for the first band
    double to = k_no_grade_limit;     // upper edge; +infinity for the last band
    double distance_m = 0.0;
    double time_s = 0.0;  // moving time
};

struct GradeHistogram {
    std::array<GradeBand, k_grade_band_count> bands{};
    double ungraded_distance_m = 0.0;
    double ungraded_time_s = 0.0;

    double graded_distance_m() const;
    double graded_time_s() const;
    // Share of the graded distance in the bands whose grades all lie within [-limit, limit] (limit one of the
    // band edges, e.g. 0.03 for the flat band alone); 0 without graded distance.
    double distance_share_within(double limit) const;
};

// The band a grade falls in (0 .. k_grade_band_count-1); NaN has none and gives k_grade_band_count.
std::size_t grade_band_index(double grade);

GradeHistogram grade_histogram(const Course& course);

}  // namespace hillcoach::terrain
