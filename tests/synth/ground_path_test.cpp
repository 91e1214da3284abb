#include "hillcoach/synth/ground_path.hpp"

#include <cmath>

#include <gtest/gtest.h>
#include <GeographicLib/Geodesic.hpp>

namespace hillcoach::synth {
namespace {

const GeographicLib::Geodesic& wgs84() {
    return GeographicLib::Geodesic::WGS84();
}

double metres_between(GeoPoint a, GeoPoint b) {
    double s12 = 0.0;
    wgs84().Inverse(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg, s12);
    return s12;
}

double azimuth_deg(GeoPoint a, GeoPoint b) {
    double s12 = 0.0;
    double azi1 = 0.0;
    double azi2 = 0.0;
    wgs84().Inverse(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg, s12, azi1, azi2);
    return azi1;
}

GroundPath lay(const char* text, PathOptions options, std::uint64_t seed = 3) {
    auto course = Course::parse(text);
    if (!course) throw std::runtime_error(course.error().message());
    auto path = GroundPath::lay(*course, options, Random(seed));
    if (!path) throw std::runtime_error(path.error().message());
    return std::move(*path);
}

// Ellipsoidal length of the path sampled every metre.
double walked_length(const GroundPath& path) {
    double total = 0.0;
    GeoPoint previous = path.at(0.0);
    for (double d = 1.0; d <= path.length_m() + 1e-9; d += 1.0) {
        const GeoPoint p = path.at(d);
        total += metres_between(previous, p);
        previous = p;
    }
    return total;
}

TEST(GroundPath, AStraightPathRunsItsLengthAlongItsHeading) {
    const GroundPath path = lay("flat 2000", {.start_latitude_deg = 46.8,
                                              .start_longitude_deg = 7.15,
                                              .heading_deg = 30.0,
                                              .layout = Layout::wander,
                                              .wander = 0.0});
    EXPECT_EQ(path.length_m(), 2000.0);
    const GeoPoint start = path.at(0.0);
    EXPECT_NEAR(start.latitude_deg, 46.8, 1e-12);
    EXPECT_NEAR(start.longitude_deg, 7.15, 1e-12);
    // The azimuthal equidistant projection keeps distances and azimuths from its centre exactly.
    EXPECT_NEAR(metres_between(start, path.at(2000.0)), 2000.0, 1e-6);
    EXPECT_NEAR(azimuth_deg(start, path.at(2000.0)), 30.0, 1e-9);
    EXPECT_NEAR(metres_between(start, path.at(1234.5)), 1234.5, 1e-6);
}

TEST(GroundPath, AWanderingPathKeepsTheCourseLength) {
    const GroundPath path = lay("flat 3000; up 2000 +100; down 1000 -100", {});
    EXPECT_EQ(path.length_m(), 6000.0);
    // Chords of 1 m on bends of radius ~400 m fall short by far less than a millimetre each.
    EXPECT_NEAR(walked_length(path), 6000.0, 0.5);
    // It does wander: the end is well short of 6 km from the start.
    EXPECT_LT(metres_between(path.at(0.0), path.at(6000.0)), 5900.0);
}

TEST(GroundPath, TurnsChangeTheHeading) {
    const GroundPath path =
        lay("flat 100; turn right; flat 100; turn -45; flat 100", {.heading_deg = 0.0, .wander = 0.0});
    // Away from the projection centre azimuths are off by the meridian convergence (~0.001 degrees at 100 m).
    EXPECT_NEAR(azimuth_deg(path.at(0.0), path.at(90.0)), 0.0, 0.01);
    EXPECT_NEAR(azimuth_deg(path.at(110.0), path.at(190.0)), 90.0, 0.01);
    EXPECT_NEAR(azimuth_deg(path.at(210.0), path.at(290.0)), 45.0, 0.01);
}

// Every rep of a hill-repeat block climbs the same hill: its foot and its top are the same place each time.
TEST(GroundPath, RepeatsComeBackToTheSamePlace) {
    const GroundPath path = lay("flat 300; repeat 6 { up 150 +12; down 150 -12 }; flat 300", {});
    const GeoPoint foot = path.at(300.0);
    const GeoPoint top = path.at(450.0);
    EXPECT_GT(metres_between(foot, top), 140.0);
    for (int rep = 0; rep < 6; ++rep) {
        const double start = 300.0 + 300.0 * rep;
        EXPECT_LT(metres_between(path.at(start), foot), 1e-6) << rep;
        EXPECT_LT(metres_between(path.at(start + 150.0), top), 1e-6) << rep;
        EXPECT_LT(metres_between(path.at(start + 300.0), foot), 1e-6) << rep;
        // The way down is the way up backwards.
        EXPECT_LT(metres_between(path.at(start + 40.0), path.at(start + 260.0)), 1e-6) << rep;
    }
    EXPECT_NEAR(walked_length(path), 2400.0, 1.0);
    // After the block the path carries on away from the hill's foot.
    EXPECT_GT(metres_between(path.at(2400.0), foot), 250.0);
}

TEST(GroundPath, OutAndBackEndsWhereItStarted) {
    const GroundPath path = lay("up 3000 +150; down 3000 -150", {.layout = Layout::out_and_back});
    EXPECT_LT(metres_between(path.at(0.0), path.at(6000.0)), 1e-6);
    EXPECT_LT(metres_between(path.at(1000.0), path.at(5000.0)), 1e-6);
    EXPECT_GT(metres_between(path.at(0.0), path.at(3000.0)), 1000.0);
}

TEST(GroundPath, ALoopClosesAndKeepsItsLength) {
    const GroundPath path =
        lay("flat 2000; up 1500 +80; repeat 4 { up 100 +8; down 100 -8 }; down 1500 -80; flat 1700",
            {.layout = Layout::loop});
    EXPECT_EQ(path.length_m(), 7500.0);
    EXPECT_LT(metres_between(path.at(0.0), path.at(7500.0)), 0.01);
    EXPECT_NEAR(walked_length(path), 7500.0, 1.0);
    // A loop, not an out-and-back: halfway round is far from the start.
    EXPECT_GT(metres_between(path.at(0.0), path.at(3750.0)), 1000.0);
}

TEST(GroundPath, TheSameRouteSeedLaysTheSameRoute) {
    const char* text = "flat 1000; up 500 +40; flat 1000";
    const GroundPath a = lay(text, {}, 99);
    const GroundPath b = lay(text, {}, 99);
    const GroundPath c = lay(text, {}, 100);
    for (double d = 0.0; d <= 2500.0; d += 250.0) {
        EXPECT_EQ(a.at(d).latitude_deg, b.at(d).latitude_deg);
        EXPECT_EQ(a.at(d).longitude_deg, b.at(d).longitude_deg);
    }
    EXPECT_GT(metres_between(a.at(2500.0), c.at(2500.0)), 10.0);
}

}  // namespace
}  // namespace hillcoach::synth
