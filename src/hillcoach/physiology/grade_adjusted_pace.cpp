#include "hillcoach/physiology/grade_adjusted_pace.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "hillcoach/physiology/course_steps.hpp"
#include "hillcoach/physiology/energy_cost.hpp"

namespace hillcoach::physiology {
namespace {

struct FactorPoint {
    double grade = 0.0;
    double factor = 1.0;
};

// Strava's equal-heart-rate GAP (2017), as reconstructed by A. Schroeder (specialsauce, strava.py): speed
// factor by grade. Ascending grades; linear between points.
constexpr std::array<FactorPoint, 21> k_heart_rate_curve{{
    {-0.45, 2.096}, {-0.30, 1.495}, {-0.25, 1.273}, {-0.20, 1.081}, {-0.15, 0.941}, {-0.10, 0.876},
    {-0.08, 0.876}, {-0.06, 0.891}, {-0.04, 0.918}, {-0.02, 0.960}, {0.00, 1.000},  {0.02, 1.055},
    {0.04, 1.135},  {0.06, 1.228},  {0.08, 1.337},  {0.10, 1.459},  {0.15, 1.846},  {0.20, 2.297},
    {0.25, 2.727},  {0.30, 3.158},  {0.45, 4.286},
}};

double heart_rate_factor(double grade) {
    if (grade <= k_heart_rate_curve.front().grade) return k_heart_rate_curve.front().factor;
    if (grade >= k_heart_rate_curve.back().grade) return k_heart_rate_curve.back().factor;
    const auto upper = std::upper_bound(k_heart_rate_curve.begin(), k_heart_rate_curve.end(), grade,
                                        [](double g, const FactorPoint& p) { return g < p.grade; });
    const auto lower = upper - 1;
    const double t = (grade - lower->grade) / (upper->grade - lower->grade);
    return lower->factor + t * (upper->factor - lower->factor);
}

double metabolic_factor(double grade) {
    static const double level = running_cost_j_per_kg_m(0.0);
    const double g = std::clamp(grade, -k_minetti_max_grade, k_minetti_max_grade);
    return running_cost_j_per_kg_m(g) * std::sqrt(1.0 + g * g) / level;
}

bool has_grade(const terrain::Course& course) {
    return std::any_of(course.grade.begin(), course.grade.end(), [](double g) { return std::isfinite(g); });
}

}  // namespace

std::string_view to_string(GapModel model) {
    return model == GapModel::metabolic ? "metabolic" : "heart-rate";
}

std::optional<GapModel> gap_model_from_text(std::string_view text) {
    if (text == "heart-rate" || text == "heart_rate" || text == "hr") return GapModel::heart_rate;
    if (text == "metabolic") return GapModel::metabolic;
    return std::nullopt;
}

double gap_speed_factor(double grade, GapModel model) {
    if (std::isnan(grade)) return 1.0;
    return model == GapModel::metabolic ? metabolic_factor(grade) : heart_rate_factor(grade);
}

std::optional<GradeAdjustedPace> grade_adjusted_pace(const terrain::Course& course, GapModel model) {
    if (!has_grade(course)) return std::nullopt;
    GradeAdjustedPace gap;
    gap.model = model;
    gap.gap_speed_per_sample_m_s.assign(course.size(), k_nan);
    CourseStep step;
    for (std::size_t k = 1; k < course.size(); ++k) {
        if (!course_step(course, k, step)) continue;
        const double f = gap_speed_factor(step.grade, model);
        gap.flat_equivalent_distance_m += f * step.distance_m;
        gap.moving_s += step.duration_s;
        gap.gap_speed_per_sample_m_s[k] = f * step.speed_m_s;
    }
    if (!(gap.moving_s > 0.0) || !(gap.flat_equivalent_distance_m > 0.0)) return std::nullopt;
    gap.gap_speed_m_s = gap.flat_equivalent_distance_m / gap.moving_s;
    gap.gap_s_per_km = 1000.0 / gap.gap_speed_m_s;
    return gap;
}

std::optional<double> best_gap_speed_m_s(const terrain::Course& course, GapModel model, double window_s) {
    if (!has_grade(course)) return std::nullopt;
    return best_window_average(
        course, window_s,
        [model](const CourseStep& s) { return gap_speed_factor(s.grade, model) * s.distance_m; },
        [](const CourseStep& s) { return s.duration_s; });
}

}  // namespace hillcoach::physiology
