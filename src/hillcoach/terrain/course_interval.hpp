#pragma once
// What one stretch of a course took: distance, moving time, speed and heart rate between two samples, and
// the course's elevation at any distance. Shared by segments, climbs and repeats so that every hill is
// measured the same way.
//
// An interval [first, last] covers the steps first+1 .. last (the step ending at sample i is the interval
// from i-1 to i, as Course documents). Moving time counts only steps the course marks as moving, so a rep
// that includes a standing rest at the top is timed without it; a Course whose `moving` channel is empty
// counts every timed step. A moving step over k_stop_gap_s long holds a timer pause: only its running part,
// estimated from its distance and the course's speed, counts (course_interval.cpp says why).

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::terrain {

struct GeoPoint {
    double latitude_deg = 0.0;
    double longitude_deg = 0.0;
};

struct IntervalStats {
    double distance_m = 0.0;                   // horizontal, along the course
    std::optional<double> moving_s;            // nullopt when the course has no times
    std::optional<double> speed_m_s;           // distance over moving time; nullopt without moving time
    std::optional<double> avg_heart_rate_bpm;  // moving-time weighted; nullopt without heart rate
};

IntervalStats interval_stats(const Course& course, std::size_t first, std::size_t last);

// y at x on the polyline (xs, ys), xs non-decreasing, linearly interpolated and clamped to the ends. `hint`
// is an index at or before the answer; pass the previous call's value back for a walk that moves forward (it
// is updated), so that a sweep along the course stays linear. NaN for an empty polyline. Inline: segmentation
// calls it twice per sample.
inline double interpolate_at(std::span<const double> xs, std::span<const double> ys, double x,
                             std::size_t& hint) {
    const std::size_t n = std::min(xs.size(), ys.size());
    if (n == 0) return std::numeric_limits<double>::quiet_NaN();
    if (hint >= n) hint = n - 1;
    if (x <= xs[0]) return ys[0];
    if (x >= xs[n - 1]) return ys[n - 1];
    if (xs[hint] > x)
        hint = 0;  // a caller that walked backwards: start over (still correct, no longer linear)
    // A forward sweep moves the hint by a sample or two a call, a count the branch predictor cannot guess: two
    // steps taken without a branch (each only where the loop would take it), the loop for the rest.
    if (hint + 2 < n) {
        hint += xs[hint + 1] <= x ? 1 : 0;
        if (hint + 2 < n) hint += xs[hint + 1] <= x ? 1 : 0;
    }
    while (hint + 1 < n && xs[hint + 1] <= x) ++hint;
    if (hint + 1 >= n) return ys[n - 1];
    const double span = xs[hint + 1] - xs[hint];
    if (span <= 0.0) return ys[hint + 1];
    const double t = (x - xs[hint]) / span;
    return ys[hint] + t * (ys[hint + 1] - ys[hint]);
}

// Elevation at a course distance (interpolate_at over the course's distance and elevation). NaN without
// elevation.
double elevation_at(const Course& course, double distance_m, std::size_t& hint);

// The sample's position, when the samples have one there (same indexing as the course).
std::optional<GeoPoint> position_at(const core::Samples& samples, std::size_t index);

}  // namespace hillcoach::terrain
