// The plan's link to the history: the four weeks before the start summed from digests (older runs and other
// sports left out), the starting point averaged from them, the climb library's places named where the runner
// meets them and used by hill sessions, and the runs since the start as done activities.

#include "hillcoach/plan/history.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "hillcoach/plan/planner.hpp"

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;

constexpr Date k_start{chr::year{2026} / chr::May / 4};

double unix_at(Date d, double hour) {
    return static_cast<double>(d.time_since_epoch().count()) * 86400.0 + hour * 3600.0;
}

training::ActivityDigest run(std::int64_t id, Date day, double minutes, double km, double up, double stress,
                             bool hill = false) {
    training::ActivityDigest d;
    d.id = core::ActivityId{id};
    d.name = fmt::format("run {}", id);
    d.start_time_s = unix_at(day, 7.0);
    d.sport = core::Sport::running;
    d.moving_s = minutes * 60.0;
    d.distance_m = km * 1000.0;
    d.ascent_m = up;
    d.descent_m = up;
    d.stress = stress;
    d.threshold_speed_m_s = 1000.0 / 280.0;
    if (hill) d.hill_focus = training::HillFocus::hill_repeats;
    return d;
}

TEST(HistoryTest, FourWeeksBeforeTheStart) {
    const auto calendar = training::Calendar::make("UTC");
    ASSERT_TRUE(calendar);
    std::vector<training::ActivityDigest> digests{
        run(1, k_start - chr::days{40}, 60, 10, 100, 60),  // older than four weeks: left out
        run(2, k_start - chr::days{27}, 50, 9, 80, 50),    // week 1 of 4
        run(3, k_start - chr::days{10}, 90, 15, 300, 95),  // week 3
        run(4, k_start - chr::days{8}, 40, 8, 200, 55, true),
        run(5, k_start, 45, 8, 0, 45),  // the start day itself: after
    };
    training::ActivityDigest ride = run(6, k_start - chr::days{3}, 120, 50, 500, 120);
    ride.sport = core::Sport::cycling;
    digests.push_back(ride);
    const auto weeks = history_weeks(digests, *calendar, k_start);
    ASSERT_EQ(weeks.size(), 4u);
    EXPECT_EQ(weeks[0].start, k_start - chr::days{28});
    EXPECT_EQ(weeks[0].duration_s, 3000.0);
    EXPECT_EQ(weeks[1].duration_s, 0.0);
    EXPECT_EQ(weeks[2].duration_s, (90.0 + 40.0) * 60.0);
    EXPECT_EQ(weeks[2].ascent_m, 500.0);
    EXPECT_EQ(weeks[2].longest_run_s, 5400.0);
    EXPECT_EQ(weeks[2].hill_sessions, 1);
    EXPECT_EQ(weeks[3].duration_s, 0.0);  // the ride is not running

    Runner r;
    r.minutes_per_week = 600.0;
    const auto start = starting_point_from_history(weeks, r, k_start);
    ASSERT_TRUE(start);
    // Averages over the four weeks, empty weeks counted as zero: (50 + 90 + 40) min / 4 = 45 min.
    EXPECT_DOUBLE_EQ(start->weekly_duration_s, 45.0 * 60.0);
    EXPECT_DOUBLE_EQ(start->weekly_ascent_m, 580.0 / 4.0);
    EXPECT_DOUBLE_EQ(start->weekly_load, 200.0 / 4.0);
    EXPECT_DOUBLE_EQ(start->long_run_s, 5400.0);
    EXPECT_NEAR(start->threshold_speed_m_s, 1000.0 / 280.0, 1e-12);
    EXPECT_NE(start->source.find("history"), std::string::npos);
    // Nothing in the four weeks: no starting point from history (the profile is used).
    EXPECT_FALSE(starting_point_from_history(history_weeks(digests, *calendar, k_start + chr::days{90}), r,
                                             k_start + chr::days{90}));
}

TEST(HistoryTest, AfterABreakTheStartIsHalfOfTheWeeksThatHadRunning) {
    // Three hours of running in the first week of the four, none since (a holiday, a cold): the average over
    // the window is 45 min a week, the week that had running 180 min; after a break of two weeks or more the
    // plan starts from half of that, 90 min, and says so. The descent is not raised (the protection of the
    // last downhill runs fades over the break).
    const auto calendar = training::Calendar::make("UTC");
    ASSERT_TRUE(calendar);
    const std::vector<training::ActivityDigest> digests{
        run(1, k_start - chr::days{26}, 60, 11, 100, 60),
        run(2, k_start - chr::days{24}, 60, 11, 100, 60),
        run(3, k_start - chr::days{22}, 60, 11, 100, 60),
    };
    const auto weeks = history_weeks(digests, *calendar, k_start);
    Runner r;
    r.minutes_per_week = 600.0;
    const auto start = starting_point_from_history(weeks, r, k_start);
    ASSERT_TRUE(start);
    EXPECT_DOUBLE_EQ(start->weekly_duration_s, 90.0 * 60.0);
    EXPECT_DOUBLE_EQ(start->weekly_distance_m, 16500.0);
    EXPECT_DOUBLE_EQ(start->weekly_load, 90.0);
    EXPECT_DOUBLE_EQ(start->weekly_ascent_m, 150.0);
    EXPECT_DOUBLE_EQ(start->weekly_downhill_run_m, 75.0);  // 300 m / 4, as averaged
    EXPECT_NE(start->source.find("no running in the last 2 weeks"), std::string::npos) << start->source;
    // A run 10 days before the start: no break, the plain average ((180 + 45) min / 4).
    std::vector<training::ActivityDigest> recent = digests;
    recent.push_back(run(4, k_start - chr::days{10}, 45, 8, 0, 40));
    const auto steady = starting_point_from_history(history_weeks(recent, *calendar, k_start), r, k_start);
    ASSERT_TRUE(steady);
    EXPECT_DOUBLE_EQ(steady->weekly_duration_s, 225.0 / 4.0 * 60.0);
    EXPECT_EQ(steady->source.find("no running"), std::string::npos);
}

