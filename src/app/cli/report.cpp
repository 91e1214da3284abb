// hillcoach report PATH -o run.html: one activity as a self-contained HTML page (report/activity_report.hpp):
// the summary, the elevation profile coloured by grade with the climbs and descents marked, the track's
// outline, pace and grade-adjusted pace, heart rate, the grade histogram and the muscle load, as SVG charts
// that need no script and no network.
//
// The page goes to -o FILE, or to stdout without -o (or with -o -). --json prints what was written instead
// (file, title, charts, size), with the page itself under "html" when there is no file.
// ID --db PATH reports an activity of the history: the store keeps its numbers, not its samples, so the page
// is made from its source file, read again and checked to be the same bytes (stored_source.hpp).
// --weeks PATH... writes the history instead (report/history_report.hpp) from every activity of the inputs;
// --weeks without PATHs reads the history database's digests. --plan writes the plan as a calendar
// (report/plan_calendar.hpp) from a plan JSON file (`plan --json`; - for stdin) or the one `plan --db` saved.
// Exit status: 0 written, 1 the input could not be read or the output not written, 2 usage error.
// Built only with the report module (HILLCOACH_WITH_REPORT, src/hillcoach/report/CMakeLists.txt).
#ifdef HILLCOACH_WITH_REPORT

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/athlete_options.hpp"
#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"
#include "app/common/stored_source.hpp"
#include "app/cli/units_option.hpp"
#include "hillcoach/analysis/analyze.hpp"
#include "hillcoach/io/read.hpp"
#include "hillcoach/report/activity_charts.hpp"
#include "hillcoach/report/activity_report.hpp"
#include "hillcoach/report/html_escape.hpp"
#include "hillcoach/terrain/dem.hpp"
#ifdef HILLCOACH_WITH_HISTORY
#include <any>

#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/report/history_report.hpp"
#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"
#include "hillcoach/training/weeks.hpp"
#endif
#ifdef HILLCOACH_WITH_PLAN_PAGES
#include "app/cli/saved_plan.hpp"
#include "hillcoach/report/plan_calendar.hpp"
#endif

namespace hillcoach::app {
namespace {

struct ReportOptions {
    std::vector<std::string> inputs;
    bool weeks = false;
    bool plan = false;
    DbFlag db;
    std::string time_zone;
    std::string output;
    report::UnitSystem units = report::UnitSystem::metric;
    bool json = false;
    std::size_t activity = 1;
    std::string dem;
    AthleteFlags athlete;
    std::uint64_t max_file_mb = core::k_default_max_file_bytes >> 20;
};

constexpr const char* k_name = "hillcoach report";

bool write_output(const std::string& path, const std::string& bytes, CliContext& ctx) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (file) file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file) {
        *ctx.err << fmt::format("{}: cannot write {}\n", k_name, path);
        return false;
    }
    return true;
}

// The analysis settings from the athlete flags and --dem; nullopt (with the message printed and the exit
// status set) when they cannot be used.
std::optional<analysis::AnalysisOptions> analysis_options(const ReportOptions& options, CliContext& ctx) {
    analysis::AnalysisOptions result;
    std::vector<core::Warning> warnings;
    auto athlete = athlete_profile(options.athlete, warnings);
    for (const auto& w : warnings) *ctx.err << w.message() << '\n';
    if (!athlete) {
        *ctx.err << athlete.error().message() << '\n';
        ctx.exit_code = athlete.error().code == core::ErrorCode::invalid_argument ? 2 : 1;
        return std::nullopt;
    }
    result.athlete = std::move(*athlete);
    if (!options.dem.empty()) {
        auto dem = terrain::Dem::open(options.dem);
        if (!dem) {
            *ctx.err << dem.error().message() << '\n'
                     << k_name << ": cannot use --dem " << options.dem << '\n';
            ctx.exit_code = 1;
            return std::nullopt;
        }
        result.course.dem = std::move(*dem);
    }
    return result;
}

