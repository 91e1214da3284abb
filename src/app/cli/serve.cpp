// hillcoach serve [--db PATH | PATH...]: the local dashboard over the history store (--db, else the default
// database as every history command), or over the given activity files, folders and archives only (in
// memory: a look at files without importing them). Serves the dashboard page and its JSON API (docs/api.md)
// until interrupted; files dropped on the page are imported into the store (in memory with PATHs).
// Listens on 127.0.0.1 unless --address says otherwise.
//
// Exit status: 0 stopped by a signal, 1 cannot listen (or some input could not be read: it says so and
// serves the rest), 2 usage error.

// Built only with the server library (HILLCOACH_WITH_SERVER, src/app/server/CMakeLists.txt).
#ifdef HILLCOACH_WITH_SERVER

#include <any>
#include <csignal>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/cli/athlete_options.hpp"
#include "app/cli/command.hpp"
#include "app/cli/saved_plan.hpp"
#include "app/cli/db_option.hpp"
#include "app/common/stored_source.hpp"
#include "app/cli/units_option.hpp"
#include "app/server/api_json.hpp"
#include "app/server/dashboard_server.hpp"
#include "hillcoach/io/batch_reader.hpp"

namespace hillcoach::app {
namespace {

struct ServeOptions {
    std::vector<std::string> paths;
    std::string address = "127.0.0.1";
    int port = 8421;
    report::UnitSystem units = report::UnitSystem::metric;
    std::uint64_t max_upload_mb = server::k_default_max_upload_bytes >> 20;
    unsigned threads = 0;
    bool json = false;
    std::string time_zone;
    AthleteFlags athlete;
    DbFlag db;
};

// The store's activities into the library under their ids: each one's track read again from its source
// file and analysed, as `hillcoach report ID` does; one whose file is gone or changed is said on stderr and
// kept as its digest for the history views. Returns the store's absolute path, or the error opening it.
core::Expected<std::filesystem::path> load_store(const ServeOptions& options,
                                                 const analysis::AnalysisOptions& analysis_options,
                                                 server::ActivityLibrary& library, CliContext& ctx) {
    auto history = open_history(options.db);
    if (!history) return history.error();
    auto stored = history->activities();
    if (!stored) return stored.error();
    io::ReadOptions read;
    std::size_t unreadable = 0;
    for (const store::StoredActivity& listed : *stored) {
        // The list leaves the sources out; one activity's lookup has them.
        auto one = history->activity(listed.digest.id);
        const store::StoredActivity& s = one ? *one : listed;
        auto activity = read_stored_activity(s, read);
        if (!activity) {
            ++unreadable;
            *ctx.err << activity.error().message() << '\n';
            library.add_history_only(s.digest);
            continue;
        }
        // The stored name (an upload's file name) titles an activity whose file has none.
        if (activity->metadata.name.empty()) activity->metadata.name = s.digest.name;
        const int index = s.sources.empty() ? 0 : s.sources.front().file_index;
        analysis::ActivityAnalysis a = analysis::analyze(*activity, analysis_options);
        library.add(std::move(*activity), std::move(a), index, s.digest.id.value);
    }
    if (unreadable > 0) {
        *ctx.err << fmt::format("hillcoach serve: {} stored activit{} without a readable source file: counted "
                                "in weeks, load, check and climbs, not listed\n",
                                unreadable, unreadable == 1 ? "y" : "ies");
    }
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(history->path(), ec);
    return ec ? history->path() : absolute;
}

// Reads and analyses the start-up inputs into the library; returns the number of inputs that failed.
std::size_t load_paths(const ServeOptions& options, const analysis::AnalysisOptions& analysis_options,
                       server::ActivityLibrary& library, CliContext& ctx) {
    if (options.paths.empty()) return 0;
    io::ReadOptions read;
    read.threads = 0;
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    const auto worker = [&analysis_options](io::ReadOutcome& outcome) {
        std::vector<analysis::ActivityAnalysis> analyses;
        for (const auto& a : outcome.activities) analyses.push_back(analysis::analyze(a, analysis_options));
        outcome.attachment = std::move(analyses);
    };
    const auto sink = [&](io::ReadOutcome&& outcome) {
        for (const auto& w : outcome.warnings) *ctx.err << w.message() << '\n';
        if (outcome.error) {
            *ctx.err << outcome.error->message() << '\n';
            return;
        }
        auto& analyses = std::any_cast<std::vector<analysis::ActivityAnalysis>&>(outcome.attachment);
        for (std::size_t i = 0; i < outcome.activities.size(); ++i) {
            library.add(std::move(outcome.activities[i]), std::move(analyses[i]), static_cast<int>(i));
        }
    };
    return io::read_paths(paths, read, sink, worker).failed;
}

server::DashboardServer* g_running = nullptr;

extern "C" void stop_on_signal(int) {
    // httplib's stop() shuts the listening socket down, which is what a signal handler may do here: the
    // accept loop returns and run() ends on the main thread.
    if (g_running) g_running->stop();
}

void run_serve(const ServeOptions& options, CliContext& ctx) {
    std::vector<core::Warning> warnings;
    auto athlete = athlete_profile(options.athlete, warnings);
    for (const auto& w : warnings) *ctx.err << w.message() << '\n';
    if (!athlete) {
        *ctx.err << athlete.error().message() << '\n';
        ctx.exit_code = athlete.error().code == core::ErrorCode::invalid_argument ? 2 : 1;
        return;
    }
    server::ServerOptions server_options;
    server_options.address = options.address;
    server_options.port = options.port;
    server_options.units = options.units;
    server_options.max_upload_bytes = static_cast<std::size_t>(options.max_upload_mb) << 20;
    server_options.threads = options.threads;
    server_options.time_zone = options.time_zone;
    server_options.analysis.athlete = std::move(*athlete);

    auto library = std::make_shared<server::ActivityLibrary>();
    if (!options.db.path.empty() && !options.paths.empty()) {
        *ctx.err << "hillcoach serve: give --db or PATHs, not both (import the files first: hillcoach import "
                    "--db DB PATH...)\n";
        ctx.exit_code = 2;
        return;
    }
    if (options.paths.empty()) {
        const auto store = load_store(options, server_options.analysis, *library, ctx);
        if (!store) {
            *ctx.err << "hillcoach serve: " << store.error().message() << '\n';
            ctx.exit_code = 1;
            return;
        }
        server_options.store = *store;
        server_options.plan_file = saved_plan_path(*store);
    }
    const std::size_t failed = load_paths(options, server_options.analysis, *library, ctx);
    if (failed > 0) {
        *ctx.err << fmt::format("hillcoach serve: {} input{} could not be read; serving the rest\n", failed,
                                failed == 1 ? "" : "s");
        ctx.exit_code = 1;
    }
    server::DashboardServer dashboard(server_options, library);
    const auto port = dashboard.bind();
    if (!port) {
        *ctx.err << "hillcoach serve: " << port.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    const std::string host =
        options.address.find(':') != std::string::npos ? "[" + options.address + "]" : options.address;
    const std::string url = fmt::format("http://{}:{}/", host, *port);
    if (options.json) {
        server::Json j{{"url", url}, {"port", *port}, {"activities", library->size()}};
        j["database"] = server_options.store.empty() ? server::Json(nullptr) : server::Json(server_options.store.string());
        *ctx.out << j.dump() << std::endl;
    } else {
        *ctx.out << fmt::format("hillcoach dashboard at {} ({} activit{}); Ctrl-C stops it\n", url,
                                library->size(), library->size() == 1 ? "y" : "ies")
                 << std::flush;
    }
    g_running = &dashboard;
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    const bool ok = dashboard.run();
    g_running = nullptr;
    if (!ok) {
        *ctx.err << "hillcoach serve: the server stopped on an error\n";
        ctx.exit_code = 1;
    }
}

constexpr const char* k_serve_help = R"(
Serves the dashboard: the activities (with filters), each activity's summary
and charts (the same as `hillcoach report`), the weeks with their load and its
ratios against the safe band, the warnings of `hillcoach check`, the climb
library, and import by dropping files on the page. The JSON API under /api is documented in docs/api.md.

Without PATHs it serves the history store (--db, else the default database
as the other history commands); each stored activity's track is read again
from its source file at start. Dropped files are imported into the store
(duplicates detected as by `hillcoach import`) and kept, under a name the
server makes, in the folder DB.uploads next to the database, so they are
there after a restart. With PATHs (not with --db) it serves just those files,
in memory, and uploads stay in memory.

It listens on 127.0.0.1 (this machine only) unless --address names another
address. Uploads are parsed in memory and refused past --max-upload-mb.

Exit status: 0 stopped by Ctrl-C or SIGTERM, 1 cannot listen on the address
and port (or some PATH could not be read), 2 usage error.

Examples:
  hillcoach serve
  hillcoach serve --db ~/runs.db --port 0 --json
  hillcoach serve --port 8080 runs/ export.zip
  hillcoach serve --address 0.0.0.0 --units imperial   # reachable from the LAN)";

}  // namespace

void add_serve_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<ServeOptions>();
    CLI::App* cmd =
        app.add_subcommand("serve", "Local web dashboard with charts, filters and drag-and-drop import");
    cmd->footer(k_serve_help);
    cmd->add_option("paths", options->paths,
                    "Activity files, folders or archives to serve in memory instead of the store")
        ->type_name("PATH...");
    cmd->add_option("--port", options->port, "TCP port (0: any free port)")
        ->check(CLI::Range(0, 65535))
        ->default_val(8421)
        ->type_name("N");
    cmd->add_option("--address", options->address,
                    "Address to listen on (default 127.0.0.1: this machine only)")
        ->default_val("127.0.0.1")
        ->type_name("ADDR");
    add_units_option(*cmd, options->units);
    cmd->add_option("--max-upload-mb", options->max_upload_mb, "Refuse uploads larger than this (MiB)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{4096}))
        ->default_val(server::k_default_max_upload_bytes >> 20)
        ->type_name("N");
    cmd->add_option("--threads", options->threads, "Request threads (default 64)")
        ->check(CLI::Range(1U, 1024U))
        ->type_name("N");
    cmd->add_option("--time-zone", options->time_zone, "The weeks' calendar zone, IANA (default: the machine's)")
        ->type_name("ZONE");
    cmd->add_flag("--json", options->json, "Print the URL as JSON once listening");
    add_athlete_options(*cmd, options->athlete);
    add_db_option(*cmd, options->db);
    cmd->callback([options, &ctx] { run_serve(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(140, add_serve_command);
}  // namespace

}  // namespace hillcoach::app

#endif  // HILLCOACH_WITH_SERVER
