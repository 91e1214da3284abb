// build_course on synthetic activities whose truth is known exactly (tests/support/course_builder.hpp): the
// requirements of issue 3 on ascent accuracy, sampling independence, stops, pauses and missing elevation.
// Measured values over more seeds than each test runs are given in docs/models.md.

#include "hillcoach/terrain/course_builder.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "hillcoach/terrain/grade_histogram.hpp"
#include "support/course_builder.hpp"

namespace hillcoach::terrain {
namespace {

using test::Noise;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// A hilly trail run: 10.7 km, three climbs, 320 m up and down.
constexpr const char* k_trail =
    "flat 800; up 1500 +110; down 1200 -90; flat 400; up 800 +60; down 1500 -80; up 2000 +150; down 2000 "
    "-150; "
    "flat 500";

bool has_note(const Course& c, const std::string& text) {
    for (const auto& n : c.notes) {
        if (n.find(text) != std::string::npos) return true;
    }
    return false;
}

TEST(CourseBuilderTest, EachStepCarriesItsMovingSecondsAndAPausedStepOnlyWhatTheTimerRan) {
    // 3 m/s due north, a sample every second from 0 to 10 s; the timer auto-paused from 10.5 to 70.5 s; the
    // next sample at 71 s, then every second to 80 s. The step from 10 to 71 s lasts 61 s of which the timer
    // ran 1 s (0.5 s before the pause, 0.5 s after). Moving: 10 + 1 + 9 = 20 s.
    core::Activity a;
    double north_m = 0.0;
    for (double t : {0.0,  1.0,  2.0,  3.0,  4.0,  5.0,  6.0,  7.0,  8.0,  9.0, 10.0,
                     71.0, 72.0, 73.0, 74.0, 75.0, 76.0, 77.0, 78.0, 79.0, 80.0}) {
        a.samples.push_empty();
        a.samples.time_s.back() = 1.7e9 + t;
        a.samples.latitude_deg.back() = 46.8 + north_m / 111180.0;
        a.samples.longitude_deg.back() = 7.15;
        north_m += 3.0;
    }
    a.pauses.push_back({1.7e9 + 10.5, 1.7e9 + 70.5});
    const Course c = build_course(a);
    ASSERT_EQ(c.moving_step_s.size(), c.size());
    EXPECT_DOUBLE_EQ(c.moving_step_s[0], 0.0);
    EXPECT_DOUBLE_EQ(c.moving_step_s[1], 1.0);
    EXPECT_DOUBLE_EQ(c.moving_step_s[11], 1.0) << "61 s step, 60 s of it paused";
    double sum = 0.0;
    for (double s_step : c.moving_step_s) sum += s_step;
    ASSERT_TRUE(c.moving_s.has_value());
    EXPECT_DOUBLE_EQ(*c.moving_s, 20.0);
    EXPECT_DOUBLE_EQ(sum, 20.0);
    EXPECT_DOUBLE_EQ(*c.elapsed_s, 80.0);
    // Per-step time readers take the moving seconds: the grade bands' time (no elevation: all ungraded) is
    // the moving time, not the 80 s elapsed.
    const GradeHistogram h = grade_histogram(c);
    EXPECT_DOUBLE_EQ(h.ungraded_time_s, 20.0);
    // The 3 m covered across the pause took 1 s of running: the step's speed is 3 m/s, not 3 / 61.
    EXPECT_NEAR((c.distance_m[11] - c.distance_m[10]) / c.moving_step_s[11], 3.0, 0.01);
    ASSERT_TRUE(c.track_length_m.has_value());
    EXPECT_NEAR(*c.track_length_m, 60.0, 0.1);
}

TEST(CourseBuilderTest, GroundCoveredWhileTheTimerWasStoppedIsNotRun) {
    // 3 m/s north for 10 s, the timer stopped from 10.5 s to 600.5 s while the runner took a bus 2 km north,
    // then 3 m/s again from 601 s to 610 s. The step across the pause ran 1 s: 2 km cannot be covered in it
    // (at the jump rule's 100 m/s plus 50 m of slack), so it adds nothing. Moving: 10 + 1 + 9 = 20 s.
    core::Activity a;
    const auto fix = [&a](double t, double north_m) {
        a.samples.push_empty();
        a.samples.time_s.back() = 1.7e9 + t;
        a.samples.latitude_deg.back() = 46.8 + north_m / 111180.0;
        a.samples.longitude_deg.back() = 7.15;
    };
    for (int t = 0; t <= 10; ++t) fix(t, 3.0 * t);
    for (int t = 601; t <= 610; ++t) fix(t, 2000.0 + 3.0 * (t - 601));
    a.pauses.push_back({1.7e9 + 10.5, 1.7e9 + 600.5});
    const Course c = build_course(a);
    ASSERT_TRUE(c.moving_s.has_value());
    EXPECT_DOUBLE_EQ(*c.moving_s, 20.0);
    EXPECT_NEAR(c.distance_m.back(), 30.0 + 27.0, 0.5);
    EXPECT_TRUE(has_note(c, "moved across 1 pause(s) not counted"));
    // The same file without the pause: a 590 s gap covered at 3.3 m/s is running (a watch that lost its
    // fix in a tunnel), and counts.
    a.pauses.clear();
    const Course timed = build_course(a);
    EXPECT_NEAR(timed.distance_m.back(), 30.0 + 1970.0 + 27.0, 2.0);
}

TEST(CourseBuilderTest, GpsAltitudeGivesTheTrueAscentWithinFivePercent) {
    // GPS altitude error sigma 4 m correlated over 90 s plus 0.6 m jitter per fix. Over these 20 noise draws
    // the mean error is +3.2 %, the worst draw +8.9 %; over 100 draws 64 are within 5 % and the worst is
    // +12.6 % (a noise swing the size of a small hill is counted: GPS altitude alone cannot tell the two
    // apart).
    constexpr int k_seeds = 20;
    double sum = 0.0;
    for (std::uint64_t seed = 1; seed <= k_seeds; ++seed) {
        const auto run = test::build_course(k_trail, {.noise = Noise::gps, .seed = seed});
        const Course c = build_course(run.activity);
        ASSERT_TRUE(c.ascent_m.has_value());
        const double error = *c.ascent_m / run.truth.ascent_m - 1.0;
        EXPECT_LT(std::abs(error), 0.10) << "seed " << seed;
        EXPECT_EQ(c.elevation_source, core::ElevationSource::gps);
        sum += error;
    }
    EXPECT_LT(std::abs(sum / k_seeds), 0.05);
}

TEST(CourseBuilderTest, BarometricAltitudeGivesTheTrueAscentAndDescentWithinTwoPercent) {
    // Measured over 20 draws: mean -0.6 %, worst 1.6 % (the 30 m smoothing rounds the tops and bottoms a
    // little).
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const auto run = test::build_course(k_trail, {.noise = Noise::barometric, .seed = seed});
        const Course c = build_course(run.activity);
        EXPECT_NEAR(*c.ascent_m, run.truth.ascent_m, 0.02 * run.truth.ascent_m) << "seed " << seed;
        EXPECT_NEAR(*c.descent_m, run.truth.descent_m, 0.02 * run.truth.descent_m) << "seed " << seed;
        EXPECT_EQ(c.elevation_source, core::ElevationSource::barometric);
    }
}

TEST(CourseBuilderTest, ThinningToEveryFifthAndTenthSampleChangesAscentByUnderThreePercent) {
    // Smoothing is over distance, so a watch recording every 5 or 10 s sees the same ground. Barometric:
    // measured at most 0.35 % over 20 draws. GPS: each thinned recording sees other noise samples, and a
    // noise swing near the hysteresis may count in one and not the other; counting noisy channels over
    // hystereses of 6-12 m (ascent.hpp) keeps every one of 200 thinned recordings (100 draws) within 1.7 %
    // (3.7 % with a single 9 m hysteresis); at most 1.6 % over these 20.
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        for (const Noise noise : {Noise::barometric, Noise::gps}) {
            const auto run = test::build_course(k_trail, {.noise = noise, .seed = seed});
            const double full = *build_course(run.activity).ascent_m;
            for (const std::size_t every : {5u, 10u}) {
                const double thinned = *build_course(test::thin(run, every).activity).ascent_m;
                const double limit = noise == Noise::barometric ? 0.01 : 0.03;
                EXPECT_LT(std::abs(thinned / full - 1.0), limit) << "seed " << seed << " every " << every;
            }
        }
    }
}

