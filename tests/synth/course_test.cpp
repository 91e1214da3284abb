#include "hillcoach/synth/course.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace hillcoach::synth {
namespace {

Course parse(const char* text, double start_elevation_m = 500.0) {
    auto c = Course::parse(text, {.start_elevation_m = start_elevation_m});
    if (!c) throw std::runtime_error(c.error().message());
    return std::move(*c);
}

TEST(Course, TotalsOfTheReadmeCourseAreExactlyWhatTheTextSays) {
    const Course c = parse("flat 1000; up 1500 +120; down 600 -80; flat 500");
    EXPECT_EQ(c.length_m(), 3600.0);
    EXPECT_EQ(c.ascent_m(), 120.0);
    EXPECT_EQ(c.descent_m(), 80.0);
    EXPECT_EQ(c.min_elevation_m(), 500.0);
    EXPECT_EQ(c.max_elevation_m(), 620.0);
    // Junctions lie at the written elevations; the top keeps its height.
    EXPECT_DOUBLE_EQ(c.elevation_at(0.0), 500.0);
    EXPECT_DOUBLE_EQ(c.elevation_at(1000.0), 500.0);
    EXPECT_DOUBLE_EQ(c.elevation_at(2500.0), 620.0);
    EXPECT_DOUBLE_EQ(c.elevation_at(3100.0), 540.0);
    EXPECT_DOUBLE_EQ(c.elevation_at(3600.0), 540.0);
    // A stretch with ramps of equal shape at both ends is at half its rise halfway (hand value: 500 + 60).
    EXPECT_NEAR(c.elevation_at(1750.0), 560.0, 1e-9);
    const ElevationChange all = c.change_between(0.0, c.length_m());
    EXPECT_DOUBLE_EQ(all.ascent_m, 120.0);
    EXPECT_DOUBLE_EQ(all.descent_m, 80.0);
    const ElevationChange part = c.change_between(1750.0, 3100.0);
    EXPECT_NEAR(part.ascent_m, 60.0, 1e-9);
    EXPECT_NEAR(part.descent_m, 80.0, 1e-9);
}

// The grade ramps from 0 at the foot to the core grade over k_grade_ramp_m, which makes up for the gentle
// ends: core = (H - (entry + exit) T / 2) / (L - T), here (120 - 0) / (1500 - 5).
TEST(Course, CoreGradeAndRampsFollowTheDocumentedShape) {
    const Course c = parse("flat 1000; up 1500 +120; down 600 -80; flat 500");
    const double core = 120.0 / 1495.0;
    EXPECT_DOUBLE_EQ(c.grade_at(1000.0), 0.0);
    EXPECT_NEAR(c.grade_at(1002.5), core / 2.0, 1e-12);
    EXPECT_NEAR(c.grade_at(1005.0), core, 1e-12);
    EXPECT_NEAR(c.grade_at(1750.0), core, 1e-12);
    EXPECT_NEAR(c.grade_at(2500.0), 0.0, 1e-12);
    EXPECT_NEAR(c.grade_at(2800.0), -80.0 / 595.0, 1e-12);
    const auto climbs = c.climbs();
    ASSERT_EQ(climbs.size(), 1u);
    EXPECT_NEAR(climbs[0].max_grade, core, 1e-12);
    EXPECT_DOUBLE_EQ(climbs[0].avg_grade, 0.08);
}

// Elevation is the integral of grade (the two are computed separately) and the grade is continuous.
TEST(Course, ElevationIsTheIntegralOfAContinuousGrade) {
    const Course c = parse("flat 300; up 200 +30; up 400 +20; down 50 -10; flat 30; down 700 -56; up 20 +3");
    constexpr double step = 0.01;
    double integral = c.elevation_at(0.0);
    double worst_jump = 0.0;
    for (double d = 0.0; d + step <= c.length_m() + 1e-9; d += step) {
        integral += (c.grade_at(d) + c.grade_at(d + step)) / 2.0 * step;
        worst_jump = std::max(worst_jump, std::abs(c.grade_at(d + step) - c.grade_at(d)));
        ASSERT_NEAR(integral, c.elevation_at(d + step), 1e-6) << "at " << d;
    }
    // No jump anywhere: the steepest ramp here (0 to -10/45 over 5 m, on the short descent) changes the grade
    // by 0.00044 per centimetre; a step in grade at a junction would be at least 0.05.
    EXPECT_LT(worst_jump, 0.0005);
}

TEST(Course, EachStretchIsMonotonicSoAscentIsTheSumOfRises) {
    const Course c = parse("up 500 +25; up 500 +50; down 40 -2; up 40 +2; down 1000 -300");
    EXPECT_EQ(c.ascent_m(), 77.0);
    EXPECT_EQ(c.descent_m(), 302.0);
    double ascent = 0.0;
    double descent = 0.0;
    double previous = c.elevation_at(0.0);
    for (double d = 0.25; d <= c.length_m(); d += 0.25) {
        const double h = c.elevation_at(d);
        if (h > previous)
            ascent += h - previous;
        else
            descent += previous - h;
        previous = h;
    }
    EXPECT_NEAR(ascent, 77.0, 1e-9);
    EXPECT_NEAR(descent, 302.0, 1e-9);
}

// Same-direction junction: the grade there is the gentler nominal grade (0.05); the second stretch's core
// makes up for its gentle start and its level end: (50 - (0.05 + 0) x 5 / 2) / 495.
TEST(Course, ClimbsJoinStretchesGoingUpAndReportTheSteepestCore) {
    const Course c = parse("flat 200; up 500 +25; up 500 +50; flat 100");
    EXPECT_NEAR(c.grade_at(700.0), 0.05, 1e-12);
    const auto climbs = c.climbs();
    ASSERT_EQ(climbs.size(), 1u);
    EXPECT_EQ(climbs[0].start_m, 200.0);
    EXPECT_EQ(climbs[0].end_m, 1200.0);
    EXPECT_EQ(climbs[0].height_m, 75.0);
    EXPECT_DOUBLE_EQ(climbs[0].avg_grade, 0.075);
    EXPECT_NEAR(climbs[0].max_grade, (50.0 - 0.05 * 5.0 / 2.0) / 495.0, 1e-12);
    EXPECT_TRUE(c.descents().empty());
}

TEST(Course, StopsAndTurnsDoNotBreakAClimbButAFlatDoes) {
    const Course c = parse("up 100 +10; stop 30; turn left; up 100 +10; flat 50; up 100 +5");
    EXPECT_EQ(c.stop_s(), 30.0);
    const auto climbs = c.climbs();
    ASSERT_EQ(climbs.size(), 2u);
    EXPECT_EQ(climbs[0].height_m, 20.0);
    EXPECT_EQ(climbs[0].length_m, 200.0);
    EXPECT_EQ(climbs[1].height_m, 5.0);
}

TEST(Course, RepeatsUnrollWithTheirBlockAndRep) {
    const Course c =
        parse("flat 500; repeat 6 { up 150 +12; down 150 -12 }; flat 500; repeat 2 { up 100 5% }");
    EXPECT_EQ(c.length_m(), 500.0 + 6 * 300.0 + 500.0 + 200.0);
    EXPECT_DOUBLE_EQ(c.ascent_m(), 6 * 12.0 + 10.0);
    EXPECT_EQ(c.descent_m(), 72.0);
    const auto climbs = c.climbs();
    ASSERT_EQ(climbs.size(), 7u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(climbs[i].repeat_block, 0);
        EXPECT_EQ(climbs[i].rep, i);
        EXPECT_EQ(climbs[i].start_m, 500.0 + 300.0 * i);
        EXPECT_EQ(climbs[i].height_m, 12.0);
    }
    // Two ups in a row (the second block) are one climb on the ground.
    EXPECT_EQ(climbs[6].repeat_block, 1);
    EXPECT_EQ(climbs[6].length_m, 200.0);
    EXPECT_EQ(c.descents().size(), 6u);
}

TEST(Course, ShortStretchesUseAQuarterOfTheirLengthForEachRamp) {
    const Course c = parse("flat 100; up 8 +1; flat 100");
    const Stretch& s = c.stretches()[1];
    EXPECT_EQ(s.ramp_m, 2.0);
    EXPECT_DOUBLE_EQ(s.core_grade, 1.0 / 6.0);
    EXPECT_DOUBLE_EQ(c.elevation_at(108.0), 501.0);
}

TEST(Course, CourseEndsStartAtTheirNominalGrade) {
    const Course c = parse("up 1000 +50", 0.0);
    EXPECT_DOUBLE_EQ(c.grade_at(0.0), 0.05);
    EXPECT_DOUBLE_EQ(c.grade_at(1000.0), 0.05);
    EXPECT_DOUBLE_EQ(c.elevation_at(400.0), 20.0);
    EXPECT_DOUBLE_EQ(c.elevation_at(-5.0), 0.0);  // clamped
    EXPECT_DOUBLE_EQ(c.elevation_at(2000.0), 50.0);
}

}  // namespace
}  // namespace hillcoach::synth
