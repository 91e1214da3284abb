#include "hillcoach/synth/recorder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "hillcoach/core/units.hpp"

namespace hillcoach::synth {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
// Smart recording: gaps of 1-10 s, mostly short (mean about 4 s), and a point as soon as speed changes by
// more than k_smart_speed_change or heart rate by k_smart_hr_change_bpm, as Garmin's smart recording keeps
// "key points" where direction, speed or heart rate change.
constexpr int k_smart_max_gap_s = 10;
constexpr double k_smart_speed_change = 0.15;
constexpr double k_smart_hr_change_bpm = 8.0;
// Spikes: one fix thrown this far off horizontally (m), and this far vertically for GPS altitude (m).
constexpr double k_spike_min_m = 30.0;
constexpr double k_spike_max_m = 150.0;
constexpr double k_spike_altitude_min_m = 15.0;
constexpr double k_spike_altitude_max_m = 60.0;
constexpr long long k_spike_max_s = 4;  // a jump lasts a few fixes, so smart recording sees it too
constexpr double k_dropout_min_s = 3.0;
// Wrist temperature: the watch starts warm from the wrist and settles this far above the air.
constexpr double k_wrist_start_above_ambient_c = 6.0;
constexpr double k_wrist_settle_above_ambient_c = 10.0;
constexpr double k_wrist_settle_s = 900.0;

// GPS dropouts and spikes. Every second draws the same numbers whatever the rates, from a stream of its own,
// so switching the events on moves nothing else.
class RareEvents {
  public:
    RareEvents(const RecorderSettings& settings, Random rng) : m_settings(settings), m_rng(rng) {}

    // Advances one second: moves position (and GPS altitude) during a spike; true while the fix is lost.
    bool advance(LocalPoint& p, double& elevation) {
        const double u_dropout = m_rng.uniform();
        const double u_spike = m_rng.uniform();
        const double dropout_s =
            std::max(k_dropout_min_s, -m_settings.dropout_mean_s * std::log1p(-m_rng.uniform()));
        const long long spike_s = m_rng.integer(1, k_spike_max_s);
        const double size = m_rng.uniform(k_spike_min_m, k_spike_max_m);
        const double direction = m_rng.uniform(0.0, 2.0 * std::numbers::pi);
        const double up =
            m_rng.uniform(k_spike_altitude_min_m, k_spike_altitude_max_m) * (m_rng.chance(0.5) ? 1.0 : -1.0);
        if (m_dropout_left_s <= 0.0 && u_dropout < m_settings.dropouts_per_h / 3600.0)
            m_dropout_left_s = dropout_s;
        if (m_spike_left_s <= 0 && u_spike < m_settings.spikes_per_h / 3600.0) {
            m_spike_left_s = spike_s;
            m_spike = {size * std::sin(direction), size * std::cos(direction)};
            m_spike_up_m = up;
        }
        if (m_spike_left_s > 0) {
            --m_spike_left_s;
            p.east_m += m_spike.east_m;
            p.north_m += m_spike.north_m;
            if (m_settings.altitude == AltitudeSensor::gps) elevation += m_spike_up_m;
        }
        if (m_dropout_left_s <= 0.0) return false;
        m_dropout_left_s -= 1.0;
        return true;
    }

