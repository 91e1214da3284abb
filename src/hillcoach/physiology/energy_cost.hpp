#pragma once
// Energy cost of running and walking on a gradient.
//
// What: the net metabolic energy (above standing rest) that one kilogram of body mass spends to cover one
// metre, as a function of the gradient i (rise over run, a fraction: 0.10 = 10 %). Fifth-order polynomials
// fitted by Minetti et al. to their treadmill measurements of 10 trained mountain runners:
//
//   running  Cr(i) = 155.4 i^5 - 30.4 i^4 - 43.3 i^3 + 46.3 i^2 + 19.5 i + 3.6   J kg^-1 m^-1
//   walking  Cw(i) = 280.5 i^5 - 58.7 i^4 - 76.8 i^3 + 51.9 i^2 + 19.6 i + 2.5   J kg^-1 m^-1
//
//   A. E. Minetti, C. Moia, G. S. Roi, D. Susta, G. Ferretti, "Energy cost of walking and running at extreme
//   uphill and downhill slopes", J Appl Physiol 93, 1039-1046 (2002), doi:10.1152/japplphysiol.01177.2001.
//
// Units and range: i dimensionless, measured from -0.45 to +0.45. Beyond that range the grade is clamped to
// +-0.45 (the polynomial is not a measurement there, and a runner cannot run a steeper slope for long: the
// fifth power would otherwise make +0.50 cost 22.5 and keep rising faster than any measured cost). Cr is per
// metre travelled along the treadmill belt, i.e. along the slope; cost_per_horizontal_m() converts to the
// horizontal metres a course is measured in (a factor sqrt(1 + i^2): 1.005 at 10 %, 1.10 at 45 %).
//
// Accuracy: the running polynomial is within one standard deviation of the four means the abstract reports
// (-0.45: 3.92 +- 0.81, -0.20: 1.73 +- 0.36, 0: 3.40 +- 0.24, +0.45: 18.93 +- 1.74); on the level it reads 3.6,
// 6 % above the measured 3.40, which cancels wherever a ratio to Cr(0) is used (grade-adjusted pace). Running
// cost on the level does not depend on speed (same paper). The walking polynomial matches the steep gradients
// (+0.45: 17.60 vs 17.33 +- 1.11; -0.45: 3.61 vs 3.46 +- 0.95; -0.10: 1.13 vs 0.81 +- 0.37) but reads 2.5 on the
// level against a measured 1.64 +- 0.50 at the optimal walking speed: walking energy on flat ground is
// overestimated by about half (tests/physiology/energy_cost_test.cpp keeps that limit visible).
//
// Minimum: Cr is lowest at i = -0.1814 (1.7813 J/kg/m), where gravity does the most useful work; steeper
// descents cost more again because the muscles must brake.
//
// NaN in gives NaN out.

namespace hillcoach::physiology {

// The measured range of Minetti et al. (2002); grades beyond it are clamped.
inline constexpr double k_minetti_max_grade = 0.45;

// Below this speed a step is costed as walking. People switch from walking to running at about 2 m/s on level
// ground (A. Hreljac, "Preferred and energetically optimal gait transition speeds in human locomotion",
// Med Sci Sports Exerc 25(10), 1158-1162, 1993); runners hiking a steep climb move far slower than that.
inline constexpr double k_walk_run_transition_m_s = 2.0;

enum class Gait : unsigned char { walking, running };

// Net energy cost of running, J per kg per metre along the slope; grade clamped to +-0.45.
double running_cost_j_per_kg_m(double grade);

// Net energy cost of walking, J per kg per metre along the slope; grade clamped to +-0.45.
double walking_cost_j_per_kg_m(double grade);

// Walking below k_walk_run_transition_m_s, running otherwise (and running for a NaN speed).
Gait gait_for_speed(double speed_m_s);

struct StepCostInput {
    double grade = 0.0;          // fraction; NaN is taken as level ground
    double speed_m_s = 0.0;      // horizontal speed; chooses the gait
};

// Net energy per kg per HORIZONTAL metre: the gait's cost times sqrt(1 + i^2).
double cost_per_horizontal_m(const StepCostInput& step);

}  // namespace hillcoach::physiology
