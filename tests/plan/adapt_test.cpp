// Adapting a plan to what was really run, with simulated weeks: as planned (the rest of the plan is what it
// was), a week missed (not made up: the plan resumes lighter and the hill ladder waits), a key session missed
// mid-week (at most one moves, never next to a hard day), extra load (absorbed: the next week is lighter),
// and a warning of the guidance rules (the next week is lighter).

#include "hillcoach/plan/adapt.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "hillcoach/plan/plan_json.hpp"
#include "hillcoach/plan/planner.hpp"

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;

constexpr Date k_start{chr::year{2026} / chr::May / 4};  // a Monday

Plan original() {
    PlanProfile p;
    p.level = Level::regular;
    p.goal = Goal::strength;
    p.days_per_week = 5;
    p.minutes_per_week = 360.0;
    p.start = k_start;
    p.weeks = 12;
    return make_plan(PlanRequest{.runner = *resolve(p, k_start)});
}

// Every run of weeks [from, to) done as planned.
std::vector<DoneActivity> as_planned(const Plan& plan, int from, int to) {
    std::vector<DoneActivity> done;
    for (int w = from; w < to; ++w) {
        for (const Session& s : plan.weeks[static_cast<std::size_t>(w)].sessions) {
            if (!info(s.kind).run) continue;
            done.push_back(DoneActivity{.date = s.date,
                                        .duration_s = s.duration_s,
                                        .distance_m = s.distance_m,
                                        .ascent_m = s.ascent_m,
                                        .descent_m = s.downhill_run_m,
                                        .load = s.load,
                                        .hill_session = s.focus_hill,
                                        .label = s.title});
        }
    }
    return done;
}

int runs_in(const Week& week) {
    int n = 0;
    for (const Session& s : week.sessions) n += info(s.kind).run ? 1 : 0;
    return n;
}

TEST(AdaptTest, AsPlannedKeepsThePlan) {
    const Plan before = original();
    Plan plan = before;
    const AdaptReport r =
        adapt(plan, AdaptInput{.done = as_planned(before, 0, 2), .today = k_start + chr::days{14}});
    EXPECT_EQ(r.done, runs_in(before.weeks[0]) + runs_in(before.weeks[1]));
    EXPECT_EQ(r.missed, 0);
    EXPECT_EQ(r.moved, 0);
    EXPECT_EQ(r.extra, 0);
    EXPECT_EQ(r.replanned_from_week, 2);
    for (std::size_t w = 2; w < plan.weeks.size(); ++w) {
        EXPECT_EQ(plan_json(Plan{.weeks = {plan.weeks[w]}}), plan_json(Plan{.weeks = {before.weeks[w]}}))
            << "week " << w + 1;
    }
    for (const Session& s : plan.weeks[0].sessions) {
        if (info(s.kind).run) {
            EXPECT_EQ(s.status, "done");
        }
    }
}

TEST(AdaptTest, AMissedWeekIsNotMadeUp) {
    const Plan before = original();
    Plan plan = before;
    const AdaptReport r =
        adapt(plan, AdaptInput{.done = as_planned(before, 0, 1), .today = k_start + chr::days{14}});
    EXPECT_EQ(r.missed, runs_in(before.weeks[1]));
    EXPECT_EQ(r.replanned_from_week, 2);
    const double planned_week2 = totals(before.weeks[1]).load;
    const WeekTotals next = totals(plan.weeks[2]);
    // Resumes from 70 % of what week 2 planned, growing by at most 10 % (or 5 points) on it.
    EXPECT_LE(next.load,
              std::max(planned_week2 * k_resume_share * 1.10, planned_week2 * k_resume_share + 5.0) + 1e-6);
    EXPECT_LT(next.load, totals(before.weeks[2]).load);
    EXPECT_LE(next.focus_hill_sessions, 2);
    // Nothing crammed in: no more sessions than planned before.
    EXPECT_LE(runs_in(plan.weeks[2]), runs_in(before.weeks[2]));
    bool noted = false;
    for (const std::string& c : r.changes)
        noted = noted || c.find("the plan resumes at 70 %") != std::string::npos;
    EXPECT_TRUE(noted);
}

TEST(AdaptTest, OneMissedKeySessionMovesAtMost) {
    const Plan before = original();
    // Week 2: everything up to today (Thursday) missed.
    const Week& w1 = before.weeks[1];
    const Date today = w1.start + chr::days{3};
    int missed_key = 0;
    for (const Session& s : w1.sessions) {
        if (s.date < today &&
            (s.focus_hill || s.kind == SessionKind::long_run || s.kind == SessionKind::flat_quality)) {
            ++missed_key;
        }
    }
    Plan plan = before;
    const AdaptReport r = adapt(plan, AdaptInput{.done = as_planned(before, 0, 1), .today = today});
    EXPECT_EQ(r.replanned_from_week, 2);
    int moved_in = 0;
    std::vector<Date> hard;
    for (const Session& s : plan.weeks[1].sessions) {
        if (s.why.find("Moved here from a missed day") != std::string::npos) ++moved_in;
        if (s.hard && s.status != "missed") hard.push_back(s.date);
    }
    EXPECT_LE(moved_in, 1);
    EXPECT_GE(r.missed, missed_key);
    for (std::size_t i = 1; i < hard.size(); ++i) EXPECT_GE((hard[i] - hard[i - 1]).count(), 2);
    EXPECT_LE(totals(plan.weeks[1]).focus_hill_sessions, 2);
}

