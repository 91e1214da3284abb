#pragma once
// The planner: a profile, a starting point and the runner's own hills in; a periodised plan of dated run and
// strength sessions out. Each week is built in the same order:
//
//   1. its frame (phases.hpp): phase, deload;
//   2. its recipe (weekly_recipe.hpp): the long run, up to two focused hill sessions and a flat quality
//      session as the goal and phase ask, cut to the days and level, with hills swapped for the treadmill or
//      stadium when there are none, and sprints or descents held out while an injury asks;
//   3. its days: hard sessions never on consecutive days (also across the week boundary), so focused hill
//      sessions are at least 48 h apart; easy runs and strength on the other days, up to the days available;
//   4. its load: the week's target is at most 8 % above last week's real load (deload: 70 %; the week after a
//      deload returns to the load before it; taper: 70 % then 50 % of the peak), easy and long runs fill it,
//      within the minutes the runner has; quality sessions are cut if they alone would exceed it;
//   5. its downhill: the descent run in a week grows by at most 10 % or 40 m over last week's, descents are
//      walked while an injury or a return asks, and downhill repeats start at a few short reps.
//
// docs/plan.md states every rule with its source; tests/plan/plan_invariants_test.cpp checks them over
// hundreds of generated profiles.

#include <optional>
#include <vector>

#include "hillcoach/plan/hills.hpp"
#include "hillcoach/plan/plan.hpp"
#include "hillcoach/plan/starting_point.hpp"

namespace hillcoach::plan {

inline constexpr double k_build_growth = 0.08;  // a week's load over last week's, building
inline constexpr double k_new_runner_growth = 0.06;
inline constexpr double k_deload_share = 0.7;
inline constexpr double k_taper_shares[] = {0.7,
                                            0.5};  // of the peak: taper weeks before the race week, race week
// The weekly load rule: at most 10 % above last week's, or k_load_rise_floor load points (about eight minutes
// of easy running) where 10 % is less than that: a week cannot be smaller than one short quality session, so
// a runner at a few dozen points a week would otherwise be held at a level no session fits.
inline constexpr double k_load_rise_limit = 0.10;
inline constexpr double k_load_rise_floor = 5.0;
inline constexpr double k_downhill_growth = 0.10;
inline constexpr double k_downhill_step_m = 40.0;  // the smallest weekly increase of descent run allowed
// A week's descent grows from the most run in any of the last 6 weeks, not only last week's: one bout of
// downhill running protects the quadriceps for up to 6 weeks (Byrnes et al. 1985; none left at 9), so a
// runner back from a flat block may return to what they ran within that time. The starting point stands for
// the weeks before the plan.
inline constexpr int k_downhill_memory_weeks = 6;

struct PlanRequest {
    Runner runner{};
    std::optional<StartingPoint> history{};  // from the store; nullopt: from the profile
    std::vector<Hill> hills{};
};

Plan make_plan(const PlanRequest& request);

// What the planner carries from one week to the next; adapt.hpp resets it from what was really run.
struct PlannerState {
    double last_load = 0.0;
    double last_downhill_m = 0.0;
    std::vector<double>
        recent_downhill_m{};  // the last k_downhill_memory_weeks weeks' descent run, oldest first
    double last_long_s = 0.0;
    double pre_deload_load = 0.0;
    double pre_deload_downhill_m = 0.0;
    double peak_load = 0.0;
    double peak_run_s = 0.0;  // the biggest week's running time before the taper
    bool last_was_deload = false;
    std::vector<int> progress{};          // per SessionKind: earlier non-deload sessions
    int strength_progress[2] = {0, 0};    // A, B
    std::vector<Date> last_hard_dates{};  // hard days of the previous week
    double load_cut = 1.0;                // adapt: the next week's target is cut to this share (warnings)
};

// The most descent run in the remembered weeks (0 when none).
double recent_downhill_most_m(const PlannerState& state);
// Adds a week's descent run to the remembered weeks, forgetting the oldest beyond k_downhill_memory_weeks.
void remember_downhill(PlannerState& state, double downhill_run_m);

// The state after the weeks of `plan` before `week_index` (as planned).
PlannerState state_before(const Plan& plan, int week_index);

// Rebuilds weeks [from, end) of `plan` from `state`; weeks before `from` are kept as they are.
void replan_from(Plan& plan, int from, PlannerState state, const std::vector<Hill>& hills);

}  // namespace hillcoach::plan
