#include "hillcoach/synth/examples.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "hillcoach/core/time.hpp"

namespace hillcoach::synth {
namespace {

// Home: a village in the hilly Swiss Mittelland (Central European Time: +01:00, +02:00 from 2026-03-29).
constexpr double k_home_latitude_deg = 46.80;
constexpr double k_home_longitude_deg = 7.15;
constexpr double k_home_elevation_m = 560.0;

enum class Recording : unsigned char { smart, every_second };

struct ExampleSpec {
    int year = 2026;
    unsigned month = 1;
    unsigned day = 1;
    int hour = 0;
    int minute = 0;
    int utc_offset_min = 60;
    const char* slug = "";
    const char* extension = "";  // ".gpx", ".tcx", ".fit", ".gpx.gz"
    const char* name = "";
    const char* summary = "";
    // The session type the example is built as, as analysis names it ("hill_sprints"; docs/models.md,
    // "Session type"): tests/analysis/examples_session_test.cpp checks that `analyze` finds it.
    const char* session = "";
    const char* course = "";
    RunnerPreset runner = RunnerPreset::easy;
    core::Sport sport = core::Sport::running;
    AltitudeSensor altitude = AltitudeSensor::barometric;
    Recording recording = Recording::smart;
    Layout layout = Layout::loop;
    double heading_deg = 0.0;
    unsigned route = 0;  // runs with the same route number run the same ground
    double dropouts_per_h = 0.0;
    double spikes_per_h = 0.0;
};

// Routes: the home loop (1) and the river loop (2) are run again and again; the hill-repeat hill (3) twice.
constexpr const char* k_home_loop =
    "flat 3000; stop 25; flat 500; up 250 +6; flat 2000; down 250 -6; flat 2000";
constexpr const char* k_river_loop = "flat 3500; up 200 +4; down 200 -4; flat 3100";
constexpr const char* k_hill_repeats =
    "flat 2000; stop 45; repeat 6 { up 150 +10.5; down 150 -10.5 }; flat 2000";

// clang-format off: one entry per session reads better than one field per line.
constexpr std::array k_examples{
    // Week 1
    ExampleSpec{.year = 2026, .month = 3, .day = 10, .hour = 18, .minute = 15, .utc_offset_min = 60,
                .slug = "easy-home-loop", .extension = ".gpx", .name = "Easy home loop",
                .summary = "easy 8 km on the flat home loop, with a stop at a traffic light",
                .session = "flat_easy_run",
                .course = k_home_loop,
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::gps, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 20.0, .route = 1},
    ExampleSpec{.year = 2026, .month = 3, .day = 12, .hour = 18, .minute = 15, .utc_offset_min = 60,
                .slug = "hilly-run", .extension = ".fit", .name = "Hilly run",
                .summary = "10 km over four rolling hills (140 m up and down)",
                .session = "hilly_run",
                .course = "flat 1200; up 900 +45; down 500 -25; up 700 +40; flat 600; down 1200 -60; "
                          "up 400 +24; down 800 -24; flat 1200; up 600 +30; down 900 -30; flat 1000",
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 120.0, .route = 10},
    ExampleSpec{.year = 2026, .month = 3, .day = 15, .hour = 9, .minute = 0, .utc_offset_min = 60,
                .slug = "long-run-over-the-ridge", .extension = ".fit", .name = "Long run over the ridge",
                .summary = "18 km point to point: 350 m up a ridge, 380 m down the other side",
                .session = "long_run",
                .course = "flat 3000; up 5000 +350; flat 1500; stop 60; down 4500 -380; flat 4000",
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::smart,
                .layout = Layout::wander, .heading_deg = 200.0, .route = 11},
    // Week 2
    ExampleSpec{.year = 2026, .month = 3, .day = 17, .hour = 18, .minute = 15, .utc_offset_min = 60,
                .slug = "hill-repeats", .extension = ".fit", .name = "Hill repeats 6 x 150 m",
                .summary = "hill repeats: 6 x 150 m at 7 % run hard, jog down, every rep on the same hill",
                .session = "hill_repeats",
                .course = k_hill_repeats,
                .runner = RunnerPreset::repeats, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::every_second,
                .layout = Layout::out_and_back, .heading_deg = 300.0, .route = 3},
    ExampleSpec{.year = 2026, .month = 3, .day = 19, .hour = 18, .minute = 15, .utc_offset_min = 60,
                .slug = "easy-river-loop", .extension = ".tcx", .name = "Easy river loop",
                .summary = "easy 7 km on the flat river loop",
                .session = "flat_easy_run",
                .course = k_river_loop,
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::gps, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 90.0, .route = 2},
    ExampleSpec{.year = 2026, .month = 3, .day = 21, .hour = 10, .minute = 0, .utc_offset_min = 60,
                .slug = "summit-hike", .extension = ".gpx.gz", .name = "Summit hike",
                .summary = "a 10 km hike: 450 m up a 12 % trail, ten minutes at the top, back the same way",
                .session = "hike_or_walk",
                .course = "flat 800; up 3700 +450; flat 400; stop 600; flat 400; down 3700 -450; flat 800",
                .runner = RunnerPreset::walk, .sport = core::Sport::hiking,
                .altitude = AltitudeSensor::gps, .recording = Recording::smart,
                .layout = Layout::out_and_back, .heading_deg = 150.0, .route = 12,
                .dropouts_per_h = 4.0, .spikes_per_h = 1.0},
    ExampleSpec{.year = 2026, .month = 3, .day = 22, .hour = 9, .minute = 0, .utc_offset_min = 60,
                .slug = "long-hilly-run", .extension = ".fit", .name = "Long hilly run",
                .summary = "16 km with three climbs (240 m up and down)",
                .session = "long_run",
                .course = "flat 2000; up 2000 +110; down 1000 -40; up 1500 +90; flat 1000; "
                          "down 2500 -160; flat 1500; up 800 +40; down 1200 -40; flat 2500",
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 250.0, .route = 13},
    // Week 3
    ExampleSpec{.year = 2026, .month = 3, .day = 24, .hour = 18, .minute = 15, .utc_offset_min = 60,
                .slug = "hill-sprints", .extension = ".fit", .name = "Hill sprints 8 x 11 s",
                .summary = "hill sprints: 8 x 40 m at 12 % flat out (about 11 s), walk down, stand",
                .session = "hill_sprints",
                .course = "flat 2500; repeat 8 { up 40 +4.8 sprint; down 40 -4.8 walk; stop 75 }; flat 2500",
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::every_second,
                .layout = Layout::out_and_back, .heading_deg = 45.0, .route = 14},
    ExampleSpec{.year = 2026, .month = 3, .day = 26, .hour = 18, .minute = 15, .utc_offset_min = 60,
                .slug = "easy-home-loop", .extension = ".fit", .name = "Easy home loop",
                .summary = "easy 8 km on the home loop again",
                .session = "flat_easy_run",
                .course = k_home_loop,
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::gps, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 20.0, .route = 1},
    ExampleSpec{.year = 2026, .month = 3, .day = 29, .hour = 9, .minute = 0, .utc_offset_min = 120,
                .slug = "mountain-trail-run", .extension = ".fit", .name = "Mountain trail run",
                .summary = "14 km trail loop, 640 m up (hiking the steepest part) and down; summer time",
                .session = "trail_or_mountain_run",
                .course = "flat 1000; up 2500 +250; up 2000 +300; flat 800; down 1500 -180; "
                          "up 700 +90; flat 500; down 3500 -460; flat 1500",
                .runner = RunnerPreset::easy, .sport = core::Sport::trail_running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 160.0, .route = 15,
                .dropouts_per_h = 3.0, .spikes_per_h = 2.0},
    // Week 4: far more downhill than usual (the session below, a mountain run, a run down from the ridge)
    ExampleSpec{.year = 2026, .month = 3, .day = 31, .hour = 18, .minute = 30, .utc_offset_min = 120,
                .slug = "downhill-session", .extension = ".fit", .name = "Downhill session 5 x 600 m",
                .summary = "downhill repeats: 5 x 600 m at -8 % run hard, walking back up",
                .session = "downhill_focused",
                .course = "flat 1500; up 600 +48; repeat 5 { down 600 -48 hard; "
                          "up 600 +48 walk }; down 600 -48 jog; flat 1500",
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::smart,
                .layout = Layout::out_and_back, .heading_deg = 330.0, .route = 16},
    ExampleSpec{.year = 2026, .month = 4, .day = 2, .hour = 18, .minute = 30, .utc_offset_min = 120,
                .slug = "hilly-run", .extension = ".gpx", .name = "Hilly run",
                .summary = "11 km with a 3 km climb and a long descent (220 m up and down)",
                .session = "hilly_run",
                .course = "flat 1000; up 3000 +180; flat 500; down 2500 -200; "
                          "flat 1000; up 800 +40; down 1200 -20; flat 1000",
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::gps, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 60.0, .route = 17},
    ExampleSpec{.year = 2026, .month = 4, .day = 4, .hour = 8, .minute = 30, .utc_offset_min = 120,
                .slug = "mountain-long-run", .extension = ".fit", .name = "Mountain long run",
                .summary = "18 km: 900 m up to a summit (hiking the steep top), 900 m down in 7 km",
                .session = "trail_or_mountain_run",
                .course = "flat 1500; up 4500 +420; up 3000 +480; flat 500; "
                          "stop 180; down 4000 -520; down 3000 -380; flat 1500",
                .runner = RunnerPreset::easy, .sport = core::Sport::trail_running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 100.0, .route = 18},
    ExampleSpec{.year = 2026, .month = 4, .day = 5, .hour = 10, .minute = 0, .utc_offset_min = 120,
                .slug = "run-down-from-the-ridge", .extension = ".gpx", .name = "Run down from the ridge",
                .summary = "8.5 km easy, point to point and all downhill (330 m down)",
                .session = "downhill_focused",
                .course = "flat 500; down 3000 -180; flat 1500; down 2500 -150; flat 1000",
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::smart,
                .layout = Layout::wander, .heading_deg = 220.0, .route = 19},
    // Week 5
    ExampleSpec{.year = 2026, .month = 4, .day = 7, .hour = 18, .minute = 30, .utc_offset_min = 120,
                .slug = "hill-repeats", .extension = ".fit", .name = "Hill repeats 6 x 150 m",
                .summary = "the hill repeats of 17 March again, on the same hill",
                .session = "hill_repeats",
                .course = k_hill_repeats,
                .runner = RunnerPreset::repeats, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::every_second,
                .layout = Layout::out_and_back, .heading_deg = 300.0, .route = 3},
    ExampleSpec{.year = 2026, .month = 4, .day = 9, .hour = 18, .minute = 30, .utc_offset_min = 120,
                .slug = "easy-river-loop", .extension = ".fit", .name = "Easy river loop",
                .summary = "easy 7 km on the river loop again",
                .session = "flat_easy_run",
                .course = k_river_loop,
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::gps, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 90.0, .route = 2},
    ExampleSpec{.year = 2026, .month = 4, .day = 12, .hour = 9, .minute = 0, .utc_offset_min = 120,
                .slug = "long-run", .extension = ".fit", .name = "Long run",
                .summary = "20 km rolling long run (220 m up and down)",
                .session = "long_run",
                .course = "flat 3000; up 1500 +70; down 1500 -60; flat 2000; up 2500 +120; "
                          "flat 1000; down 3000 -150; up 800 +30; down 1200 -10; flat 3500",
                .runner = RunnerPreset::easy, .sport = core::Sport::running,
                .altitude = AltitudeSensor::barometric, .recording = Recording::smart,
                .layout = Layout::loop, .heading_deg = 280.0, .route = 20},
};
// clang-format on

ExampleActivity make_example(const ExampleSpec& spec, std::size_t index) {
    const long long days = core::days_from_civil(spec.year, spec.month, spec.day);
    const int offset_s = spec.utc_offset_min * 60;
    const double start =
        static_cast<double>(days * 86400LL + spec.hour * 3600LL + spec.minute * 60LL - offset_s);

    ExampleActivity e;
    e.file_name =
        fmt::format("{:04}-{:02}-{:02}-{}{}", spec.year, spec.month, spec.day, spec.slug, spec.extension);
    e.kind = *file_kind_from_name(e.file_name);
    e.local_start = core::format_iso8601_local(start, offset_s);
    e.summary = spec.summary;
    e.session = spec.session;

    SynthesisRequest& r = e.request;
    r.course = spec.course;
    r.course_options.start_elevation_m = k_home_elevation_m;
    r.path = PathOptions{.start_latitude_deg = k_home_latitude_deg,
                         .start_longitude_deg = k_home_longitude_deg,
                         .heading_deg = spec.heading_deg,
                         .layout = spec.layout,
                         .wander = 1.0};
    r.runner = runner_preset(spec.runner);
    r.recorder.altitude = spec.altitude;
    r.recorder.smart_recording = spec.recording == Recording::smart;
    r.recorder.dropouts_per_h = spec.dropouts_per_h;
    r.recorder.spikes_per_h = spec.spikes_per_h;
    r.recorder.temperature = spec.altitude == AltitudeSensor::barometric;
    r.recorder.ambient_temperature_c = spec.month == 3 ? 8.0 : 12.0;
    r.seed = 20260300 + index;
    r.route_seed = 7000 + spec.route;
    r.start_time_s = start;
    r.utc_offset_s = offset_s;
    r.name = spec.name;
    r.sport = spec.sport;
    return e;
}

std::string_view format_word(const FileKind& kind) {
    switch (kind.format) {
        case core::FileFormat::gpx:
            return kind.gzip ? "GPX, gzipped" : "GPX";
        case core::FileFormat::tcx:
            return "TCX";
        case core::FileFormat::fit:
            return "FIT";
    }
    return "";
}

}  // namespace

std::vector<ExampleActivity> example_activities() {
    std::vector<ExampleActivity> out;
    for (std::size_t i = 0; i < k_examples.size(); ++i) out.push_back(make_example(k_examples[i], i));
    return out;
}

std::string examples_readme(const std::vector<ExampleActivity>& examples) {
    std::string md =
        "# Example activities\n\n"
        "Five weeks of one runner's training, as a watch would have recorded it: the files `make demo` runs\n"
        "hillcoach on, and a realistic history for trying the commands yourself. They are synthetic (no "
        "real\n"
        "person's data): each file is a course described in a line of text, run by a model runner and "
        "recorded by\n"
        "a model watch, so what really happened is known exactly. See [docs/synth.md](../docs/synth.md) for "
        "the\n"
        "course language and the runner and recorder models.\n\n"
        "Made with (from the repository root, after `make build`):\n\n"
        "```\nbuild/release/src/app/hillcoach synth --examples examples\n```\n\n"
        "The command writes every file below and this README; the output is the same, byte for byte, each "
        "time.\n\n"
        "The runner lives at 560 m in hilly country (46.80 N, 7.15 E), runs 3-4 times a week with one or two "
        "hill\n"
        "sessions, and in the week of 30 March runs far more downhill than usual. Times are local (Central\n"
        "European Time, summer time from 29 March) and stored in the files as UTC; FIT files keep the "
        "offset.\n"
        "GPS positions carry a slowly wandering error of about 2.5 m; elevations come from a GPS receiver "
        "(errors\n"
        "of several metres) or a barometer (0.2 m steps, slow drift), as noted. Most files use smart "
        "recording\n"
        "(a point every 1-10 s); the hill sessions record every second.\n\n"
        "| file | start (local) | format, altitude | session | course |\n"
        "| --- | --- | --- | --- | --- |\n";
    for (const ExampleActivity& e : examples) {
        const auto& r = e.request;
        md += fmt::format("| `{}` | {} | {}, {} | {} | `{}` |\n", e.file_name, e.local_start.substr(0, 16),
                          format_word(e.kind), to_string(r.recorder.altitude), e.summary, r.course);
    }
    md +=
        "\nThe course column is the description each file was made from (the language of `hillcoach synth "
        "--course`):\nlengths and rises in metres, `stop` in seconds, `repeat N { ... }` run on the same "
        "ground each "
        "time.\n";
    return md;
}

}  // namespace hillcoach::synth