  private:
    const RecorderSettings& m_settings;
    Random m_rng;
    double m_dropout_left_s = 0.0;
    long long m_spike_left_s = 0;
    LocalPoint m_spike;
    double m_spike_up_m = 0.0;
};

// The per-second readings of the sensors, before anything is chosen for recording.
struct Readings {
    std::vector<double> latitude_deg;
    std::vector<double> longitude_deg;
    std::vector<double> elevation_m;
};

Readings read_sensors(const Course& course, const GroundPath& path, const Trajectory& trajectory,
                      const RecorderSettings& settings, const Random& rng) {
    Random gps_rng = rng.fork("gps");
    Random altitude_rng = rng.fork("altitude");
    RareEvents events(settings, rng.fork("events"));
    SmoothCorrelatedNoise east(settings.gps_sigma_m, settings.gps_correlation_s, settings.gps_smoothing_s);
    SmoothCorrelatedNoise north(settings.gps_sigma_m, settings.gps_correlation_s, settings.gps_smoothing_s);
    CorrelatedNoise gps_altitude(settings.gps_altitude_sigma_m, settings.gps_altitude_correlation_s);
    CorrelatedNoise baro_drift(settings.baro_drift_sigma_m, settings.baro_drift_correlation_s);
    east.start(gps_rng);
    north.start(gps_rng);
    gps_altitude.start(altitude_rng);
    baro_drift.start(altitude_rng);
    const double baro_offset = settings.baro_offset_sigma_m * altitude_rng.normal();

    const std::size_t n = trajectory.size();
    // Filled with NaN at construction: g++ 12 at -O3 flags vector::resize of an empty vector as a possible
    // null dereference (a false positive that -Werror would turn into a failed release build).
    Readings r{.latitude_deg = std::vector<double>(n, k_nan),
               .longitude_deg = std::vector<double>(n, k_nan),
               .elevation_m = std::vector<double>(n, k_nan)};
    for (std::size_t t = 0; t < n; ++t) {
        if (t > 0) {
            east.step(1.0, gps_rng);
            north.step(1.0, gps_rng);
            gps_altitude.step(1.0, altitude_rng);
            baro_drift.step(1.0, altitude_rng);
        }
        const double d = trajectory.distance_m[t];
        LocalPoint p = path.local_at(d);
        const double h = course.elevation_at(d);
        double elevation = h;
        switch (settings.altitude) {
            case AltitudeSensor::exact:
                break;
            case AltitudeSensor::gps:
                elevation = h + gps_altitude.value() + settings.gps_altitude_jitter_m * altitude_rng.normal();
                break;
            case AltitudeSensor::barometric: {
                const double trend = settings.baro_trend_m_per_h * static_cast<double>(t) / 3600.0;
                const double raw = h + baro_offset + baro_drift.value() + trend +
                                   settings.baro_jitter_m * altitude_rng.normal();
                elevation = settings.baro_step_m > 0.0
                                ? std::round(raw / settings.baro_step_m) * settings.baro_step_m
                                : raw;
                break;
            }
        }
        if (settings.position_noise) {
            p.east_m += east.value();
            p.north_m += north.value();
        }
        const bool lost = events.advance(p, elevation);
        if (lost) {
            r.latitude_deg[t] = r.longitude_deg[t] = k_nan;
            r.elevation_m[t] = settings.altitude == AltitudeSensor::gps ? k_nan : elevation;
            continue;
        }
        const GeoPoint g = path.to_geographic(p);
        r.latitude_deg[t] = g.latitude_deg;
        r.longitude_deg[t] = g.longitude_deg;
        r.elevation_m[t] = elevation;
    }
    return r;
}

bool paused_at(double t, const std::vector<Trajectory::Stop>& stops) {
    return std::any_of(stops.begin(), stops.end(),
                       [t](const Trajectory::Stop& s) { return t > s.start_s && t < s.end_s; });
}

// The seconds that become samples: every second not auto-paused, or a smart subset of them.
std::vector<std::size_t> choose_seconds(const Trajectory& trajectory, const RecorderSettings& settings,
                                        const Random& rng) {
    const std::vector<Trajectory::Stop> none;
    const auto& stops = settings.auto_pause ? trajectory.stops : none;
    std::vector<std::size_t> candidates;
    for (std::size_t t = 0; t < trajectory.size(); ++t) {
        if (!paused_at(static_cast<double>(t), stops)) candidates.push_back(t);
    }
    if (!settings.smart_recording || candidates.size() < 3) return candidates;

    Random smart = rng.fork("smart");
    auto draw_gap = [&smart] {
        return 1 + static_cast<std::size_t>(
                       std::floor((k_smart_max_gap_s - 1) * std::pow(smart.uniform(), 1.5) + 0.5));
    };
    std::vector<std::size_t> out{candidates.front()};
    std::size_t gap = draw_gap();
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        const std::size_t t = candidates[i];
        const std::size_t last = out.back();
        // Around a pause the watch records the last point before and the first after it.
        const bool edge =
            i + 1 == candidates.size() || candidates[i + 1] != t + 1 || candidates[i - 1] != t - 1;
        const double v_last = trajectory.speed_m_s[last];
        const bool speed_changed =
            std::abs(trajectory.speed_m_s[t] - v_last) > k_smart_speed_change * std::max(v_last, 1.0);
        const bool hr_changed =
            std::abs(trajectory.heart_rate_bpm[t] - trajectory.heart_rate_bpm[last]) >= k_smart_hr_change_bpm;
        if (edge || t - last >= gap || speed_changed || hr_changed) {
            out.push_back(t);
            gap = draw_gap();
        }
    }
    return out;
}

