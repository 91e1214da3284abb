#pragma once
// What a week holds, by goal and phase, as one table: the long run (flat or hilly), the quality sessions in
// order of priority (at most two focused hill sessions), and how many strength sessions. The recipe is then
// cut to the runner: the days available, the level, a deload, an injury, and the hills, treadmill and
// stadium they can reach. docs/plan.md, "Weekly structure", prints the table.

#include <span>
#include <string>
#include <vector>

#include "hillcoach/plan/injuries.hpp"
#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

struct RecipeRow {
    Goal goal = Goal::fitness;
    Phase phase = Phase::base;
    SessionKind long_kind = SessionKind::long_run;
    SessionKind quality[2] = {SessionKind::rest, SessionKind::rest};  // rest = none
    SessionKind alternate = SessionKind::rest;  // replaces quality[1] every other week (variety), rest = none
    int strength = 1;
};

std::span<const RecipeRow> recipe_rows();

struct WeekRecipe {
    SessionKind long_kind = SessionKind::long_run;
    std::vector<SessionKind> quality{};  // in priority order
    int strength = 1;
    bool hold_downhill = false;          // every descent walked this week
    bool gentle_climbs = false;          // return: climbs jogged or walked
    std::vector<std::string> changes{};  // what was swapped and why (for the week's notes)
};

struct RecipeInput {
    const Runner* runner = nullptr;
    Phase phase = Phase::base;
    bool deload = false;
    int week_index = 0;
    int week_in_phase = 0;
    InjuryLimits limits{};
};

// The most hard days a week may hold for the days available and the level (hard days never touch, also
// across weeks, so seven days hold at most three).
int max_hard_days(int days_per_week, Level level, int week_index);

WeekRecipe week_recipe(const RecipeInput& input);

}  // namespace hillcoach::plan
