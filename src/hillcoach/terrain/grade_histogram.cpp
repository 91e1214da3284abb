#include "hillcoach/terrain/grade_histogram.hpp"

#include <cmath>

namespace hillcoach::terrain {
namespace {

// Index of the flat band: the edges below zero come first.
constexpr std::size_t k_flat_band = 4;
static_assert(k_grade_band_edges[k_flat_band - 1] < 0.0 && k_grade_band_edges[k_flat_band] > 0.0);

}  // namespace

std::size_t grade_band_index(double grade) {
    if (std::isnan(grade)) return k_grade_band_count;
    std::size_t band = k_flat_band;
    if (grade >= 0.0) {
        // Count the positive edges the grade is strictly steeper than.
        for (std::size_t k = k_flat_band; k < k_grade_band_edges.size() && grade > k_grade_band_edges[k]; ++k)
            ++band;
    } else {
        for (std::size_t k = k_flat_band; k > 0 && grade < k_grade_band_edges[k - 1]; --k) --band;
    }
    return band;
}

double GradeHistogram::graded_distance_m() const {
    double total = 0.0;
    for (const auto& b : bands) total += b.distance_m;
    return total;
}

double GradeHistogram::graded_time_s() const {
    double total = 0.0;
    for (const auto& b : bands) total += b.time_s;
    return total;
}

double GradeHistogram::distance_share_within(double limit) const {
    const double total = graded_distance_m();
    if (total <= 0.0) return 0.0;
    double inside = 0.0;
    for (const auto& b : bands) {
        if (b.from >= -limit && b.to <= limit) inside += b.distance_m;
    }
    return inside / total;
}

GradeHistogram grade_histogram(const Course& course) {
    GradeHistogram h;
    for (std::size_t k = 0; k < k_grade_band_count; ++k) {
        h.bands[k].from = k == 0 ? -k_no_grade_limit : k_grade_band_edges[k - 1];
        h.bands[k].to = k + 1 == k_grade_band_count ? k_no_grade_limit : k_grade_band_edges[k];
    }
    const std::size_t n = course.size();
    const bool has_grade = course.grade.size() == n;
    const bool has_time = course.time_s.size() == n;
    const bool has_moving = course.moving.size() == n;
    const bool has_moving_s = course.moving_step_s.size() == n;
    for (std::size_t i = 1; i < n; ++i) {
        double step_m = course.distance_m[i] - course.distance_m[i - 1];
        if (!std::isfinite(step_m) || step_m < 0.0) step_m = 0.0;
        // The step's moving seconds (a step across an auto-pause counts only what the timer ran).
        double step_s = has_moving_s ? course.moving_step_s[i]
                                     : (has_time ? course.time_s[i] - course.time_s[i - 1] : 0.0);
        if (!std::isfinite(step_s) || step_s < 0.0 || (has_moving && course.moving[i] == 0)) step_s = 0.0;
        const std::size_t band = has_grade ? grade_band_index(course.grade[i]) : k_grade_band_count;
        if (band == k_grade_band_count) {
            h.ungraded_distance_m += step_m;
            h.ungraded_time_s += step_s;
        } else {
            h.bands[band].distance_m += step_m;
            h.bands[band].time_s += step_s;
        }
    }
    return h;
}

}  // namespace hillcoach::terrain
