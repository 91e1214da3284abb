#pragma once
// A plan's sessions as FIT workout files for watches (FIT file type "workout": a file_id, one workout message
// and its workout_step messages), written with io's generic FIT encoder.
//
// Run sessions: each step is a workout step of time (ms) or distance (cm) with a speed target (a band of
// +-5 % around the step's planned speed, in mm/s; walks are open), intensity warmup / active / interval /
// recovery / cooldown; a block of repeats ends with a repeat step (duration type 6, "repeat until steps
// complete": duration_value = the index of the block's first step, target_value = the number of times).
// Strength sessions (sport training, sub-sport strength_training): each exercise is a step of reps
// (duration type 29) or of time for holds, repeated for its sets with a rest step between. Rest days have no
// file. Step names are cut to k_step_name_bytes, workout names to k_workout_name_bytes, as watches show them.

#include <string>
#include <vector>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::report {

inline constexpr std::uint8_t k_workout_name_bytes = 32;
inline constexpr std::uint8_t k_step_name_bytes = 32;
inline constexpr std::uint8_t k_step_note_bytes = 64;

// FIT enum values used (FIT profile, types wkt_step_duration, wkt_step_target, intensity, sport).
namespace fit_workout {
inline constexpr int duration_time = 0;
inline constexpr int duration_distance = 1;
inline constexpr int duration_open = 5;
inline constexpr int duration_repeat_until_steps_complete = 6;
inline constexpr int duration_reps = 29;
inline constexpr int target_speed = 0;
inline constexpr int target_open = 2;
inline constexpr int intensity_active = 0;
inline constexpr int intensity_rest = 1;
inline constexpr int intensity_warmup = 2;
inline constexpr int intensity_cooldown = 3;
inline constexpr int intensity_recovery = 4;
inline constexpr int intensity_interval = 5;
inline constexpr int sport_running = 1;
inline constexpr int sport_training = 10;
inline constexpr int sub_sport_generic = 0;
inline constexpr int sub_sport_treadmill = 1;
inline constexpr int sub_sport_strength_training = 20;
inline constexpr double speed_band = 0.05;
}  // namespace fit_workout

struct WorkoutFile {
    std::string name{};  // "2026-05-05-short_hill_repeats.fit" (with "-2" etc. for a second session that day)
    std::string bytes{};  // the whole FIT file
};

// One workout file; `threshold_speed_m_s` sets the speed targets.
std::string session_workout_fit(const plan::Session& session, double threshold_speed_m_s,
                                const std::string& name);
// Every session of the plan except rest days and the race.
std::vector<WorkoutFile> plan_workouts(const plan::Plan& plan);

}  // namespace hillcoach::report
