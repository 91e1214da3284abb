// hillcoach delete ID...: removes activities from the history database, each in its own transaction, with
// everything hanging from it (climbs, muscle loads, source files: the file can then be imported again).

#include <memory>
#include <ostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/cli/activity_summary.hpp"
#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"

namespace hillcoach::app {
namespace {

struct DeleteOptions {
    DbFlag db;
    std::vector<std::int64_t> ids;
    bool json = false;
};

void run_delete(const DeleteOptions& options, CliContext& ctx) {
    auto history = open_history(options.db);
    if (!history) {
        *ctx.err << history.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    for (std::int64_t id : options.ids) {
        auto removed = history->remove(core::ActivityId{id});
        if (options.json) {
            *ctx.out << Json{{"id", id}, {"deleted", removed.has_value()},
                             {"error", removed ? Json(nullptr) : Json(removed.error().message())}}
                            .dump()
                     << '\n';
        }
        if (!removed) {
            *ctx.err << removed.error().message() << '\n';
            ctx.exit_code = 1;
        } else if (!options.json) {
            *ctx.out << fmt::format("deleted activity {}\n", id);
        }
    }
}

constexpr const char* k_delete_help = R"(
Deletes activities (ids from `hillcoach list`) from the history database with
their climbs, muscle loads and source records, each in one transaction: an
activity is deleted whole or not at all. A deleted activity's files can be
imported again.

Exit status: 0 all deleted, 1 some id does not exist or the database cannot be
written (the others are still deleted), 2 usage error.

Examples:
  hillcoach delete 12
  hillcoach delete --db runs.db 12 13 14)";

}  // namespace

void add_delete_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<DeleteOptions>();
    CLI::App* cmd = app.add_subcommand("delete", "Delete activities from the history");
    cmd->footer(k_delete_help);
    cmd->add_option("ids", options->ids, "Activity ids (hillcoach list)")
        ->required()
        ->check(CLI::PositiveNumber)
        ->type_name("ID...");
    add_db_option(*cmd, options->db);
    cmd->add_flag("--json", options->json, "One JSON object per id: {id, deleted, error}");
    cmd->callback([options, &ctx] { run_delete(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(60, add_delete_command);
}  // namespace

}  // namespace hillcoach::app
