// Course distance: stops with GPS noise, turnarounds, wild fixes, and the choice between the track and the
// device's own distance, on synthetic runs (tests/support/course_builder.hpp) and hand-built tracks.

#include "hillcoach/terrain/distance.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "hillcoach/terrain/geodesy.hpp"
#include "hillcoach/terrain/moving_time.hpp"
#include "support/course_builder.hpp"

namespace hillcoach::terrain {
namespace {

using test::Noise;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// A straight track due north at `speed` m/s, one fix a second, starting at 46.8 N 7.15 E.
core::Samples straight_track(int seconds, double speed_m_s) {
    core::Samples s;
    for (int i = 0; i <= seconds; ++i) {
        s.push_empty();
        s.time_s.back() = 1.7e9 + i;
        s.latitude_deg.back() = 46.8 + i * speed_m_s / 111180.0;
        s.longitude_deg.back() = 7.15;
    }
    return s;
}

std::vector<double> running_every_second(const core::Samples& s) {
    std::vector<double> r(s.size(), 1.0);
    if (!r.empty()) r[0] = 0.0;
    return r;
}

bool has_note(const CourseDistance& d, const std::string& text) {
    for (const auto& n : d.notes) {
        if (n.find(text) != std::string::npos) return true;
    }
    return false;
}

TEST(DistanceTest, FiveMinutesStandingWithGpsNoiseAddsAlmostNothing) {
    // 1 km, a 5-minute stop with the device recording (no auto-pause), 1 km; GPS noise sigma 2.5 m per axis
    // correlated over 20 s. Summed naively, the stop's wander adds 80-95 m. Measured over 40 seeds: 0 m for
    // 38, 4.4 and 6.1 m for two (the stop found a second or two late, so part of the approach to its centroid
    // falls inside the true stop).
    double total = 0.0;
    constexpr int k_seeds = 20;
    for (std::uint64_t seed = 1; seed <= k_seeds; ++seed) {
        const auto run = test::build_course("flat 1000; stop 300; flat 1000",
                                            {.noise = Noise::positions, .seed = seed, .auto_pause = false});
        const auto& truth = run.truth.course_distance_m;
        std::size_t first = truth.size();
        std::size_t last = 0;
        for (std::size_t i = 0; i < truth.size(); ++i) {
            if (std::abs(truth[i] - 1000.0) < 1e-6) {
                first = std::min(first, i);
                last = i;
            }
        }
        ASSERT_GT(last, first + 250) << "the stop is in the recording";
        const TrackDistance track = track_distance(run.activity.samples);
        const double added = track.distance_m[last] - track.distance_m[first];
        core::Samples stop_only;
        for (std::size_t i = first; i <= last; ++i) {
            stop_only.push_empty();
            stop_only.latitude_deg.back() = run.activity.samples.latitude_deg[i];
            stop_only.longitude_deg.back() = run.activity.samples.longitude_deg[i];
        }
        EXPECT_LT(added, 8.0) << "seed " << seed << ": naive sum over the stop " << path_length_m(stop_only)
                              << " m";
        EXPECT_GT(path_length_m(stop_only), 50.0) << "the noise is there to be removed";
        EXPECT_EQ(track.stops, 1u) << "seed " << seed;
        EXPECT_NEAR(track.stopped_s, 300.0, 10.0) << "seed " << seed;
        EXPECT_NEAR(track.length_m, 2000.0, 0.01 * 2000.0) << "seed " << seed;
        total += added;
    }
    EXPECT_LT(total / k_seeds, 2.0);
}

TEST(DistanceTest, StandingSamplesAreMarkedStationary) {
    const auto run = test::build_course("flat 600; stop 120; flat 600",
                                        {.noise = Noise::positions, .seed = 3, .auto_pause = false});
    const TrackDistance track = track_distance(run.activity.samples);
    std::size_t standing_true = 0;
    std::size_t standing_found = 0;
    std::size_t false_alarms = 0;
    const auto& truth = run.truth.course_distance_m;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const bool standing = std::abs(truth[i] - 600.0) < 1e-6;
        standing_true += standing;
        standing_found += standing && track.stationary[i];
        false_alarms += !standing && track.stationary[i];
    }
    // The stop's core is found within its first and last few seconds; a fix or two beside it may join it.
    EXPECT_GT(standing_found, standing_true - 10);
    EXPECT_LT(false_alarms, 5u);
}

TEST(DistanceTest, ATurnaroundIsNotAStop) {
    // Out 500 m and back over the same ground: no net displacement over the 30 s around the turn.
    const auto run = test::build_course(
        "flat 1000", {.noise = Noise::positions, .seed = 2, .layout = test::Layout::out_and_back});
    const TrackDistance track = track_distance(run.activity.samples);
    EXPECT_EQ(track.stops, 0u);
    EXPECT_NEAR(track.length_m, 1000.0, 0.05 * 1000.0);
}

TEST(DistanceTest, AShortOutAndBackBetweenAutoPausesIsNotAStop) {
    // Hill sprints: 40 m up flat out, walk back down, stand with the timer auto-paused (no fixes), eight
    // times. Around each pause one half window holds no fixes, and the other holds the whole sprint and walk
    // back, which ends where it began: judged by its end chord alone every rep looked like a stop and was
    // erased (examples/2026-03-24-hill-sprints.fit lost 600 m). The farthest fix of the half shows the rep.
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto run = test::build_course(
            "flat 500; repeat 8 { up 40 +4.8 sprint; down 40 -4.8 walk; stop 75 }; flat 500",
            {.noise = Noise::positions, .seed = seed, .layout = test::Layout::out_and_back});
        ASSERT_EQ(run.activity.pauses.size(), 8u) << "the stops are auto-paused";
        const TrackDistance track = track_distance(run.activity.samples);
        EXPECT_EQ(track.stops, 0u) << "seed " << seed;
        // 1640 m of ground; GPS zig-zag makes a 1 Hz track a few percent longer, never shorter.
        EXPECT_NEAR(track.length_m, run.truth.distance_m, 0.05 * run.truth.distance_m) << "seed " << seed;
        EXPECT_GT(track.length_m, run.truth.distance_m - 20.0) << "seed " << seed;
    }
}

