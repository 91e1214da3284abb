// Weeks: sums per local calendar week, empty weeks kept, the week start and the time zone respected.

#include "hillcoach/training/weeks.hpp"

#include <gtest/gtest.h>

#include "history.hpp"

namespace hillcoach::training {
namespace {

using test::hill_repeats_at;
using test::run_at;
using test::utc;

TEST(WeeksTest, SumsPerWeekWithEmptyWeeksIncluded) {
    const auto cal = Calendar::make("UTC");
    ASSERT_TRUE(cal);
    const std::vector<ActivityDigest> history{
        run_at(utc("2026-05-04"), 10.0, 100.0),  // Monday, week 1
        hill_repeats_at(utc("2026-05-06")),      // Wednesday, week 1: 10 km, 200 m
        run_at(utc("2026-05-10", 20.0), 20.0),   // Sunday evening, week 1
        run_at(utc("2026-05-19"), 8.0, 50.0),    // Tuesday, week 3 (week 2 empty)
    };
    const std::vector<WeekRow> rows = weeks(history, *cal);
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(format_day(rows[0].start), "2026-05-04");
    EXPECT_EQ(format_day(rows[1].start), "2026-05-11");
    EXPECT_EQ(format_day(rows[2].start), "2026-05-18");

    const WeekRow& w = rows[0];
    EXPECT_EQ(w.activities, 3);
    EXPECT_DOUBLE_EQ(w.distance_m, 40000.0);
    EXPECT_DOUBLE_EQ(w.time_s, 40.0 * 360.0);
    EXPECT_DOUBLE_EQ(w.ascent_m, 300.0);
    EXPECT_DOUBLE_EQ(w.descent_m, 300.0);
    EXPECT_EQ(w.hill_sessions, 1);
    EXPECT_DOUBLE_EQ(w.flat_equivalent_distance_m, 40000.0 + 8.0 * 300.0);
    EXPECT_DOUBLE_EQ(w.stress, 400.0);
    EXPECT_DOUBLE_EQ(w.eccentric_load, 36.0);
    EXPECT_DOUBLE_EQ(w.uphill_load, 33.0);
    EXPECT_FALSE(w.acwr) << "no 28 days of history yet";

    EXPECT_EQ(rows[1].activities, 0);
    EXPECT_DOUBLE_EQ(rows[1].distance_m, 0.0);
    EXPECT_EQ(rows[2].activities, 1);
    EXPECT_DOUBLE_EQ(rows[2].ascent_m, 50.0);
    EXPECT_EQ(rows[2].end() - rows[2].start, 6);
}

TEST(WeeksTest, SundayStartAndTimeZoneMoveARunToAnotherWeek) {
    // Sunday 2026-05-10 23:30 in New York is Monday 03:30 UTC.
    const double t = utc("2026-05-11", 3.5);
    const std::vector<ActivityDigest> history{run_at(utc("2026-05-06"), 10.0), run_at(t, 12.0)};
    const auto utc_monday = Calendar::make("UTC");
    const auto ny_monday = Calendar::make("America/New_York");
    const auto ny_sunday = Calendar::make("America/New_York", std::chrono::Sunday);
    ASSERT_TRUE(utc_monday && ny_monday && ny_sunday);
    EXPECT_EQ(weeks(history, *utc_monday).size(), 2U) << "Monday in UTC: the next week";
    const auto ny = weeks(history, *ny_monday);
    ASSERT_EQ(ny.size(), 1U) << "Sunday evening in New York: the same week";
    EXPECT_DOUBLE_EQ(ny[0].distance_m, 22000.0);
    const auto ny_sun = weeks(history, *ny_sunday);
    ASSERT_EQ(ny_sun.size(), 2U) << "with Sunday starts, Sunday opens a new week";
    EXPECT_EQ(format_day(ny_sun[0].start), "2026-05-03");
    EXPECT_EQ(format_day(ny_sun[1].start), "2026-05-10");
}

TEST(WeeksTest, AcwrIsTheStressRatioAtTheWeeksEnd) {
    // Four steady weeks (three 10 km runs), then a doubled week: 1.0 then 1.6 (load_channels_test).
    const auto cal = Calendar::make("UTC");
    const Day monday = *parse_day("2026-01-05");
    std::vector<ActivityDigest> history;
    for (int week = 0; week < 4; ++week)
        for (int day : {0, 2, 4}) history.push_back(run_at(test::utc_day(monday + 7 * week + day), 10.0, 100.0));
    for (int day = 0; day < 6; ++day) history.push_back(run_at(test::utc_day(monday + 28 + day), 10.0, 100.0));
    // The last run is on Saturday: the history ends there, one day short of the week's end, and week 5's ratio
    // is judged on that Saturday.
    const auto rows = weeks(history, *cal);
    ASSERT_EQ(rows.size(), 5U);
    ASSERT_TRUE(rows[3].acwr);
    EXPECT_NEAR(*rows[3].acwr, 1.0, 1e-12);
    ASSERT_TRUE(rows[4].acwr && rows[4].eccentric_acwr);
    // Saturday of week 5 (day 33): window days 6..33 = week 1's Sunday (0) + weeks 2-4 (900) + 600.
    EXPECT_NEAR(*rows[4].acwr, 600.0 / (1500.0 / 4.0), 1e-12);
    EXPECT_NEAR(*rows[4].eccentric_acwr, *rows[4].acwr, 1e-12) << "eccentric load is in proportion here";
    EXPECT_TRUE(weeks({}, *cal).empty());
}

}  // namespace
}  // namespace hillcoach::training
