#pragma once
// The words the store writes for enums (the modules' own to_string names: "trail_running", "hill_repeats",
// "quadriceps") and the way back. Reading a word this build does not know gives nullopt, which the reader
// turns into `unknown` rather than failing: a file written by a newer hillcoach stays readable.

#include <optional>
#include <string_view>

#include "hillcoach/analysis/classify.hpp"
#include "hillcoach/core/activity.hpp"
#include "hillcoach/physiology/muscle_load.hpp"

namespace hillcoach::store {

std::optional<core::Sport> sport_from_name(std::string_view name);
std::optional<analysis::SessionType> session_type_from_name(std::string_view name);
std::optional<physiology::MuscleGroup> muscle_group_from_name(std::string_view name);

}  // namespace hillcoach::store
