#pragma once
// Energy and calories of a run: two estimates.
//
// 1. Minetti (the one reported as energy_kj and kcal). Net metabolic energy = body mass x the sum over moving
//    steps of cost_per_horizontal_m(grade, speed) x horizontal step length (energy_cost.hpp: Minetti et al.
//    2002; walking cost below 2 m/s, running cost above). Net means above standing rest: the number a runner
//    "burned by running", not the day's total. kcal = J / 4184 (thermochemical kilocalorie).
//
// 2. ACSM metabolic equations, for comparison (acsm_kcal). American College of Sports Medicine, Guidelines for
//    Exercise Testing and Prescription, 10th ed. (2018), Table 6.3; restated by G. Bushman, "Metabolic
//    calculations in action, part 2", ACSM's Health & Fitness Journal 24(4), 5-8 (2020):
//        running  VO2 = 3.5 + 0.2 S + 0.9 S G      mL O2 per kg per min (gross)
//        walking  VO2 = 3.5 + 0.1 S + 1.8 S G
//    S speed in m/min, G grade as a fraction; 1 MET = 3.5 mL/kg/min; about 5 kcal per litre of O2. The net
//    energy drops the resting 3.5. Validity per ACSM: level and uphill only (a descent is costed as level:
//    ACSM gives no downhill term, and downhill running costs less than level, so this overestimates);
//    running above about 134 m/min, walking 50-100 m/min (we switch at the same 2 m/s as Minetti's gait).
//    The running equation overestimated steady-state VO2 in 29 of 33 subjects (JSCR 13(3), 219-223, 1999):
//    expect acsm_kcal above kcal. On the level it reads 0.2 mL/kg/m = 4.18 J/kg/m against Minetti's 3.6.
//
// Limits: neither model knows the runner's economy (+-10 % between runners at the same speed), wind, terrain
// or temperature. Device calories (often gross, from heart rate) are not comparable one to one.

#include <optional>

#include "hillcoach/physiology/course_steps.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology {

inline constexpr double k_acsm_resting_vo2_ml_kg_min = 3.5;  // 1 MET
inline constexpr double k_acsm_kcal_per_litre_o2 = 5.0;      // ACSM's rounding of 4.8-5.05 kcal/L

struct AcsmInput {
    double speed_m_s = 0.0;
    double grade = 0.0;   // fraction; negative grades are taken as level (the equations have no downhill term)
};

// Gross oxygen uptake, mL per kg per minute.
double acsm_running_vo2_ml_kg_min(const AcsmInput& input);
double acsm_walking_vo2_ml_kg_min(const AcsmInput& input);
// The running speed (m/s) that the running equation maps to a gross VO2 on a grade: the inverse, as ACSM's
// worked examples use it ("what speed is 8 MET on the level?").
double acsm_running_speed_m_s(double vo2_ml_kg_min, double grade);
// METs from a gross VO2.
constexpr double vo2_to_met(double vo2_ml_kg_min) { return vo2_ml_kg_min / k_acsm_resting_vo2_ml_kg_min; }

struct EnergyEstimate {
    double mass_kg = 0.0;
    double net_energy_j = 0.0;     // Minetti
    double kcal = 0.0;             // net_energy_j in kcal
    double acsm_kcal = 0.0;        // ACSM equations, net of rest
    bool level_assumed = false;    // the course has no elevation: every step costed as level ground
};

// nullopt when the course has no moving step (no time or no distance) or the mass is not positive.
std::optional<EnergyEstimate> energy_expenditure(const terrain::Course& course, double mass_kg);
std::optional<EnergyEstimate> energy_expenditure(const CourseSteps& steps, double mass_kg);

}  // namespace hillcoach::physiology
