#pragma once
// The history's settings in the athlete's profile (the same TOML file whose [athlete] table physiology reads,
// docs/profile.md): the calendar and load windows, the guidance thresholds and the goal.
//
//   [training]
//   time_zone = "Europe/Zurich"    # IANA name; default: the machine's zone
//   week_start = "monday"          # monday ... sunday
//   acute_days = 7                 # EWMA time constants, days
//   chronic_days = 42
//   ratio_acute_days = 7           # the acute:chronic ratio's rolling windows, days
//   ratio_chronic_days = 28
//
//   [guidance]                     # any GuidanceThresholds member by name (guidance.hpp, docs/models.md)
//   max_hill_sessions_per_week = 2
//   max_eccentric_acwr = 1.5
//
//   [goal]                         # the planner's table; guidance reads these keys
//   type = "hilly-race"            # flat-race | hilly-race | ... ("kind" is accepted too)
//   race_ascent_m = 2400
//   race_distance_km = 42
//
// An unknown key in [training] or [guidance] is a warning; a value of the wrong type or out of range an error
// at its line and column (ErrorCode::invalid_argument). [goal]'s other keys belong to the planner.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/training/guidance.hpp"
#include "hillcoach/training/load_channels.hpp"

namespace hillcoach::training {

struct TrainingProfile {
    std::optional<std::string> time_zone{};
    std::optional<std::chrono::weekday> week_start{};
    LoadOptions load{};
    GuidanceThresholds guidance{};
    Goal goal{};
    std::vector<core::Warning> warnings{};
};

// "flat-race" -> flat_race, "hilly-race" / "mountain-race" / "trail-race" -> hilly_race, any other word ->
// other (a goal without race-specific rules).
GoalKind goal_kind_from_text(std::string_view text);

core::Expected<TrainingProfile> parse_training_profile(std::string_view toml_text, const std::string& source_name);
core::Expected<TrainingProfile> read_training_profile(const std::filesystem::path& path);

}  // namespace hillcoach::training
