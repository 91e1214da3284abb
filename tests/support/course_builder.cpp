#include "support/course_builder.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "hillcoach/synth/synthesize.hpp"

namespace hillcoach::test {
namespace {

synth::RecorderSettings recorder_for(const CourseBuildOptions& o) {
    synth::RecorderSettings r;
    switch (o.noise) {
        case Noise::none:
            r = synth::exact_recorder();
            break;
        case Noise::positions:
            r.altitude = synth::AltitudeSensor::exact;
            break;
        case Noise::gps:
            r.altitude = synth::AltitudeSensor::gps;
            break;
        case Noise::barometric:
            r.altitude = synth::AltitudeSensor::barometric;
            break;
    }
    r.smart_recording = o.smart_recording;
    r.auto_pause = o.auto_pause;
    r.dropouts_per_h = o.dropouts_per_h;
    r.spikes_per_h = o.spikes_per_h;
    r.baro_trend_m_per_h = o.baro_trend_m_per_h;
    return r;
}

synth::RunnerPreset preset_for(Runner runner) {
    switch (runner) {
        case Runner::easy:
            return synth::RunnerPreset::easy;
        case Runner::tempo:
            return synth::RunnerPreset::tempo;
        case Runner::repeats:
            return synth::RunnerPreset::repeats;
        case Runner::walk:
            return synth::RunnerPreset::walk;
    }
    return synth::RunnerPreset::easy;
}

synth::Layout layout_for(Layout layout) {
    switch (layout) {
        case Layout::wander:
            return synth::Layout::wander;
        case Layout::loop:
            return synth::Layout::loop;
        case Layout::out_and_back:
            return synth::Layout::out_and_back;
    }
    return synth::Layout::wander;
}

std::vector<TrueHill> copy_hills(const std::vector<synth::TrueHill>& hills) {
    std::vector<TrueHill> out;
    for (const auto& h : hills) {
        out.push_back({.start_m = h.start_m,
                       .end_m = h.end_m,
                       .length_m = h.length_m,
                       .height_m = h.height_m,
                       .avg_grade = h.avg_grade,
                       .max_grade = h.max_grade,
                       .repeat_block = h.repeat_block,
                       .rep = h.rep});
    }
    return out;
}

template <typename T>
std::vector<T> every_nth(const std::vector<T>& v, const std::vector<std::size_t>& keep) {
    std::vector<T> out;
    out.reserve(keep.size());
    for (const std::size_t i : keep) out.push_back(v[i]);
    return out;
}

}  // namespace

BuiltCourse build_course(std::string_view description, const CourseBuildOptions& options) {
    synth::SynthesisRequest request;
    request.course = std::string(description);
    request.course_options.start_elevation_m = options.start_elevation_m;
    request.path.layout = layout_for(options.layout);
    request.path.wander = options.wander;
    request.runner = synth::runner_preset(preset_for(options.runner));
    request.recorder = recorder_for(options);
    request.seed = options.seed;
    request.start_time_s = options.start_time_s;
    request.name = "synthetic course";
    request.sport = options.sport;
    auto result = synth::synthesize(request);
    if (!result) throw std::invalid_argument(result.error().message());

    BuiltCourse out;
    out.activity = std::move(result->activity);
    const synth::GroundTruth& t = result->truth;
    out.truth.distance_m = t.distance_m;
    out.truth.ascent_m = t.ascent_m;
    out.truth.descent_m = t.descent_m;
    out.truth.elapsed_s = t.elapsed_s;
    out.truth.moving_s = t.moving_s;
    out.truth.climbs = copy_hills(t.climbs);
    out.truth.descents = copy_hills(t.descents);
    out.truth.course_distance_m = t.course_distance_m;
    out.truth.elevation_m = t.elevation_m;
    out.truth.grade = t.grade;
    out.truth.latitude_deg = t.latitude_deg;
    out.truth.longitude_deg = t.longitude_deg;
    const synth::Course& course = result->course;
    for (double d = 0.0; d < course.length_m(); d += 1.0)
        out.truth.elevation_every_metre.push_back(course.elevation_at(d));
    out.truth.elevation_every_metre.push_back(course.elevation_at(course.length_m()));
    return out;
}

BuiltCourse thin(const BuiltCourse& course, std::size_t every) {
    if (every == 0) throw std::invalid_argument("thin: every must be at least 1");
    const std::size_t n = course.activity.samples.size();
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < n; i += every) keep.push_back(i);
    if (n > 0 && keep.back() != n - 1) keep.push_back(n - 1);

    BuiltCourse out;
    out.activity = course.activity;
    core::Samples& s = out.activity.samples;
    const core::Samples& from = course.activity.samples;
    s.time_s = every_nth(from.time_s, keep);
    s.latitude_deg = every_nth(from.latitude_deg, keep);
    s.longitude_deg = every_nth(from.longitude_deg, keep);
    s.elevation_m = every_nth(from.elevation_m, keep);
    s.distance_m = every_nth(from.distance_m, keep);
    s.speed_m_s = every_nth(from.speed_m_s, keep);
    s.heart_rate_bpm = every_nth(from.heart_rate_bpm, keep);
    s.cadence_rpm = every_nth(from.cadence_rpm, keep);
    s.power_w = every_nth(from.power_w, keep);
    s.temperature_c = every_nth(from.temperature_c, keep);
    // A lap starts at the first kept sample at or after its old first sample.
    const auto new_index = [&keep](std::size_t old_index) {
        return static_cast<std::size_t>(std::lower_bound(keep.begin(), keep.end(), old_index) - keep.begin());
    };
    for (core::Lap& lap : out.activity.laps) {
        lap.first_sample = new_index(lap.first_sample);
        lap.end_sample = new_index(lap.end_sample);
    }
    out.truth = course.truth;
    out.truth.course_distance_m = every_nth(course.truth.course_distance_m, keep);
    out.truth.elevation_m = every_nth(course.truth.elevation_m, keep);
    out.truth.grade = every_nth(course.truth.grade, keep);
    out.truth.latitude_deg = every_nth(course.truth.latitude_deg, keep);
    out.truth.longitude_deg = every_nth(course.truth.longitude_deg, keep);
    return out;
}

}  // namespace hillcoach::test
