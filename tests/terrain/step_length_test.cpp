// The local step formula against GeographicLib's geodesic (Karney 2013) over the steps a track is made of.

#include "hillcoach/terrain/step_length.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include <gtest/gtest.h>

#include "hillcoach/terrain/geodesy.hpp"

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// The point `length_m` from (lat, lon) along `azimuth_deg`, by the same local formula run backwards: only
// used to lay out test steps; the comparison is against the geodesic of the two points, whatever they are.
void offset(double lat, double lon, double length_m, double azimuth_deg, double& lat2, double& lon2) {
    const double az = azimuth_deg * std::numbers::pi / 180.0;
    const double m_per_deg_lat = 111000.0;
    lat2 = lat + length_m * std::cos(az) / m_per_deg_lat;
    lon2 = lon + length_m * std::sin(az) / (m_per_deg_lat * std::cos(lat * std::numbers::pi / 180.0));
}

TEST(StepLengthTest, AgreesWithTheGeodesicForStepsUpToOneKilometre) {
    // Latitudes 0-80 degrees, eight directions, steps of 1 m to 1 km: the largest relative difference.
    double worst = 0.0;
    for (double lat = 0.0; lat <= 80.0; lat += 10.0) {
        for (double az = 0.0; az < 360.0; az += 45.0) {
            for (double length : {1.0, 3.0, 10.0, 100.0, 999.0}) {
                double lat2 = 0.0;
                double lon2 = 0.0;
                offset(lat, 7.0, length, az, lat2, lon2);
                const double geodesic = geodesic_distance_m(lat, 7.0, lat2, lon2);
                const double local = step_length_m(lat, 7.0, lat2, lon2);
                worst = std::max(worst, std::abs(local - geodesic) / geodesic);
            }
        }
    }
    std::printf("largest relative difference from the geodesic: %.2e\n", worst);
    EXPECT_LT(worst, 1e-8);
}

TEST(StepLengthTest, LongStepsAreSolvedAsGeodesics) {
    // 500 km: past k_local_step_limit_m the geodesic is used, so the answer is exact.
    EXPECT_NEAR(step_length_m(40.6, -73.8, 51.6, -0.5), 5551759.400, 0.001);  // GeodSolve manual, JFK-LHR
    EXPECT_DOUBLE_EQ(step_length_m(46.0, 7.0, 50.0, 7.0), geodesic_distance_m(46.0, 7.0, 50.0, 7.0));
}

TEST(StepLengthTest, OneDegreeStepsOfTheEllipsoidNotTheSphere) {
    // 0.001 degree of latitude at the equator: the meridional radius there is a (1 - e^2) = 6335439 m, so
    // 110.574 m; a sphere of 6371 km would say 111.195 m (0.56 % more).
    EXPECT_NEAR(step_length_m(0.0, 0.0, 0.001, 0.0), 110.574, 0.001);
    // 0.001 degree of longitude at 60 degrees: N cos(phi) with N = 6394209 m: 55.800 m.
    EXPECT_NEAR(step_length_m(60.0, 10.0, 60.0, 10.001), geodesic_distance_m(60.0, 10.0, 60.0, 10.001), 1e-6);
}

TEST(StepLengthTest, AcrossTheAntimeridianAStepIsShort) {
    EXPECT_NEAR(step_length_m(10.0, 179.9999, 10.0, -179.9999),
                geodesic_distance_m(10.0, 179.9999, 10.0, -179.9999), 1e-6);
    EXPECT_LT(step_length_m(10.0, 179.9999, 10.0, -179.9999), 30.0);
}

TEST(StepLengthTest, NanAndBadLatitudesGiveNan) {
    EXPECT_TRUE(std::isnan(step_length_m(k_nan, 7.0, 46.0, 7.0)));
    EXPECT_TRUE(std::isnan(step_length_m(46.0, 7.0, 46.0, k_nan)));
    EXPECT_TRUE(std::isnan(step_length_m(91.0, 7.0, 46.0, 7.0)));
    EXPECT_EQ(step_length_m(46.0, 7.0, 46.0, 7.0), 0.0);
}

TEST(StepLengthTest, LocalOffsetPointsEastAndNorth) {
    const FixScale a = fix_scale(46.0, 7.0);
    const LocalOffset north = local_offset_m(a, fix_scale(46.001, 7.0));
    const LocalOffset west = local_offset_m(a, fix_scale(46.0, 6.999));
    EXPECT_GT(north.north_m, 100.0);
    EXPECT_NEAR(north.east_m, 0.0, 1e-9);
    EXPECT_LT(west.east_m, -50.0);
    EXPECT_NEAR(west.north_m, 0.0, 1e-9);
}

TEST(StepLengthTest, TheScalerMatchesTheExactScales) {
    // A track from 0 to 80 degrees north in 500 m steps (so the reference moves every other fix) and back.
    FixScaler scaler;
    double worst = 0.0;
    for (int i = 0; i < 2 * 17800; ++i) {
        const double lat = i < 17800 ? i * 0.0045 : (2 * 17800 - i) * 0.0045;
        const double lon = 7.0 + 0.001 * i;
        const FixScale fast = scaler(lat, lon);
        const FixScale exact = fix_scale(lat, lon);
        worst = std::max({worst, std::abs(fast.cos_latitude - exact.cos_latitude),
                          std::abs(fast.inverse_w - exact.inverse_w)});
        EXPECT_EQ(fast.latitude_deg, lat);
        EXPECT_EQ(fast.longitude_deg, lon);
    }
    EXPECT_LT(worst, 1e-12);
}

}  // namespace
}  // namespace hillcoach::terrain