// The one activity to report from the file at `path`; nullopt (message printed, status set) otherwise.
std::optional<core::Activity> read_activity(const ReportOptions& options, CliContext& ctx) {
    const std::filesystem::path path(options.inputs.front());
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        *ctx.err << fmt::format(
            "{}: {} is a folder; a report shows one activity file (--weeks for a history)\n", k_name,
            options.inputs.front());
        ctx.exit_code = 2;
        return std::nullopt;
    }
    if (!std::filesystem::exists(path, ec)) {
        *ctx.err << fmt::format("{}: no file named {} (an activity ID needs the store: --db PATH)\n", k_name,
                                options.inputs.front());
        ctx.exit_code = 1;
        return std::nullopt;
    }
    io::ReadOptions read;
    read.limits.max_file_bytes = options.max_file_mb << 20;
    read.limits.max_decompressed_bytes = read.limits.max_file_bytes;
    auto activities = io::read_file(path, read);
    if (!activities) {
        *ctx.err << activities.error().message() << '\n';
        ctx.exit_code = 1;
        return std::nullopt;
    }
    auto& list = *activities;
    if (options.activity > list.size()) {
        *ctx.err << fmt::format("{}: {} holds {} activit{}; --activity {} is not one of them\n", k_name,
                                options.inputs.front(), list.size(), list.size() == 1 ? "y" : "ies",
                                options.activity);
        ctx.exit_code = 2;
        return std::nullopt;
    }
    if (list.size() > 1 && options.activity == 1) {
        *ctx.err << fmt::format(
            "{}: {} holds {} activities; reporting the first (--activity N for another)\n", k_name,
            options.inputs.front(), list.size());
    }
    core::Activity activity = std::move(list[options.activity - 1]);
    for (const auto& w : activity.warnings) *ctx.err << w.message() << '\n';
    return activity;
}

// Writes `html` to -o or stdout, or the --json object describing it; `fields` are --json's own keys.
void deliver(const ReportOptions& options, const std::string& html, nlohmann::json fields, CliContext& ctx) {
    const bool to_stdout = options.output.empty() || options.output == "-";
    if (!to_stdout && !write_output(options.output, html, ctx)) {
        ctx.exit_code = 1;
        return;
    }
    if (!options.json) {
        if (to_stdout) *ctx.out << html;
        return;
    }
    fields["units"] = std::string(report::to_string(options.units));
    fields["bytes"] = html.size();
    if (to_stdout) {
        fields["html"] = html;
    } else {
        fields["output"] = options.output;
    }
    *ctx.out << fields.dump() << '\n';
}

#ifdef HILLCOACH_WITH_HISTORY
// --weeks PATH...: every activity of the inputs, analysed and digested. Failed inputs are counted in
// `failed`.
std::vector<training::ActivityDigest> digests_from_files(const ReportOptions& options,
                                                         const analysis::AnalysisOptions& settings,
                                                         std::size_t& failed, std::size_t& inputs,
                                                         CliContext& ctx) {
    io::ReadOptions read;
    read.threads = 0;
    read.limits.max_file_bytes = options.max_file_mb << 20;
    read.limits.max_decompressed_bytes = read.limits.max_file_bytes;
    const std::vector<std::filesystem::path> paths(options.inputs.begin(), options.inputs.end());
    std::vector<training::ActivityDigest> digests;
    const auto worker = [&settings](io::ReadOutcome& outcome) {
        std::vector<training::ActivityDigest> made;
        for (const auto& a : outcome.activities)
            made.push_back(training::make_digest(analysis::analyze(a, settings)));
        outcome.attachment = std::move(made);
        outcome.activities.clear();
    };
    const auto sink = [&](io::ReadOutcome&& outcome) {
        for (const auto& w : outcome.warnings) *ctx.err << w.message() << '\n';
        if (outcome.error) {
            *ctx.err << outcome.error->message() << '\n';
            return;
        }
        for (auto& d : std::any_cast<std::vector<training::ActivityDigest>&>(outcome.attachment)) {
            digests.push_back(std::move(d));
        }
    };
    const auto summary = io::read_paths(paths, read, sink, worker);
    failed = summary.failed;
    inputs = summary.inputs;
    return digests;
}

