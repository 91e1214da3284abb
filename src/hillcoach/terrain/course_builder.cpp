#include "hillcoach/terrain/course_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "hillcoach/terrain/ascent.hpp"
#include "hillcoach/terrain/distance.hpp"
#include "hillcoach/terrain/elevation_clean.hpp"
#include "hillcoach/terrain/elevation_source.hpp"
#include "hillcoach/terrain/grade.hpp"
#include "hillcoach/terrain/moving_time.hpp"

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

bool any_finite(const std::vector<double>& v) {
    return std::any_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

// Moving flags and moving time: a step counts when the timer ran and the runner was not standing at both
// ends.
void judge_moving(const std::vector<double>& running, const std::vector<std::uint8_t>& stationary,
                  Course& c) {
    const std::size_t n = running.size();
    c.moving.assign(n, 0);
    c.moving_step_s.assign(n, 0.0);
    double moving_s = 0.0;
    double standing_s = 0.0;
    for (std::size_t i = 1; i < n; ++i) {
        if (running[i] <= 0.0) continue;
        if (stationary[i] && stationary[i - 1]) {
            standing_s += running[i];
            continue;
        }
        c.moving[i] = 1;
        c.moving_step_s[i] = running[i];
        moving_s += running[i];
    }
    if (!any_finite(c.time_s)) return;
    c.moving_s = moving_s;
    c.elapsed_s = 0.0;
    double first = k_nan;
    double last = k_nan;
    for (double t : c.time_s) {
        if (!std::isfinite(t)) continue;
        if (!std::isfinite(first)) first = t;
        last = std::max(std::isfinite(last) ? last : t, t);
    }
    c.elapsed_s = last - first;
    if (standing_s > 0.0) {
        c.notes.push_back(fmt::format(
            "{:.0f} s standing still with the timer running left out of moving time", standing_s));
    }
}

// Speed over a centred window of k_speed_half_window_s each side: course distance gained over moving time
// spent; 0 for a step that is not moving (standing, paused). Entry 0 takes the window after the start.
std::vector<double> speed_series(const Course& c) {
    const std::size_t n = c.size();
    std::vector<double> moving_clock(n, 0.0);
    for (std::size_t i = 1; i < n; ++i) moving_clock[i] = moving_clock[i - 1] + c.moving_step_s[i];
    std::vector<double> speed(n, k_nan);
    const auto& t = c.time_s;
    std::size_t back = 0;
    std::size_t fwd = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(t[i])) continue;
        while (back < i && !(t[back] >= t[i] - k_speed_half_window_s)) ++back;
        if (fwd < i) fwd = i;
        while (fwd + 1 < n && !(t[fwd + 1] > t[i] + k_speed_half_window_s)) ++fwd;
        const double dt = moving_clock[fwd] - moving_clock[back];
        speed[i] = c.moving[i] && dt > 0.0 ? std::max(0.0, c.distance_m[fwd] - c.distance_m[back]) / dt : 0.0;
    }
    return speed;
}

// With no distance at all, elevation is profiled over seconds from the start as
// if at 1 m/s (a watch with a barometer but no GPS or distance channel): the profile still gets smoothed and
// the hysteresis still applies.
std::vector<double> time_axis(const Course& c) {
    std::vector<double> axis(c.size(), 0.0);
    double first = k_nan;
    double last = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (std::isfinite(c.time_s[i])) {
            if (!std::isfinite(first)) first = c.time_s[i];
            last = std::max(last, c.time_s[i] - first);
        }
        axis[i] = last;
    }
    return axis;
}

struct ElevationInput {
    std::vector<double> dem_elevation_m;  // filled when the DEM replaces the channel
    core::ElevationSource source = core::ElevationSource::none;
    ElevationNoise noise = ElevationNoise::noisy;
};

ElevationInput choose_elevation(const core::Activity& a, const Course& c, const CourseOptions& options,
                                std::vector<std::string>& notes) {
    ElevationInput in;
    const ElevationSourceDecision decision = detect_elevation_source(a, c.distance_m);
    in.source = decision.source;
    in.noise = decision.noisy ? ElevationNoise::noisy : ElevationNoise::clean;
    if (options.dem && a.has_positions()) {
        if (decision.source == core::ElevationSource::barometric) {
            notes.push_back(decision.reason);
            notes.push_back(fmt::format("DEM {} not used: barometric elevation measures ascent better",
                                        options.dem->description()));
            return in;
        }
        std::vector<double> dem = options.dem->sample(a.samples.latitude_deg, a.samples.longitude_deg);
        const auto covered = std::count_if(dem.begin(), dem.end(), [](double v) { return std::isfinite(v); });
        const auto with_position = std::count_if(a.samples.latitude_deg.begin(), a.samples.latitude_deg.end(),
                                                 [](double v) { return std::isfinite(v); });
        if (covered >= 2) {
            notes.push_back(fmt::format(
                "elevation source: dem ({}, {} of {} positions covered){}", options.dem->description(),
                covered, with_position,
                decision.source == core::ElevationSource::none
                    ? std::string()
                    : fmt::format("; replaces the recorded {} elevation", core::to_string(decision.source))));
            in.dem_elevation_m = std::move(dem);
            in.source = core::ElevationSource::dem;
            in.noise = ElevationNoise::dem;
            return in;
        }
        notes.push_back(
            fmt::format("DEM {} not used: it does not cover the track", options.dem->description()));
    }
    notes.push_back(decision.reason);
    return in;
}

