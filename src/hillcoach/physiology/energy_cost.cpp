#include "hillcoach/physiology/energy_cost.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace hillcoach::physiology {
namespace {

// Coefficients from i^5 down to i^0 (Minetti et al. 2002).
constexpr std::array<double, 6> k_running_coefficients{155.4, -30.4, -43.3, 46.3, 19.5, 3.6};
constexpr std::array<double, 6> k_walking_coefficients{280.5, -58.7, -76.8, 51.9, 19.6, 2.5};

double clamp_grade(double grade) { return std::clamp(grade, -k_minetti_max_grade, k_minetti_max_grade); }

// Horner's scheme: five multiply-adds, exact enough that Cr(0.05) reproduces the hand value to 1e-12.
double polynomial(const std::array<double, 6>& coefficients, double x) {
    double value = 0.0;
    for (double c : coefficients) value = value * x + c;
    return value;
}

}  // namespace

double running_cost_j_per_kg_m(double grade) {
    if (std::isnan(grade)) return grade;
    return polynomial(k_running_coefficients, clamp_grade(grade));
}

double walking_cost_j_per_kg_m(double grade) {
    if (std::isnan(grade)) return grade;
    return polynomial(k_walking_coefficients, clamp_grade(grade));
}

Gait gait_for_speed(double speed_m_s) {
    return speed_m_s < k_walk_run_transition_m_s ? Gait::walking : Gait::running;
}

double cost_per_horizontal_m(const StepCostInput& step) {
    const double grade = std::isnan(step.grade) ? 0.0 : clamp_grade(step.grade);
    const double along_slope = gait_for_speed(step.speed_m_s) == Gait::walking ? walking_cost_j_per_kg_m(grade)
                                                                                : running_cost_j_per_kg_m(grade);
    return along_slope * std::sqrt(1.0 + grade * grade);
}

}  // namespace hillcoach::physiology
