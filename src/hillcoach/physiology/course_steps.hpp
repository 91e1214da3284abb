#pragma once
// The steps of a Course as the physiology models read them: step k runs from sample k-1 to sample k
// (terrain/course.hpp). A step counts when the course marks it moving (every step counts when the course has
// no `moving` channel) and has a finite, positive duration and a finite, non-negative distance. Its speed is
// the course's smoothed speed where there is one, distance over time otherwise; its grade is the course's
// grade (NaN without elevation).
//
// CourseSteps reads every counting step once, in order, into a compact table; the models (GAP, energy, zones,
// TRIMP, muscle load, the estimates of the athlete's settings) each sweep that table. Deciding whether a
// step counts costs more than most models do with it, and analyze_physiology runs a dozen sweeps: read once,
// the physiology of workload (b) takes 0.24 CPU s instead of 0.29 (bench/RESULTS.md, issue 3 section 5).

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology {

enum class GapModel : unsigned char;  // grade_adjusted_pace.hpp

inline constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

struct CourseStep {
    double distance_m = 0.0;   // horizontal
    double duration_s = 0.0;
    double speed_m_s = 0.0;
    double grade = 0.0;        // NaN without elevation
    double heart_rate_bpm = 0.0;  // mean of the step's two ends where both are known; NaN without heart rate
};

// The step ending at sample k (k >= 1), or false when it does not count (see above). Forced inline into
// CourseSteps' one pass (g++ otherwise leaves it a call per sample).
[[gnu::always_inline]] inline bool course_step(const terrain::Course& course, std::size_t k, CourseStep& step) {
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

// The counting steps of a course, in order, each with the sample it ends at. A view on the course: the course
// must outlive it.
class CourseSteps {
  public:
    explicit CourseSteps(const terrain::Course& course);

    const terrain::Course& course() const { return *m_course; }
    std::size_t samples() const { return m_course->size(); }
    std::span<const CourseStep> all() const { return m_steps; }
    // The sample step i ends at (its k in course_step).
    std::size_t end_sample(std::size_t i) const { return m_ends[i]; }
    // The steps ending at samples first+1 .. last: the stretch [first, last] as terrain's intervals count it.
    std::span<const CourseStep> between(std::size_t first, std::size_t last) const;
    // Whether any sample of the course has a finite grade (elevation) or heart rate, counting or not.
    bool has_grade() const { return m_has_grade; }
    bool has_heart_rate() const { return m_has_heart_rate; }
    // Each step's GAP factor under `model` (gap_speed_factor of its grade), one per step of all(). Worked out
    // on the first call and kept for the model last asked: the athlete's threshold pace and the GAP both
    // sweep it, and the factor costs more than the rest of either sweep. Not safe to call from two threads on
    // one CourseSteps (an analysis runs on one).
    std::span<const double> gap_factors(GapModel model) const;

  private:
    const terrain::Course* m_course;
    std::vector<CourseStep> m_steps;
    std::vector<std::size_t> m_ends;
    bool m_has_grade = false;
    bool m_has_heart_rate = false;
    mutable std::vector<double> m_gap_factors;
    mutable std::optional<GapModel> m_gap_factors_model;
};

// For each of N windows, the highest ratio sum(numerator(step)) / sum(time(step)) over the runs of consecutive
// counting steps whose time adds up to at least that window; nullopt when the whole course has less. `time`
// may return 0 for a step that should not count (no heart rate). Each window keeps [first, i], the shortest
// run ending at step i that still holds it: O(N n), each step's time and numerator worked out once.
//
// Why the sweep is shaped this way (it ran once per step and window, and cost more than the rest of the
// athlete's settings): one window at a time keeps that window's sums in registers, and a run is compared with
// the best so far by one multiplication (sum > best x time, the time being positive), dividing only when it
// wins. The two comparisons can disagree only when two runs' averages are within a rounding of each other.
template <std::size_t N, typename Numerator, typename Time>
std::array<std::optional<double>, N> best_window_averages(const CourseSteps& steps,
                                                          const std::array<double, N>& windows_s,
                                                          Numerator numerator, Time time) {
    std::array<std::optional<double>, N> best{};
    // Each counting step's time and numerator, worked out once: every window reads them twice (as it takes a
    // step in and as it lets it go), and a numerator may cost a grade factor.
    std::vector<double> step_time;
    std::vector<double> step_sum;
    step_time.reserve(steps.all().size());
    step_sum.reserve(steps.all().size());
    for (const CourseStep& s : steps.all()) {
        const double t = time(s);
        if (!(t > 0.0)) continue;
        step_time.push_back(t);
        step_sum.push_back(numerator(s));
    }
    const std::size_t n = step_time.size();
    for (std::size_t w = 0; w < N; ++w) {
        const double length_s = windows_s[w];
        if (!(length_s > 0.0)) continue;
        double window_time = 0.0;
        double window_sum = 0.0;
        std::size_t first = 0;
        bool found = false;
        double best_average = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            window_time += step_time[i];
            window_sum += step_sum[i];
            while (first < i && !(window_time - step_time[first] < length_s)) {
                window_time -= step_time[first];
                window_sum -= step_sum[first];
                ++first;
            }
            if (window_time >= length_s && (!found || window_sum > best_average * window_time)) {
                best_average = window_sum / window_time;
                found = true;
            }
        }
        if (found) best[w] = best_average;
    }
    return best;
}

// The single-window case of best_window_averages.
template <typename Numerator, typename Time>
std::optional<double> best_window_average(const CourseSteps& steps, double window_s, Numerator numerator,
                                          Time time) {
    return best_window_averages<1>(steps, {window_s}, numerator, time)[0];
}

}  // namespace hillcoach::physiology
