#include "hillcoach/terrain/course_interval.hpp"

#include <algorithm>
#include <cmath>

#include "hillcoach/terrain/moving_time.hpp"

namespace hillcoach::terrain {
namespace {

// The moving seconds of a step the course marks as moving: Course::moving_step_s, the part of the step the
// timer ran (auto-pause at a standing rest writes one sample as it pauses and the next as it resumes, and the
// step between holds the rest). A course built without it (a hand-made one) estimates a step longer than
// k_stop_gap_s as its distance at the course's speed there (0 for a step that covers no ground), never more
// than the step.
double moving_seconds(const Course& course, std::size_t i, double dt) {
    if (course.moving_step_s.size() == course.size()) return course.moving_step_s[i];
    if (dt <= k_stop_gap_s) return dt;
    const double run = course.distance_m[i] - course.distance_m[i - 1];
    const double v = i < course.speed_m_s.size() ? course.speed_m_s[i] : std::nan("");
    if (!(run > 0.0) || !(v > 0.0)) return 0.0;
    return std::min(dt, run / v);
}

}  // namespace

IntervalStats interval_stats(const Course& course, std::size_t first, std::size_t last) {
    IntervalStats stats;
    const std::size_t n = course.size();
    if (n == 0 || first >= n) return stats;
    last = std::min(last, n - 1);
    if (last <= first) return stats;
    stats.distance_m = course.distance_m[last] - course.distance_m[first];

    const bool has_times = course.time_s.size() == n;
    const bool has_moving = course.moving.size() == n;
    const bool has_hr = course.heart_rate_bpm.size() == n;
    double moving = 0.0;
    double hr_weighted = 0.0;
    double hr_time = 0.0;
    bool timed = false;
    for (std::size_t i = first + 1; i <= last && has_times; ++i) {
        const double dt = course.time_s[i] - course.time_s[i - 1];
        if (!std::isfinite(dt)) continue;
        timed = true;
        if (dt <= 0.0 || (has_moving && course.moving[i] == 0)) continue;
        const double step_s = moving_seconds(course, i, dt);
        moving += step_s;
        if (has_hr && std::isfinite(course.heart_rate_bpm[i])) {
            hr_weighted += course.heart_rate_bpm[i] * step_s;
            hr_time += step_s;
        }
    }
    if (timed) stats.moving_s = moving;
    if (moving > 0.0) stats.speed_m_s = stats.distance_m / moving;
    if (hr_time > 0.0) stats.avg_heart_rate_bpm = hr_weighted / hr_time;
    return stats;
}

double elevation_at(const Course& course, double distance_m, std::size_t& hint) {
    return interpolate_at(course.distance_m, course.elevation_m, distance_m, hint);
}

std::optional<GeoPoint> position_at(const core::Samples& samples, std::size_t index) {
    if (index >= samples.latitude_deg.size() || index >= samples.longitude_deg.size()) return std::nullopt;
    const double lat = samples.latitude_deg[index];
    const double lon = samples.longitude_deg[index];
    if (!std::isfinite(lat) || !std::isfinite(lon)) return std::nullopt;
    return GeoPoint{.latitude_deg = lat, .longitude_deg = lon};
}

}  // namespace hillcoach::terrain
