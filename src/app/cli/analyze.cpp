// hillcoach analyze PATH...: the hill analysis of each activity: summary, climbs and descents, grade
// histogram, hill repeats and session type, as text for an 80-column terminal or as JSON Lines.
//
// Inputs are read as `info` reads them (files, folders, zip archives, Strava exports, in parallel); each
// activity is analysed and rendered on the thread that read it, and printed in input order. A file that
// cannot be read is reported on stderr (and as a JSON object with --json) and the others go on; exit status 1
// when any input failed, 2 for a usage error.

#include <any>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/cli/activity_summary.hpp"
#include "app/cli/athlete_options.hpp"
#include "app/cli/command.hpp"
#include "app/cli/physiology_text.hpp"
#include "app/cli/text_wrap.hpp"
#include "hillcoach/analysis/analysis_json.hpp"
#include "hillcoach/analysis/analyze.hpp"
#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/terrain/dem.hpp"

namespace hillcoach::app {
namespace {

struct AnalyzeOptions {
    std::vector<std::string> paths;
    bool json = false;
    unsigned threads = 0;
    std::uint64_t max_file_mb = core::k_default_max_file_bytes >> 20;
    std::string dem;
    AthleteFlags athlete;
};

// --- text -----------------------------------------------------------------------------------------------

std::string minutes_text(double seconds) {
    const auto total = static_cast<long long>(std::llround(seconds));
    if (total >= 3600) return duration_text(seconds);
    return fmt::format("{}:{:02}", total / 60, total % 60);
}

std::string pace_text(double s_per_km) {
    return minutes_text(s_per_km) + " /km";
}

std::string length_text(double metres) {
    return metres >= 10000.0 ? fmt::format("{:.1f} km", metres / 1000.0) : fmt::format("{:.0f} m", metres);
}

std::string percent_text(double grade) {
    return fmt::format("{:.1f}%", grade * 100.0);
}

std::string or_dash(const std::optional<double>& v, const char* format) {
    return v ? fmt::format(fmt::runtime(format), *v) : std::string("-");
}

std::string distance_source_text(terrain::DistanceSource s) {
    switch (s) {
        case terrain::DistanceSource::device:
            return "device distance";
        case terrain::DistanceSource::positions:
            return "from positions";
        case terrain::DistanceSource::none:
            return "no distance recorded";
    }
    return "";
}

class TextReport {
  public:
    TextReport(std::string& out, bool color) : m_out(out), m_color(color) {}

    void activity(const analysis::ActivityAnalysis& a, const ActivitySummary& s) {
        std::string title = a.metadata.source_path;
        if (s.count > 1) title += fmt::format(" [activity {} of {}]", s.index + 1, s.count);
        m_out += (m_color ? "\x1b[1m" + title + "\x1b[0m" : title) + '\n';
        summary(a);
        hills("Climbs", a.climbs, "VAM");
        hills("Descents", a.descents, "rate");
        histogram(a.grade_histogram);
        for (const auto& g : a.repeats) repeats(g);
        m_out += '\n' + physiology_text(a.physiology);
        for (const auto& w : s.activity->warnings) line("warning", w.message());
        for (const auto& note : a.notes) line("note", note);
    }

  private:
    void line(std::string_view label, const std::string& value) {
        const std::string head = fmt::format("  {:<10} ", label);
        m_out += head + wrap_text(value, 80 - head.size(), head.size()) + '\n';
    }