TEST(DistanceTest, WildFixesAreDropped) {
    // 600 m north at 3 m/s; fix 50 thrown to the other side of the world, fix 120 thrown 60 m east, and the
    // first fix 2 km off (sports-lib broken-start-latlng.fit has one 5,600 km away).
    core::Samples s = straight_track(200, 3.0);
    s.latitude_deg[50] = -30.0;
    s.longitude_deg[120] += 60.0 / 76000.0;
    s.latitude_deg[0] -= 2000.0 / 111180.0;
    const TrackDistance track = track_distance(s);
    EXPECT_EQ(track.dropped_fixes, 3u);
    EXPECT_NEAR(track.length_m, 597.0, 1.0);  // fixes 1..200: 199 steps of 3 m
    EXPECT_GT(track.raw_length_m, 1.0e7);
}

TEST(DistanceTest, ATrackThatJumpsAndStaysAddsNoDistanceForTheJump) {
    core::Samples s = straight_track(100, 3.0);
    for (std::size_t i = 50; i < s.size(); ++i) s.longitude_deg[i] += 1.0;  // 76 km east from fix 50 on
    const TrackDistance track = track_distance(s);
    EXPECT_EQ(track.jumps, 1u);
    EXPECT_NEAR(track.length_m, 297.0, 1.0);
}

