#pragma once
// Strength sessions that prepare the legs for hills, as data: each exercise with its sets and reps by goal,
// its tempo (seconds down-pause-up: the slow lowering is the point for descents), its load with and without
// a gym, and how it progresses. Two sessions alternate: A for braking strength (step-ups with a slow
// step-down, reverse step-downs, single-leg squats, calf raises, core), B for pushing strength (lunges,
// deadlifts, squats, calf raises, core). docs/plan.md, "Strength", prints the table.

#include <span>
#include <string_view>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

enum class StrengthDose : unsigned char {
    gentle,    // new runners and return after injury: two sets, body weight, slow
    standard,  // most runners: two to three sets of 8-12
    heavy,     // muscle growth: three to four sets of 6-10, near failure, heavier loads
};

struct ExerciseTemplate {
    std::string_view name = {};
    bool session_a = false;           // in session A (braking), else B (pushing)
    bool needs_gym = false;           // only with a gym (barbell deadlift); a home version replaces it
    std::string_view home_name = {};  // the version without a gym ("" = the same)
    bool each_side = false;
    bool hold = false;            // held for seconds, not counted reps
    std::string_view tempo = {};  // down-pause-up seconds
    int reps_gentle = 0;
    int reps_standard = 0;
    int reps_heavy = 0;  // or seconds for holds
    std::string_view gym_load = {};
    std::string_view home_load = {};
    std::string_view progression = {};
    bool knee_friendly = true;  // kept when a knee injury is named
};

std::span<const ExerciseTemplate> exercise_templates();

struct StrengthSettings {
    StrengthDose dose = StrengthDose::standard;
    bool gym = false;
    bool session_a = true;
    int progress = 0;  // strength sessions of this letter done before in the plan
    bool deload = false;
    bool knee_injury = false;      // lunges out, single-leg squats to a high box
    bool achilles_injury = false;  // calf raises as slow heel drops, straight and bent knee
};

// Rest between sets: 75 s (standard), 120 s (heavy: near-maximal sets need it).
double rest_between_sets_s(StrengthDose dose);

Session make_strength(const StrengthSettings& settings);

}  // namespace hillcoach::plan
