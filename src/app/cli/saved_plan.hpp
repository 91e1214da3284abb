#pragma once
// The plan `hillcoach plan --db` saves next to the history database (the store has no table for plans), and
// reading a plan back from JSON (`plan --json`'s document): shared by plan --adapt and report --plan.

#include <filesystem>
#include <istream>
#include <string>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/plan/plan.hpp"

namespace hillcoach::app {

// "<db>.plan.json".
std::filesystem::path saved_plan_path(const std::filesystem::path& db);

// The plan in `in` (plan_json's document); invalid_argument naming `source` when it is not JSON or not a plan
// (plan_from_json names the first bad value's JSON path).
core::Expected<plan::Plan> read_plan(std::istream& in, const std::string& source);

}  // namespace hillcoach::app
