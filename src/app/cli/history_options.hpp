#pragma once
// The options the history commands (weeks, load, check, climbs) share: the database, the profile with its
// [training], [guidance] and [goal] tables, the calendar (time zone and week start, flags over the profile
// over the machine's zone) and a date range; and loading all of it in one step.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"
#include "hillcoach/training/training_profile.hpp"

namespace hillcoach::app {

struct HistoryFlags {
    DbFlag db{};
    std::string profile_path{};
    std::string time_zone{};
    std::string week_start{};
    std::string from{};  // "YYYY-MM-DD"
    std::string to{};
    bool json = false;
};

// --db, --profile, --tz, --week-start, --json; --from and --to when `range` (their help names `range_what`).
void add_history_options(CLI::App& command, HistoryFlags& flags, bool range, const std::string& range_what);

struct History {
    std::vector<training::ActivityDigest> digests{};  // by start time
    training::TrainingProfile profile{};
    training::Calendar calendar;
    std::optional<training::Day> from{};
    std::optional<training::Day> to{};
};

// Reads the profile and the database. On an error, prints it to ctx.err, sets ctx.exit_code (2 for a bad flag
// or profile value, 1 for a database that cannot be read) and returns nullopt. Profile warnings go to ctx.err.
std::optional<History> load_history(const HistoryFlags& flags, CliContext& ctx);

// "12.3" km, "1:02" h:mm, for table cells.
std::string km_cell(double metres);
std::string hours_cell(double seconds);

}  // namespace hillcoach::app