TEST(CourseBuilderTest, SmartRecordingGivesTheSameAscentAsOneSecond) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto every_second = test::build_course(k_trail, {.noise = Noise::barometric, .seed = seed});
        const auto smart =
            test::build_course(k_trail, {.noise = Noise::barometric, .seed = seed, .smart_recording = true});
        EXPECT_NEAR(*build_course(smart.activity).ascent_m, *build_course(every_second.activity).ascent_m,
                    0.005 * every_second.truth.ascent_m);
    }
}

TEST(CourseBuilderTest, AFlatRunWithABarometerHasNearZeroAscent) {
    // Ammann et al.: sport watches overestimate a flat 1.2 km by 0-4.8 m. 5 km flat: stay under 4.8 m per 1.2
    // km.
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const auto run = test::build_course("flat 5000", {.noise = Noise::barometric, .seed = seed});
        const Course c = build_course(run.activity);
        EXPECT_LT(*c.ascent_m, 4.8 * 5000.0 / 1200.0) << "seed " << seed;
        EXPECT_LT(*c.ascent_m, 5.0) << "seed " << seed;
    }
}

TEST(CourseBuilderTest, GpsSpikesAndDropoutsChangeNothing) {
    // 20 dropouts and 20 spikes an hour (fixes thrown 30-150 m sideways and 15-60 m up or down for 1-4 s).
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        // The track alone: no device distance to lean on.
        const auto track_only = [](core::Activity a) {
            for (double& d : a.samples.distance_m) d = k_nan;
            return a;
        };
        const auto clean = test::build_course(k_trail, {.noise = Noise::gps, .seed = seed});
        const auto spiky = test::build_course(
            k_trail, {.noise = Noise::gps, .seed = seed, .dropouts_per_h = 20.0, .spikes_per_h = 20.0});
        const Course c = build_course(track_only(spiky.activity));
        EXPECT_EQ(c.distance_source, DistanceSource::positions);
        EXPECT_NEAR(c.distance_m_total, spiky.truth.distance_m, 0.02 * spiky.truth.distance_m)
            << "seed " << seed;
        EXPECT_NEAR(*c.ascent_m, *build_course(track_only(clean.activity)).ascent_m,
                    0.02 * clean.truth.ascent_m)
            << "seed " << seed;
    }
}

