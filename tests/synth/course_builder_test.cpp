#include "support/course_builder.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hillcoach::test {
namespace {

TEST(CourseBuilder, BuildsANoiseFreeCourseWithItsTruth) {
    const BuiltCourse run = build_course("flat 1000; up 1500 +120; down 600 -80; flat 500");
    EXPECT_EQ(run.truth.distance_m, 3600.0);
    EXPECT_EQ(run.truth.ascent_m, 120.0);
    EXPECT_EQ(run.truth.descent_m, 80.0);
    ASSERT_EQ(run.truth.elevation_every_metre.size(), 3601u);
    EXPECT_EQ(run.truth.elevation_every_metre[2500], 620.0);
    EXPECT_EQ(run.truth.elevation_every_metre.back(), 540.0);
    const auto& s = run.activity.samples;
    ASSERT_EQ(run.truth.elevation_m.size(), s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        EXPECT_EQ(s.elevation_m[i], run.truth.elevation_m[i]);
        EXPECT_EQ(s.latitude_deg[i], run.truth.latitude_deg[i]);
    }
    EXPECT_EQ(run.activity.elevation_source, core::ElevationSource::unknown);
}

TEST(CourseBuilder, NoiseOptionsChooseTheSensors) {
    const char* text = "flat 500; up 1000 +50; flat 500";
    const BuiltCourse positions = build_course(text, {.noise = Noise::positions, .seed = 7});
    const BuiltCourse gps = build_course(text, {.noise = Noise::gps, .seed = 7});
    const BuiltCourse baro = build_course(text, {.noise = Noise::barometric, .seed = 7});
    EXPECT_EQ(positions.activity.samples.elevation_m, positions.truth.elevation_m);
    EXPECT_NE(positions.activity.samples.latitude_deg, positions.truth.latitude_deg);
    EXPECT_EQ(gps.activity.elevation_source, core::ElevationSource::gps);
    EXPECT_EQ(baro.activity.elevation_source, core::ElevationSource::barometric);
    EXPECT_NE(gps.activity.samples.elevation_m, gps.truth.elevation_m);
    for (const double h : baro.activity.samples.elevation_m) EXPECT_NEAR(h / 0.2, std::round(h / 0.2), 1e-6);
}

TEST(CourseBuilder, HillRepeatsHaveTheirRepsInTheTruth) {
    const BuiltCourse run = build_course("flat 1000; repeat 6 { up 150 +10.5; down 150 -10.5 }; flat 1000",
                                         {.noise = Noise::barometric, .seed = 3, .runner = Runner::repeats});
    ASSERT_EQ(run.truth.climbs.size(), 6u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(run.truth.climbs[i].rep, i);
        EXPECT_NEAR(run.truth.climbs[i].avg_grade, 0.07, 1e-12);
    }
    EXPECT_NEAR(run.truth.ascent_m, 63.0, 1e-9);
}

TEST(CourseBuilder, ThinningKeepsEveryNthSampleTheLastAndTheLaps) {
    const BuiltCourse run = build_course("flat 2500; up 1000 +60", {.noise = Noise::gps, .seed = 2});
    const BuiltCourse fifth = thin(run, 5);
    const std::size_t n = run.activity.samples.size();
    EXPECT_EQ(fifth.activity.samples.size(), (n - 1) / 5 + 1 + ((n - 1) % 5 != 0 ? 1 : 0));
    EXPECT_EQ(fifth.activity.samples.time_s[1], run.activity.samples.time_s[5]);
    EXPECT_EQ(fifth.activity.samples.time_s.back(), run.activity.samples.time_s.back());
    EXPECT_EQ(fifth.truth.elevation_m.size(), fifth.activity.samples.size());
    EXPECT_EQ(fifth.truth.elevation_m[2], run.truth.elevation_m[10]);
    ASSERT_EQ(fifth.activity.laps.size(), run.activity.laps.size());
    EXPECT_EQ(fifth.activity.laps.front().first_sample, 0u);
    EXPECT_EQ(fifth.activity.laps.back().end_sample, fifth.activity.samples.size());
    for (std::size_t k = 1; k < fifth.activity.laps.size(); ++k) {
        EXPECT_EQ(fifth.activity.laps[k].first_sample, fifth.activity.laps[k - 1].end_sample);
    }
    EXPECT_EQ(fifth.activity.device.ascent_m, run.activity.device.ascent_m);
    const BuiltCourse tenth = thin(run, 10);
    EXPECT_LT(tenth.activity.samples.size(), fifth.activity.samples.size());
}

TEST(CourseBuilder, ABadDescriptionThrowsWithItsPosition) {
    try {
        (void)build_course("flat 1000; up 1500");
        FAIL() << "expected std::invalid_argument";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "course:1:19: error: 'up' needs a rise like +120 or a grade like 7%");
    }
}

}  // namespace
}  // namespace hillcoach::test