double energy_at(const Trajectory& trajectory, double t) {
    const double clamped = std::clamp(t, 0.0, trajectory.duration_s());
    const auto i = static_cast<std::size_t>(std::floor(clamped));
    if (i + 1 >= trajectory.size()) return trajectory.energy_j_per_kg.back();
    const double f = clamped - static_cast<double>(i);
    return trajectory.energy_j_per_kg[i] +
           f * (trajectory.energy_j_per_kg[i + 1] - trajectory.energy_j_per_kg[i]);
}

// Seconds from the start at which the trajectory reaches course distance `d` (interpolated).
double time_at_distance(const Trajectory& trajectory, double d) {
    const auto& dist = trajectory.distance_m;
    const auto it = std::lower_bound(dist.begin(), dist.end(), d);
    if (it == dist.begin()) return 0.0;
    if (it == dist.end()) return trajectory.duration_s();
    const auto i = static_cast<std::size_t>(it - dist.begin());
    const double span = dist[i] - dist[i - 1];
    return static_cast<double>(i - 1) + (span > 0.0 ? (d - dist[i - 1]) / span : 1.0);
}

// Totals over [from_s, to_s) seconds from the start, as a good watch sums them.
core::DeviceTotals totals_between(const Trajectory& trajectory, const RecorderSettings& settings,
                                  const RecordingClock& clock, double from_s, double to_s) {
    core::DeviceTotals t;
    t.start_time_s = clock.start_time_s + from_s;
    double paused = 0.0;
    if (settings.auto_pause) {
        for (const auto& s : trajectory.stops)
            paused += std::max(0.0, std::min(to_s, s.end_s) - std::max(from_s, s.start_s));
    }
    t.elapsed_s = to_s - from_s;
    t.timer_s = *t.elapsed_s - paused;
    double hr_sum = 0.0;
    double hr_max = 0.0;
    double v_max = 0.0;
    std::size_t hr_count = 0;
    const auto first = static_cast<std::size_t>(std::ceil(from_s));
    for (std::size_t i = first; i < trajectory.size() && static_cast<double>(i) <= to_s; ++i) {
        if (settings.auto_pause && paused_at(static_cast<double>(i), trajectory.stops)) continue;
        const double hr = std::round(trajectory.heart_rate_bpm[i]);
        hr_sum += hr;
        hr_max = std::max(hr_max, hr);
        v_max = std::max(v_max, trajectory.speed_m_s[i]);
        ++hr_count;
    }
    if (settings.heart_rate && hr_count > 0) {
        t.avg_heart_rate_bpm = std::round(hr_sum / static_cast<double>(hr_count));
        t.max_heart_rate_bpm = hr_max;
    }
    t.max_speed_m_s = std::round(v_max * 1000.0) / 1000.0;
    const double energy_j = (energy_at(trajectory, to_s) - energy_at(trajectory, from_s)) * clock.mass_kg;
    t.calories_kcal = std::round(core::units::joules_to_kcal(energy_j));
    return t;
}

