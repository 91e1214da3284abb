#pragma once
// The JSON of stored activities (docs/cli.md): `list --json` writes the short form, `show --json` and
// `export --json` the whole stored record (the digest, the session reason, the source files). Keys are the
// digest's member names; missing values are null, never 0.
//
// Precision: list and show round to the millimetre and millisecond like every other command; export keeps
// every digit (shortest round-trip form) because it is the user's backup of the store.

#include "app/cli/activity_summary.hpp"
#include "hillcoach/store/stored_activity.hpp"

namespace hillcoach::app {

enum class JsonPrecision { rounded, exact };

// id, start_time, name, sport, session_type, distance_m, moving_s, elapsed_s, ascent_m, descent_m, stress,
// stress_source, hill_focus.
Json activity_list_json(const training::ActivityDigest& digest);

// Everything stored about one activity.
Json stored_activity_json(const store::StoredActivity& activity, JsonPrecision precision);

}  // namespace hillcoach::app
