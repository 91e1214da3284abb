// hillcoach report PATH -o run.html: one activity as a self-contained HTML page (report/activity_report.hpp):
// the summary, the elevation profile coloured by grade with the climbs and descents marked, the track's
// outline, pace and grade-adjusted pace, heart rate, the grade histogram and the muscle load, as SVG charts
// that need no script and no network.
//
// The page goes to -o FILE, or to stdout without -o (or with -o -). --json prints what was written instead
// (file, title, charts, size), with the page itself under "html" when there is no file.
// --weeks PATH... writes the history instead (report/history_report.hpp) from every activity of the inputs.
// Exit status: 0 written, 1 the input could not be read or the output not written, 2 usage error.
// Built only with the report module (HILLCOACH_WITH_REPORT, src/hillcoach/report/CMakeLists.txt).
#ifdef HILLCOACH_WITH_REPORT

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/athlete_options.hpp"
#include "app/cli/command.hpp"
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

namespace hillcoach::app {
namespace {

struct ReportOptions {
    std::vector<std::string> inputs;
    bool weeks = false;
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
// --weeks: every activity of the inputs, analysed and digested, as calendar weeks and load channels.
void run_history_report(const ReportOptions& options, const analysis::AnalysisOptions& settings,
                        CliContext& ctx) {
    const std::string zone =
        options.time_zone.empty() ? training::Calendar::system_zone_name() : options.time_zone;
    auto calendar = training::Calendar::make(zone);
    if (!calendar) {
        *ctx.err << calendar.error().message() << '\n';
        ctx.exit_code = 2;
        return;
    }
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
    if (summary.failed > 0) {
        *ctx.err << fmt::format("{}: {} of {} input{} could not be read; the page shows the rest\n", k_name,
                                summary.failed, summary.inputs, summary.inputs == 1 ? "" : "s");
        ctx.exit_code = 1;
    }
    const training::LoadSeries series = training::load_series(digests, *calendar);
    const std::vector<training::WeekRow> rows = training::weeks(digests, *calendar, series);
    const std::string html = report::history_report_html(
        rows, series,
        {.units = report::UnitFormat(options.units), .title = "Training history", .zone_name = zone});
    const int keep_status = ctx.exit_code;
    deliver(options, html,
            {{"title", "Training history"},
             {"activities", digests.size()},
             {"weeks", rows.size()},
             {"time_zone", zone}},
            ctx);
    if (ctx.exit_code == 0) ctx.exit_code = keep_status;
}
#endif

void run_report(const ReportOptions& options, CliContext& ctx) {
    auto settings = analysis_options(options, ctx);
    if (!settings) return;
    if (options.weeks) {
#ifdef HILLCOACH_WITH_HISTORY
        run_history_report(options, *settings, ctx);
#else
        *ctx.err << k_name << ": --weeks needs the training module, which this build leaves out\n";
        ctx.exit_code = 2;
#endif
        return;
    }
    if (options.inputs.size() != 1) {
        *ctx.err << k_name << ": a report shows one activity: give one file (or --weeks for the history)\n";
        ctx.exit_code = 2;
        return;
    }
    auto activity = read_activity(options, ctx);
    if (!activity) return;
    const analysis::ActivityAnalysis analysis = analysis::analyze(*activity, *settings);
    const report::UnitFormat units(options.units);
    const std::string html = report::activity_report_html(*activity, analysis, {.units = units});
    nlohmann::json j;
    j["title"] = report::valid_utf8(report::activity_title(*activity));
    j["source"] = report::valid_utf8(activity->metadata.source_path);
    auto& charts = j["charts"] = nlohmann::json::array();
    for (const auto& chart : report::activity_charts(*activity, analysis, units)) charts.push_back(chart.id);
    j["climbs"] = analysis.climbs.size();
    j["descents"] = analysis.descents.size();
    deliver(options, html, std::move(j), ctx);
}

constexpr const char* k_report_help = R"(
Writes one activity as a single HTML file that opens offline in any browser,
on a phone too: the summary, the elevation profile coloured by grade with the
climbs (C1..) and descents (D1..) marked, the track's outline, pace and
grade-adjusted pace, heart rate with its zones, distance by grade, the load on
each muscle group, and the climbs and descents as tables. The charts are SVG;
the page has no script and loads nothing from the network.

The analysis is analyze's (same athlete flags and --dem). Without -o (or with
-o -) the page goes to stdout. --json prints the title, units, charts and size
instead (and the page under "html" when it goes nowhere else).

--weeks reads every activity of the PATHs (files, folders, zip archives,
Strava exports) and writes the history instead: ascent and descent per calendar
week, the weekly load (stress, uphill and eccentric load) and each channel's
7/28-day acute:chronic ratio against its safe band (0.8-1.3) and danger zone
(1.5 and above), with the weeks as a table (`hillcoach weeks`'s numbers).

Exit status: 0 written, 1 an input could not be read or the page not written,
2 usage error (also a folder without --weeks, or a missing --activity).

Examples:
  hillcoach report run.fit -o run.html
  hillcoach report --weeks --time-zone Europe/Zurich runs/ -o history.html
  hillcoach report --units imperial long-run.gpx -o long-run.html
  hillcoach report --profile me.toml --json hills.tcx -o hills.html)";

}  // namespace

void add_report_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand("report", "One activity as a self-contained HTML page with charts");
    cmd->footer(k_report_help);
    cmd->add_option("inputs", options->inputs,
                    "Activity file (GPX, TCX, FIT, also gzipped); with --weeks files, folders and archives")
        ->required()
        ->type_name("PATH");
    cmd->add_flag(
        "--weeks", options->weeks,
        "The history instead: weekly ascent, descent and load, load ratios against their safe band");
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
