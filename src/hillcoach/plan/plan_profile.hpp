#pragma once
// Who the runner is and what they want, for the planner: the [runner], [goal] and [plan] tables of the same
// TOML profile file whose [athlete] table physiology reads (docs/profile.md has a complete example), and the
// same settings from command-line flags. Every field is optional here; resolve() fills the open ones with
// documented defaults (docs/plan.md, "Defaults").
//
//   [runner]
//   level = "regular"              # "new" | "regular" | "advanced"
//   days_per_week = 5              # 2-7 days with a session
//   minutes_per_week = 300         # 60-1500, all sessions together
//   long_run_day = "sunday"
//   hills = true                   # access to hills, a treadmill, stadium steps, a gym
//   treadmill = false
//   stadium = false
//   gym = true
//   injuries = ["left knee, 2025"] # current or recent injuries, in the runner's words
//
//   [goal]
//   type = "hilly-race"            # strength | muscle | hilly-race | flat-race | fitness | return
//   race_date = 2026-09-12
//   race_distance_km = 42
//   race_ascent_m = 2400
//
//   [plan]
//   start = 2026-05-04
//   weeks = 16
//
// A key these tables do not know is a warning (a typo is seen, the plan is still made); a value of the wrong
// type or out of range is an error at its line and column, like [athlete]'s.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/physiology/athlete_profile.hpp"

namespace hillcoach::plan {

using Date = std::chrono::sys_days;

enum class Level : unsigned char { new_runner, regular, advanced };
enum class Goal : unsigned char { strength, muscle, hilly_race, flat_race, fitness, return_after_injury };

// "new", "regular", "advanced" / "strength", "muscle", "hilly-race", "flat-race", "fitness", "return".
std::string_view to_string(Level level);
std::string_view to_string(Goal goal);
std::optional<Level> level_from_text(std::string_view text);
std::optional<Goal> goal_from_text(std::string_view text);
bool is_race(Goal goal);

// "YYYY-MM-DD"; nullopt for anything else or a date that does not exist.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);
// "monday" ... "sunday", or the first three letters, any case.
std::optional<std::chrono::weekday> weekday_from_text(std::string_view text);
std::string_view weekday_name(std::chrono::weekday day);

inline constexpr int k_min_days_per_week = 2;
inline constexpr int k_max_days_per_week = 7;
inline constexpr double k_min_minutes_per_week = 60.0;
inline constexpr double k_max_minutes_per_week = 1500.0;
inline constexpr int k_min_plan_weeks = 1;
inline constexpr int k_max_plan_weeks = 104;
inline constexpr double k_min_race_distance_m = 1000.0;
inline constexpr double k_max_race_distance_m = 400000.0;
inline constexpr double k_max_race_ascent_m = 30000.0;

struct PlanProfile {
    physiology::AthleteProfile athlete{};
    std::optional<Level> level{};
    std::optional<Goal> goal{};
    std::optional<Date> race_date{};
    std::optional<double> race_distance_m{};
    std::optional<double> race_ascent_m{};
    std::optional<int> days_per_week{};
    std::optional<double> minutes_per_week{};
    std::optional<std::chrono::weekday> long_run_day{};
    std::optional<bool> hills{};
    std::optional<bool> treadmill{};
    std::optional<bool> stadium{};
    std::optional<bool> gym{};
    std::vector<std::string> injuries{};
    std::optional<Date> start{};
    std::optional<int> weeks{};
};

// Field by field, `over` wins where it has a value; injuries given in `over` replace the file's.
PlanProfile merge(const PlanProfile& base, const PlanProfile& over);

struct PlanProfileRead {
    PlanProfile profile{};
    std::vector<core::Warning> warnings{};
};

// Parses the whole profile text: [athlete] through physiology, [runner], [goal] and [plan] here. Errors:
// ErrorCode::invalid_argument at the value's line and column.
core::Expected<PlanProfileRead> parse_plan_profile(std::string_view toml_text,
                                                   const std::string& source_name);
core::Expected<PlanProfileRead> read_plan_profile(const std::filesystem::path& path);

// The profile as TOML that parse_plan_profile reads back to the same values: [athlete] (the settings the
// planner uses), [runner], [goal] and [plan], each key only where it has a value. The invariants test prints
// it for a profile that broke a rule, so the case can be replayed with `hillcoach plan --profile`.
std::string to_toml(const PlanProfile& profile);

}  // namespace hillcoach::plan
