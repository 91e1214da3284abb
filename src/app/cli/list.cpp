// hillcoach list: the stored activities, one line each (or one JSON object each), oldest first.

#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

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

constexpr const char* k_row = "{:>5}  {:<10}  {:<17}  {:<22}  {:>9}  {:>7}  {:>6}  {:>6}  {}\n";

void print_table(std::ostream& out, const std::vector<store::StoredActivity>& activities) {
    out << fmt::format(fmt::runtime(k_row), "id", "date", "sport", "session", "distance", "time", "ascent",
                       "stress", "name");
    for (const store::StoredActivity& a : activities) {
        const training::ActivityDigest& d = a.digest;
        std::string session(analysis::session_type_label(d.session_type));
        if (d.focused_hill() && d.session_type != analysis::SessionType::hill_repeats &&
            d.session_type != analysis::SessionType::hill_sprints) {
            session += " *";  // a focused hill session by its climbing (docs/cli.md)
        }
        out << fmt::format(fmt::runtime(k_row), d.id.value, date_text(d), core::to_string(d.sport), session,
                           distance_text(d.distance_m), d.moving_s ? duration_text(*d.moving_s) : "-",
                           or_dash(d.ascent_m, "+{:.0f}"), or_dash(d.stress, "{:.0f}"), d.name);
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
        for (const store::StoredActivity& a : *activities) *ctx.out << activity_list_json(a.digest).dump() << '\n';
        return;
    }
    if (activities->empty()) {
        *ctx.err << fmt::format("hillcoach list: no activity{} in {}\n",
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
