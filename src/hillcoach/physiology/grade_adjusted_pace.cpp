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

// Every point of the curve lies on a whole percent, so the segment a grade falls in can be looked up by its
// percent cell instead of searched for (a binary search per step was 1.4 % of reading and analysing a run). A
// grade on a point may land in the cell on either side of it by rounding; both segments give the point's value.
constexpr double k_cell_grade = 0.01;
constexpr std::size_t k_cell_count = 90;  // -0.45 .. 0.45

constexpr std::array<unsigned char, k_cell_count> segment_of_cells() {
    std::array<unsigned char, k_cell_count> cells{};
    std::size_t segment = 0;
    for (std::size_t c = 0; c < k_cell_count; ++c) {
        // The cell's lower edge, in whole percent, against the segment's upper point.
        const int lower_percent = static_cast<int>(c) - 45;
        while (lower_percent >= static_cast<int>(k_heart_rate_curve[segment + 1].grade * 100.0 +
                                                 (k_heart_rate_curve[segment + 1].grade >= 0 ? 0.5 : -0.5))) {
            ++segment;
        }
        cells[c] = static_cast<unsigned char>(segment);
    }
    return cells;
}
constexpr std::array<unsigned char, k_cell_count> k_segment_of_cell = segment_of_cells();

double heart_rate_factor(double grade) {
    if (grade <= k_heart_rate_curve.front().grade) return k_heart_rate_curve.front().factor;
    if (grade >= k_heart_rate_curve.back().grade) return k_heart_rate_curve.back().factor;
    const auto cell = std::min(static_cast<std::size_t>((grade - k_heart_rate_curve.front().grade) / k_cell_grade),
                               k_cell_count - 1);
    const FactorPoint& lower = k_heart_rate_curve[k_segment_of_cell[cell]];
    const FactorPoint& upper = k_heart_rate_curve[k_segment_of_cell[cell] + 1U];
    const double t = (grade - lower.grade) / (upper.grade - lower.grade);
    return lower.factor + t * (upper.factor - lower.factor);
}

double metabolic_factor(double grade) {
    static const double level = running_cost_j_per_kg_m(0.0);
    const double g = std::clamp(grade, -k_minetti_max_grade, k_minetti_max_grade);
    return running_cost_j_per_kg_m(g) * std::sqrt(1.0 + g * g) / level;
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
    return grade_adjusted_pace(CourseSteps(course), model);
}

std::optional<GradeAdjustedPace> grade_adjusted_pace(const CourseSteps& steps, GapModel model) {
    if (!steps.has_grade()) return std::nullopt;
    GradeAdjustedPace gap;
    gap.model = model;
    gap.gap_speed_per_sample_m_s.assign(steps.samples(), k_nan);
    const std::span<const CourseStep> all = steps.all();
    const std::span<const double> factors = steps.gap_factors(model);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const CourseStep& step = all[i];
        const double f = factors[i];
        gap.flat_equivalent_distance_m += f * step.distance_m;
        gap.moving_s += step.duration_s;
        gap.gap_speed_per_sample_m_s[steps.end_sample(i)] = f * step.speed_m_s;
    }
    if (!(gap.moving_s > 0.0) || !(gap.flat_equivalent_distance_m > 0.0)) return std::nullopt;
    gap.gap_speed_m_s = gap.flat_equivalent_distance_m / gap.moving_s;
    gap.gap_s_per_km = 1000.0 / gap.gap_speed_m_s;
    return gap;
}

std::optional<double> best_gap_speed_m_s(const terrain::Course& course, GapModel model, double window_s) {
    return best_gap_speed_m_s(CourseSteps(course), model, window_s);
}

std::optional<double> best_gap_speed_m_s(const CourseSteps& steps, GapModel model, double window_s) {
    if (!steps.has_grade()) return std::nullopt;
    return best_window_average(
        steps, window_s,
        [model](const CourseStep& s) { return gap_speed_factor(s.grade, model) * s.distance_m; },
        [](const CourseStep& s) { return s.duration_s; });
}

}  // namespace hillcoach::physiology
