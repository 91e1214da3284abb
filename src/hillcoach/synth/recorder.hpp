#pragma once
// What a device writes while the runner runs: the true motion (runner.hpp) on the true ground (course.hpp,
// ground_path.hpp) seen through a GPS receiver and an altimeter, plus the totals a good watch stores.
//
// Errors (docs/synth.md gives the reasons for each number):
//   - horizontal position: a correlated error per axis (east, north), sigma gps_sigma_m, correlated over
//     gps_correlation_s and smoothed over gps_smoothing_s: the slowly wandering offset of a consumer GPS, whose
//     filtered fixes move by decimetres from one second to the next, not independent jitter per fix;
//   - GPS altitude: a correlated error of several metres (sigma gps_altitude_sigma_m over
//     gps_altitude_correlation_s) plus jitter; GPS vertical error is 2-3 times the horizontal;
//   - barometric altitude: a constant calibration offset, a slow drift (weather, temperature), decimetre
//   jitter,
//     and the sensor's 0.2 m steps;
//   - optional GPS dropouts (position, and GPS altitude, missing for a few to tens of seconds) and spikes
//   (one
//     fix thrown tens of metres off).
// All error processes are stepped once per second whatever is recorded, so a smart recording is exactly a
// subset of the 1 s recording with the same errors.
//
// Totals are what a good watch records: distance the true course distance, ascent and descent the true
// profile's (whole metres, as FIT stores them), timer time without the auto-paused stops, calories from the
// runner's metabolic energy; laps every lap_distance_m (Garmin's auto-lap default of 1 km).

#include <cstddef>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/synth/course.hpp"
#include "hillcoach/synth/ground_path.hpp"
#include "hillcoach/synth/random.hpp"
#include "hillcoach/synth/runner.hpp"

namespace hillcoach::synth {

enum class AltitudeSensor : unsigned char { exact, gps, barometric };
std::string_view to_string(AltitudeSensor sensor);

struct RecorderSettings {
    AltitudeSensor altitude = AltitudeSensor::gps;
    bool position_noise = true;  // false: true positions
    double gps_sigma_m = 2.5;    // per axis
    double gps_correlation_s = 30.0;
    double gps_smoothing_s = 4.0;
    double gps_altitude_sigma_m = 4.0;
    double gps_altitude_correlation_s = 90.0;
    double gps_altitude_jitter_m = 0.6;
    double baro_offset_sigma_m = 3.0;  // calibration error, constant over the activity
    double baro_drift_sigma_m = 1.0;
    double baro_drift_correlation_s = 1200.0;
    double baro_trend_m_per_h = 0.0;  // a steady pressure change (weather front), as false climbing
    double baro_jitter_m = 0.08;
    double baro_step_m = 0.2;
    double dropouts_per_h = 0.0;  // GPS signal lost (trees, bridges, buildings)
    double dropout_mean_s = 20.0;
    double spikes_per_h = 0.0;       // one wild fix
    bool smart_recording = false;    // irregular 1-10 s gaps, as Garmin's "smart" recording
    bool auto_pause = true;          // stops pause the timer and record nothing while standing
    double lap_distance_m = 1000.0;  // auto-lap; 0 for one lap
    bool heart_rate = true;
    bool cadence = true;
    bool temperature = false;  // wrist temperature (watches with a barometer have a thermometer)
    double ambient_temperature_c = 12.0;
};

// A noise-free recorder: true positions and elevations, every second.
RecorderSettings exact_recorder();

struct RecordingClock {
    double start_time_s = 0.0;  // UTC seconds since the epoch
    double mass_kg = 68.0;      // for the calorie estimate
};

struct Recording {
    core::Activity activity;
    std::vector<std::size_t> second;  // per recorded sample: its index in the trajectory (seconds from start)
};

// Metadata other than start time is left for the caller (synthesize.hpp).
Recording record(const Course& course, const GroundPath& path, const Trajectory& trajectory,
                 const RecorderSettings& settings, const RecordingClock& clock, const Random& rng);

}  // namespace hillcoach::synth