// --weeks: the history as calendar weeks and load channels, from the inputs or (without any) the database.
void run_history_report(const ReportOptions& options, CliContext& ctx) {
    const std::string zone =
        options.time_zone.empty() ? training::Calendar::system_zone_name() : options.time_zone;
    auto calendar = training::Calendar::make(zone);
    if (!calendar) {
        *ctx.err << calendar.error().message() << '\n';
        ctx.exit_code = 2;
        return;
    }
    std::vector<training::ActivityDigest> digests;
    nlohmann::json fields = {{"title", "Training history"}};
    if (options.inputs.empty()) {
        // The digests the import stored: the same numbers `hillcoach weeks --db` prints.
        auto history = open_history(options.db);
        auto stored = history ? history->digests()
                              : core::Expected<std::vector<training::ActivityDigest>>(history.error());
        if (!stored) {
            *ctx.err << stored.error().message() << '\n';
            ctx.exit_code = 1;
            return;
        }
        digests = std::move(*stored);
        fields["db"] = history->path().string();
    } else {
        auto settings = analysis_options(options, ctx);
        if (!settings) return;
        std::size_t failed = 0;
        std::size_t inputs = 0;
        digests = digests_from_files(options, *settings, failed, inputs, ctx);
        if (failed > 0) {
            *ctx.err << fmt::format("{}: {} of {} input{} could not be read; the page shows the rest\n",
                                    k_name, failed, inputs, inputs == 1 ? "" : "s");
            ctx.exit_code = 1;
        }
    }
    const training::LoadSeries series = training::load_series(digests, *calendar);
    const std::vector<training::WeekRow> rows = training::weeks(digests, *calendar, series);
    const std::string html = report::history_report_html(
        rows, series,
        {.units = report::UnitFormat(options.units), .title = "Training history", .zone_name = zone});
    const int keep_status = ctx.exit_code;
    fields["activities"] = digests.size();
    fields["weeks"] = rows.size();
    fields["time_zone"] = zone;
    deliver(options, html, std::move(fields), ctx);
    if (ctx.exit_code == 0) ctx.exit_code = keep_status;
}
#endif

#ifdef HILLCOACH_WITH_PLAN_PAGES
// --plan: the plan file given (- for stdin), or the one `hillcoach plan --db` saved next to the database.
void run_plan_report(const ReportOptions& options, CliContext& ctx) {
    if (options.inputs.size() > 1 || (!options.inputs.empty() && !options.db.path.empty())) {
        *ctx.err << k_name << ": --plan shows one plan: a plan JSON file, or the one saved with --db\n";
        ctx.exit_code = 2;
        return;
    }
    std::string source;
    std::optional<core::Expected<plan::Plan>> read;
    if (!options.inputs.empty() && options.inputs.front() == "-") {
        source = "stdin";
        read = read_plan(std::cin, source);
    } else {
        if (!options.inputs.empty()) {
            source = options.inputs.front();
        } else {
            auto db = db_path(options.db);
            if (!db) {
                *ctx.err << db.error().message() << '\n';
                ctx.exit_code = 1;
                return;
            }
            source = saved_plan_path(*db).string();
        }
        std::ifstream in(source, std::ios::binary);
        if (!in) {
            *ctx.err << fmt::format("{}: no plan at {}{}\n", k_name, source,
                                    options.inputs.empty()
                                        ? " (make one with `hillcoach plan --db`, or give a plan JSON file)"
                                        : "");
            ctx.exit_code = 1;
            return;
        }
        read = read_plan(in, source);
    }
    if (!*read) {
        *ctx.err << read->error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    const plan::Plan& made = **read;
    const std::string html =
        report::plan_calendar_html(made, {.units = report::UnitFormat(options.units), .source = source});
    std::size_t sessions = 0;
    std::size_t deloads = 0;
    for (const plan::Week& w : made.weeks) {
        deloads += w.deload ? 1 : 0;
        for (const plan::Session& s : w.sessions) sessions += s.kind != plan::SessionKind::rest;
    }
    nlohmann::json j = {{"title", report::valid_utf8(report::plan_calendar_title(made))},
                        {"plan", report::valid_utf8(source)},
                        {"goal", std::string(plan::to_string(made.runner.goal))},
                        {"weeks", made.weeks.size()},
                        {"sessions", sessions},
                        {"deload_weeks", deloads}};
    if (!made.weeks.empty()) j["first_day"] = plan::format_date(made.weeks.front().start);
    deliver(options, html, std::move(j), ctx);
}
#endif

// Writes the page of one activity (from a file or the history), `fields` adding to --json's keys.
void report_activity(const ReportOptions& options, const core::Activity& activity,
                     const analysis::AnalysisOptions& settings, nlohmann::json j, CliContext& ctx) {
    const analysis::ActivityAnalysis analysis = analysis::analyze(activity, settings);
    const report::UnitFormat units(options.units);
    const std::string html = report::activity_report_html(activity, analysis, {.units = units});
    j["title"] = report::valid_utf8(report::activity_title(activity));
    j["source"] = report::valid_utf8(activity.metadata.source_path);
    auto& charts = j["charts"] = nlohmann::json::array();
    for (const auto& chart : report::activity_charts(activity, analysis, units)) charts.push_back(chart.id);
    j["climbs"] = analysis.climbs.size();
    j["descents"] = analysis.descents.size();
    deliver(options, html, std::move(j), ctx);
}

// An input that names no file but is a positive whole number: an activity ID of the history.
std::optional<std::int64_t> activity_id(const std::string& input) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(input.data(), input.data() + input.size(), id);
    if (ec != std::errc() || end != input.data() + input.size() || id < 1) return std::nullopt;
    std::error_code exists_ec;
    if (std::filesystem::exists(input, exists_ec)) return std::nullopt;
    return id;
}

