#pragma once
// The plan as values: weeks of dated sessions, each with its structured steps (runs) or exercises (strength),
// its numbers (time, distance, climbing, load), the runner's own hill it uses, and why it is there. Made by
// planner.hpp, changed by adapt.hpp, written out by report/ (terminal, Markdown, JSON, iCalendar, FIT).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/plan/plan_profile.hpp"
#include "hillcoach/plan/runner.hpp"
#include "hillcoach/plan/session_kind.hpp"

namespace hillcoach::plan {

enum class Phase : unsigned char { base, hill_strength, specific, taper };
std::string_view to_string(Phase phase);
std::optional<Phase> phase_from_text(std::string_view text);

// How hard a step is run, with the fraction of threshold speed it means on the flat (effort_speed_fraction).
enum class Effort : unsigned char { walk, easy, steady, marathon, threshold, hard, sprint };
std::string_view to_string(Effort effort);
std::optional<Effort> effort_from_text(std::string_view text);

enum class StepKind : unsigned char { warmup, run, climb, recover, descend, cooldown, strides };
std::string_view to_string(StepKind kind);
std::optional<StepKind> step_kind_from_text(std::string_view text);

struct Step {
    StepKind kind = StepKind::run;
    Effort effort = Effort::easy;
    std::optional<double> duration_s{};  // a step is done for a time or for a distance (or both are shown)
    std::optional<double> distance_m{};
    double grade = 0.0;  // planned grade, up positive (treadmill: its incline)
    std::string note{};  // "jog back down", "walk down", "arms driving"
};

// A group of steps done `repeats` times ("6 x [150 m up hard, jog down]"); a single step is a group of one.
struct StepBlock {
    int repeats = 1;
    std::vector<Step> steps{};
};

struct Exercise {
    std::string name{};  // "Step-up with a slow step-down"
    int sets = 0;
    std::string reps{};               // "8 each leg", "30 s"
    std::string tempo{};              // "3-0-1": seconds down, pause, up (the slow lowering first)
    std::string load{};               // "body weight", "dumbbells, 10-15 % of body mass"
    std::string progression{};        // how it grows week to week
    std::optional<int> reps_count{};  // for watches: reps per set (per side), when the reps are counted
    std::optional<double> hold_s{};   // for watches: seconds per set, when the set is held or timed
};

// One of the runner's own hills (from the climb library) that a session uses.
struct ClimbUse {
    std::string id{};    // the climb library's id
    std::string name{};  // "the hill at 3.2 km of your usual loop"
    double length_m = 0.0;
    double grade = 0.0;
    int times_run = 0;
    double used_m = 0.0;  // how much of it a rep covers (its first used_m metres)
};

struct Session {
    Date date{};
    SessionKind kind = SessionKind::rest;
    std::string title{};
    bool focus_hill = false;
    bool hard = false;
    double warmup_s = 0.0;  // the easy, flat warm-up before the first climb (0 where none is needed)
    double duration_s = 0.0;
    double distance_m = 0.0;
    double ascent_m = 0.0;
    double descent_m = 0.0;
    double downhill_run_m = 0.0;  // the part of descent_m that is run (not walked): the eccentric load
    double load = 0.0;            // training stress (100 = one hour at threshold)
    std::vector<StepBlock> steps{};
    std::vector<Exercise> exercises{};
    std::optional<ClimbUse> climb{};
    std::string where{};  // where to do it: the runner's hill, what hill to look for, or the alternative
    std::string why{};
    std::string status{};  // after adapting: "done", "missed", "moved", "extra"; "" for planned
};

struct Week {
    Date start{};
    Phase phase = Phase::base;
    bool deload = false;
    std::string focus{};  // one line: what the week is for
    std::vector<Session> sessions{};
};

// Where the plan starts from: the runner's recent weeks (from the store) or what the profile implies.
struct StartingPoint {
    std::string source{};  // "history (last 4 weeks)" or "profile (regular runner)"
    double weekly_duration_s = 0.0;
    double weekly_distance_m = 0.0;
    double weekly_ascent_m = 0.0;
    double weekly_downhill_run_m = 0.0;  // descent run a week
    double weekly_load = 0.0;
    double long_run_s = 0.0;
    double threshold_speed_m_s = 0.0;
    int hill_sessions_per_week = 0;
};

struct Plan {
    Runner runner{};
    StartingPoint start{};
    std::vector<Week> weeks{};
    std::vector<std::string> notes{};  // plan-wide advice: nutrition for muscle, hill access, injuries
};

// Totals of a week's sessions (the race itself is left out: it is the goal, not training volume).
struct WeekTotals {
    double duration_s = 0.0;
    double distance_m = 0.0;
    double ascent_m = 0.0;
    double descent_m = 0.0;
    double downhill_run_m = 0.0;
    double load = 0.0;           // of the runs: the weekly load the plan's rules limit
    double strength_load = 0.0;  // of the strength sessions, counted apart (their sets progress on their own)
    int focus_hill_sessions = 0;
    int hard_sessions = 0;
    int strength_sessions = 0;
    int run_days = 0;
};
WeekTotals totals(const Week& week);

}  // namespace hillcoach::plan