// Threshold pace from the history: the median of the runs' own estimates (one run's extrapolation far off
// does not set the plan's paces), and a hike's estimate is not a running pace.
TEST(HistoryTest, ThresholdIsTheMedianOfTheRunsEstimates) {
    const auto calendar = training::Calendar::make("UTC");
    ASSERT_TRUE(calendar);
    std::vector<training::ActivityDigest> digests;
    const double paces_s_per_km[] = {300.0, 250.0, 275.0, 180.0};  // 3:00 /km: one run's wild estimate
    const int days_before[] = {20, 15, 10, 3};
    for (int k = 0; k < 4; ++k) {
        training::ActivityDigest d = run(k + 1, k_start - chr::days{days_before[k]}, 50, 9, 80, 50);
        d.threshold_speed_m_s = 1000.0 / paces_s_per_km[k];
        digests.push_back(d);
    }
    training::ActivityDigest hike = run(9, k_start - chr::days{2}, 240, 10, 900, 150);
    hike.sport = core::Sport::hiking;
    hike.threshold_speed_m_s = 1000.0 / 160.0;
    digests.push_back(hike);
    const auto weeks = history_weeks(digests, *calendar, k_start);
    Runner r;
    r.minutes_per_week = 600.0;
    const auto start = starting_point_from_history(weeks, r, k_start);
    ASSERT_TRUE(start);
    // Runs only, sorted 250, 275, 300 and 180 s/km as speeds: the median of four is the mean of the middle
    // two.
    EXPECT_NEAR(start->threshold_speed_m_s, (1000.0 / 275.0 + 1000.0 / 250.0) / 2.0, 1e-12);
    EXPECT_EQ(weeks[3].threshold_speeds_m_s.size(), 1u);  // the hike's week holds the run's estimate only
    // The profile's threshold pace wins over the history's.
    r.athlete.threshold_speed_m_s = 1000.0 / 240.0;
    EXPECT_NEAR(starting_point_from_history(weeks, r, k_start)->threshold_speed_m_s, 1000.0 / 240.0, 1e-12);
}

TEST(HistoryTest, OwnHillsAreNamedAndUsed) {
    training::ActivityDigest loop = run(7, k_start - chr::days{5}, 60, 11, 200, 70);
    loop.name = "Morning loop";
    loop.climbs.push_back(
        training::ClimbDigest{.start_m = 1200.0, .length_m = 90.0, .gain_m = 5.0, .avg_grade = 0.05});
    loop.climbs.push_back(
        training::ClimbDigest{.start_m = 3200.0, .length_m = 240.0, .gain_m = 17.0, .avg_grade = 0.07});
    training::ClimbPlace place;
    place.id = core::ClimbPlaceId{7002};
    place.length_m = 235.0;
    place.avg_grade = 0.07;
    place.ascents = 12;
    place.recent = training::ClimbEffort{.activity = core::ActivityId{7},
                                         .activity_name = "Morning loop",
                                         .length_m = 238.0,
                                         .avg_grade = 0.07};
    const auto hills = hills_from_library({place}, {loop});
    ASSERT_EQ(hills.size(), 1u);
    EXPECT_EQ(hills[0].id, "7002");
    EXPECT_EQ(hills[0].name, "the hill at 3.2 km of \"Morning loop\"");
    EXPECT_EQ(hills[0].times_run, 12);

    PlanProfile p;
    p.goal = Goal::strength;
    p.start = k_start;
    p.weeks = 8;
    const Plan plan =
        make_plan(PlanRequest{.runner = *resolve(p, k_start), .history = std::nullopt, .hills = hills});
    bool used = false;
    for (const Week& w : plan.weeks) {
        for (const Session& s : w.sessions) {
            if (s.climb && s.kind == SessionKind::short_hill_repeats) {
                used = true;
                EXPECT_EQ(s.climb->id, "7002");
                EXPECT_NE(
                    s.where.find("On the hill at 3.2 km of \"Morning loop\" (235 m, 7 %; you have run it 12 "
                                 "times)"),
                    std::string::npos)
                    << s.where;
            }
        }
    }
    EXPECT_TRUE(used);
}

TEST(HistoryTest, RunsSinceTheStartAreDone) {
    const auto calendar = training::Calendar::make("UTC");
    const std::vector<training::ActivityDigest> digests{run(1, k_start - chr::days{1}, 30, 5, 0, 30),
                                                        run(2, k_start + chr::days{2}, 50, 9, 120, 60, true)};
    const auto done = done_activities(digests, *calendar, k_start);
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].date, k_start + chr::days{2});
    EXPECT_EQ(done[0].duration_s, 3000.0);
    EXPECT_EQ(done[0].load, 60.0);
    EXPECT_TRUE(done[0].hill_session);
    const std::vector<training::Finding> findings{
        training::Finding{
            .rule = "hill_sessions_per_week", .week_start = 20580, .severity = training::Severity::warning},
        training::Finding{.rule = "info_only", .week_start = 20580, .severity = training::Severity::info}};
    const auto warnings = guidance_warnings(findings);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].rule, "hill_sessions_per_week");
    EXPECT_EQ(warnings[0].week_start, Date{chr::days{20580}});
}

}  // namespace
}  // namespace hillcoach::plan
