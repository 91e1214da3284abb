#pragma once
// Which day of the week gets which session. Hard days (the long run, quality and hill sessions, the race)
// never touch: not within the week, taken as a cycle so the same pattern repeats safely, and not across the
// boundary with the previous week's hard days. Focused hill sessions are hard, so two of them are always at
// least 48 h apart. The long run stays on the runner's long-run day; the others go where they are farthest
// from the hard days already placed, preferring two to three days after the long run. Easy runs take the
// free days up to the days available; strength goes to an easy day that is not right before a hard one,
// else a free day while days remain, else after a quality session (keeping the hard day hard).

#include <optional>
#include <vector>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

struct LayoutInput {
    Date week_start{};
    Date long_day{};  // the long run's day, or the race's
    int quality = 0;  // quality sessions to place
    int days_per_week = 4;
    std::vector<Date> previous_hard{};
    std::vector<Date> next_hard{};  // fixed hard days just after the week (next week's race)
    int strength = 0;
    bool race = false;  // long_day is the race: nothing after it, quality kept two days clear
};

struct DayPlan {
    Date week_start{};
    std::optional<Date> long_day{};
    std::vector<Date> quality_days{};  // in the order of the quality sessions' priority
    std::vector<Date> easy_days{};
    std::vector<Date> strength_days{};
};

DayPlan lay_out_week(const LayoutInput& input);

}  // namespace hillcoach::plan
