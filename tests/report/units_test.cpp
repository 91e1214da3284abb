#include "hillcoach/report/units.hpp"

#include <gtest/gtest.h>

namespace hillcoach::report {
namespace {

TEST(UnitSystem, ParsesItsTwoNames) {
    EXPECT_EQ(unit_system_from_text("metric"), UnitSystem::metric);
    EXPECT_EQ(unit_system_from_text("imperial"), UnitSystem::imperial);
    EXPECT_FALSE(unit_system_from_text("Imperial"));
    EXPECT_FALSE(unit_system_from_text("us"));
    EXPECT_EQ(to_string(UnitSystem::imperial), "imperial");
}

TEST(UnitFormat, MetricIsSiScaled) {
    const UnitFormat m(UnitSystem::metric);
    EXPECT_DOUBLE_EQ(m.distance_value(21097.5), 21.0975);
    EXPECT_DOUBLE_EQ(m.elevation_value(1234.0), 1234.0);
    EXPECT_DOUBLE_EQ(m.pace_value(300.0), 300.0);
    EXPECT_EQ(m.distance_text(21097.5), "21.10 km");
    EXPECT_EQ(m.distance_text(850.0), "850 m");
    EXPECT_EQ(m.elevation_text(1234.4), "1234 m");
    EXPECT_EQ(m.pace_text(312.0), "5:12 /km");
    EXPECT_EQ(m.distance_unit(), "km");
    EXPECT_EQ(m.pace_unit(), "/km");
}

TEST(UnitFormat, ImperialUsesTheInternationalMileAndFoot) {
    const UnitFormat i(UnitSystem::imperial);
    // A marathon is 26.2188 mi; a mile is exactly 5280 ft.
    EXPECT_NEAR(i.distance_value(42195.0), 26.21876, 1e-5);
    EXPECT_NEAR(i.elevation_value(k_metres_per_mile), 5280.0, 1e-9);
    EXPECT_NEAR(i.elevation_value(8848.86), 29031.7, 0.05);  // Everest in feet
    // 5:00 /km is 8:02.7 /mi.
    EXPECT_NEAR(i.pace_value(300.0), 482.8032, 1e-9);
    EXPECT_EQ(i.pace_text(300.0), "8:03 /mi");
    EXPECT_EQ(i.distance_text(42195.0), "26.22 mi");
    EXPECT_EQ(i.distance_text(100.0), "328 ft");  // under a tenth of a mile: feet
    EXPECT_EQ(i.elevation_text(100.0), "328 ft");
    EXPECT_EQ(i.distance_unit(), "mi");
    EXPECT_EQ(i.elevation_unit(), "ft");
}

TEST(ClockText, HoursOnlyWhenNeeded) {
    EXPECT_EQ(clock_text(0.0), "0:00");
    EXPECT_EQ(clock_text(59.6), "1:00");
    EXPECT_EQ(clock_text(2525.0), "42:05");
    EXPECT_EQ(clock_text(3723.0), "1:02:03");
}

TEST(PercentText, FractionToPercent) {
    EXPECT_EQ(percent_text(0.032), "3.2%");
    EXPECT_EQ(percent_text(-0.15, 0), "-15%");
}

}  // namespace
}  // namespace hillcoach::report
