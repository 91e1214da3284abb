#include "hillcoach/physiology/calories.hpp"

#include <algorithm>
#include <cmath>

#include "hillcoach/core/units.hpp"
#include "hillcoach/physiology/course_steps.hpp"
#include "hillcoach/physiology/energy_cost.hpp"

namespace hillcoach::physiology {
namespace {

constexpr double k_seconds_per_minute = 60.0;
constexpr double k_acsm_running_horizontal = 0.2;  // mL O2 per kg per metre
constexpr double k_acsm_running_vertical = 0.9;
constexpr double k_acsm_walking_horizontal = 0.1;
constexpr double k_acsm_walking_vertical = 1.8;

double metres_per_minute(double speed_m_s) { return speed_m_s * k_seconds_per_minute; }
double uphill_only(double grade) { return std::isfinite(grade) ? std::max(grade, 0.0) : 0.0; }

// The ACSM equations net of rest, per metre: (VO2 - rest) t / 60 = (horizontal + vertical G) S t / 60, and
// S t / 60 (S in m/min, t in s) is the step's distance. So a step costs (horizontal + vertical G) x distance
// mL/kg, which is what acsm_*_vo2_ml_kg_min give over its time without dividing by the time and by 60 per
// step.
double acsm_net_ml_per_kg_m(Gait gait, double grade) {
    return gait == Gait::walking ? k_acsm_walking_horizontal + k_acsm_walking_vertical * uphill_only(grade)
                                 : k_acsm_running_horizontal + k_acsm_running_vertical * uphill_only(grade);
}

}  // namespace

double acsm_running_vo2_ml_kg_min(const AcsmInput& input) {
    const double s = metres_per_minute(input.speed_m_s);
    return k_acsm_resting_vo2_ml_kg_min + k_acsm_running_horizontal * s +
           k_acsm_running_vertical * s * uphill_only(input.grade);
}

double acsm_walking_vo2_ml_kg_min(const AcsmInput& input) {
    const double s = metres_per_minute(input.speed_m_s);
    return k_acsm_resting_vo2_ml_kg_min + k_acsm_walking_horizontal * s +
           k_acsm_walking_vertical * s * uphill_only(input.grade);
}

double acsm_running_speed_m_s(double vo2_ml_kg_min, double grade) {
    const double per_metre = k_acsm_running_horizontal + k_acsm_running_vertical * uphill_only(grade);
    return (vo2_ml_kg_min - k_acsm_resting_vo2_ml_kg_min) / per_metre / k_seconds_per_minute;
}

std::optional<EnergyEstimate> energy_expenditure(const terrain::Course& course, double mass_kg) {
    return energy_expenditure(CourseSteps(course), mass_kg);
}

std::optional<EnergyEstimate> energy_expenditure(const CourseSteps& steps, double mass_kg) {
    if (!(mass_kg > 0.0)) return std::nullopt;
    const bool level = !steps.has_grade();
    double joules_per_kg = 0.0;
    double acsm_ml_per_kg = 0.0;
    double moving_s = 0.0;
    for (const CourseStep& step : steps.all()) {
        const double grade = std::isfinite(step.grade) ? step.grade : 0.0;
        joules_per_kg += cost_per_horizontal_m({.grade = grade, .speed_m_s = step.speed_m_s}) * step.distance_m;
        // The same gait as the Minetti cost above, so both estimates cost a step the same way.
        acsm_ml_per_kg += acsm_net_ml_per_kg_m(gait_for_speed(step.speed_m_s), grade) * step.distance_m;
        moving_s += step.duration_s;
    }
    if (!(moving_s > 0.0)) return std::nullopt;
    EnergyEstimate e;
    e.mass_kg = mass_kg;
    e.net_energy_j = joules_per_kg * mass_kg;
    e.kcal = core::units::joules_to_kcal(e.net_energy_j);
    e.acsm_kcal = acsm_ml_per_kg * mass_kg / 1000.0 * k_acsm_kcal_per_litre_o2;
    e.level_assumed = level;
    return e;
}

}  // namespace hillcoach::physiology
