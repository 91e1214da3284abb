// hillcoach info PATH...: what each activity file holds, as read; one block per activity (or one JSON line).
//
// Files, folders (recursively), zip archives and Strava exports are read in parallel (io::read_paths) and
// reported in a fixed order. A file that cannot be read is reported on stderr (and as a JSON object with
// --json) and reading goes on; the exit status is 1 when any input failed.

#include <any>
#include <cmath>
#include <filesystem>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/cli/activity_summary.hpp"
#include "app/cli/command.hpp"
#include "app/cli/text_wrap.hpp"
#include "hillcoach/core/time.hpp"
#include "hillcoach/io/batch_reader.hpp"

namespace hillcoach::app {
namespace {

struct InfoOptions {
    std::vector<std::string> paths;
    bool json = false;
    unsigned threads = 0;
    std::uint64_t max_file_mb = core::k_default_max_file_bytes >> 20;
};

// --- text -----------------------------------------------------------------------------------------------

std::string format_text(const core::Metadata& m) {
    std::string text(core::to_string(m.format));
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!m.format_version.empty()) text += " " + m.format_version;
    return text;
}

std::string device_text(const core::Metadata& m) {
    std::string text = m.manufacturer;
    if (!m.product.empty()) text += (text.empty() ? "" : " ") + m.product;
    if (text.empty()) text = m.creator;
    if (!m.creator.empty() && text != m.creator) text += fmt::format(" (\"{}\")", m.creator);
    return text.empty() ? "not recorded" : text;
}

std::string sport_text(const core::Metadata& m) {
    std::string text(core::to_string(m.sport));
    std::string raw = m.sport_raw;
    if (!m.sub_sport.empty()) raw += (raw.empty() ? "" : "/") + m.sub_sport;
    if (!raw.empty()) text += fmt::format(" (\"{}\")", raw);
    return text;
}

std::string start_text(const ActivitySummary& s) {
    if (!s.start_s) return "not recorded";
    const std::string utc = core::format_iso8601_utc(*s.start_s);
    const auto& offset = s.activity->metadata.utc_offset_s;
    if (!offset) return utc + " (local offset not recorded)";
    return fmt::format("{} local, {}", core::format_iso8601_local(*s.start_s, *offset), utc);
}

std::string time_text(const ActivitySummary& s) {
    if (!s.elapsed_s) return "no times recorded";
    std::string text = duration_text(*s.elapsed_s) + " elapsed";
    if (s.moving_s) text += ", " + duration_text(*s.moving_s) + " moving";
    const auto pauses = s.activity->pauses.size();
    if (pauses > 0) text += fmt::format(" ({} pause{})", pauses, pauses == 1 ? "" : "s");
    return text;
}

std::string device_totals_text(const core::DeviceTotals& d) {
    std::vector<std::string> parts;
    if (d.distance_m) parts.push_back(distance_text(*d.distance_m));
    if (d.ascent_m) parts.push_back(fmt::format("+{:.0f} m", *d.ascent_m));
    if (d.descent_m) parts.push_back(fmt::format("-{:.0f} m", *d.descent_m));
    if (d.timer_s) parts.push_back("timer " + duration_text(*d.timer_s));
    if (parts.empty()) return "none in the file";
    std::string text;
    for (const auto& p : parts) text += (text.empty() ? "" : ", ") + p;
    return text + " (the file's own)";
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : std::string(separator)) + item;
    return text;
}

void print_text(std::ostream& out, const ActivitySummary& s, bool color) {
    const core::Activity& a = *s.activity;
    const auto& m = a.metadata;
    std::string title = m.source_path;
    if (s.count > 1) title += fmt::format(" [activity {} of {}]", s.index + 1, s.count);
    out << (color ? "\x1b[1m" + title + "\x1b[0m" : title) << '\n';
    // Values longer than the line (the channels of a FIT file that records eight, a long warning) continue
    // under their first character, so the block stays within 80 columns.
    constexpr std::size_t k_value_column = 13;  // "  " + a 10-character label + " "
    const auto line = [&out](std::string_view label, const std::string& value) {
        out << fmt::format("  {:<10} {}\n", label, wrap_text(value, 80 - k_value_column, k_value_column));
    };
    if (!m.name.empty()) line("name", m.name);
    line("format", format_text(m));
    line("sport", sport_text(m));
    line("device", device_text(m));
    line("start", start_text(s));
    line("time", time_text(s));
    line("samples", fmt::format("{}", a.samples.size()));
    line("distance", s.distance_m ? distance_text(*s.distance_m) + " from positions (WGS84, GPS jitter removed)" : "no positions");
    line("totals", device_totals_text(a.device));
    line("channels", joined(a.channels(), ", "));
    for (const auto& w : a.warnings) {
        out << (color ? "  \x1b[33mwarning\x1b[0m    " : "  warning    ")
            << wrap_text(w.message(), 80 - k_value_column, k_value_column) << '\n';
    }
}

