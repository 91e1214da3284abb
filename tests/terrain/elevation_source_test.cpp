// Elevation source: the device hint, the jitter measured on synthetic barometric and GPS recorders, and the
// channels that cannot be judged.

#include "hillcoach/terrain/elevation_source.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "support/course_builder.hpp"

namespace hillcoach::terrain {
namespace {

using test::Noise;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr const char* k_course = "flat 500; up 1000 +60; down 800 -50; flat 700";

// The decision on a synthetic run with the reader's hint taken away, so the signal alone decides.
ElevationSourceDecision from_signal(const test::BuiltCourse& run) {
    core::Activity a = run.activity;
    a.elevation_source = core::ElevationSource::unknown;
    return detect_elevation_source(a, run.truth.course_distance_m);
}

TEST(ElevationSourceTest, ABarometricRecorderIsCleanAndDetectedAsBarometric) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto d = from_signal(test::build_course(k_course, {.noise = Noise::barometric, .seed = seed}));
        EXPECT_EQ(d.source, core::ElevationSource::barometric) << d.reason;
        EXPECT_FALSE(d.noisy);
        ASSERT_TRUE(d.jitter_m.has_value());
        EXPECT_LT(*d.jitter_m, 0.15);
        EXPECT_NE(d.reason.find("detected"), std::string::npos);
    }
}

TEST(ElevationSourceTest, GpsAltitudeIsNoisyAndDetectedAsGps) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto d = from_signal(test::build_course(k_course, {.noise = Noise::gps, .seed = seed}));
        EXPECT_EQ(d.source, core::ElevationSource::gps) << d.reason;
        EXPECT_TRUE(d.noisy);
        ASSERT_TRUE(d.jitter_m.has_value());
        EXPECT_GT(*d.jitter_m, 0.4);
    }
}

TEST(ElevationSourceTest, SmartRecordingStillSeparatesTheInstruments) {
    const auto baro = from_signal(
        test::build_course(k_course, {.noise = Noise::barometric, .seed = 3, .smart_recording = true}));
    const auto gps =
        from_signal(test::build_course(k_course, {.noise = Noise::gps, .seed = 3, .smart_recording = true}));
    EXPECT_EQ(baro.source, core::ElevationSource::barometric) << baro.reason;
    EXPECT_EQ(gps.source, core::ElevationSource::gps) << gps.reason;
}

TEST(ElevationSourceTest, TheDeviceTableWinsForTheLabel) {
    // A barometric device is clean whatever its jitter; a GPS device keeps its label, and its smoothing
    // follows the jitter (a GPS watch that filters its altitude is smoothed lightly).
    auto gps_run = test::build_course(k_course, {.noise = Noise::gps, .seed = 1});
    gps_run.activity.elevation_source = core::ElevationSource::barometric;
    auto d = detect_elevation_source(gps_run.activity, gps_run.truth.course_distance_m);
    EXPECT_EQ(d.source, core::ElevationSource::barometric);
    EXPECT_TRUE(d.from_hint);
    EXPECT_FALSE(d.noisy);

    auto baro_run = test::build_course(k_course, {.noise = Noise::barometric, .seed = 1});
    baro_run.activity.elevation_source = core::ElevationSource::gps;
    d = detect_elevation_source(baro_run.activity, baro_run.truth.course_distance_m);
    EXPECT_EQ(d.source, core::ElevationSource::gps);
    EXPECT_FALSE(d.noisy);
    EXPECT_NE(d.reason.find("already smooth"), std::string::npos) << d.reason;
}

TEST(ElevationSourceTest, NoElevationIsNone) {
    auto run = test::build_course(k_course, {.noise = Noise::gps, .seed = 1});
    for (double& e : run.activity.samples.elevation_m) e = k_nan;
    const auto d = detect_elevation_source(run.activity, run.truth.course_distance_m);
    EXPECT_EQ(d.source, core::ElevationSource::none);
    EXPECT_FALSE(d.jitter_m.has_value());
}

TEST(ElevationSourceTest, TooFewCloseSamplesIsUnknownAndNoisy) {
    // Ten samples 100 m apart: no triple is short enough to measure the instrument.
    core::Activity a;
    std::vector<double> d;
    for (int i = 0; i < 10; ++i) {
        a.samples.push_empty();
        a.samples.time_s.back() = 1.7e9 + 30.0 * i;
        a.samples.elevation_m.back() = 100.0 + i;
        d.push_back(100.0 * i);
    }
    const auto r = detect_elevation_source(a, d);
    EXPECT_EQ(r.source, core::ElevationSource::unknown);
    EXPECT_TRUE(r.noisy);
    EXPECT_FALSE(elevation_jitter_m(a.samples.elevation_m, d, a.samples.time_s).has_value());
}

TEST(ElevationSourceTest, JitterIsTheMedianResidualAgainstTheNeighboursLine) {
    // A straight ramp with every other sample 0.5 m high: residuals alternate 0.5 and -0.5 (the high sample
    // against its low neighbours, the low sample against two high ones): median |r| = 0.5.
    std::vector<double> e;
    std::vector<double> d;
    std::vector<double> t;
    for (int i = 0; i < 60; ++i) {
        e.push_back(100.0 + 0.1 * i + (i % 2 ? 0.5 : 0.0));
        d.push_back(3.0 * i);
        t.push_back(1.7e9 + i);
    }
    EXPECT_NEAR(*elevation_jitter_m(e, d, t), 0.5, 1e-9);
}

}  // namespace
}  // namespace hillcoach::terrain
