// Heart-rate zones from each anchor, the zone of a heart rate at the edges, and time in zones on a course.

#include "hillcoach/physiology/heart_rate_zones.hpp"

#include <gtest/gtest.h>

#include "course_fixture.hpp"

namespace hillcoach::physiology {
namespace {

using test::make_course;

const ZoneAnchors k_anchors{.max_hr_bpm = 190, .rest_hr_bpm = 50, .threshold_hr_bpm = 170};

TEST(HeartRateZonesTest, MaxZonesAreTenPercentBandsOfMax) {
    const auto z = heart_rate_zones(ZoneModel::max_hr, k_anchors);
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[0], 114.0);  // 60 % of 190
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[3], 171.0);  // 90 %
}

TEST(HeartRateZonesTest, ReserveZonesAreKarvonen) {
    const auto z = heart_rate_zones(ZoneModel::reserve, k_anchors);
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[0], 50 + 0.6 * 140);  // 134
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[1], 50 + 0.7 * 140);  // 148
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[3], 50 + 0.9 * 140);  // 176
}

TEST(HeartRateZonesTest, ThresholdZonesAreFrielsRunZones) {
    const auto z = heart_rate_zones(ZoneModel::threshold, k_anchors);
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[0], 0.85 * 170);
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[1], 0.90 * 170);
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[2], 0.95 * 170);
    EXPECT_DOUBLE_EQ(z.lower_bounds_bpm[3], 170.0);
}

TEST(HeartRateZonesTest, ZoneOfIsOpenAtBothEndsAndInclusiveAtLowerBounds) {
    const auto z = heart_rate_zones(ZoneModel::max_hr, k_anchors);
    EXPECT_EQ(zone_of(z, 40.0), 1);
    EXPECT_EQ(zone_of(z, 113.9), 1);
    EXPECT_EQ(zone_of(z, 114.0), 2);
    EXPECT_EQ(zone_of(z, 171.0), 5);
    EXPECT_EQ(zone_of(z, 230.0), 5);
}

TEST(HeartRateZonesTest, TimeInZonesAddsUpStepByStep) {
    // 10 min at 120 (zone 2 by max), 20 min at 160 (zone 4), 5 min at 180 (zone 5); flat at 3 m/s.
    const auto course = make_course({{.length_m = 1800, .heart_rate_bpm = 120},
                                     {.length_m = 3600, .heart_rate_bpm = 160},
                                     {.length_m = 900, .heart_rate_bpm = 180}});
    const auto t = time_in_zones_s(course, heart_rate_zones(ZoneModel::max_hr, k_anchors));
    ASSERT_TRUE(t);
    // The first step of each new block averages the two heart rates at its ends (140: zone 3; 170: zone 4).
    EXPECT_NEAR((*t)[0], 0.0, 1e-9);
    EXPECT_NEAR((*t)[1], 600.0, 1e-9);
    EXPECT_NEAR((*t)[2], 1.0, 1e-9);
    EXPECT_NEAR((*t)[3], 1200.0, 1e-9);
    EXPECT_NEAR((*t)[4], 299.0, 1e-9);
}

TEST(HeartRateZonesTest, NoHeartRateNoZones) {
    EXPECT_FALSE(time_in_zones_s(make_course({{.length_m = 1000}}), heart_rate_zones(ZoneModel::reserve, k_anchors)));
}

TEST(HeartRateZonesTest, ModelNames) {
    EXPECT_EQ(zone_model_from_text("max"), ZoneModel::max_hr);
    EXPECT_EQ(zone_model_from_text("reserve"), ZoneModel::reserve);
    EXPECT_EQ(zone_model_from_text("threshold"), ZoneModel::threshold);
    EXPECT_FALSE(zone_model_from_text("zones"));
    EXPECT_EQ(to_string(ZoneModel::max_hr), "max");
}

}  // namespace
}  // namespace hillcoach::physiology