TEST(DistanceTest, ATrackWithoutTimesKeepsItsStepsHoweverFarApart) {
    // A route or an export without times: 30 fixes 120 m apart (3,480 m). With no time there is no speed to
    // call a step a jump; every step counts. gpxpy's Mojstrovka.gpx writes one placeholder time (1901-12-13)
    // on every fix: that says no more than no time at all, and gives the same length.
    core::Samples s = straight_track(29, 120.0);
    for (double& t : s.time_s) t = k_nan;
    const TrackDistance untimed = track_distance(s);
    EXPECT_EQ(untimed.jumps, 0u);
    EXPECT_EQ(untimed.dropped_fixes, 0u);
    EXPECT_NEAR(untimed.length_m, 3480.0, 3.5);
    for (double& t : s.time_s) t = -2147483648.0;  // 1901-12-13T20:45:52Z, the placeholder
    const TrackDistance placeholder = track_distance(s);
    EXPECT_EQ(placeholder.jumps, 0u);
    EXPECT_DOUBLE_EQ(placeholder.length_m, untimed.length_m);
    // An excursion still goes, by its shape: fix 10 thrown 2 km east and back at fix 11.
    s.longitude_deg[10] += 2000.0 / 76000.0;
    const TrackDistance spiked = track_distance(s);
    EXPECT_EQ(spiked.dropped_fixes, 1u);
    EXPECT_NEAR(spiked.length_m, 3480.0, 3.5);
    // A timed track with a real jump is still judged by its speed (ATrackThatJumpsAndStays... above).
}

TEST(DistanceTest, SamplesWithoutAFixGetTheDistanceInterpolatedOverTime) {
    // Every other sample without a position (Suunto writes position and altitude in alternate records).
    core::Samples s = straight_track(10, 3.0);
    for (std::size_t i = 1; i < s.size(); i += 2) s.latitude_deg[i] = s.longitude_deg[i] = k_nan;
    const TrackDistance track = track_distance(s);
    ASSERT_EQ(track.fixes, 6u);
    EXPECT_NEAR(track.distance_m[5], 15.0, 0.05);
    EXPECT_NEAR(track.distance_m[10], 30.0, 0.05);
}

TEST(DistanceTest, TheDeviceDistanceIsUsedWhenItAgreesWithTheTrack) {
    core::Samples s = straight_track(300, 3.0);
    for (std::size_t i = 0; i < s.size(); ++i) s.distance_m[i] = 100.0 + 2.95 * static_cast<double>(i);
    const CourseDistance d = course_distance(s, running_every_second(s));
    EXPECT_EQ(d.source, DistanceSource::device);
    EXPECT_NEAR(d.distance_m.back(), 885.0, 1e-9);  // from 0: the channel's first value is taken off
    EXPECT_TRUE(has_note(d, "device distance used (885 m): within -1.7 % of the GPS track (900 m)"));
    EXPECT_NEAR(*d.track_length_m, 900.0, 0.5);
}

TEST(DistanceTest, ATrackUpToTenPercentLongerThanTheDeviceIsGpsZigZag) {
    // A noisy 1 Hz track runs long; the device's filtered distance 8 % shorter is still its own measurement.
    core::Samples s = straight_track(300, 3.0);
    for (std::size_t i = 0; i < s.size(); ++i) s.distance_m[i] = 2.76 * static_cast<double>(i);
    const CourseDistance d = course_distance(s, running_every_second(s));
    EXPECT_EQ(d.source, DistanceSource::device);
    EXPECT_TRUE(has_note(d, "within -8.0 % of the GPS track"));
    // 11 % shorter is too much for zig-zag: the channel is not the same path.
    for (std::size_t i = 0; i < s.size(); ++i) s.distance_m[i] = 2.67 * static_cast<double>(i);
    EXPECT_EQ(course_distance(s, running_every_second(s)).source, DistanceSource::positions);
}

