#pragma once
// A session's numbers from its steps: how fast each step goes at its effort and grade, so how long and how
// far it is, how much it climbs and descends (and how much of the descent is run), and its training load.
//
// Speed: an effort is a fraction of threshold speed on the flat (k_effort_speed_fraction). On a grade a
// running step keeps the same metabolic power, so its speed is the flat speed times Cr(0)/Cr(g) (Minetti et
// al. 2002, physiology/energy_cost.hpp); descents are run at the effort's flat speed, held back on purpose
// (controlled downhill running), and walking steps use Minetti's walking cost from 1.4 m/s on the flat.
// Load: TrainingPeaks' rTSS form, 100 x hours x IF^2, with IF the step's metabolic power over that of running
// at threshold speed on the flat (the same definition physiology/training_load.hpp uses for pace-TSS).
// Strength work counts as IF 0.6 for its whole duration: it is real work for the legs, but far less
// systemic stress than running (docs/plan.md says why the number is a convention).

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

inline constexpr double k_walk_speed_m_s = 1.4;      // brisk walking on the flat
inline constexpr double k_min_walk_speed_m_s = 0.5;  // steep uphill hiking does not go slower
inline constexpr double k_strength_intensity_factor = 0.6;
inline constexpr double k_max_step_intensity_factor = 1.3;  // sprints of seconds: capped

// Fraction of threshold speed that each effort means on the flat: easy about 75-80 % (an easy run is
// 60-90 s per km slower than threshold pace), marathon pace 92-95 %, 5-km effort 105 %, sprints 125 %.
double effort_speed_fraction(Effort effort);

// Speed along the ground for a step, m/s.
double step_speed_m_s(const Step& step, double threshold_speed_m_s);
// Step duration and distance, each from the other where only one is given.
double step_duration_s(const Step& step, double threshold_speed_m_s);
double step_distance_m(const Step& step, double threshold_speed_m_s);
double step_intensity_factor(const Step& step, double threshold_speed_m_s);

// Fills duration, distance, ascent, descent, downhill_run_m and load from the steps (runs) or the exercises
// (strength), and warmup_s from the leading warm-up steps.
void compute_numbers(Session& session, double threshold_speed_m_s);

// Strength: seconds for the whole session, from sets, reps and tempo plus the rests (exercise_rest_s) and a
// warm-up.
double strength_duration_s(const std::vector<Exercise>& exercises, double rest_between_sets_s);

}  // namespace hillcoach::plan
