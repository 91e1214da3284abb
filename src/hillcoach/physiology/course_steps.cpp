#include "hillcoach/physiology/course_steps.hpp"

#include <algorithm>

#include "hillcoach/physiology/grade_adjusted_pace.hpp"

namespace hillcoach::physiology {
namespace {

bool any_finite(const std::vector<double>& values) {
    return std::any_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

CourseSteps::CourseSteps(const terrain::Course& course)
    : m_course(&course),
      m_has_grade(any_finite(course.grade)),
      m_has_heart_rate(any_finite(course.heart_rate_bpm)) {
    const std::size_t n = course.size();
    m_steps.reserve(n);
    m_ends.reserve(n);
    CourseStep step;
    for (std::size_t k = 1; k < n; ++k) {
        if (!course_step(course, k, step)) continue;
        m_steps.push_back(step);
        m_ends.push_back(k);
    }
}

std::span<const CourseStep> CourseSteps::between(std::size_t first, std::size_t last) const {
    const auto from = std::upper_bound(m_ends.begin(), m_ends.end(), first);
    const auto to = std::upper_bound(from, m_ends.end(), last);
    return std::span<const CourseStep>(m_steps).subspan(static_cast<std::size_t>(from - m_ends.begin()),
                                                        static_cast<std::size_t>(to - from));
}

std::span<const double> CourseSteps::gap_factors(GapModel model) const {
    if (m_gap_factors_model != model) {
        m_gap_factors.resize(m_steps.size());
        for (std::size_t i = 0; i < m_steps.size(); ++i) m_gap_factors[i] = gap_speed_factor(m_steps[i].grade, model);
        m_gap_factors_model = model;
    }
    return m_gap_factors;
}

}  // namespace hillcoach::physiology
