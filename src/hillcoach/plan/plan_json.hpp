#pragma once
// The plan as JSON (`hillcoach plan --json`, issue 6 section 5; docs/cli.md prints an example):
//
//   {"profile": {...the resolved runner, with "defaults": what was assumed...},
//    "start": {...the starting point...}, "notes": [...],
//    "weeks": [{"start_date", "phase", "deload", "focus",
//               "sessions": [{"date", "kind", "title", "focus_hill", "hard", "warmup", "warmup_s",
//                             "duration_s", "distance_m", "ascent_m", "descent_m", "downhill_run_m", "load",
//                             "steps": [{"repeats", "steps": [{"kind", "effort", "duration_s", "distance_m",
//                                                            "grade", "note"}]}],
//                             "exercises": [{"name", "sets", "reps", "tempo", "load", "progression"}],
//                             "climb": null | {"id", "name", "length_m", "grade", "times_run", "used_m"},
//                             "where", "why", "status"}]}]}
//
// `kind` is one of session_kinds()' names (rest, easy, long, flat_quality, hill_sprints, short_hill_repeats,
// long_hill_repeats, hill_circuit, hilly_long, downhill_repeats, stadium, treadmill_hills, strength, race).
// A step's duration_s or distance_m is null when the step is given by the other. plan_from_json reads the
// same document back (adapt reads the saved plan this way).

#include <string>

#include <nlohmann/json.hpp>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

nlohmann::json plan_json(const Plan& plan);
// ErrorCode::invalid_argument naming `source` and the JSON path of the first bad value.
core::Expected<Plan> plan_from_json(const nlohmann::json& json, const std::string& source);

}  // namespace hillcoach::plan
