#pragma once
// Scenario fixtures you can read: a test writes the course it runs and gets an Activity plus the exact truth.
//
//   const auto run = hillcoach::test::build_course("flat 1000; up 1500 +120; down 600 -80; flat 500",
//                                                   {.noise = Noise::gps, .seed = 7});
//   EXPECT_NEAR(total_ascent(run.activity), run.truth.ascent_m, 0.05 * run.truth.ascent_m);
//
// The description language, the runner and the recorder models are those of `hillcoach synth`
// (src/hillcoach/synth/, docs/synth.md): "flat L", "up L +H" / "up L 7%", "down L -H", "stop S",
// "turn left|right|around|A", "repeat N { ... }" (every rep on the same hill), effort words after a stretch
// (easy, tempo, hard, sprint, jog, walk). This header deliberately exposes only core types, so a terrain or
// physiology test that uses it does not depend on the synth module's headers.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::test {

enum class Noise {
    none,        // true positions and elevations (elevation source "unknown")
    positions,   // GPS horizontal error, true elevations
    gps,         // GPS horizontal error and GPS altitude (correlated, several metres)
    barometric,  // GPS horizontal error and barometric altitude (decimetres, 0.2 m steps, slow drift)
};

enum class Runner {
    easy,     // everything easy (2.95 m/s on the flat)
    tempo,    // everything at tempo (3.6 m/s)
    repeats,  // easy, but inside "repeat" blocks ups hard and downs/flats jogged
    walk,     // a hike
};

enum class Layout { wander, loop, out_and_back };

struct CourseBuildOptions {
    Noise noise = Noise::none;
    std::uint64_t seed = 1;
    Runner runner = Runner::easy;
    bool smart_recording = false;  // irregular 1-10 s gaps instead of every second
    bool auto_pause = true;        // "stop" pauses the timer and records nothing; false records standing
    Layout layout = Layout::wander;
    double wander = 1.0;  // 0: straight lines
    double start_elevation_m = 500.0;
    double start_time_s = 1777615200.0;  // 2026-05-01T06:00:00Z
    double dropouts_per_h = 0.0;
    double spikes_per_h = 0.0;
    double baro_trend_m_per_h = 0.0;
    core::Sport sport = core::Sport::running;
};

struct TrueHill {
    double start_m = 0.0;
    double end_m = 0.0;
    double length_m = 0.0;
    double height_m = 0.0;   // gain of a climb, drop of a descent (positive)
    double avg_grade = 0.0;  // signed
    double max_grade = 0.0;  // steepest, signed
    int repeat_block = -1;   // repeat block (text order) of its first stretch, -1 outside any
    int rep = -1;
};

struct CourseTruth {
    double distance_m = 0.0;
    double ascent_m = 0.0;
    double descent_m = 0.0;
    double elapsed_s = 0.0;
    double moving_s = 0.0;
    std::vector<TrueHill> climbs;
    std::vector<TrueHill> descents;
    // Per sample of the activity: where the runner really was.
    std::vector<double> course_distance_m;
    std::vector<double> elevation_m;
    std::vector<double> grade;
    std::vector<double> latitude_deg;
    std::vector<double> longitude_deg;
    // The true profile every metre of course distance (index = metres), the last entry at the finish.
    std::vector<double> elevation_every_metre;
};

struct BuiltCourse {
    core::Activity activity;
    CourseTruth truth;
};

// Builds the course; a description that does not parse throws std::invalid_argument with the
// "course:line:col: error: ..." message (a test's own description is a programming error).
BuiltCourse build_course(std::string_view description, const CourseBuildOptions& options = {});

// Keeps every `every`-th sample (and always the last), as a device recording less often would; laps' sample
// ranges and the per-sample truth are thinned to match. Device totals are unchanged.
BuiltCourse thin(const BuiltCourse& course, std::size_t every);

}  // namespace hillcoach::test
