#pragma once
// The Course: the cleaned, distance-indexed course of one activity, as terrain:: builds it from an Activity
// and as physiology:: and analysis:: read it. It keeps the Activity's sample indexing (sample i here is
// sample i there), so any channel can be looked up beside the cleaned ones.
//
// Per-sample channels describe the interval that ENDS at the sample: for i > 0, the step from i-1 to i
// (step distance = distance_m[i] - distance_m[i-1], step time = time_s[i] - time_s[i-1]); entry 0 is the start.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::terrain {

// Which measurement the course distance comes from (reported to the user, docs/models.md).
enum class DistanceSource { none, positions, device };
std::string_view to_string(DistanceSource s);

struct Course {
    // Per sample (same length as the Activity's samples).
    std::vector<double> time_s;           // UTC seconds; NaN where the file has no time
    std::vector<double> distance_m;       // cumulative, from 0; stationary GPS jitter removed
    std::vector<double> elevation_m;      // cleaned and smoothed; NaN everywhere when there is no elevation
    std::vector<double> grade;            // fraction (0.10 = 10 %), over the grade window; NaN without elevation
    std::vector<double> speed_m_s;        // smoothed speed over the step; NaN without time
    std::vector<double> heart_rate_bpm;   // as recorded (NaN where absent)
    std::vector<std::uint8_t> moving;     // 1 when the step ending here counts as moving (not paused/stopped)
    // The clean (barometric) elevation smoothed over k_repeat_window_m instead of the ascent window, for
    // finding short hill-sprint reps (repeats.hpp); empty where there is none (noisy GPS, DEM, no elevation),
    // and reps are then looked for on elevation_m.
    std::vector<double> repeat_elevation_m;
    // Seconds of the step ending here spent moving: the part of it the timer ran (a step across an auto-pause
    // holds seconds of standing the timer did not count), 0 on a step that is not moving, entry 0 is 0. Every
    // speed or time per step (grade bands, climbs, reps, session type, grade-adjusted pace, load) reads this,
    // never time_s[i] - time_s[i - 1].
    std::vector<double> moving_step_s;

    // Totals.
    double distance_m_total = 0.0;
    // The cleaned GPS track's length (distance.hpp, track_distance), whatever distance_source says: what
    // `info` reports as the distance from positions. nullopt without a track.
    std::optional<double> track_length_m;
    std::optional<double> elapsed_s;      // first to last timed sample
    std::optional<double> moving_s;       // elapsed minus pauses and stops
    std::optional<double> ascent_m;       // cleaned total ascent; nullopt without elevation
    std::optional<double> descent_m;

    core::ElevationSource elevation_source = core::ElevationSource::none;
    DistanceSource distance_source = DistanceSource::none;
    // Plain-language notes on the choices made ("device distance used: within 1.2 % of the GPS track").
    std::vector<std::string> notes;

    std::size_t size() const { return distance_m.size(); }
};

}  // namespace hillcoach::terrain
