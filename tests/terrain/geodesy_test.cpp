// Reference cases for the WGS84 geodesic distance, each from a published source or a closed form, with the
// tolerance the source allows (GeographicLib solves the inverse problem to about 15 nm).

#include "hillcoach/terrain/geodesy.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
// Published values are given to the millimetre (or better); GeographicLib agrees to nanometres.
constexpr double k_mm = 0.001;

TEST(GeodesyTest, OneDegreeOfLatitudeAtTheEquator) {
    // The meridian arc from 0 to 1 degree on WGS84: 110574.389 m (the standard "length of a degree" tables).
    EXPECT_NEAR(geodesic_distance_m(0.0, 0.0, 1.0, 0.0), 110574.389, k_mm);
}

TEST(GeodesyTest, OneDegreeOfLongitudeAlongTheEquatorIsAnArcOfTheEquatorialCircle) {
    // Closed form: a * pi / 180 with a = 6378137 m.
    const double expected = 6378137.0 * std::acos(-1.0) / 180.0;
    EXPECT_NEAR(geodesic_distance_m(0.0, 0.0, 0.0, 1.0), expected, 1e-6);
    EXPECT_NEAR(expected, 111319.491, k_mm);
}

TEST(GeodesyTest, EquatorToPoleIsTheMeridianQuadrant) {
    // The WGS84 meridian quadrant: 10001965.729 m.
    EXPECT_NEAR(geodesic_distance_m(0.0, 0.0, 90.0, 0.0), 10001965.729, k_mm);
}

TEST(GeodesyTest, AntipodalPointsOnTheEquatorAreJoinedOverThePoles) {
    // For an oblate ellipsoid the shortest path between (0, 0) and (0, 180) runs through a pole: twice the
    // meridian quadrant, shorter than half the equator (20037508.343 m).
    EXPECT_NEAR(geodesic_distance_m(0.0, 0.0, 0.0, 180.0), 2 * 10001965.729313, k_mm);
}

TEST(GeodesyTest, KarneyNearlyAntipodalCase) {
    // Karney (2013), "Algorithms for geodesics", the worked inverse example: phi1 = -30, phi2 = 29.9,
    // lambda12 = 179.8 degrees gives s12 = 19989832.827610 m. Methods that are not iterated to convergence
    // (Vincenty's) fail or lose accuracy here.
    EXPECT_NEAR(geodesic_distance_m(-30.0, 0.0, 29.9, 179.8), 19989832.827610, 1e-6);
}

TEST(GeodesyTest, JfkToHeathrowAsGeodSolveDocumentsIt) {
    // GeographicLib's GeodSolve manual: "40.6 -73.8 51.6 -0.5" inverse gives s12 = 5551759.400 m.
    EXPECT_NEAR(geodesic_distance_m(40.6, -73.8, 51.6, -0.5), 5551759.400, k_mm);
}

TEST(GeodesyTest, SymmetricAndZeroForTheSamePoint) {
    EXPECT_EQ(geodesic_distance_m(46.05, 14.5, 46.05, 14.5), 0.0);
    EXPECT_NEAR(geodesic_distance_m(46.05, 14.5, 45.8, 13.9), geodesic_distance_m(45.8, 13.9, 46.05, 14.5), 1e-9);
}

TEST(GeodesyTest, LongitudesAreReducedAroundTheDateLine) {
    EXPECT_NEAR(geodesic_distance_m(0.0, 179.5, 0.0, -179.5), geodesic_distance_m(0.0, 0.0, 0.0, 1.0), 1e-6);
    EXPECT_NEAR(geodesic_distance_m(10.0, 370.0, 11.0, 10.0), geodesic_distance_m(10.0, 10.0, 11.0, 10.0), 1e-6);
}

TEST(GeodesyTest, NanOrOutOfRangeLatitudeGivesNan) {
    EXPECT_TRUE(std::isnan(geodesic_distance_m(k_nan, 0.0, 1.0, 0.0)));
    EXPECT_TRUE(std::isnan(geodesic_distance_m(0.0, 0.0, 1.0, k_nan)));
    EXPECT_TRUE(std::isnan(geodesic_distance_m(91.0, 0.0, 1.0, 0.0)));
}

core::Samples track(std::initializer_list<std::pair<double, double>> points) {
    core::Samples s;
    for (const auto& [lat, lon] : points) {
        s.push_empty();
        s.latitude_deg.back() = lat;
        s.longitude_deg.back() = lon;
    }
    return s;
}

TEST(PathLengthTest, ASplitMeridianSumsToTheWholeArc) {
    // A meridian is a geodesic, so the legs add up to the direct distance exactly (up to rounding).
    const auto s = track({{0.0, 10.0}, {0.25, 10.0}, {0.5, 10.0}, {1.0, 10.0}});
    EXPECT_NEAR(path_length_m(s), 110574.389, k_mm);
}

TEST(PathLengthTest, SamplesWithoutPositionAreSkipped) {
    auto s = track({{0.0, 0.0}, {k_nan, k_nan}, {0.0, 1.0}, {k_nan, 0.5}});
    EXPECT_NEAR(path_length_m(s), 111319.491, k_mm);
}

TEST(PathLengthTest, NoPositionIsNanAndOneIsZero) {
    EXPECT_TRUE(std::isnan(path_length_m(track({}))));
    EXPECT_TRUE(std::isnan(path_length_m(track({{k_nan, k_nan}, {k_nan, k_nan}}))));
    EXPECT_EQ(path_length_m(track({{k_nan, k_nan}, {45.0, 7.0}})), 0.0);
}

TEST(PathLengthTest, ARepeatedFixAddsNothing) {
    const auto s = track({{45.0, 7.0}, {45.0, 7.0}, {45.0, 7.001}, {45.0, 7.001}});
    EXPECT_NEAR(path_length_m(s), geodesic_distance_m(45.0, 7.0, 45.0, 7.001), 1e-9);
}

}  // namespace
}  // namespace hillcoach::terrain
