#pragma once
// The steps of a Course as the physiology models read them: step k runs from sample k-1 to sample k
// (terrain/course.hpp). A step counts when the course marks it moving (every step counts when the course has
// no `moving` channel) and has a finite, positive duration and a finite, non-negative distance. Its speed is
// the course's smoothed speed where there is one, distance over time otherwise; its grade is the course's
// grade (NaN without elevation).
//
// Header-only: the models call it in their one pass over the samples, and it must inline to keep that pass
// free of calls and allocation.

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>

#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology {

inline constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

struct CourseStep {
    double distance_m = 0.0;   // horizontal
    double duration_s = 0.0;
    double speed_m_s = 0.0;
    double grade = 0.0;        // NaN without elevation
    double heart_rate_bpm = 0.0;  // mean of the step's two ends where both are known; NaN without heart rate
};

// The step ending at sample k (k >= 1), or false when it does not count (see above).
inline bool course_step(const terrain::Course& course, std::size_t k, CourseStep& step) {
    if (k == 0 || k >= course.size()) return false;
    if (!course.moving.empty() && course.moving[k] == 0) return false;
    // The step's moving seconds (terrain's Course::moving_step_s: a step across an auto-pause counts only what
    // the timer ran); a hand-made course without them uses the step's elapsed time.
    const double dt = k < course.moving_step_s.size() ? course.moving_step_s[k] : course.time_s[k] - course.time_s[k - 1];
    const double dd = course.distance_m[k] - course.distance_m[k - 1];
    if (!(dt > 0.0) || !std::isfinite(dt) || !(dd >= 0.0) || !std::isfinite(dd)) return false;
    step.distance_m = dd;
    step.duration_s = dt;
    const double smoothed = k < course.speed_m_s.size() ? course.speed_m_s[k] : k_nan;
    step.speed_m_s = std::isfinite(smoothed) && smoothed >= 0.0 ? smoothed : dd / dt;
    step.grade = k < course.grade.size() ? course.grade[k] : k_nan;
    double hr = k_nan;
    if (k < course.heart_rate_bpm.size()) {
        const double a = course.heart_rate_bpm[k - 1];
        const double b = course.heart_rate_bpm[k];
        hr = std::isfinite(a) && std::isfinite(b) ? 0.5 * (a + b) : (std::isfinite(b) ? b : a);
    }
    step.heart_rate_bpm = hr;
    return true;
}

// The highest ratio sum(numerator(step)) / sum(time(step)) over the runs of consecutive counting steps whose
// time adds up to at least window_s; nullopt when the whole course has less. `time` may return 0 for a step that
// should not count (no heart rate). Two indices sweep forward: [first, k] is the shortest window ending at k
// that still holds window_s, so each step is read at most twice: O(n), no allocation.
template <typename Numerator, typename Time>
std::optional<double> best_window_average(const terrain::Course& course, double window_s, Numerator numerator,
                                          Time time) {
    if (!(window_s > 0.0)) return std::nullopt;
    double window_time = 0.0;
    double window_sum = 0.0;
    std::optional<double> best;
    std::size_t first = 1;
    bool head_loaded = false;  // `head` holds the step at `first` (read once, not once per sample)
    CourseStep step;
    CourseStep head;
    for (std::size_t k = 1; k < course.size(); ++k) {
        if (!course_step(course, k, step) || !(time(step) > 0.0)) continue;
        window_time += time(step);
        window_sum += numerator(step);
        while (first < k) {
            if (!head_loaded) {
                if (!course_step(course, first, head) || !(time(head) > 0.0)) {
                    ++first;
                    continue;
                }
                head_loaded = true;
            }
            if (window_time - time(head) < window_s) break;
            window_time -= time(head);
            window_sum -= numerator(head);
            ++first;
            head_loaded = false;
        }
        if (window_time >= window_s) {
            const double average = window_sum / window_time;
            if (!best || average > *best) best = average;
        }
    }
    return best;
}

}  // namespace hillcoach::physiology
