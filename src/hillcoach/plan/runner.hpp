#pragma once
// The runner as the planner sees them: every setting of the profile resolved, none left open. Defaults are
// chosen by level and goal (docs/plan.md, "Defaults") and each one is named in `defaults`, so the plan can
// say what it assumed.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/physiology/athlete_profile.hpp"
#include "hillcoach/plan/plan_profile.hpp"

namespace hillcoach::plan {

// Race defaults when a race goal gives no distance: a marathon for a flat race; for a hilly race the
// trail world's commonest short-long race (30 km with 1500 m up, ITRA category M by km-effort 45).
inline constexpr double k_default_flat_race_distance_m = 42195.0;
inline constexpr double k_default_hilly_race_distance_m = 30000.0;
inline constexpr double k_default_hilly_race_ascent_per_m = 0.05;
inline constexpr int k_default_plan_weeks = 12;

struct Runner {
    physiology::AthleteProfile athlete{};
    Level level = Level::regular;
    Goal goal = Goal::fitness;
    std::optional<Date> race_date{};
    double race_distance_m = 0.0;  // 0 without a race
    double race_ascent_m = 0.0;
    int days_per_week = 4;
    double minutes_per_week = 0.0;
    std::chrono::weekday long_run_day = std::chrono::Sunday;
    bool hills = true;
    bool treadmill = false;
    bool stadium = false;
    bool gym = false;
    std::vector<std::string> injuries{};
    Date start{};
    int weeks = k_default_plan_weeks;
    std::vector<std::string> defaults{};  // one line per setting that was defaulted, and to what
};

// Fills open settings. `today` gives the default start (the next Monday, today when it is one). Errors
// (ErrorCode::invalid_argument): a race goal without a race date, a race date before the start or more than
// k_max_plan_weeks after it.
core::Expected<Runner> resolve(const PlanProfile& profile, Date today);

// Weeks from `start` to the week holding the race (the race falls in the last one).
int weeks_until(Date start, Date race);

}  // namespace hillcoach::plan