void fill_elevation(const core::Activity& a, const CourseOptions& options, Course& c,
                    DistanceProfile& profile) {
    const std::size_t n = c.size();
    c.elevation_m.assign(n, k_nan);
    c.grade.assign(n, k_nan);
    ElevationInput in = choose_elevation(a, c, options, c.notes);
    const std::vector<double>& raw = in.dem_elevation_m.empty() ? a.samples.elevation_m : in.dem_elevation_m;
    if (in.source == core::ElevationSource::none) {
        c.elevation_source = core::ElevationSource::none;
        return;
    }
    const std::vector<double> time_based =
        c.distance_source == DistanceSource::none ? time_axis(c) : std::vector<double>{};
    const std::vector<double>& axis = c.distance_source == DistanceSource::none ? time_based : c.distance_m;
    const CleanedElevation cleaned = clean_elevation(raw, axis, c.time_s, pause_steps(a));
    if (!cleaned.valid) {
        c.elevation_source = core::ElevationSource::none;
        c.notes.push_back("no usable elevation: fewer than two plausible values");
        return;
    }
    c.elevation_source = in.source;
    if (cleaned.absurd + cleaned.zeros + cleaned.spikes > 0) {
        c.notes.push_back(
            fmt::format("elevation cleaned: {} spike(s), {} zero dropout(s), {} impossible value(s) removed",
                        cleaned.spikes, cleaned.zeros, cleaned.absurd));
    }
    if (cleaned.levelled > 0) {
        c.notes.push_back(fmt::format(
            "elevation levelled across {} timer pause(s): {:.1f} m of change while paused not counted",
            cleaned.levelled, cleaned.levelled_m));
    }
    if (c.distance_source == DistanceSource::none) {
        c.notes.push_back("no distance: elevation smoothed over time (as if at 1 m/s)");
    }
    const double window = smoothing_window_m(in.noise);
    DistanceProfile raw_profile = distance_profile(cleaned.elevation_m, axis);
    if (in.noise == ElevationNoise::clean && k_repeat_window_m < window) {
        const DistanceProfile sharp = smooth_profile(raw_profile, k_repeat_window_m);
        c.repeat_elevation_m.resize(n);
        for (std::size_t i = 0; i < n; ++i) c.repeat_elevation_m[i] = sharp.at(axis[i]);
    }
    profile = smooth_profile(std::move(raw_profile), window);
    for (std::size_t i = 0; i < n; ++i) c.elevation_m[i] = profile.at(axis[i]);
    c.grade = grade_series(profile, axis);
    const AscentDescent total = ascent_descent(profile.elevation_m(), in.noise);
    c.ascent_m = total.ascent_m;
    c.descent_m = total.descent_m;
    c.notes.push_back(fmt::format("ascent {:.0f} m, descent {:.0f} m: {} channel smoothed over {:.0f} m, {}",
                                  total.ascent_m, total.descent_m, to_string(in.noise), window,
                                  hysteresis_text(in.noise)));
}

}  // namespace

CourseWithProfile build_course_with_profile(const core::Activity& activity, const CourseOptions& options) {
    CourseWithProfile out;
    Course& c = out.course;
    const core::Samples& s = activity.samples;
    c.time_s = s.time_s;
    c.heart_rate_bpm = s.heart_rate_bpm;

    const std::vector<double> running = timer_running_s(activity);
    CourseDistance distance = course_distance(s, running, {.prefer_device = options.prefer_device_distance});
    c.distance_m = std::move(distance.distance_m);
    c.distance_source = distance.source;
    c.track_length_m = distance.track_length_m;
    c.distance_m_total = c.distance_m.empty() ? 0.0 : c.distance_m.back();
    c.notes = std::move(distance.notes);

    judge_moving(running, distance.stationary, c);
    c.speed_m_s = speed_series(c);
    fill_elevation(activity, options, c, out.profile);
    return out;
}

Course build_course(const core::Activity& activity, const CourseOptions& options) {
    return build_course_with_profile(activity, options).course;
}

}  // namespace hillcoach::terrain