// ID --db: the stored activity's track, read again from its source file.
void report_stored(const ReportOptions& options, std::int64_t id, const analysis::AnalysisOptions& settings,
                   CliContext& ctx) {
    auto history = open_history(options.db);
    if (!history) {
        *ctx.err << history.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    auto stored = history->activity(core::ActivityId{id});
    if (!stored) {
        *ctx.err << stored.error().message() << '\n'
                 << fmt::format("{}: no activity {} in {} (`hillcoach list --db` shows the IDs)\n", k_name,
                                id, history->path().string());
        ctx.exit_code = 1;
        return;
    }
    io::ReadOptions read;
    read.limits.max_file_bytes = options.max_file_mb << 20;
    read.limits.max_decompressed_bytes = read.limits.max_file_bytes;
    auto activity = read_stored_activity(*stored, read);
    if (!activity) {
        *ctx.err << activity.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    for (const auto& w : activity->warnings) *ctx.err << w.message() << '\n';
    report_activity(options, *activity, settings, {{"id", id}, {"db", history->path().string()}}, ctx);
}

void run_report(const ReportOptions& options, CliContext& ctx) {
    if (options.weeks && options.plan) {
        *ctx.err << k_name << ": --weeks and --plan are two pages: give one of them\n";
        ctx.exit_code = 2;
        return;
    }
    if (options.plan) {
#ifdef HILLCOACH_WITH_PLAN_PAGES
        run_plan_report(options, ctx);
#else
        *ctx.err << k_name << ": --plan needs the plan module, which this build leaves out\n";
        ctx.exit_code = 2;
#endif
        return;
    }
    if (options.weeks) {
#ifdef HILLCOACH_WITH_HISTORY
        if (!options.inputs.empty() && !options.db.path.empty()) {
            *ctx.err << k_name << ": --weeks reads either PATHs or the history database (--db), not both\n";
            ctx.exit_code = 2;
            return;
        }
        run_history_report(options, ctx);
#else
        *ctx.err << k_name << ": --weeks needs the training module, which this build leaves out\n";
        ctx.exit_code = 2;
#endif
        return;
    }
    if (options.inputs.size() != 1) {
        *ctx.err
            << k_name
            << ": a report shows one activity: give one file or ID (or --weeks for the history, --plan for "
               "the plan)\n";
        ctx.exit_code = 2;
        return;
    }
    const auto id = activity_id(options.inputs.front());
    if (id && options.db.path.empty()) {
        *ctx.err << fmt::format("{}: no file named {}; as an activity ID it needs the history: --db PATH\n",
                                k_name, options.inputs.front());
        ctx.exit_code = 2;
        return;
    }
    auto settings = analysis_options(options, ctx);
    if (!settings) return;
    if (id) {
        report_stored(options, *id, *settings, ctx);
        return;
    }
    auto activity = read_activity(options, ctx);
    if (!activity) return;
    report_activity(options, *activity, *settings, nlohmann::json::object(), ctx);
}

constexpr const char* k_report_help = R"(
Writes one activity as a single HTML file that opens offline in any browser,
on a phone too: the summary, the elevation profile coloured by grade with the
climbs (C1..) and descents (D1..) marked, the track's outline, pace and
grade-adjusted pace, heart rate with its zones, distance by grade, the load on
each muscle group, and the climbs and descents as tables. The charts are SVG;
the page has no script and loads nothing from the network.

The activity is a file, or an ID of the history database with --db (the first
column of `hillcoach list`): the history keeps an activity's numbers, not its
track, so its page is made from the file it was imported from, read again
(it fails when that file was moved, changed or deleted since).

The analysis is analyze's (same athlete flags and --dem). Without -o (or with
-o -) the page goes to stdout. --json prints the title, units, charts and size
instead (and the page under "html" when it goes nowhere else).

--weeks writes the history instead: ascent and descent per calendar week, the
weekly load (stress, uphill and eccentric load) and each channel's 7/28-day
acute:chronic ratio against its safe band (0.8-1.3) and danger zone (1.5 and
above), with the weeks as a table (`hillcoach weeks`'s numbers). It reads every
activity of the PATHs (files, folders, zip archives, Strava exports), or
without PATHs the history database (--db, else the default one).

--plan writes the plan as a calendar: a row per week with its phase, deload and
totals, a cell per day with each session's kind, time, distance, climbing, the
hill it uses and why (on hover, and under "why and how"). It reads the plan
`hillcoach plan --db` saved next to the database, or a plan JSON file given as
PATH (`hillcoach plan --json > plan.json`; - reads it from stdin, so
`hillcoach plan ... --json | hillcoach report --plan -` shows a plan made from
flags).

Exit status: 0 written, 1 an input could not be read (also an unknown ID, a
missing plan) or the page not written, 2 usage error (also a folder without
--weeks, a missing --activity, or an ID without --db).

Examples:
  hillcoach report run.fit -o run.html
  hillcoach report 12 --db runs.db -o run.html
  hillcoach report --weeks --time-zone Europe/Zurich runs/ -o history.html
  hillcoach report --weeks --db runs.db -o history.html
  hillcoach report --plan --db runs.db -o plan.html
  hillcoach report --plan plan.json -o plan.html
  hillcoach report --units imperial long-run.gpx -o long-run.html
  hillcoach report --profile me.toml --json hills.tcx -o hills.html)";

}  // namespace