void add_laps(core::Activity& a, const Course& course, const Trajectory& trajectory,
              const RecorderSettings& settings, const RecordingClock& clock) {
    std::vector<double> bounds_m{0.0};
    if (settings.lap_distance_m > 0.0) {
        for (double d = settings.lap_distance_m; d < course.length_m() - 1e-6; d += settings.lap_distance_m) {
            bounds_m.push_back(d);
        }
    }
    bounds_m.push_back(course.length_m());
    const auto& time = a.samples.time_s;
    for (std::size_t k = 0; k + 1 < bounds_m.size(); ++k) {
        const bool last = k + 2 == bounds_m.size();
        const double from_s = k == 0 ? 0.0 : time_at_distance(trajectory, bounds_m[k]);
        const double to_s = last ? trajectory.duration_s() : time_at_distance(trajectory, bounds_m[k + 1]);
        core::Lap lap;
        lap.totals = totals_between(trajectory, settings, clock, from_s, to_s);
        lap.totals.distance_m = bounds_m[k + 1] - bounds_m[k];
        const ElevationChange change = course.change_between(bounds_m[k], bounds_m[k + 1]);
        lap.totals.ascent_m = std::round(change.ascent_m);
        lap.totals.descent_m = std::round(change.descent_m);
        const auto sample_at = [&](double s) {
            return static_cast<std::size_t>(
                std::lower_bound(time.begin(), time.end(), clock.start_time_s + s) - time.begin());
        };
        lap.first_sample = sample_at(from_s);
        lap.end_sample = last ? time.size() : sample_at(to_s);
        lap.intensity = "active";
        lap.trigger = last ? "session_end" : "distance";
        a.laps.push_back(std::move(lap));
    }
}

}  // namespace

std::string_view to_string(AltitudeSensor sensor) {
    switch (sensor) {
        case AltitudeSensor::exact:
            return "exact";
        case AltitudeSensor::gps:
            return "gps";
        case AltitudeSensor::barometric:
            return "barometric";
    }
    return "exact";
}

RecorderSettings exact_recorder() {
    RecorderSettings s;
    s.altitude = AltitudeSensor::exact;
    s.position_noise = false;
    return s;
}

Recording record(const Course& course, const GroundPath& path, const Trajectory& trajectory,
                 const RecorderSettings& settings, const RecordingClock& clock, const Random& rng) {
    Recording out;
    core::Activity& a = out.activity;
    if (trajectory.size() == 0) return out;
    const Readings readings = read_sensors(course, path, trajectory, settings, rng);
    Random sensor_rng = rng.fork("sensors");
    out.second = choose_seconds(trajectory, settings, rng);

    core::Samples& s = a.samples;
    s.resize(out.second.size());
    for (std::size_t i = 0; i < out.second.size(); ++i) {
        const std::size_t t = out.second[i];
        s.time_s[i] = clock.start_time_s + static_cast<double>(t);
        s.latitude_deg[i] = readings.latitude_deg[t];
        s.longitude_deg[i] = readings.longitude_deg[t];
        s.elevation_m[i] = readings.elevation_m[t];
        s.distance_m[i] = std::round(trajectory.distance_m[t] * 100.0) / 100.0;
        s.speed_m_s[i] = std::round(trajectory.speed_m_s[t] * 1000.0) / 1000.0;
        if (settings.heart_rate) s.heart_rate_bpm[i] = std::round(trajectory.heart_rate_bpm[t]);
        if (settings.cadence) s.cadence_rpm[i] = std::round(trajectory.cadence_rpm[t]);
        if (settings.temperature) {
            const double warm = k_wrist_start_above_ambient_c +
                                (k_wrist_settle_above_ambient_c - k_wrist_start_above_ambient_c) *
                                    (1.0 - std::exp(-static_cast<double>(t) / k_wrist_settle_s));
            s.temperature_c[i] =
                std::round(settings.ambient_temperature_c + warm + 0.3 * sensor_rng.normal());
        }
    }
    if (settings.auto_pause) {
        for (const auto& stop : trajectory.stops) {
            a.pauses.push_back({clock.start_time_s + stop.start_s, clock.start_time_s + stop.end_s});
        }
    }

    a.device = totals_between(trajectory, settings, clock, 0.0, trajectory.duration_s());
    a.device.distance_m = course.length_m();
    a.device.ascent_m = std::round(course.ascent_m());
    a.device.descent_m = std::round(course.descent_m());
    add_laps(a, course, trajectory, settings, clock);
    a.metadata.start_time_s = clock.start_time_s;
    a.elevation_source = settings.altitude == AltitudeSensor::gps          ? core::ElevationSource::gps
                         : settings.altitude == AltitudeSensor::barometric ? core::ElevationSource::barometric
                                                                           : core::ElevationSource::unknown;
    return out;
}

}  // namespace hillcoach::synth