TEST(CourseBuilderTest, AutoPausedStopsAreOutOfMovingTime) {
    const auto run = test::build_course("flat 1500; stop 240; up 1000 +50; stop 120; flat 1500",
                                        {.noise = Noise::gps, .seed = 4});
    const Course c = build_course(run.activity);
    ASSERT_TRUE(c.moving_s.has_value());
    ASSERT_TRUE(c.elapsed_s.has_value());
    EXPECT_NEAR(*c.elapsed_s, run.truth.elapsed_s, 1.0);
    EXPECT_NEAR(*c.moving_s, run.truth.moving_s, 2.0);
    EXPECT_NEAR(c.distance_m_total, run.truth.distance_m, 0.01 * run.truth.distance_m);
}

TEST(CourseBuilderTest, StandingWithTheTimerRunningIsOutOfMovingTimeAndAddsNoDistance) {
    // No auto-pause: the watch records 4 minutes of standing. The stop's first and last few seconds count as
    // moving (its core starts once the 30 s half windows hold no running).
    const auto run = test::build_course("flat 1500; stop 240; flat 1500",
                                        {.noise = Noise::positions, .seed = 5, .auto_pause = false});
    core::Activity a = run.activity;
    for (double& d : a.samples.distance_m) d = k_nan;  // the track alone
    const Course c = build_course(a);
    EXPECT_NEAR(*c.elapsed_s, run.truth.elapsed_s, 1.0);
    EXPECT_NEAR(*c.moving_s, run.truth.moving_s, 10.0);
    EXPECT_NEAR(c.distance_m_total, 3000.0, 0.01 * 3000.0);
    EXPECT_TRUE(has_note(c, "standing still with the timer running left out of moving time"));
    // While standing the speed is 0.
    std::size_t standing = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (std::abs(run.truth.course_distance_m[i] - 1500.0) < 1e-6 && c.moving[i] == 0) {
            ++standing;
            EXPECT_EQ(c.speed_m_s[i], 0.0);
        }
    }
    EXPECT_GT(standing, 200u);
}