// --- the command ----------------------------------------------------------------------------------------

// What one input prints, made on the reading thread (the geodesic lengths and the JSON are most of the work).
struct Rendered {
    std::string out;  // activity blocks or JSON lines
    std::string err;  // messages in the human form
};

Rendered render(const io::ReadOutcome& outcome, const InfoOptions& options, bool color) {
    Rendered r;
    for (const auto& w : outcome.warnings) r.err += w.message() + "\n";
    if (outcome.error) {
        r.err += outcome.error->message() + "\n";
        if (options.json) r.out += error_json(*outcome.error).dump() + "\n";
        return r;
    }
    std::ostringstream text;
    for (std::size_t i = 0; i < outcome.activities.size(); ++i) {
        const ActivitySummary s = summarize(outcome.activities[i], i, outcome.activities.size());
        if (options.json) {
            r.out += activity_json(s).dump() + "\n";
            continue;
        }
        if (i > 0) text << '\n';
        print_text(text, s, color);
    }
    if (!options.json) r.out += text.str();
    return r;
}

void run_info(const InfoOptions& options, CliContext& ctx) {
    io::ReadOptions read;
    read.threads = options.threads;
    read.limits.max_file_bytes = options.max_file_mb << 20;
    read.limits.max_decompressed_bytes = read.limits.max_file_bytes;
    std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    std::ostream& out = *ctx.out;
    std::ostream& err = *ctx.err;
    const bool color = ctx.color;
    bool first_block = true;

    const auto worker = [&options, color](io::ReadOutcome& outcome) {
        outcome.attachment = render(outcome, options, color);
        outcome.activities.clear();  // rendered: no need to carry the samples to the printing thread
    };
    const auto sink = [&](io::ReadOutcome&& outcome) {
        const auto& r = std::any_cast<const Rendered&>(outcome.attachment);
        err << r.err;
        if (r.out.empty()) return;
        if (!options.json && !first_block) out << '\n';
        first_block = false;
        out << r.out;
        out.flush();
    };
    const auto summary = io::read_paths(paths, read, sink, worker);
    if (summary.failed > 0) {
        err << fmt::format("hillcoach info: {} of {} input{} could not be read\n", summary.failed, summary.inputs,
                           summary.inputs == 1 ? "" : "s");
        ctx.exit_code = 1;
    } else if (summary.inputs == 0) {
        err << "hillcoach info: no activity file found\n";
    }
}

constexpr const char* k_info_help = R"(
Reads each activity file (GPX, TCX, FIT, also gzipped), folder (recursively), zip
archive or Strava bulk export and prints, per activity: format, sport, device,
start (local and UTC), elapsed and moving time, samples, the distance along its
positions (WGS84 geodesic), the device's own totals where the file has them
(distance, ascent, descent, timer), the channels present and any warnings.

Moving time is the elapsed time minus the pauses the device recorded and minus
every gap of more than 10 s between samples that no recorded pause covers.

Exit status: 0 every input read, 1 some input could not be read (each one is
reported on stderr and reading goes on), 2 usage error.

Examples:
  hillcoach info run.fit
  hillcoach info --json ~/exports/strava_export_123.zip > activities.jsonl
  hillcoach info --threads 1 --max-file-mb 64 runs/ extra/*.gpx.gz)";

}  // namespace

void add_info_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<InfoOptions>();
    CLI::App* cmd = app.add_subcommand("info", "What each activity file holds: times, distance, device totals");
    cmd->footer(k_info_help);
    cmd->add_option("paths", options->paths, "Files, folders, zips or Strava exports")
        ->required()
        ->type_name("PATH");
    cmd->add_flag("--json", options->json, "JSON Lines: one object per activity");
    cmd->add_option("--threads", options->threads, "Files read at once (default: one per core)")
        ->check(CLI::Range(1U, 256U))
        ->type_name("N");
    cmd->add_option("--max-file-mb", options->max_file_mb, "Refuse larger files unread (MiB; also members)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 20))
        ->default_val(core::k_default_max_file_bytes >> 20)
        ->type_name("N");
    cmd->callback([options, &ctx] { run_info(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(10, add_info_command);
}  // namespace

}  // namespace hillcoach::app
