// hillcoach list: the stored activities, one line each (or one JSON object each), oldest first.

#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/cli/activity_summary.hpp"
#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"
#include "app/cli/history_text.hpp"
#include "app/cli/stored_activity_json.hpp"
#include "hillcoach/store/names.hpp"

namespace hillcoach::app {
namespace {

struct ListOptions {
    DbFlag db;
    std::string from;
    std::string to;
    std::string type;
    bool json = false;
};

// --type: a sport ("trail_running") or a session type ("hill_repeats"), the words of docs/cli.md.
core::Expected<store::ActivityQuery> query_of(const ListOptions& options) {
    store::ActivityQuery query;
    if (!options.from.empty()) {
        auto from = parse_date_option(options.from, "--from", false);
        if (!from) return from.error();
        query.from_s = *from;
    }
    if (!options.to.empty()) {
        auto to = parse_date_option(options.to, "--to", true);
        if (!to) return to.error();
        query.to_s = *to;
    }
    if (!options.type.empty()) {
        if (auto sport = store::sport_from_name(options.type)) {
            query.sport = sport;
        } else if (auto session = store::session_type_from_name(options.type)) {
            query.session_type = session;
        } else {
            return core::make_error(core::ErrorCode::invalid_argument, core::Location{.file = "--type"},
                                    fmt::format("\"{}\" is neither a sport nor a session type (docs/cli.md, "
                                                "hillcoach list)",
                                                options.type));
        }
    }
    return query;
}

std::string or_dash(const std::optional<double>& v, const char* format) {
    return v ? fmt::format(fmt::runtime(format), *v) : std::string("-");
}

// The session type in a word or two, so a row's numbers end by column 66 and a name like "Morning Run" still
// fits an 80-column terminal (`--json` and `show` give the full words). A sport that is not run or walked
// is named by its sport.
std::string type_cell(const training::ActivityDigest& d) {
    std::string cell;
    switch (d.session_type) {
        case analysis::SessionType::flat_easy_run:
            cell = "flat easy";
            break;
        case analysis::SessionType::hilly_run:
            cell = "hilly";
            break;
        case analysis::SessionType::hill_repeats:
            cell = "hill repeats";
            break;
        case analysis::SessionType::hill_sprints:
            cell = "hill sprints";
            break;
        case analysis::SessionType::downhill_focused:
            cell = "downhill";
            break;
        case analysis::SessionType::long_run:
            cell = "long";
            break;
        case analysis::SessionType::trail_or_mountain_run:
            cell = "trail/mountain";
            break;
        case analysis::SessionType::hike_or_walk:
            cell = "hike/walk";
            break;
        case analysis::SessionType::other_sport:
        case analysis::SessionType::unknown:
            cell = core::to_string(d.sport);
            break;
    }
    if (d.focused_hill() && d.session_type != analysis::SessionType::hill_repeats &&
        d.session_type != analysis::SessionType::hill_sprints) {
        cell += " *";  // a focused hill session by its climbing (docs/cli.md)
    }
    return cell;
}

constexpr const char* k_row = "{:>{}}  {:<10}  {:<16}  {:>6}  {:>7}  {:>5}  {:>6}  {}";

void print_table(std::ostream& out, const std::vector<store::StoredActivity>& activities) {
    std::size_t id_width = 2;
    for (const store::StoredActivity& a : activities) {
        id_width = std::max(id_width, std::to_string(a.digest.id.value).size());
    }
    out << fmt::format(fmt::runtime(k_row), "id", id_width, "date", "type", "km", "time", "up m", "stress",
                       "name")
        << '\n';
    for (const store::StoredActivity& a : activities) {
        const training::ActivityDigest& d = a.digest;
        std::string row = fmt::format(fmt::runtime(k_row), d.id.value, id_width, date_text(d), type_cell(d),
                                      fmt::format("{:.2f}", d.distance_m / 1000.0),
                                      d.moving_s ? duration_text(*d.moving_s) : "-",
                                      or_dash(d.ascent_m, "+{:.0f}"), or_dash(d.stress, "{:.0f}"), d.name);
        row.erase(row.find_last_not_of(' ') + 1);  // an activity without a name ends at its stress
        out << row << '\n';
    }
}

void run_list(const ListOptions& options, CliContext& ctx) {
    auto query = query_of(options);
    if (!query) {
        *ctx.err << query.error().message() << '\n';
        ctx.exit_code = 2;
        return;
    }
    auto history = open_history(options.db);
    if (!history) {
        *ctx.err << history.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    auto activities = history->activities(*query);
    if (!activities) {
        *ctx.err << activities.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    if (options.json) {
        for (const store::StoredActivity& a : *activities)
            *ctx.out << activity_list_json(a.digest).dump() << '\n';
        return;
    }
    if (activities->empty()) {
        *ctx.err << fmt::format(
            "hillcoach list: no activity{} in {}\n",
            options.from.empty() && options.to.empty() && options.type.empty() ? "" : " matches",
            history->path().string());
        return;
    }
    print_table(*ctx.out, *activities);
}

constexpr const char* k_list_help = R"(
Lists the activities in the history database, oldest first: id (for show and
delete), date (local where the file gave its time zone), sport, session type
(* marks a focused hill session by its climbing), distance, moving time,
ascent, training stress and name.

--from and --to take a date (YYYY-MM-DD, whole UTC days, both included) or an
ISO 8601 time. --type takes a sport (running, trail_running, treadmill_running,
walking, hiking, cycling, swimming, other, unknown) or a session type
(flat_easy_run, hilly_run, hill_repeats, hill_sprints, downhill_focused,
long_run, trail_or_mountain_run, hike_or_walk, other_sport, unknown).

Exit status: 0 listed (also when nothing matches), 1 the database cannot be
read, 2 usage error.

Examples:
  hillcoach list
  hillcoach list --from 2026-01-01 --type hill_repeats
  hillcoach list --json --db runs.db > activities.jsonl)";

}  // namespace

void add_list_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<ListOptions>();
    CLI::App* cmd = app.add_subcommand("list", "The stored activities, one line each");
    cmd->footer(k_list_help);
    add_db_option(*cmd, options->db);
    cmd->add_option("--from", options->from, "Activities starting on or after this date")->type_name("DATE");
    cmd->add_option("--to", options->to, "Activities starting on or before this date")->type_name("DATE");
    cmd->add_option("--type", options->type, "Only this sport or session type")->type_name("WORD");
    cmd->add_flag("--json", options->json, "JSON Lines: one object per activity (docs/cli.md)");
    cmd->callback([options, &ctx] { run_list(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(40, add_list_command);
}  // namespace

}  // namespace hillcoach::app
