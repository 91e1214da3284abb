#include "hillcoach/synth/synthesize.hpp"

#include <utility>

#include <fmt/format.h>

namespace hillcoach::synth {
namespace {

std::string_view sport_word(core::Sport sport) {
    switch (sport) {
        case core::Sport::trail_running:
        case core::Sport::running:
        case core::Sport::treadmill_running:
            return "running";
        case core::Sport::walking:
            return "walking";
        case core::Sport::hiking:
            return "hiking";
        default:
            return core::to_string(sport);
    }
}

void describe(core::Metadata& m, const SynthesisRequest& request) {
    m.sport = request.sport;
    m.sport_raw = sport_word(request.sport);
    if (request.sport == core::Sport::trail_running) m.sub_sport = "trail";
    m.manufacturer = "development";
    m.product = "hillcoach-synth";
    m.creator = "hillcoach synth";
    m.name = request.name;
    m.description = fmt::format("synthetic: course \"{}\"; altitude {}; seed {}", request.course,
                                to_string(request.recorder.altitude), request.seed);
    m.start_time_s = request.start_time_s;
    m.utc_offset_s = request.utc_offset_s;
}

GroundTruth truth_of(const Course& course, const GroundPath& path, const Trajectory& trajectory,
                     const Recording& recording) {
    GroundTruth t;
    t.distance_m = course.length_m();
    t.ascent_m = course.ascent_m();
    t.descent_m = course.descent_m();
    t.min_elevation_m = course.min_elevation_m();
    t.max_elevation_m = course.max_elevation_m();
    t.elapsed_s = trajectory.duration_s();
    for (const auto& stop : trajectory.stops) t.stop_s += stop.end_s - stop.start_s;
    t.moving_s = t.elapsed_s - t.stop_s;
    t.climbs = course.climbs();
    t.descents = course.descents();
    const std::size_t n = recording.second.size();
    t.course_distance_m.reserve(n);
    for (const std::size_t second : recording.second) {
        const double d = trajectory.distance_m[second];
        const GeoPoint p = path.at(d);
        t.course_distance_m.push_back(d);
        t.elevation_m.push_back(course.elevation_at(d));
        t.grade.push_back(course.grade_at(d));
        t.latitude_deg.push_back(p.latitude_deg);
        t.longitude_deg.push_back(p.longitude_deg);
    }
    return t;
}

}  // namespace

core::Expected<Synthesis> synthesize(const SynthesisRequest& request) {
    auto course = Course::parse(request.course, request.course_options);
    if (!course) return course.error();
    const Random root(request.seed);
    const Random route(request.route_seed.value_or(request.seed));
    auto path = GroundPath::lay(*course, request.path, route.fork("path"));
    if (!path) return path.error();
    Trajectory trajectory = run_course(*course, request.runner, root.fork("runner"));
    Recording recording =
        record(*course, *path, trajectory, request.recorder,
               RecordingClock{.start_time_s = request.start_time_s, .mass_kg = request.runner.mass_kg},
               root.fork("recorder"));
    describe(recording.activity.metadata, request);
    GroundTruth truth = truth_of(*course, *path, trajectory, recording);
    return Synthesis{.activity = std::move(recording.activity),
                     .truth = std::move(truth),
                     .course = std::move(*course),
                     .trajectory = std::move(trajectory)};
}

}  // namespace hillcoach::synth
