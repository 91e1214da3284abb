#pragma once
// One call from a course description and settings to a recorded Activity and the ground truth behind it.
// Deterministic: the same request gives the same activity, bit for bit, on every platform (random.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/synth/course.hpp"
#include "hillcoach/synth/ground_path.hpp"
#include "hillcoach/synth/recorder.hpp"
#include "hillcoach/synth/runner.hpp"

namespace hillcoach::synth {

struct SynthesisRequest {
    std::string course;  // the description (course_text.hpp)
    CourseOptions course_options{};
    PathOptions path{};
    RunnerSettings runner{};
    RecorderSettings recorder{};
    std::uint64_t seed = 1;  // runner and recorder variation
    // The path's bends; defaults to `seed`. Give two activities the same route seed (and start, heading and
    // course) to run the same route again: the same hills at the same coordinates.
    std::optional<std::uint64_t> route_seed{};
    double start_time_s = 0.0;          // UTC seconds since the epoch
    std::optional<int> utc_offset_s{};  // local offset at the start
    std::string name{};
    core::Sport sport = core::Sport::running;
};

// What really happened, for tests to compare against.
struct GroundTruth {
    double distance_m = 0.0;  // course length (horizontal)
    double ascent_m = 0.0;    // exact, from the profile
    double descent_m = 0.0;
    double min_elevation_m = 0.0;
    double max_elevation_m = 0.0;
    double elapsed_s = 0.0;  // first to last sample
    double moving_s = 0.0;   // elapsed minus the standing stops
    double stop_s = 0.0;
    std::vector<TrueHill> climbs{};
    std::vector<TrueHill> descents{};
    // One entry per recorded sample (Activity::samples): where the runner really was.
    std::vector<double> course_distance_m{};
    std::vector<double> elevation_m{};
    std::vector<double> grade{};
    std::vector<double> latitude_deg{};
    std::vector<double> longitude_deg{};
};

struct Synthesis {
    core::Activity activity;
    GroundTruth truth;
    Course course;
    Trajectory trajectory;  // the runner's 1 s motion, before recording
};

// Errors: the course description's (invalid_argument, "course:line:col: ..."), or a loop that cannot close.
core::Expected<Synthesis> synthesize(const SynthesisRequest& request);

}  // namespace hillcoach::synth
