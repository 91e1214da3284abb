#include "hillcoach/core/time.hpp"

#include <gtest/gtest.h>

using namespace hillcoach::core;

TEST(Iso8601, ReadsZuluTimes) {
    const auto t = parse_iso8601("2020-06-15T07:30:00Z");
    ASSERT_TRUE(t);
    EXPECT_DOUBLE_EQ(t->unix_s, 1592206200.0);
    EXPECT_TRUE(t->had_zone);
    EXPECT_FALSE(t->utc_offset_s.has_value());
}

TEST(Iso8601, ReadsOffsetsAndFractions) {
    // gpxpy's NikePlus file writes "+01:00" with fractional seconds.
    const auto t = parse_iso8601("2014-02-07T20:10:29.123+01:00");
    ASSERT_TRUE(t);
    EXPECT_NEAR(t->unix_s, 1391800229.123, 1e-6);  // 19:10:29.123Z
    ASSERT_TRUE(t->utc_offset_s);
    EXPECT_EQ(*t->utc_offset_s, 3600);
    const auto west = parse_iso8601("2014-02-07T20:10:29-0530");
    ASSERT_TRUE(west);
    EXPECT_EQ(*west->utc_offset_s, -(5 * 3600 + 30 * 60));
    EXPECT_DOUBLE_EQ(west->unix_s, 1391803829.0 + 5.5 * 3600.0);  // 20:10:29Z is 1391803829
}

TEST(Iso8601, NoDesignatorReadsAsUtcAndSaysSo) {
    const auto t = parse_iso8601("  2001-01-01T00:00:00\n");
    ASSERT_TRUE(t);
    EXPECT_DOUBLE_EQ(t->unix_s, 978307200.0);
    EXPECT_FALSE(t->had_zone);
}

TEST(Iso8601, RejectsGarbageAndOutOfRangeFields) {
    for (const char* bad : {"", "yesterday", "2020-13-01T00:00:00Z", "2020-02-30T00:00:00Z", "2019-02-29T00:00:00Z",
                            "2020-01-01T25:00:00Z", "2020-01-01T10:61:00Z", "2020-01-01T10:00:00Q",
                            "2020-01-01T10:00:00+25:00", "2020-01-01", "2020-01-01T10:00:00.Z",
                            "2020-01-01T10:00:00Z trailing"}) {
        EXPECT_FALSE(parse_iso8601(bad).has_value()) << bad;
    }
    EXPECT_TRUE(parse_iso8601("2020-02-29T00:00:00Z").has_value());
}

TEST(Iso8601, FormatsUtcAndLocal) {
    EXPECT_EQ(format_iso8601_utc(1592206200.0), "2020-06-15T07:30:00Z");
    EXPECT_EQ(format_iso8601_utc(1592206200.25), "2020-06-15T07:30:00.250Z");
    EXPECT_EQ(format_iso8601_local(1592206200.0, 7200), "2020-06-15T09:30:00+02:00");
    EXPECT_EQ(format_iso8601_local(1592206200.0, -16200), "2020-06-15T03:00:00-04:30");
}

TEST(Iso8601, DaysFromCivilMatchesKnownDates) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(1989, 12, 31), 7304);  // the day before the FIT epoch
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
}