    void summary(const analysis::ActivityAnalysis& a) {
        const analysis::Summary& s = a.summary;
        line("session",
             fmt::format("{}: {}", analysis::session_type_label(a.session.type), a.session.reason));
        if (!a.metadata.name.empty()) line("name", a.metadata.name);
        line("distance",
             fmt::format("{} ({})", distance_text(s.distance_m), distance_source_text(s.distance_source)));
        if (s.moving_s && s.elapsed_s) {
            line("time", fmt::format("{} moving, {} elapsed", duration_text(*s.moving_s),
                                     duration_text(*s.elapsed_s)));
        } else {
            line("time", "no times recorded");
        }
        if (s.pace_s_per_km) {
            std::string pace = pace_text(*s.pace_s_per_km) + " moving";
            if (s.elapsed_pace_s_per_km) pace += ", " + pace_text(*s.elapsed_pace_s_per_km) + " elapsed";
            line("pace", pace);
        }
        if (s.ascent_m && s.descent_m) {
            std::string elevation = fmt::format("+{:.0f} m, -{:.0f} m", *s.ascent_m, *s.descent_m);
            if (s.min_elevation_m && s.max_elevation_m) {
                elevation += fmt::format(", {:.0f} to {:.0f} m", *s.min_elevation_m, *s.max_elevation_m);
            }
            line("elevation", fmt::format("{} ({})", elevation, core::to_string(s.elevation_source)));
        } else {
            line("elevation", "none recorded");
        }
        if (s.avg_heart_rate_bpm && s.max_heart_rate_bpm) {
            line("heart rate",
                 fmt::format("{:.0f} avg, {:.0f} max", *s.avg_heart_rate_bpm, *s.max_heart_rate_bpm));
        }
    }

    // Columns add up to 78 characters.
    static constexpr const char* k_hill_row =
        "  {:>3} {:>8} {:>7} {:>6} {:>6} {:>6} {:>7} {:>5} {:>3}  {:<9} {}\n";

    void hills(std::string_view title, const std::vector<terrain::Hill>& list, const char* rate) {
        m_out += fmt::format("\n{}\n", title);
        if (list.empty()) {
            m_out += "  none\n";
            return;
        }
        m_out +=
            fmt::format(fmt::runtime(k_hill_row), "#", "start", "length", title == "Climbs" ? "gain" : "drop",
                        "grade", "max", "time", rate, "HR", "category", "Strava");
        for (std::size_t k = 0; k < list.size(); ++k) {
            const terrain::Hill& h = list[k];
            const bool up = h.direction == terrain::HillDirection::up;
            const std::string strava = up && h.score.strava != terrain::StravaCategory::none
                                           ? (h.score.strava == terrain::StravaCategory::hc
                                                  ? "HC"
                                                  : "Cat " + std::string(to_string(h.score.strava)))
                                           : "-";
            m_out += fmt::format(
                fmt::runtime(k_hill_row), k + 1, distance_text(h.start_m), length_text(h.length_m()),
                fmt::format("{:.0f} m", h.height_m), percent_text(h.avg_grade), percent_text(h.max_grade),
                h.time_s ? minutes_text(*h.time_s) : "-", or_dash(h.vertical_speed_m_h, "{:.0f}"),
                or_dash(h.avg_heart_rate_bpm, "{:.0f}"), to_string(h.score.runner), strava);
        }
    }

    static std::string band_label(const terrain::GradeBand& b) {
        if (std::isinf(b.from)) return fmt::format("< {:.0f}%", b.to * 100.0);
        if (std::isinf(b.to)) return fmt::format("> {:.0f}%", b.from * 100.0);
        return fmt::format("{:.0f}..{:.0f}%", b.from * 100.0, b.to * 100.0);
    }

    void histogram(const terrain::GradeHistogram& h) {
        const double total = h.graded_distance_m();
        if (total <= 0.0) return;
        constexpr int k_bar = 40;
        m_out += "\nGrades\n";
        m_out += fmt::format("  {:<10} {:>9} {:>9} {:>5}\n", "grade", "distance", "time", "share");
        for (const auto& b : h.bands) {
            const double share = b.distance_m / total;
            m_out += fmt::format("  {:<10} {:>9} {:>9} {:>4.0f}%  {}\n", band_label(b),
                                 distance_text(b.distance_m), duration_text(b.time_s), share * 100.0,
                                 std::string(static_cast<std::size_t>(std::lround(share * k_bar)), '#'));
        }
    }