TEST(AdaptTest, ExtraLoadIsAbsorbed) {
    const Plan before = original();
    std::vector<DoneActivity> done = as_planned(before, 0, 1);
    // A 2-hour mountain run on the week's rest day: far above plan.
    Date rest_day{};
    for (const Session& s : before.weeks[0].sessions) {
        if (s.kind == SessionKind::rest) rest_day = s.date;
    }
    done.push_back(DoneActivity{.date = rest_day,
                                .duration_s = 7200.0,
                                .distance_m = 18000.0,
                                .ascent_m = 1200.0,
                                .descent_m = 1200.0,
                                .load = 180.0,
                                .hill_session = true,
                                .label = "mountain run"});
    Plan plan = before;
    const AdaptReport r = adapt(plan, AdaptInput{.done = done, .today = k_start + chr::days{7}});
    EXPECT_EQ(r.extra, 1);
    EXPECT_EQ(r.replanned_from_week, 1);
    bool extra_kept = false;
    for (const Session& s : plan.weeks[0].sessions) extra_kept = extra_kept || s.status == "extra";
    EXPECT_TRUE(extra_kept);
    const double planned = totals(before.weeks[1]).load;
    EXPECT_LT(totals(plan.weeks[1]).load, planned * 0.9);
}

TEST(AdaptTest, GuidanceWarningsMakeTheNextWeekLighter) {
    const Plan before = original();
    Plan plan = before;
    const AdaptReport r =
        adapt(plan, AdaptInput{.done = as_planned(before, 0, 2),
                               .warnings = {GuidanceWarning{.week_start = before.weeks[1].start,
                                                            .rule = "eccentric_acwr",
                                                            .message = "downhill load rose fast"}},
                               .today = k_start + chr::days{14}});
    EXPECT_EQ(r.replanned_from_week, 2);
    // The week's target is cut to 80 %: of last week's load grown by 8 %.
    EXPECT_LE(totals(plan.weeks[2]).load,
              totals(before.weeks[1]).load * (1.0 + k_build_growth) * k_warning_load_cut + 1e-6);
    EXPECT_LT(totals(plan.weeks[2]).load, totals(before.weeks[2]).load * 0.85);
    EXPECT_LE(totals(plan.weeks[2]).downhill_run_m, totals(before.weeks[2]).downhill_run_m + 1e-6);
    bool noted = false;
    for (const std::string& c : r.changes)
        noted = noted || c.find("warning eccentric_acwr") != std::string::npos;
    EXPECT_TRUE(noted);
}

TEST(AdaptTest, BeforeTheStartNothingChanges) {
    const Plan before = original();
    Plan plan = before;
    const AdaptReport r = adapt(plan, AdaptInput{.today = k_start - chr::days{3}});
    EXPECT_EQ(r.replanned_from_week, -1);
    EXPECT_EQ(plan_json(plan), plan_json(before));
}

}  // namespace
}  // namespace hillcoach::plan

namespace hillcoach::plan {
namespace {

// A run on the first day of week 2 is that day's session, even when week 1's last run (the day before) was
// missed: same-day matches are made across all weeks before a run is taken as a session moved by a day.
TEST(AdaptTest, ASameDayMatchWinsOverTheDayBefore) {
    const Plan before = original();
    const Week& week2 = before.weeks[1];
    const auto first_run = std::find_if(week2.sessions.begin(), week2.sessions.end(),
                                        [](const Session& s) { return info(s.kind).run; });
    ASSERT_NE(first_run, week2.sessions.end());
    const Date monday = first_run->date;
    // Week 1 as planned except its last run, and week 2's first run.
    std::vector<DoneActivity> done = as_planned(before, 0, 1);
    const Date week1_last = done.back().date;
    ASSERT_EQ((monday - week1_last).count(), 1) << "the plan has no run on the day before week 2's first run";
    done.pop_back();
    done.push_back(DoneActivity{.date = monday,
                                .duration_s = first_run->duration_s,
                                .distance_m = first_run->distance_m,
                                .load = first_run->load,
                                .hill_session = first_run->focus_hill});
    Plan plan = before;
    const AdaptReport r = adapt(plan, AdaptInput{.done = done, .today = monday + chr::days{1}});
    EXPECT_EQ(r.moved, 0);
    EXPECT_EQ(r.missed, 1);
    const auto same = std::find_if(plan.weeks[1].sessions.begin(), plan.weeks[1].sessions.end(),
                                   [&](const Session& s) { return s.date == monday && info(s.kind).run; });
    ASSERT_NE(same, plan.weeks[1].sessions.end());
    EXPECT_EQ(same->status, "done");
}

}  // namespace
}  // namespace hillcoach::plan