TEST(CourseBuilderTest, EveryFieldIsFilledAndConsistent) {
    const auto run = test::build_course(k_trail, {.noise = Noise::barometric, .seed = 2});
    const Course c = build_course(run.activity);
    const std::size_t n = run.activity.samples.size();
    ASSERT_EQ(c.size(), n);
    EXPECT_EQ(c.time_s.size(), n);
    EXPECT_EQ(c.elevation_m.size(), n);
    EXPECT_EQ(c.grade.size(), n);
    EXPECT_EQ(c.speed_m_s.size(), n);
    EXPECT_EQ(c.heart_rate_bpm.size(), n);
    EXPECT_EQ(c.moving.size(), n);
    EXPECT_EQ(c.distance_m.front(), 0.0);
    for (std::size_t i = 1; i < n; ++i) EXPECT_GE(c.distance_m[i], c.distance_m[i - 1]);
    EXPECT_DOUBLE_EQ(c.distance_m_total, c.distance_m.back());
    EXPECT_EQ(c.distance_source, DistanceSource::device);
    // Elevation tracks the truth within the barometer's calibration offset (sigma 3 m) and drift.
    // Grade against the true profile's grade over the same 50 m window (the true profile every metre).
    const auto& every_metre = run.truth.elevation_every_metre;
    const auto true_grade_50 = [&](double d) {
        const auto at = [&](double x) { return every_metre[static_cast<std::size_t>(std::lround(x))]; };
        return (at(d + 25.0) - at(d - 25.0)) / 50.0;
    };
    double worst_grade = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        EXPECT_NEAR(c.elevation_m[i] - run.truth.elevation_m[i], c.elevation_m[0] - run.truth.elevation_m[0],
                    3.0);
        const double d = run.truth.course_distance_m[i];
        if (d > 100.0 && d < run.truth.distance_m - 100.0) {
            worst_grade = std::max(worst_grade, std::abs(c.grade[i] - true_grade_50(d)));
        }
    }
    // The barometer's noise and the clean channel's 30 m smoothing round the grade changes at the stretches'
    // junctions a little more than the 50 m window alone: within 2 % of grade everywhere (measured 1.7 %).
    EXPECT_LT(worst_grade, 0.02);
    // Moving speed: distance over moving time.
    double mean_speed = 0.0;
    std::size_t moving = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (c.moving[i]) {
            mean_speed += c.speed_m_s[i];
            ++moving;
        }
    }
    EXPECT_NEAR(mean_speed / static_cast<double>(moving), c.distance_m_total / *c.moving_s, 0.05);
    EXPECT_TRUE(has_note(c, "elevation source: barometric"));
    EXPECT_TRUE(has_note(c, "device distance used"));
}

TEST(CourseBuilderTest, NoElevationGivesNulloptNotZero) {
    auto run = test::build_course(k_trail, {.noise = Noise::gps, .seed = 1});
    for (double& e : run.activity.samples.elevation_m) e = k_nan;
    run.activity.elevation_source = core::ElevationSource::none;
    const Course c = build_course(run.activity);
    EXPECT_FALSE(c.ascent_m.has_value());
    EXPECT_FALSE(c.descent_m.has_value());
    EXPECT_EQ(c.elevation_source, core::ElevationSource::none);
    for (std::size_t i = 0; i < c.size(); ++i) {
        EXPECT_TRUE(std::isnan(c.elevation_m[i]));
        EXPECT_TRUE(std::isnan(c.grade[i]));
    }
    EXPECT_GT(c.distance_m_total, 10000.0);
}