void add_report_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "report", "An activity, the history or the plan as a self-contained HTML page with charts");
    cmd->footer(k_report_help);
    cmd->add_option(
           "inputs", options->inputs,
           "Activity file (GPX, TCX, FIT, also gzipped) or ID (with --db); with --weeks files, folders "
           "and archives; with --plan a plan JSON file (- for stdin)")
        ->type_name("PATH|ID");
    cmd->add_flag(
        "--weeks", options->weeks,
        "The history instead: weekly ascent, descent and load, load ratios against their safe band");
    cmd->add_flag("--plan", options->plan,
                  "The plan instead, as a calendar (the plan saved with --db, or a plan JSON file)");
    add_db_option(*cmd, options->db);
    cmd->add_option("--time-zone", options->time_zone,
                    "With --weeks: the calendar's IANA zone (default: the machine's)")
        ->type_name("ZONE");
    cmd->add_option("-o,--output", options->output, "The HTML file to write (default: stdout)")
        ->type_name("FILE");
    add_units_option(*cmd, options->units);
    cmd->add_flag("--json", options->json, "Print what was written as one JSON object");
    cmd->add_option("--activity", options->activity,
                    "Which activity of a file that holds several (1 = first)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
        ->type_name("N");
    cmd->add_option("--dem", options->dem, "Elevation model for non-barometric files")->type_name("PATH");
    add_athlete_options(*cmd, options->athlete);
    cmd->add_option("--max-file-mb", options->max_file_mb, "Refuse larger files unread (MiB)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 20))
        ->default_val(core::k_default_max_file_bytes >> 20)
        ->type_name("N");
    cmd->callback([options, &ctx] { run_report(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(130, add_report_command);
}  // namespace

}  // namespace hillcoach::app

#endif  // HILLCOACH_WITH_REPORT
