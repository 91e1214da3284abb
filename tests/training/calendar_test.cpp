// The athlete's calendar: local days across time zones and daylight saving, week starts, date text.

#include "hillcoach/training/calendar.hpp"

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::training {
namespace {

TEST(CalendarTest, LateEveningRunBelongsToTheLocalDay) {
    const auto zurich = Calendar::make("Europe/Zurich");
    ASSERT_TRUE(zurich) << zurich.error().message();
    // Sunday 2026-03-01 23:30 in Zurich (CET, UTC+1) is 22:30 UTC the same day; 2026-03-01 is a Sunday.
    const double t = static_cast<double>(*parse_day("2026-03-01")) * 86400.0 + 22.5 * 3600.0;
    EXPECT_EQ(format_day(zurich->local_day(t)), "2026-03-01");
    // In Tokyo (UTC+9) the same instant is Monday morning: another day and another week.
    const auto tokyo = Calendar::make("Asia/Tokyo");
    ASSERT_TRUE(tokyo);
    EXPECT_EQ(format_day(tokyo->local_day(t)), "2026-03-02");
    EXPECT_EQ(format_day(zurich->week_of(zurich->local_day(t))), "2026-02-23");
    EXPECT_EQ(format_day(tokyo->week_of(tokyo->local_day(t))), "2026-03-02");
}

TEST(CalendarTest, DaylightSavingShiftsTheOffset) {
    const auto zurich = Calendar::make("Europe/Zurich");
    ASSERT_TRUE(zurich);
    // 2026-07-01 22:30 UTC is 00:30 on 2 July in summer time (UTC+2), but 23:30 on 1 January in winter (UTC+1).
    EXPECT_EQ(format_day(zurich->local_day(static_cast<double>(*parse_day("2026-07-01")) * 86400.0 + 22.5 * 3600.0)),
              "2026-07-02");
    EXPECT_EQ(format_day(zurich->local_day(static_cast<double>(*parse_day("2026-01-01")) * 86400.0 + 22.5 * 3600.0)),
              "2026-01-01");
}

TEST(CalendarTest, WeekStartIsConfigurable) {
    const auto monday = Calendar::make("UTC");
    const auto sunday = Calendar::make("UTC", std::chrono::Sunday);
    ASSERT_TRUE(monday && sunday);
    const Day wednesday = *parse_day("2026-05-06");
    EXPECT_EQ(format_day(monday->week_of(wednesday)), "2026-05-04");
    EXPECT_EQ(format_day(sunday->week_of(wednesday)), "2026-05-03");
    // A week-start day is its own week's start.
    EXPECT_EQ(monday->week_of(*parse_day("2026-05-04")), *parse_day("2026-05-04"));
    EXPECT_EQ(sunday->week_of(*parse_day("2026-05-03")), *parse_day("2026-05-03"));
    EXPECT_EQ(monday->week_start(), std::chrono::Monday);
}

TEST(CalendarTest, UnknownZoneIsAnError) {
    const auto bad = Calendar::make("Mars/Olympus_Mons");
    EXPECT_ERROR(bad, core::ErrorCode::invalid_argument, "unknown time zone 'Mars/Olympus_Mons'");
    EXPECT_FALSE(Calendar::system_zone_name().empty());
}

TEST(CalendarTest, DayAndWeekdayText) {
    EXPECT_EQ(parse_day("1970-01-01"), 0);
    EXPECT_EQ(parse_day("1970-01-02"), 1);
    EXPECT_EQ(parse_day("2024-02-29"), 19782);
    EXPECT_FALSE(parse_day("2023-02-29"));
    EXPECT_FALSE(parse_day("2023-2-28"));
    EXPECT_FALSE(parse_day("2023-02-28x"));
    EXPECT_EQ(format_day(19782), "2024-02-29");
    EXPECT_EQ(weekday_from_text("Sunday"), std::chrono::Sunday);
    EXPECT_EQ(weekday_from_text("mon"), std::chrono::Monday);
    EXPECT_FALSE(weekday_from_text("mo"));
    EXPECT_EQ(weekday_name(std::chrono::Saturday), "saturday");
}

}  // namespace
}  // namespace hillcoach::training