    void repeats(const terrain::RepeatGroup& g) {
        const std::string kind = g.back_to_back ? "Hill repeats" : "The same hill climbed again (laps)";
        m_out += fmt::format("\n{}: {} x {:.0f} m at {} (+{:.0f} m), matched by {}\n", kind, g.reps.size(),
                             g.length_m, percent_text(g.avg_grade), g.height_m,
                             g.matched_by_position ? "position" : "elevation pattern");
        constexpr const char* row = "  {:>5} {:>8} {:>7} {:>10} {:>6} {:>4} {:>9}\n";
        m_out += fmt::format(row, "rep", "start", "time", "pace", "VAM", "HR", "recovery");
        for (std::size_t k = 0; k < g.reps.size(); ++k) {
            const terrain::Rep& r = g.reps[k];
            m_out += fmt::format(row, k + 1, distance_text(r.ascent.start_m),
                                 r.ascent.time_s ? minutes_text(*r.ascent.time_s) : "-",
                                 r.pace_s_per_km ? pace_text(*r.pace_s_per_km) : "-",
                                 or_dash(r.ascent.vertical_speed_m_h, "{:.0f}"),
                                 or_dash(r.ascent.avg_heart_rate_bpm, "{:.0f}"),
                                 r.recovery_s ? minutes_text(*r.recovery_s) : "-");
        }
        std::vector<std::string> fade;
        if (g.fade.time_slope_s_per_rep)
            fade.push_back(fmt::format("{:+.1f} s per rep", *g.fade.time_slope_s_per_rep));
        if (g.fade.last_vs_first) {
            fade.push_back(fmt::format("last rep {:+.0f}% on the first", *g.fade.last_vs_first * 100.0));
        }
        if (g.fade.vam_slope_m_h_per_rep) {
            fade.push_back(fmt::format("VAM {:+.0f} m/h per rep", *g.fade.vam_slope_m_h_per_rep));
        }
        if (g.fade.heart_rate_slope_bpm_per_rep) {
            fade.push_back(fmt::format("HR {:+.1f} per rep", *g.fade.heart_rate_slope_bpm_per_rep));
        }
        std::string text;
        for (const auto& f : fade) text += (text.empty() ? "" : ", ") + f;
        if (!text.empty()) m_out += "  fade: " + wrap_text(text, 72, 8) + '\n';
    }

