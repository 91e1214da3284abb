#include "hillcoach/synth/recorder.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include <gtest/gtest.h>
#include <GeographicLib/Geodesic.hpp>

namespace hillcoach::synth {
namespace {

struct World {
    Course course;
    GroundPath path;
    Trajectory trajectory;
};

World world(const char* text, RunnerPreset preset = RunnerPreset::easy, std::uint64_t seed = 1) {
    auto course = Course::parse(text);
    if (!course) throw std::runtime_error(course.error().message());
    auto path = GroundPath::lay(*course, {}, Random(seed));
    if (!path) throw std::runtime_error(path.error().message());
    Trajectory t = run_course(*course, runner_preset(preset), Random(seed + 1));
    return {std::move(*course), std::move(*path), std::move(t)};
}

Recording record_with(const World& w, const RecorderSettings& settings, std::uint64_t seed = 2) {
    return record(w.course, w.path, w.trajectory, settings, {.start_time_s = 1.7e9, .mass_kg = 68.0},
                  Random(seed));
}

// East and north error of each sample against the true position, in metres.
struct Errors {
    std::vector<double> east;
    std::vector<double> north;
};

Errors horizontal_errors(const World& w, const Recording& r) {
    const auto& geodesic = GeographicLib::Geodesic::WGS84();
    Errors e;
    for (std::size_t i = 0; i < r.second.size(); ++i) {
        const GeoPoint truth = w.path.at(w.trajectory.distance_m[r.second[i]]);
        const double lat = r.activity.samples.latitude_deg[i];
        const double lon = r.activity.samples.longitude_deg[i];
        if (std::isnan(lat)) continue;
        double s12 = 0.0;
        double azi1 = 0.0;
        double azi2 = 0.0;
        geodesic.Inverse(truth.latitude_deg, truth.longitude_deg, lat, lon, s12, azi1, azi2);
        const double rad = azi1 * std::numbers::pi / 180.0;
        e.east.push_back(s12 * std::sin(rad));
        e.north.push_back(s12 * std::cos(rad));
    }
    return e;
}

double mean(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}
double sd(const std::vector<double>& v) {
    const double m = mean(v);
    double s = 0.0;
    for (const double x : v) s += (x - m) * (x - m);
    return std::sqrt(s / static_cast<double>(v.size()));
}

TEST(Recorder, AnExactRecorderWritesTheTruth) {
    const World w = world("flat 500; up 400 +30; down 400 -30");
    const Recording r = record_with(w, exact_recorder());
    const auto& s = r.activity.samples;
    ASSERT_EQ(s.size(), w.trajectory.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double d = w.trajectory.distance_m[i];
        EXPECT_EQ(s.time_s[i], 1.7e9 + static_cast<double>(i));
        EXPECT_EQ(s.elevation_m[i], w.course.elevation_at(d));
        EXPECT_NEAR(s.distance_m[i], d, 0.005);
        EXPECT_EQ(s.latitude_deg[i], w.path.at(d).latitude_deg);
        EXPECT_EQ(s.longitude_deg[i], w.path.at(d).longitude_deg);
        EXPECT_EQ(s.heart_rate_bpm[i], std::round(w.trajectory.heart_rate_bpm[i]));
    }
    EXPECT_EQ(r.activity.elevation_source, core::ElevationSource::unknown);
    EXPECT_EQ(r.activity.device.distance_m, 1300.0);
    EXPECT_EQ(r.activity.device.ascent_m, 30.0);
    EXPECT_EQ(r.activity.device.descent_m, 30.0);
}

// Two hours along a course: horizontal error per axis has the configured 2.5 m spread and no bias; it wanders
// over tens of seconds (correlation (30 e^(-t/30) - 4 e^(-t/4)) / 26: 0.81 after 10 s, 0.42 after 30 s) but
// moves only decimetres from one second to the next (sd of a 1 s step: 0.23 m), as filtered GPS fixes do.
TEST(Recorder, GpsPositionErrorHasItsSpreadAndCorrelation) {
    const World w = world("flat 20000");
    RecorderSettings settings;
    const Recording r = record_with(w, settings);
    const Errors e = horizontal_errors(w, r);
    ASSERT_GT(e.east.size(), 6000u);
    // ~6800 samples correlated over ~30 s: about 110 independent ones, so the spread is known to ~7 %.
    EXPECT_NEAR(sd(e.east), 2.5, 0.5);
    EXPECT_NEAR(sd(e.north), 2.5, 0.5);
    EXPECT_NEAR(mean(e.east), 0.0, 1.0);
    EXPECT_NEAR(mean(e.north), 0.0, 1.0);
    const auto correlation = [&e](std::size_t lag) {
        const double m = mean(e.east);
        double sum = 0.0;
        for (std::size_t i = lag; i < e.east.size(); ++i) sum += (e.east[i] - m) * (e.east[i - lag] - m);
        return sum / static_cast<double>(e.east.size() - lag) / (sd(e.east) * sd(e.east));
    };
    EXPECT_NEAR(correlation(10), 0.81, 0.08);
    EXPECT_NEAR(correlation(30), 0.42, 0.15);
    std::vector<double> steps;
    for (std::size_t i = 1; i < e.east.size(); ++i) steps.push_back(e.east[i] - e.east[i - 1]);
    EXPECT_NEAR(sd(steps), 0.23, 0.05);
}

TEST(Recorder, GpsAltitudeWandersBySeveralMetres) {
    const World w = world("flat 4000; up 4000 +200; down 4000 -200; flat 8000");
    RecorderSettings settings;
    settings.altitude = AltitudeSensor::gps;
    const Recording r = record_with(w, settings);
    std::vector<double> error;
    std::vector<double> step;
    for (std::size_t i = 0; i < r.second.size(); ++i) {
        error.push_back(r.activity.samples.elevation_m[i] -
                        w.course.elevation_at(w.trajectory.distance_m[r.second[i]]));
        if (i > 0) step.push_back(error[i] - error[i - 1]);
    }
    // sigma 4 m correlated over 90 s plus 0.6 m jitter: sqrt(16 + 0.36) = 4.04 m; ~80 independent values.
    EXPECT_GT(sd(error), 2.8);
    EXPECT_LT(sd(error), 5.5);
    // From one second to the next it moves by the jitter, not by metres: sd of a step is
    // sqrt(2 x 0.36 + 2 x 16 x (1 - exp(-1/90))) = 0.98 m.
    EXPECT_NEAR(sd(step), 0.98, 0.15);
    EXPECT_EQ(r.activity.elevation_source, core::ElevationSource::gps);
}

TEST(Recorder, BarometricAltitudeIsSteppedSmoothAndSlowlyDrifting) {
    const World w = world("flat 2000; up 3000 +150; down 3000 -150; flat 2000");
    RecorderSettings settings;
    settings.altitude = AltitudeSensor::barometric;
    const Recording r = record_with(w, settings);
    std::vector<double> error;
    std::size_t big_steps = 0;
    for (std::size_t i = 0; i < r.second.size(); ++i) {
        const double h = r.activity.samples.elevation_m[i];
        // Every value is a whole number of 0.2 m steps.
        EXPECT_NEAR(h / 0.2, std::round(h / 0.2), 1e-6) << i;
        error.push_back(h - w.course.elevation_at(w.trajectory.distance_m[r.second[i]]));
        if (i > 0 && std::abs(error[i] - error[i - 1]) > 0.45) ++big_steps;
    }
    // Around its constant calibration offset the error stays within decimetres to a metre or two.
    EXPECT_LT(sd(error), 1.5);
    EXPECT_LT(static_cast<double>(big_steps), 0.001 * static_cast<double>(error.size()));
    EXPECT_EQ(r.activity.elevation_source, core::ElevationSource::barometric);
}

TEST(Recorder, AWeatherTrendAddsFalseClimbing) {
    const World w = world("flat 10000");
    RecorderSettings settings;
    settings.altitude = AltitudeSensor::barometric;
    settings.baro_trend_m_per_h = 10.0;
    const Recording r = record_with(w, settings);
    const auto& h = r.activity.samples.elevation_m;
    const double hours = w.trajectory.duration_s() / 3600.0;
    EXPECT_NEAR(h.back() - h.front(), 10.0 * hours, 3.0);
}

// Smart recording keeps a subset of the seconds, with gaps of 1-10 s, and the very same errors as 1 s
// recording.
TEST(Recorder, SmartRecordingIsASubsetWithTheSameErrors) {
    const World w = world("flat 2000; up 1000 +60; stop 40; down 1000 -60; flat 2000");
    RecorderSettings every_second;
    every_second.altitude = AltitudeSensor::barometric;
    RecorderSettings smart = every_second;
    smart.smart_recording = true;
    const Recording all = record_with(w, every_second);
    const Recording some = record_with(w, smart);
    ASSERT_LT(some.second.size(), all.second.size() / 2);
    EXPECT_EQ(some.second.front(), all.second.front());
    EXPECT_EQ(some.second.back(), all.second.back());
    double gaps = 0.0;
    for (std::size_t i = 1; i < some.second.size(); ++i) {
        const std::size_t gap = some.second[i] - some.second[i - 1];
        const double pause = some.activity.pauses.empty() ? 0.0 : 41.0;
        EXPECT_GE(gap, 1u);
        EXPECT_LE(static_cast<double>(gap), 10.0 + pause);
        gaps += static_cast<double>(gap);
    }
    const double mean_gap = gaps / static_cast<double>(some.second.size() - 1);
    EXPECT_GT(mean_gap, 2.5);
    EXPECT_LT(mean_gap, 6.0);
    std::size_t j = 0;
    for (std::size_t i = 0; i < some.second.size(); ++i) {
        while (all.second[j] != some.second[i]) ++j;
        EXPECT_EQ(some.activity.samples.latitude_deg[i], all.activity.samples.latitude_deg[j]);
        EXPECT_EQ(some.activity.samples.elevation_m[i], all.activity.samples.elevation_m[j]);
        EXPECT_EQ(some.activity.samples.heart_rate_bpm[i], all.activity.samples.heart_rate_bpm[j]);
    }
    // The device totals do not depend on how often points are kept.
    EXPECT_EQ(some.activity.device.timer_s, all.activity.device.timer_s);
    EXPECT_EQ(some.activity.device.avg_heart_rate_bpm, all.activity.device.avg_heart_rate_bpm);
}

TEST(Recorder, AutoPauseStopsTheTimerAndRecordsNothingWhileStanding) {
    const World w = world("flat 1000; stop 90; flat 1000");
    const Recording r = record_with(w, RecorderSettings{});
    ASSERT_EQ(r.activity.pauses.size(), 1u);
    const core::Pause p = r.activity.pauses[0];
    EXPECT_NEAR(p.end_s - p.start_s, 90.0, 1e-6);
    for (const double t : r.activity.samples.time_s) EXPECT_FALSE(t > p.start_s && t < p.end_s);
    const auto& d = r.activity.device;
    EXPECT_NEAR(*d.elapsed_s, w.trajectory.duration_s(), 1e-9);
    EXPECT_NEAR(*d.timer_s, *d.elapsed_s - 90.0, 1e-6);

    RecorderSettings no_pause;
    no_pause.auto_pause = false;
    const Recording standing = record_with(w, no_pause);
    EXPECT_TRUE(standing.activity.pauses.empty());
    EXPECT_EQ(standing.activity.samples.size(), w.trajectory.size());
    EXPECT_EQ(*standing.activity.device.timer_s, *standing.activity.device.elapsed_s);
    // Standing still, the positions still jitter (the case that must not add distance).
    std::size_t still = 0;
    for (std::size_t i = 0; i < standing.activity.samples.size(); ++i) {
        if (standing.activity.samples.speed_m_s[i] == 0.0 && i > 5) ++still;
    }
    EXPECT_GE(still, 85u);
}

TEST(Recorder, LapsEveryKilometreAddUpToTheSession) {
    const World w = world("flat 1500; up 2000 +100; stop 30; down 1000 -100; flat 700");
    const Recording r = record_with(w, RecorderSettings{});
    const auto& laps = r.activity.laps;
    ASSERT_EQ(laps.size(), 6u);  // 5.2 km
    double distance = 0.0;
    double ascent = 0.0;
    double timer = 0.0;
    double calories = 0.0;
    for (std::size_t k = 0; k < laps.size(); ++k) {
        distance += *laps[k].totals.distance_m;
        ascent += *laps[k].totals.ascent_m;
        timer += *laps[k].totals.timer_s;
        calories += *laps[k].totals.calories_kcal;
        EXPECT_EQ(laps[k].first_sample, k == 0 ? 0u : laps[k - 1].end_sample);
        EXPECT_LT(laps[k].first_sample, laps[k].end_sample);
        EXPECT_EQ(laps[k].trigger, k + 1 == laps.size() ? "session_end" : "distance");
    }
    EXPECT_EQ(laps.back().end_sample, r.activity.samples.size());
    EXPECT_NEAR(*laps[0].totals.distance_m, 1000.0, 1e-9);
    EXPECT_NEAR(*laps.back().totals.distance_m, 200.0, 1e-6);
    EXPECT_NEAR(distance, 5200.0, 1e-6);
    EXPECT_NEAR(ascent, 100.0, 3.0);  // each lap rounds to whole metres
    EXPECT_NEAR(timer, *r.activity.device.timer_s, 1e-6);
    EXPECT_NEAR(calories, *r.activity.device.calories_kcal, 4.0);
    // The lap that holds the stop has its 30 s off the timer.
    EXPECT_NEAR(*laps[3].totals.elapsed_s - *laps[3].totals.timer_s, 30.0, 1e-6);
    // Calories of the whole run: ~5.2 km at ~3.6-5 J/kg/m plus resting, for 68 kg: a few hundred kcal.
    EXPECT_GT(*r.activity.device.calories_kcal, 300.0);
    EXPECT_LT(*r.activity.device.calories_kcal, 550.0);
}

TEST(Recorder, DropoutsAndSpikesSpoilOnlyTheGpsChannels) {
    const World w = world("flat 15000");
    RecorderSettings settings;
    settings.dropouts_per_h = 30.0;
    settings.spikes_per_h = 60.0;
    const Recording r = record_with(w, settings);
    const auto& s = r.activity.samples;
    std::size_t missing = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (std::isnan(s.latitude_deg[i])) {
            ++missing;
            EXPECT_TRUE(std::isnan(s.longitude_deg[i]));
            EXPECT_TRUE(std::isnan(s.elevation_m[i]));  // GPS altitude goes with the fix
            EXPECT_FALSE(std::isnan(s.heart_rate_bpm[i]));
            EXPECT_FALSE(std::isnan(s.distance_m[i]));
        }
    }
    EXPECT_GT(missing, 100u);
    const Errors e = horizontal_errors(w, r);
    std::size_t wild = 0;
    for (std::size_t i = 0; i < e.east.size(); ++i) {
        if (std::hypot(e.east[i], e.north[i]) > 25.0) ++wild;
    }
    // 60 spikes an hour over ~1.4 h, each 1-4 s long: about 210 samples thrown tens of metres off.
    EXPECT_GT(wild, 100u);
    EXPECT_LT(wild, 320u);
    // The stream of rare events is its own: away from them the ordinary GPS error is unchanged by switching
    // them on.
    const Recording clean = record_with(w, RecorderSettings{});
    std::size_t same = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.latitude_deg[i] == clean.activity.samples.latitude_deg[i]) ++same;
    }
    EXPECT_GT(static_cast<double>(same), 0.8 * static_cast<double>(s.size()));
}

}  // namespace
}  // namespace hillcoach::synth