TEST(DistanceTest, TheTrackWinsWhenTheDeviceDisagrees) {
    // An uncalibrated foot pod 12 % long.
    core::Samples s = straight_track(300, 3.0);
    for (std::size_t i = 0; i < s.size(); ++i) s.distance_m[i] = 3.36 * static_cast<double>(i);
    const CourseDistance d = course_distance(s, running_every_second(s));
    EXPECT_EQ(d.source, DistanceSource::positions);
    EXPECT_NEAR(d.distance_m.back(), 900.0, 0.5);
    EXPECT_TRUE(
        has_note(d, "GPS track used (900 m): the device distance (1008 m) differs from it by +12.0 %"));
}

TEST(DistanceTest, ADeviceDistanceThatGoesBackIsNotUsed) {
    core::Samples s = straight_track(100, 3.0);
    for (std::size_t i = 0; i < s.size(); ++i) s.distance_m[i] = 3.0 * static_cast<double>(i);
    s.distance_m[60] = 20.0;
    const CourseDistance d = course_distance(s, running_every_second(s));
    EXPECT_EQ(d.source, DistanceSource::positions);
    EXPECT_TRUE(has_note(d, "the device distance goes back from 177.0 m to 20.0 m at sample 60"));
}

TEST(DistanceTest, PreferDeviceFalseKeepsTheTrack) {
    core::Samples s = straight_track(100, 3.0);
    for (std::size_t i = 0; i < s.size(); ++i) s.distance_m[i] = 3.0 * static_cast<double>(i);
    EXPECT_EQ(course_distance(s, running_every_second(s), {.prefer_device = false}).source,
              DistanceSource::positions);
}

TEST(DistanceTest, ATreadmillHasOnlyTheDeviceDistance) {
    core::Samples s = straight_track(100, 3.0);
    for (std::size_t i = 0; i < s.size(); ++i) {
        s.latitude_deg[i] = s.longitude_deg[i] = k_nan;
        s.distance_m[i] = i % 3 == 0 ? 2.8 * static_cast<double>(i) : k_nan;  // every third record carries it
    }
    const CourseDistance d = course_distance(s, running_every_second(s));
    EXPECT_EQ(d.source, DistanceSource::device);
    EXPECT_NEAR(d.distance_m[4], 11.2, 1e-9);  // interpolated over time between 8.4 and 16.8
    EXPECT_NEAR(d.distance_m.back(), 277.2, 1e-9);
    EXPECT_TRUE(has_note(d, "no GPS track"));
}

TEST(DistanceTest, WithOnlyASpeedChannelTheSpeedIsIntegratedOverTheRunningTimer) {
    core::Samples s = straight_track(100, 3.0);
    for (std::size_t i = 0; i < s.size(); ++i) {
        s.latitude_deg[i] = s.longitude_deg[i] = k_nan;
        s.speed_m_s[i] = 2.5;
    }
    std::vector<double> running = running_every_second(s);
    for (std::size_t i = 41; i <= 60; ++i) running[i] = 0.0;  // a 20 s pause
    const CourseDistance d = course_distance(s, running);
    EXPECT_EQ(d.source, DistanceSource::device);
    EXPECT_NEAR(d.distance_m.back(), 2.5 * 80.0, 1e-9);
    EXPECT_TRUE(has_note(d, "device speed integrated used (200 m)"));
}

TEST(DistanceTest, NoPositionsAndNoDistanceIsNone) {
    core::Samples s = straight_track(10, 3.0);
    for (std::size_t i = 0; i < s.size(); ++i) s.latitude_deg[i] = s.longitude_deg[i] = k_nan;
    const CourseDistance d = course_distance(s, running_every_second(s));
    EXPECT_EQ(d.source, DistanceSource::none);
    EXPECT_EQ(d.distance_m.size(), s.size());
    EXPECT_EQ(d.distance_m.back(), 0.0);
    EXPECT_FALSE(d.track_length_m.has_value());
    EXPECT_EQ(to_string(DistanceSource::none), "none");
    EXPECT_EQ(to_string(DistanceSource::positions), "positions");
    EXPECT_EQ(to_string(DistanceSource::device), "device");
}

}  // namespace
}  // namespace hillcoach::terrain
