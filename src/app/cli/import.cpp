// hillcoach import PATH...: analyse activity files and store them in the history database.
//
// Reading and analysis run in parallel on the reading threads (io::read_paths with an OutcomeWorker, as
// `analyze` does); one writer thread (store::ImportWriter) writes the digests in batched transactions.
// Activities already in the store are recognised before they are analysed (the file's content hash and the
// activity's place in it) and again when written (store::Store::add: the same file, or the same run from
// another file). docs/store.md gives the rules; docs/cli.md the output.

#include <unistd.h>

#include <any>
#include <chrono>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <unordered_set>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/cli/activity_summary.hpp"
#include "app/cli/athlete_options.hpp"
#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"
#include "app/cli/import_progress.hpp"
#include "app/cli/plan_adapt.hpp"
#include "app/common/import_record.hpp"
#include "hillcoach/analysis/analyze.hpp"
#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/store/import_writer.hpp"
#include "hillcoach/store/store.hpp"

namespace hillcoach::app {
namespace {

struct ImportOptions {
    std::vector<std::string> paths;
    DbFlag db;
    bool json = false;
    unsigned threads = 0;
    std::size_t batch_size = store::k_default_batch_size;
    std::uint64_t max_file_mb = core::k_default_max_file_bytes >> 20;
    AthleteFlags athlete;
};

// What the reading thread made of one input.
struct Analysed {
    std::vector<store::ImportRecord> records;
    std::size_t already_stored = 0;  // activities skipped before analysis: this file is in the store
};

double now_s() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

store::ImportRecord record_of(const core::Activity& activity, int file_index, const analysis::AnalysisOptions& options,
                              double imported_at_s) {
    return import_record(activity, analysis::analyze(activity, options), file_index, imported_at_s);
}

struct Failure {
    std::string message;
};

Json summary_json(const ImportTally& tally, const store::ImportCounts& counts, const std::vector<Failure>& failures,
                  const std::filesystem::path& db) {
    Json failed = Json::array();
    for (const Failure& f : failures) failed.push_back(f.message);
    return {{"database", db.string()},
            {"inputs", tally.inputs},
            {"imported", counts.imported},
            {"duplicates", tally.duplicates},
            {"already_stored", static_cast<std::int64_t>(tally.duplicates) - counts.same_activity},
            {"same_activity", counts.same_activity},
            {"failed", tally.failed},
            {"errors", std::move(failed)}};
}

void print_summary(std::ostream& err, const ImportTally& tally, const store::ImportCounts& counts,
                   const std::vector<Failure>& failures, const std::filesystem::path& db) {
    const std::size_t already = tally.duplicates - static_cast<std::size_t>(counts.same_activity);
    err << fmt::format("hillcoach import: {} input{} into {}: {} imported, {} duplicate{}", tally.inputs,
                       tally.inputs == 1 ? "" : "s", db.string(), counts.imported, tally.duplicates,
                       tally.duplicates == 1 ? "" : "s");
    if (tally.duplicates > 0) {
        err << fmt::format(" ({} already stored, {} the same run as another file)", already, counts.same_activity);
    }
    err << fmt::format(", {} failed\n", tally.failed);
    for (const Failure& f : failures) err << "  " << f.message << '\n';
}

void run_import(const ImportOptions& options, CliContext& ctx) {
    std::ostream& err = *ctx.err;
    analysis::AnalysisOptions analysis_options;
    std::vector<core::Warning> profile_warnings;
    auto athlete = athlete_profile(options.athlete, profile_warnings);
    for (const auto& w : profile_warnings) err << w.message() << '\n';
    if (!athlete) {
        err << athlete.error().message() << '\n';
        ctx.exit_code = athlete.error().code == core::ErrorCode::invalid_argument ? 2 : 1;
        return;
    }
    analysis_options.athlete = std::move(*athlete);

    auto path = db_path(options.db);
    if (!path) {
        err << path.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    auto opened = store::Store::open(*path);
    if (!opened) {
        err << opened.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    store::Store& history = *opened;
    const double started_s = now_s();
    auto known = history.source_keys();
    auto run = known ? history.begin_import(started_s) : core::Expected<std::int64_t>(known.error());
    if (!run) {
        err << run.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }

    io::ReadOptions read;
    read.threads = options.threads;
    read.limits.max_file_bytes = options.max_file_mb << 20;
    read.limits.max_decompressed_bytes = read.limits.max_file_bytes;
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    ImportProgress progress(err, isatty(STDERR_FILENO) == 1, count_activity_files(paths));
    store::ImportWriter writer(history, {.batch_size = options.batch_size, .import_id = *run});
    const std::unordered_set<std::string>& stored = *known;
    ImportTally tally;
    std::size_t already_stored = 0;
    std::vector<Failure> failures;

    const auto worker = [&](io::ReadOutcome& outcome) {
        Analysed analysed;
        for (std::size_t i = 0; i < outcome.activities.size() && !writer.failed(); ++i) {
            const core::Activity& activity = outcome.activities[i];
            const int index = static_cast<int>(i);
            if (stored.contains(store::source_key(activity.metadata.content_hash, index))) {
                ++analysed.already_stored;
                continue;
            }
            analysed.records.push_back(record_of(activity, index, analysis_options, started_s));
        }
        outcome.activities.clear();  // digested: the samples need not travel to the writer
        outcome.attachment = std::move(analysed);
    };
    const auto sink = [&](io::ReadOutcome&& outcome) {
        ++tally.inputs;
        for (const auto& w : outcome.warnings) failures.push_back({w.message()});
        if (outcome.error) {
            ++tally.failed;
            failures.push_back({outcome.error->message()});
        } else if (auto* analysed = std::any_cast<Analysed>(&outcome.attachment)) {
            already_stored += analysed->already_stored;
            for (store::ImportRecord& r : analysed->records) writer.push(std::move(r));
        }
        const store::ImportCounts committed = writer.committed();
        tally.imported = static_cast<std::size_t>(committed.imported);
        tally.duplicates = already_stored + static_cast<std::size_t>(committed.same_file + committed.same_activity);
        progress.update(tally);
    };
    io::read_paths(paths, read, sink, worker);
    auto counts = writer.finish();
    progress.finish();
    if (!counts) {
        err << counts.error().message() << '\n'
            << "hillcoach import: stopped: the batch being written was rolled back; activities committed before "
               "it are kept and the next import carries on\n";
        ctx.exit_code = 1;
        return;
    }
    tally.imported = static_cast<std::size_t>(counts->imported);
    tally.duplicates = already_stored + static_cast<std::size_t>(counts->same_file + counts->same_activity);
    if (auto r = history.finish_import(*run, now_s(), static_cast<std::int64_t>(tally.failed)); !r) {
        err << r.error().message() << '\n';
        ctx.exit_code = 1;
    }
    if (options.json) *ctx.out << summary_json(tally, *counts, failures, *path).dump() << '\n';
    print_summary(err, tally, *counts, failures, *path);
    if (tally.failed > 0) ctx.exit_code = 1;
    // The saved plan follows what was really run (issue 6 §4): re-planned after every import that added runs.
    if (tally.imported > 0 && !adapt_after_import(*path, options.athlete.profile_path, "hillcoach import: plan", err))
        ctx.exit_code = 1;
    if (tally.inputs == 0) err << "hillcoach import: no activity file found\n";
}

constexpr const char* k_import_help = R"(
Analyses activity files (GPX, TCX, FIT, also gzipped), folders (recursively),
zip archives and Strava bulk exports (folder or zip), and stores each activity
in the history database: the numbers `list`, `show`, `weeks`, `load`, `check`
and `climbs` work from (docs/store.md).

Files are analysed in parallel (--threads) with the athlete settings of
--profile and the athlete flags, and written by one writer in batches of
--batch-size activities, one transaction each: an import that is interrupted
(even killed) keeps every batch it committed and nothing half-written; running
it again carries on.

An activity is stored once: a file imported before is skipped (same content,
even renamed or gzipped), and the same run from another file (a FIT and the
GPX exported from it: start within 60 s, duration within 5 %) is recorded as
another source of the activity already stored.

Progress goes to stderr (a bar on a terminal), then a summary: imported,
duplicates, failed with each failure's reason. --json also prints the summary
as one JSON object on stdout.

When the database has a saved plan (hillcoach plan --db), an import that adds
activities also adapts it to what was really run, as plan --adapt does, and
says what changed.

Exit status: 0 all inputs imported or already stored, 1 some input could not
be read or the database could not be written, 2 usage error.

Examples:
  hillcoach import ~/exports/strava_export_123.zip
  hillcoach import --db runs.db watch/*.fit phone/
  hillcoach import --profile me.toml --threads 2 ~/activities)";

}  // namespace

void add_import_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* cmd = app.add_subcommand("import", "Analyse activity files and store them in the history");
    cmd->footer(k_import_help);
    cmd->add_option("paths", options->paths, "Activity files, folders, zip archives or Strava exports")
        ->required()
        ->type_name("PATH...");
    add_db_option(*cmd, options->db);
    cmd->add_flag("--json", options->json, "Also print the summary as one JSON object on stdout");
    add_athlete_options(*cmd, options->athlete);
    cmd->add_option("--threads", options->threads, "Files analysed at once (default: one per core)")
        ->check(CLI::Range(1U, 256U))
        ->type_name("N");
    cmd->add_option("--batch-size", options->batch_size, "Activities per transaction")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
        ->default_val(store::k_default_batch_size)
        ->type_name("N");
    cmd->add_option("--max-file-mb", options->max_file_mb,
                    "Refuse files (and archive members) larger than this many MiB, before loading them")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 20))
        ->default_val(core::k_default_max_file_bytes >> 20)
        ->type_name("N");
    cmd->callback([options, &ctx] { run_import(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(30, add_import_command);
}  // namespace

}  // namespace hillcoach::app