TEST(CourseBuilderTest, AnEmptyActivityIsAnEmptyCourse) {
    const Course c = build_course(core::Activity{});
    EXPECT_EQ(c.size(), 0u);
    EXPECT_EQ(c.distance_source, DistanceSource::none);
    EXPECT_FALSE(c.elapsed_s.has_value());
    EXPECT_FALSE(c.moving_s.has_value());
    EXPECT_FALSE(c.ascent_m.has_value());
}

TEST(CourseBuilderTest, ATimerPauseDoesNotCountTheElevationChangeWhilePaused) {
    // Auto-paused for 2 minutes: the barometer drifts +6 m (a pressure change) while stopped.
    auto run = test::build_course("flat 1000; stop 120; flat 1000", {.noise = Noise::barometric, .seed = 3});
    ASSERT_FALSE(run.activity.pauses.empty());
    const double resume = run.activity.pauses.front().end_s;
    for (std::size_t i = 0; i < run.activity.samples.size(); ++i) {
        if (run.activity.samples.time_s[i] >= resume) run.activity.samples.elevation_m[i] += 6.0;
    }
    const Course c = build_course(run.activity);
    EXPECT_LT(*c.ascent_m, 2.0);
    EXPECT_TRUE(has_note(c, "levelled across 1 timer pause"));
}

TEST(CourseBuilderTest, BrokenChannelsNeverCrashAndGiveConsistentSizes) {
    // Times backwards and repeated, NaN and infinite values in every channel, latitudes out of range,
    // distances going back, elevations of -32768: the course is still built, sample for sample, with finite
    // totals.
    core::Activity a;
    std::uint64_t state = 12345;
    const auto next = [&]() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / 9007199254740992.0;  // [0, 1)
    };
    const double specials[] = {k_nan, std::numeric_limits<double>::infinity(), -32768.0, 0.0, 1e300, -1e300};
    for (int i = 0; i < 2000; ++i) {
        a.samples.push_empty();
        const auto pick = [&](double normal) {
            return next() < 0.1 ? specials[static_cast<int>(next() * 6)] : normal;
        };
        a.samples.time_s.back() = pick(1.7e9 + i + (next() < 0.05 ? -30.0 : 0.0));
        a.samples.latitude_deg.back() = pick(46.8 + 0.0001 * i + (next() < 0.02 ? 120.0 : 0.0));
        a.samples.longitude_deg.back() = pick(7.15 + (next() < 0.02 ? 300.0 : 0.0));
        a.samples.elevation_m.back() = pick(500.0 + 10.0 * std::sin(i * 0.01));
        a.samples.distance_m.back() = pick(3.0 * i - (next() < 0.02 ? 500.0 : 0.0));
        a.samples.speed_m_s.back() = pick(3.0);
    }
    a.pauses.push_back({.start_s = 1.7e9 + 100.0, .end_s = 1.7e9 + 50.0});  // backwards: ignored
    a.pauses.push_back({.start_s = k_nan, .end_s = 1.7e9 + 500.0});
    a.pauses.push_back({.start_s = 1.7e9 + 600.0, .end_s = 1.7e9 + 700.0});
    const Course c = build_course(a);
    ASSERT_EQ(c.size(), a.samples.size());
    EXPECT_EQ(c.elevation_m.size(), c.size());
    EXPECT_EQ(c.grade.size(), c.size());
    EXPECT_EQ(c.speed_m_s.size(), c.size());
    EXPECT_EQ(c.moving.size(), c.size());
    EXPECT_TRUE(std::isfinite(c.distance_m_total));
    EXPECT_TRUE(std::isfinite(c.ascent_m.value_or(0.0)));
    EXPECT_TRUE(std::isfinite(c.moving_s.value_or(0.0)));
    for (std::size_t i = 1; i < c.size(); ++i) EXPECT_GE(c.distance_m[i], c.distance_m[i - 1]) << i;
}

}  // namespace
}  // namespace hillcoach::terrain
