#pragma once
// The athlete flags of `hillcoach analyze` (and of any command that needs the runner's physiology): a profile
// file and per-setting overrides. docs/profile.md documents the file; flags win over it, setting by setting.

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/physiology/athlete_profile.hpp"

namespace hillcoach::app {

struct AthleteFlags {
    std::string profile_path;
    std::optional<double> mass_kg;
    std::string sex;
    std::optional<double> age_years;
    std::optional<double> max_hr_bpm;
    std::optional<double> rest_hr_bpm;
    std::optional<double> threshold_hr_bpm;
    std::string threshold_pace;   // "m:ss" per km
    std::string zones;            // max | reserve | threshold
    std::string gap_model;        // heart-rate | metabolic
};

// --profile, --mass-kg, --sex, --age, --max-hr, --rest-hr, --threshold-hr, --threshold-pace, --zones,
// --gap-model; words and paces are checked by CLI11 (a bad one is a usage error, exit status 2).
void add_athlete_options(CLI::App& command, AthleteFlags& flags);

// The profile file (when given) with the flags over it, validated as a whole (rest < threshold <= max).
// Warnings from the file (unknown keys) are appended to `warnings`.
core::Expected<physiology::AthleteProfile> athlete_profile(const AthleteFlags& flags,
                                                           std::vector<core::Warning>& warnings);

}  // namespace hillcoach::app
