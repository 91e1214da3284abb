#include "hillcoach/plan/strength_library.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hillcoach/plan/session_numbers.hpp"

namespace hillcoach::plan {
namespace {

// Rep ranges: 8-12 for strength-endurance and 6-10 near failure for growth (B. J. Schoenfeld et al.,
// "Loading recommendations for muscle strength, hypertrophy, and local endurance: a re-examination of the
// repetition continuum", Sports 9(2), 32, 2021); the 3-s lowering trains the eccentric braking that
// descents demand. Calf raises as slow heel drops follow H. Alfredson et al., Am J Sports Med 26(3), 360-366
// (1998): 3 x 15, straight and bent knee.
constexpr ExerciseTemplate k_exercises[] = {
    {.name = "Step-up with a slow step-down",
     .session_a = true,
     .each_side = true,
     .tempo = "3-0-1",
     .reps_gentle = 8,
     .reps_standard = 10,
     .reps_heavy = 8,
     .gym_load = "dumbbells, 10-20 % of body mass",
     .home_load = "body weight, a sturdy chair or stair",
     .progression = "a higher box (knee at 90 degrees), then weight; always 3 s down"},
    {.name = "Reverse step-down",
     .session_a = true,
     .each_side = true,
     .tempo = "3-1-1",
     .reps_gentle = 6,
     .reps_standard = 10,
     .reps_heavy = 10,
     .gym_load = "body weight, then light dumbbells",
     .home_load = "body weight, from a stair",
     .progression = "a higher step, then a slower lowering (4 s)"},
    {.name = "Single-leg squat to a box",
     .session_a = true,
     .each_side = true,
     .tempo = "3-1-1",
     .reps_gentle = 5,
     .reps_standard = 8,
     .reps_heavy = 8,
     .gym_load = "body weight, then a dumbbell held at the chest",
     .home_load = "body weight, to a chair",
     .progression = "a lower box, then weight"},
    {.name = "Single-leg calf raise, slow lowering",
     .session_a = true,
     .each_side = true,
     .tempo = "3-1-1",
     .reps_gentle = 10,
     .reps_standard = 15,
     .reps_heavy = 12,
     .gym_load = "a dumbbell in the hand of the working side",
     .home_load = "body weight, heel off a step",
     .progression = "more reps to 20, then weight"},
    {.name = "Plank",
     .session_a = true,
     .hold = true,
     .tempo = "",
     .reps_gentle = 30,
     .reps_standard = 45,
     .reps_heavy = 45,
     .gym_load = "body weight",
     .home_load = "body weight",
     .progression = "10 s longer each time to 90 s"},
    {.name = "Side plank",
     .session_a = true,
     .each_side = true,
     .hold = true,
     .tempo = "",
     .reps_gentle = 20,
     .reps_standard = 30,
     .reps_heavy = 30,
     .gym_load = "body weight",
     .home_load = "body weight",
     .progression = "5 s longer each time to 60 s"},
    {.name = "Reverse lunge",
     .session_a = false,
     .each_side = true,
     .tempo = "2-0-1",
     .reps_gentle = 8,
     .reps_standard = 10,
     .reps_heavy = 8,
     .gym_load = "dumbbells, 15-25 % of body mass",
     .home_load = "body weight",
     .progression = "weight, then a walking lunge up a slope",
     .knee_friendly = false},
    {.name = "Romanian deadlift",
     .session_a = false,
     .needs_gym = true,
     .home_name = "Single-leg Romanian deadlift",
     .tempo = "3-0-1",
     .reps_gentle = 8,
     .reps_standard = 10,
     .reps_heavy = 8,
     .gym_load = "barbell, start with 40 % of body mass",
     .home_load = "body weight, then a backpack",
     .progression = "5 % more weight when all sets feel easy"},
    {.name = "Squat",
     .session_a = false,
     .home_name = "Air squat",
     .tempo = "2-0-1",
     .reps_gentle = 12,
     .reps_standard = 15,
     .reps_heavy = 8,
     .gym_load = "goblet or barbell squat; heavy enough that 2 more reps would be hard",
     .home_load = "body weight, full depth",
     .progression = "more reps at home; more weight in the gym"},
    {.name = "Single-leg calf raise, bent knee",
     .session_a = false,
     .each_side = true,
     .tempo = "3-1-1",
     .reps_gentle = 10,
     .reps_standard = 15,
     .reps_heavy = 12,
     .gym_load = "seated calf machine or a dumbbell on the knee",
     .home_load = "body weight, knee bent",
     .progression = "more reps to 20, then weight"},
    {.name = "Dead bug",
     .session_a = false,
     .each_side = true,
     .tempo = "2-1-2",
     .reps_gentle = 6,
     .reps_standard = 8,
     .reps_heavy = 10,
     .gym_load = "body weight",
     .home_load = "body weight",
     .progression = "slower, then a light weight in the hands"},
};

int base_sets(StrengthDose dose) {
    switch (dose) {
        case StrengthDose::gentle:
            return 2;
        case StrengthDose::standard:
            return 2;
        case StrengthDose::heavy:
            return 3;
    }
    return 2;
}

int max_sets(StrengthDose dose) {
    return dose == StrengthDose::heavy ? 4 : 3;
}

}  // namespace

std::span<const ExerciseTemplate> exercise_templates() {
    return k_exercises;
}

double rest_between_sets_s(StrengthDose dose) {
    return dose == StrengthDose::heavy ? 120.0 : 75.0;
}

Session make_strength(const StrengthSettings& s) {
    Session session;
    session.kind = SessionKind::strength;
    session.title = s.session_a ? "Strength A: braking" : "Strength B: pushing";
    // One more set every third session, to the dose's most; a deload drops back to the base.
    const int sets =
        s.deload ? base_sets(s.dose) : std::min(base_sets(s.dose) + s.progress / 3, max_sets(s.dose));
    for (const ExerciseTemplate& t : k_exercises) {
        if (t.session_a != s.session_a) continue;
        if (s.knee_injury && !t.knee_friendly) continue;
        Exercise e;
        e.name = std::string(!s.gym && !t.home_name.empty() ? t.home_name : t.name);
        if (s.achilles_injury && e.name.find("calf raise") != std::string::npos) {
            e.name = "Heel drop off a step (slow)";
        }
        if (s.knee_injury && e.name.find("Single-leg squat") != std::string::npos)
            e.name += " (high box, pain-free range)";
        e.sets = t.hold ? std::min(sets, 3) : sets;
        e.tempo = std::string(t.tempo);
        int n = s.dose == StrengthDose::gentle  ? t.reps_gentle
                : s.dose == StrengthDose::heavy ? t.reps_heavy
                                                : t.reps_standard;
        if (s.achilles_injury && e.name.starts_with("Heel drop")) n = 15;
        const char* side = t.each_side ? " each side" : "";
        if (t.hold) {
            e.hold_s = n;
            e.reps = fmt::format("{} s{}", n, side);
        } else {
            e.reps_count = n;
            e.reps = fmt::format("{}{}", n, t.each_side ? " each leg" : "");
        }
        e.load = std::string(s.gym ? t.gym_load : t.home_load);
        if (s.dose == StrengthDose::heavy && !t.hold)
            e.load += "; the last reps of each set close to failure";
        e.progression = std::string(t.progression);
        session.exercises.push_back(std::move(e));
    }
    session.duration_s = strength_duration_s(session.exercises, rest_between_sets_s(s.dose));
    session.where = s.gym ? "In the gym." : "At home: a sturdy step or chair and a bit of floor.";
    session.why =
        s.session_a ? "Slow lowering on one leg trains the quadriceps to brake, which is what long descents "
                      "ask of them; calves and core keep the stride stable on climbs."
                    : "Lunges, deadlifts and squats build the glutes and hamstrings that push you up hills.";
    if (s.dose == StrengthDose::heavy) {
        session.why += " Heavy sets close to failure are the signal for muscle to grow.";
    }
    if (s.deload) session.why += " Deload week: fewer sets.";
    compute_numbers(session, 3.0);
    return session;
}

}  // namespace hillcoach::plan
