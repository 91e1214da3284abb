// hillcoach synth: writes synthetic activities, either one from a course description or the example set that
// ships in examples/. Hidden from --help: a developer's tool (docs/synth.md).
//
// Exit status: 0 written, 1 a file could not be written, 2 usage error (including a course that does not
// parse).

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/cli/command.hpp"
#include "hillcoach/core/time.hpp"
#include "hillcoach/synth/activity_file.hpp"
#include "hillcoach/synth/examples.hpp"
#include "hillcoach/synth/synthesize.hpp"

namespace hillcoach::app {
namespace {

struct SynthOptions {
    std::string course;
    std::string runner = "easy";
    std::string recorder = "barometric";
    std::uint64_t seed = 1;
    std::optional<std::uint64_t> route_seed;
    std::string start = "2026-05-03T07:00:00+02:00";
    std::string format;
    std::string out;
    std::string name = "Synthetic run";
    std::string sport = "running";
    std::string layout = "wander";
    double heading_deg = 0.0;
    double latitude_deg = 46.80;
    double longitude_deg = 7.15;
    double elevation_m = 560.0;
    bool smart = false;
    std::string examples;
};

constexpr const char* k_synth_help = R"(
Writes a synthetic activity: a course described in a line of text, run by a model
runner and recorded by a model watch (GPS noise, GPS or barometric altitude, heart
rate, cadence, laps, device totals). The course language, the models and their
sources are in docs/synth.md. The same options and seed give the same file.

Course language: statements separated by ';'
  flat 1000              1000 m on the level (also 1.5km)
  up 1500 +120           1500 m rising 120 m (or: up 150 7%)
  down 600 -80           600 m falling 80 m
  stop 60                stand for 60 s (the watch auto-pauses)
  turn left|right|around|DEG
  repeat 6 { up 150 +12; down 150 -12 }   every rep on the same hill
  an effort after a stretch: easy tempo hard sprint jog walk

Examples:
  hillcoach synth --course "flat 1000; up 1500 +120; down 600 -80; flat 500" --out hilly.fit
  hillcoach synth --course "flat 2000; repeat 6 { up 150 7%; down 150 -7% }; flat 2000" \
      --runner repeats --recorder gps --seed 7 --start 2026-05-03T07:00:00+02:00 --out reps.gpx
  hillcoach synth --examples examples)";

std::string duration_text(double seconds) {
    const auto total = static_cast<long long>(std::llround(seconds));
    return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

std::string outcome_text(const std::string& path, const synth::Synthesis& s, std::size_t bytes) {
    return fmt::format("wrote {}: {:.2f} km, {:.0f} m up, {:.0f} m down, {}, {} samples, {} bytes", path,
                       s.truth.distance_m / 1000.0, s.truth.ascent_m, s.truth.descent_m,
                       duration_text(s.truth.elapsed_s), s.activity.samples.size(), bytes);
}

// Writes the bytes; false (and a message on stderr) when the file cannot be written.
bool write_file(const std::filesystem::path& path, const std::string& bytes, CliContext& ctx) {
    if (path == "-") {
        ctx.out->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return static_cast<bool>(*ctx.out);
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (file) file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (file) file.close();
    if (!file) {
        *ctx.err << fmt::format("hillcoach synth: cannot write {}\n", path.string());
        return false;
    }
    return true;
}

core::Sport sport_from_option(const std::string& word) {
    if (word == "trail") return core::Sport::trail_running;
    if (word == "hiking") return core::Sport::hiking;
    if (word == "walking") return core::Sport::walking;
    return core::Sport::running;
}

synth::Layout layout_from_option(const std::string& word) {
    if (word == "loop") return synth::Layout::loop;
    if (word == "out-and-back") return synth::Layout::out_and_back;
    return synth::Layout::wander;
}

synth::RunnerPreset runner_from_option(const std::string& word) {
    if (word == "tempo") return synth::RunnerPreset::tempo;
    if (word == "repeats") return synth::RunnerPreset::repeats;
    if (word == "walk") return synth::RunnerPreset::walk;
    return synth::RunnerPreset::easy;
}

synth::RecorderSettings recorder_from_option(const std::string& word) {
    if (word == "exact") return synth::exact_recorder();
    synth::RecorderSettings r;
    r.altitude = word == "gps" ? synth::AltitudeSensor::gps : synth::AltitudeSensor::barometric;
    r.temperature = r.altitude == synth::AltitudeSensor::barometric;
    return r;
}

void usage_error(CliContext& ctx, const std::string& message) {
    *ctx.err << "hillcoach synth: " << message << '\n';
    ctx.exit_code = 2;
}

void run_one(const SynthOptions& o, CliContext& ctx) {
    if (o.course.empty() || o.out.empty())
        return usage_error(ctx, "give --course and --out, or --examples DIR");
    auto kind = synth::file_kind_from_name(o.out);
    if (!o.format.empty()) {
        const bool gzip = kind && kind->gzip;
        kind = synth::FileKind{.format = *synth::file_format_from_text(o.format), .gzip = gzip};
    }
    if (!kind)
        return usage_error(ctx,
                           fmt::format("cannot tell the format from '{}': add --format gpx|tcx|fit", o.out));
    const auto start = core::parse_iso8601(o.start);
    if (!start)
        return usage_error(
            ctx, fmt::format("--start '{}' is not an ISO 8601 time like 2026-05-03T07:00:00+02:00", o.start));

    synth::SynthesisRequest r;
    r.course = o.course;
    r.course_options.start_elevation_m = o.elevation_m;
    r.path = synth::PathOptions{.start_latitude_deg = o.latitude_deg,
                                .start_longitude_deg = o.longitude_deg,
                                .heading_deg = o.heading_deg,
                                .layout = layout_from_option(o.layout),
                                .wander = 1.0};
    r.runner = synth::runner_preset(runner_from_option(o.runner));
    r.recorder = recorder_from_option(o.recorder);
    r.recorder.smart_recording = o.smart;
    r.seed = o.seed;
    r.route_seed = o.route_seed;
    r.start_time_s = start->unix_s;
    r.utc_offset_s = start->utc_offset_s;
    r.name = o.name;
    r.sport = sport_from_option(o.sport);
    auto s = synth::synthesize(r);
    if (!s) return usage_error(ctx, s.error().message());
    s->activity.metadata.format = kind->format;
    const std::string bytes = synth::encode_activity(s->activity, *kind);
    if (!write_file(o.out, bytes, ctx)) {
        ctx.exit_code = 1;
        return;
    }
    if (o.out != "-") *ctx.out << outcome_text(o.out, *s, bytes.size()) << '\n';
}

void run_examples(const SynthOptions& o, CliContext& ctx) {
    const std::filesystem::path dir(o.examples);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        *ctx.err << fmt::format("hillcoach synth: cannot create {}: {}\n", dir.string(), ec.message());
        ctx.exit_code = 1;
        return;
    }
    const auto examples = synth::example_activities();
    std::size_t total_bytes = 0;
    for (const auto& e : examples) {
        auto s = synth::synthesize(e.request);
        if (!s) {
            // The catalogue is ours: a failure here is a bug, not a user's mistake.
            *ctx.err << "hillcoach synth: internal error in example " << e.file_name << ": "
                     << s.error().message() << '\n';
            ctx.exit_code = 1;
            continue;
        }
        s->activity.metadata.format = e.kind.format;
        const std::string bytes = synth::encode_activity(s->activity, e.kind);
        total_bytes += bytes.size();
        if (!write_file(dir / e.file_name, bytes, ctx)) {
            ctx.exit_code = 1;
            continue;
        }
        *ctx.out << outcome_text((dir / e.file_name).string(), *s, bytes.size()) << '\n';
    }
    if (!write_file(dir / "README.md", synth::examples_readme(examples), ctx)) ctx.exit_code = 1;
    *ctx.out << fmt::format("{} example activities, {:.2f} MB, and README.md in {}\n", examples.size(),
                            static_cast<double>(total_bytes) / 1e6, dir.string());
}

}  // namespace

void add_synth_command(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<SynthOptions>();
    CLI::App* cmd = app.add_subcommand("synth", "Write synthetic activities (developer tool)");
    cmd->group("");  // hidden from hillcoach --help
    cmd->footer(k_synth_help);
    auto* course = cmd->add_option("--course", o->course, "The course, e.g. \"flat 1000; up 1500 +120\"")
                       ->type_name("TEXT");
    cmd->add_option("--runner", o->runner, "easy, tempo, repeats (hard up, jog down in repeats) or walk")
        ->check(CLI::IsMember({"easy", "tempo", "repeats", "walk"}))
        ->capture_default_str();
    cmd->add_option("--recorder", o->recorder, "Altitude from gps or barometric; exact for no errors at all")
        ->check(CLI::IsMember({"gps", "barometric", "exact"}))
        ->capture_default_str();
    cmd->add_option("--seed", o->seed, "Variation of runner and recorder")->capture_default_str();
    cmd->add_option("--route-seed", o->route_seed,
                    "Bends of the route (default: --seed); same value, same route")
        ->type_name("N");
    cmd->add_option("--start", o->start, "Start time, ISO 8601 with offset")->capture_default_str();
    auto* format = cmd->add_option("--format", o->format, "gpx, tcx or fit (default: from --out)")
        ->check(CLI::IsMember({"gpx", "tcx", "fit"}));
    auto* out = cmd->add_option("--out", o->out, "Output file (.gpx, .tcx, .fit, each optionally .gz; - for stdout)")
        ->type_name("FILE");
    cmd->add_option("--name", o->name, "Activity name")->capture_default_str();
    cmd->add_option("--sport", o->sport, "running, trail, hiking or walking")
        ->check(CLI::IsMember({"running", "trail", "hiking", "walking"}))
        ->capture_default_str();
    cmd->add_option("--layout", o->layout, "wander, loop or out-and-back")
        ->check(CLI::IsMember({"wander", "loop", "out-and-back"}))
        ->capture_default_str();
    cmd->add_option("--heading", o->heading_deg, "Initial direction, degrees clockwise from north")
        ->check(CLI::Range(-360.0, 360.0))
        ->capture_default_str();
    cmd->add_option("--lat", o->latitude_deg, "Start latitude")
        ->check(CLI::Range(-85.0, 85.0))
        ->capture_default_str();
    cmd->add_option("--lon", o->longitude_deg, "Start longitude")
        ->check(CLI::Range(-180.0, 180.0))
        ->capture_default_str();
    cmd->add_option("--elevation", o->elevation_m, "Start elevation (m)")
        ->check(CLI::Range(-500.0, 9000.0))
        ->capture_default_str();
    cmd->add_flag("--smart", o->smart, "Smart recording: a point every 1-10 s instead of every second");
    auto* examples =
        cmd->add_option("--examples", o->examples, "Write the example set and its README into DIR")
            ->type_name("DIR");
    examples->excludes(course)->excludes(out)->excludes(format);
    cmd->callback([o, &ctx] {
        if (!o->examples.empty())
            run_examples(*o, ctx);
        else
            run_one(*o, ctx);
    });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(900, add_synth_command);
}  // namespace

}  // namespace hillcoach::app
