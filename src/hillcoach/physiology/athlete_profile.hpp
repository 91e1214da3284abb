#pragma once
// The athlete as the runner describes them: the [athlete] table of a TOML profile file, and the same settings
// from command-line flags. Every field is optional; athlete_settings.hpp fills what is missing with documented
// estimates and defaults and says which. The file format is documented in docs/profile.md:
//
//   [athlete]
//   mass_kg = 68
//   sex = "female"                 # "female" | "male"
//   age_years = 41
//   max_hr_bpm = 188
//   rest_hr_bpm = 52
//   threshold_hr_bpm = 172         # lactate-threshold heart rate
//   threshold_pace = "4:35"        # per km (or threshold_pace_s_per_km = 275)
//   hr_zones = "reserve"           # "max" | "reserve" | "threshold"
//   gap_model = "heart-rate"       # "heart-rate" | "metabolic"
//
// Other tables belong to other parts of hillcoach (the planner's) and are left alone here. An unknown key
// inside [athlete] is a warning (a typo must not pass silently, and must not stop an analysis either); a value
// of the wrong type or out of range is an error located at its line and column.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/physiology/grade_adjusted_pace.hpp"
#include "hillcoach/physiology/heart_rate_zones.hpp"

namespace hillcoach::physiology {

enum class Sex : unsigned char { unknown, female, male };
// "unknown", "female", "male".
std::string_view to_string(Sex sex);
// "female" / "f" / "woman", "male" / "m" / "man" (any case); nullopt otherwise.
std::optional<Sex> sex_from_text(std::string_view text);

// Plausible ranges; values outside are refused as typos or wrong units (a mass of 500 is pounds, a heart rate
// of 20 a misread).
inline constexpr double k_min_mass_kg = 20.0;
inline constexpr double k_max_mass_kg = 300.0;
inline constexpr double k_min_age_years = 5.0;
inline constexpr double k_max_age_years = 110.0;
inline constexpr double k_min_heart_rate_bpm = 25.0;
inline constexpr double k_max_heart_rate_bpm = 250.0;
inline constexpr double k_min_pace_s_per_km = 120.0;    // 2:00/km, faster than the 1 km world record pace
inline constexpr double k_max_pace_s_per_km = 1200.0;   // 20:00/km, a slow walk

struct AthleteProfile {
    std::optional<double> mass_kg{};
    std::optional<Sex> sex{};
    std::optional<double> age_years{};
    std::optional<double> max_hr_bpm{};
    std::optional<double> rest_hr_bpm{};
    std::optional<double> threshold_hr_bpm{};
    std::optional<double> threshold_speed_m_s{};
    std::optional<ZoneModel> zone_model{};
    std::optional<GapModel> gap_model{};
};

// Field by field, `over` wins where it has a value (flags over the profile file).
AthleteProfile merge(const AthleteProfile& base, const AthleteProfile& over);

// "4:30" or "4:30.5" (minutes:seconds per km) to seconds per km; nullopt for anything else.
std::optional<double> parse_pace_s_per_km(std::string_view text);

struct ProfileRead {
    AthleteProfile athlete{};
    std::vector<core::Warning> warnings{};
};

// Parses profile text; `source_name` names it in errors ("profile.toml:4:11: error: ..."). A text without an
// [athlete] table gives an empty profile. Errors: ErrorCode::invalid_argument.
core::Expected<ProfileRead> parse_athlete_profile(std::string_view toml_text, const std::string& source_name);

// Reads and parses a profile file (ErrorCode::io_error when it cannot be read).
core::Expected<ProfileRead> read_athlete_profile(const std::filesystem::path& path);

// Checks ranges and the order rest < threshold < max among the values present (after merging flags).
core::Expected<void> validate_athlete_profile(const AthleteProfile& profile);

}  // namespace hillcoach::physiology
