// hillcoach export --json: the whole history database as JSON Lines, one object per activity with every
// stored value at full precision (docs/cli.md): a backup, and a way into other tools.

#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"
#include "app/cli/stored_activity_json.hpp"

namespace hillcoach::app {
namespace {

struct ExportOptions {
    DbFlag db;
    bool json = false;
};

void run_export(const ExportOptions& options, CliContext& ctx) {
    if (!options.json) {
        *ctx.err << "hillcoach export: give the format: --json (the only one so far)\n";
        ctx.exit_code = 2;
        return;
    }
    auto history = open_history(options.db);
    if (!history) {
        *ctx.err << history.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    // One read transaction for the whole export: a concurrent import cannot make it half old, half new.
    auto activities = history->activities({.with_sources = true});
    if (!activities) {
        *ctx.err << activities.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    for (const store::StoredActivity& a : *activities) {
        *ctx.out << stored_activity_json(a, JsonPrecision::exact).dump() << '\n';
    }
}

constexpr const char* k_export_help = R"(
Writes every activity of the history database as JSON Lines on stdout, oldest
first, one object per activity with everything stored (the keys of `show
--json`, numbers at full precision) and the files it came from.

Exit status: 0 written, 1 the database cannot be read, 2 usage error.

Examples:
  hillcoach export --json > history.jsonl
  hillcoach export --json --db runs.db | jq -r '[.start_time, .ascent_m] | @tsv')";

}  // namespace

void add_export_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand("export", "The whole history as JSON Lines");
    cmd->footer(k_export_help);
    cmd->add_flag("--json", options->json, "JSON Lines: one object per activity (required)");
    add_db_option(*cmd, options->db);
    cmd->callback([options, &ctx] { run_export(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(70, add_export_command);
}  // namespace

}  // namespace hillcoach::app