    std::string& m_out;
    bool m_color = false;
};

// --- JSON -----------------------------------------------------------------------------------------------

// info's keys with the analysis's better values for the ones it measures again (distance, times, elevation
// source: docs/cli.md), then every analysis key.
Json analysis_line(const analysis::ActivityAnalysis& a, const ActivitySummary& s) {
    Json j = activity_json(s);
    Json analysis = analysis::analysis_json(a);
    for (auto& [key, value] : analysis.items()) j[key] = std::move(value);
    return j;
}

// --- the command ----------------------------------------------------------------------------------------

struct Rendered {
    std::string out;
    std::string err;
};

ActivitySummary summary_of(const core::Activity& activity, const analysis::ActivityAnalysis& a,
                           std::size_t index, std::size_t count) {
    return {.activity = &activity,
            .index = index,
            .count = count,
            .start_s = start_time_s(activity),
            .elapsed_s = a.summary.elapsed_s,
            .moving_s = a.summary.moving_s,
            .distance_m = a.summary.distance_m};
}

Rendered render(const io::ReadOutcome& outcome, const AnalyzeOptions& options,
                const analysis::AnalysisOptions& analysis_options, bool color) {
    Rendered r;
    for (const auto& w : outcome.warnings) r.err += w.message() + "\n";
    if (outcome.error) {
        r.err += outcome.error->message() + "\n";
        if (options.json) r.out += error_json(*outcome.error).dump() + "\n";
        return r;
    }
    TextReport text(r.out, color);
    for (std::size_t i = 0; i < outcome.activities.size(); ++i) {
        const core::Activity& activity = outcome.activities[i];
        const analysis::ActivityAnalysis a = analysis::analyze(activity, analysis_options);
        const ActivitySummary s = summary_of(activity, a, i, outcome.activities.size());
        if (options.json) {
            r.out += analysis_line(a, s).dump() + "\n";
            continue;
        }
        if (i > 0) r.out += '\n';
        text.activity(a, s);
    }
    return r;
}

void run_analyze(const AnalyzeOptions& options, CliContext& ctx) {
    std::ostream& out = *ctx.out;
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
    if (!options.dem.empty()) {
        auto dem = terrain::Dem::open(options.dem);
        if (!dem) {
            err << dem.error().message() << '\n'
                << "hillcoach analyze: cannot use --dem " << options.dem << '\n';
            ctx.exit_code = 1;
            return;
        }
        analysis_options.course.dem = std::move(*dem);
    }
    io::ReadOptions read;
    read.threads = options.threads;
    read.limits.max_file_bytes = options.max_file_mb << 20;
    read.limits.max_decompressed_bytes = read.limits.max_file_bytes;
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    const bool color = ctx.color;
    bool first_block = true;

    const auto worker = [&options, &analysis_options, color](io::ReadOutcome& outcome) {
        outcome.attachment = render(outcome, options, analysis_options, color);
        outcome.activities.clear();  // rendered: the samples need not travel to the printing thread
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
        err << fmt::format("hillcoach analyze: {} of {} input{} could not be read\n", summary.failed,
                           summary.inputs, summary.inputs == 1 ? "" : "s");
        ctx.exit_code = 1;
    } else if (summary.inputs == 0) {
        err << "hillcoach analyze: no activity file found\n";
    }
}

constexpr const char* k_analyze_help = R"(
Analyses each activity file (GPX, TCX, FIT, also gzipped), folder (recursively),
zip archive or Strava bulk export, and prints per activity:
  - the session type (flat easy run, hilly run, hill repeats, hill sprints,
    downhill-focused, long run, trail or mountain run, hike or walk) and why;
  - distance (and from what: the device's channel or the positions), moving and
    elapsed time, pace, ascent and descent (and the elevation's source);
  - climbs and descents: start, length, height, average and steepest-100 m
    grade, time, VAM or descent rate, heart rate, runner category, and the
    Strava category where the climb has one;
  - distance and time in grade bands;
  - hill repeats: each rep's time, pace, VAM, heart rate and recovery, and the
    fade from the first rep to the last;
  - grade-adjusted pace, energy, heart-rate zones and load, and the load on
    each muscle group going up and down (athlete settings from --profile and
    the athlete flags above; what is missing is estimated or defaulted).
docs/models.md gives every rule and constant; docs/cli.md every JSON key.

--dem reads an elevation model (SRTM .hgt, GeoTIFF, a folder of tiles, any GDAL
raster) and uses it for files whose elevation is not barometric.

Exit status: 0 every input analysed, 1 some input could not be read (each one
is reported on stderr and the others go on), the DEM or the profile file cannot
be used, 2 usage error (also an athlete setting out of range).

Examples:
  hillcoach analyze run.fit
  hillcoach analyze --json runs/ > analyses.jsonl
  hillcoach analyze --dem srtm/N46E007.hgt phone-track.gpx
  hillcoach analyze --profile me.toml --max-hr 188 long-run.fit)";

}  // namespace

void add_analyze_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<AnalyzeOptions>();
    CLI::App* cmd =
        app.add_subcommand("analyze", "Hill analysis: climbs, descents, grades, repeats, session type");
    cmd->footer(k_analyze_help);
    cmd->add_option("paths", options->paths, "Activity files, folders, zip archives or Strava exports")
        ->required()
        ->type_name("PATH...");
    cmd->add_flag("--json", options->json, "JSON Lines: one object per activity (docs/cli.md)");
    cmd->add_option("--dem", options->dem, "Elevation model for non-barometric files")->type_name("PATH");
    add_athlete_options(*cmd, options->athlete);
    cmd->add_option("--threads", options->threads, "Files read at once (default: one per core)")
        ->check(CLI::Range(1U, 256U))
        ->type_name("N");
    cmd->add_option("--max-file-mb", options->max_file_mb,
                    "Refuse files (and archive members) larger than this many MiB, before loading them")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 20))
        ->default_val(core::k_default_max_file_bytes >> 20)
        ->type_name("N");
    cmd->callback([options, &ctx] { run_analyze(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(20, add_analyze_command);
}  // namespace

}  // namespace hillcoach::app
