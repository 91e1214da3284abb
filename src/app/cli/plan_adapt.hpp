#pragma once
// The saved plan (saved_plan.hpp) held against what was really run: `hillcoach plan --db --adapt` asks for it,
// and every `hillcoach import --db` does it too when the history has a saved plan, so that the plan follows
// the runner without a second command (issue 6 §4).

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/plan/adapt.hpp"
#include "hillcoach/plan/plan.hpp"
#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"
#include "hillcoach/training/training_profile.hpp"

namespace hillcoach::app {

// What a plan is made or adapted from: the store's digests in the calendar of the profile's settings.
struct PlanHistory {
    std::vector<training::ActivityDigest> digests;
    training::Calendar calendar;
    training::TrainingProfile settings;
};

// The store at `db` with the settings of the profile file (none when `profile_path` is empty).
core::Expected<PlanHistory> read_plan_history(const std::filesystem::path& db,
                                              const std::filesystem::path& profile_path);

// The saved plan compared with the history up to `today` and re-planned from there (plan::adapt: done,
// moved, missed and extra sessions; guidance warnings of the last 14 days reduce the next week). io_error
// when there is no saved plan.
core::Expected<plan::Plan> adapt_saved_plan(const std::filesystem::path& db, const PlanHistory& history,
                                            plan::Date today, plan::AdaptReport& report);

// Writes the plan next to the store (saved_plan_path), replacing the one there.
core::Expected<void> save_plan(const plan::Plan& made, const std::filesystem::path& db);

// After `hillcoach import --db` has stored new activities: when the store has a saved plan, it is adapted to
// the history as of today (UTC) and saved again, and what changed is printed to `err` under `who`. A store
// without a saved plan is left alone; a plan that cannot be read or saved is reported, the import stands.
// False only on such an error.
bool adapt_after_import(const std::filesystem::path& db, const std::filesystem::path& profile_path,
                        const std::string& who, std::ostream& err);

// "N done, N moved, N missed, N extra" and one indented line per change, for stderr.
void print_adapt_report(const plan::AdaptReport& report, const std::string& who, std::ostream& err);

}  // namespace hillcoach::app
