// Guidance rules on constructed histories: each rule fires on the history made to break it, with its numbers,
// and no rule fires on a sound history (steady weeks, two hill sessions well apart, warm-ups, balanced up and
// down, race-pace work).

#include "hillcoach/training/guidance.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "history.hpp"

namespace hillcoach::training {
namespace {

using test::hill_repeats_at;
using test::run_at;
using test::utc_day;

const Day k_monday = *parse_day("2026-01-05");

Day week_day(int week, int day) { return k_monday + 7 * week + day; }

// A sound week: Monday easy 8 km (+60 m), Wednesday hill repeats (+200 m, 15 min warm-up), Friday a flat
// 10 km with 20 min at race pace, Sunday a long 16 km (+300 m).
void add_sound_week(std::vector<ActivityDigest>& h, int week) {
    h.push_back(run_at(utc_day(week_day(week, 0)), 8.0, 60.0));
    h.push_back(hill_repeats_at(utc_day(week_day(week, 2))));
    ActivityDigest tempo = run_at(utc_day(week_day(week, 4)), 10.0);
    tempo.flat_race_pace_s = 1200.0;
    tempo.flat_race_pace_m = 4400.0;
    h.push_back(tempo);
    ActivityDigest longrun = run_at(utc_day(week_day(week, 6)), 16.0, 300.0);
    longrun.longest_descent = DescentDigest{.drop_m = 100.0, .length_m = 1500.0, .avg_grade = -0.067, .time_s = 500.0};
    longrun.steepest_descent = longrun.longest_descent;
    h.push_back(longrun);
}

std::vector<ActivityDigest> sound_history(int weeks) {
    std::vector<ActivityDigest> h;
    for (int w = 0; w < weeks; ++w) add_sound_week(h, w);
    for (std::size_t i = 0; i < h.size(); ++i) h[i].id = core::ActivityId{static_cast<std::int64_t>(i + 1)};
    return h;
}

struct Checked {
    Calendar calendar = *Calendar::make("UTC");
    std::vector<Finding> findings{};
};

Checked run_check(const std::vector<ActivityDigest>& h, Goal goal = {}, GuidanceThresholds t = {},
                  std::optional<Day> from = std::nullopt, std::optional<Day> to = std::nullopt) {
    Checked c;
    const GuidanceInput in{.digests = &h, .calendar = &c.calendar, .load = {}, .thresholds = t, .goal = goal};
    c.findings = check(in, from, to);
    return c;
}

std::vector<const Finding*> of_rule(const std::vector<Finding>& findings, std::string_view rule) {
    std::vector<const Finding*> out;
    for (const Finding& f : findings)
        if (f.rule == rule) out.push_back(&f);
    return out;
}

std::optional<double> evidence(const Finding& f, std::string_view key) {
    for (const Evidence& e : f.evidence)
        if (e.key == key) return e.number;
    return std::nullopt;
}

std::string rules_of(const std::vector<Finding>& findings) {
    std::string s;
    for (const Finding& f : findings) s += f.rule + " (" + format_day(f.week_start) + "): " + f.message + "\n";
    return s;
}

TEST(GuidanceTest, SoundHistoryRaisesNothingWhateverTheGoal) {
    const auto h = sound_history(16);
    for (GoalKind kind : {GoalKind::none, GoalKind::flat_race, GoalKind::hilly_race, GoalKind::other}) {
        const auto c = run_check(h, {.kind = kind, .race_ascent_m = std::nullopt, .race_distance_m = std::nullopt},
                                 {}, k_monday, week_day(15, 0));
        EXPECT_TRUE(c.findings.empty()) << rules_of(c.findings);
    }
    EXPECT_EQ(guidance_rules().size(), 12U);
}

TEST(GuidanceTest, MoreThanTwoHillSessionsInAWeek) {
    auto h = sound_history(6);
    // Monday 06:00 (49 h before Wednesday's) and Friday 18:00 (59 h after): three in the week, none too close.
    h.push_back(hill_repeats_at(utc_day(week_day(5, 0), 6.0)));
    h.push_back(hill_repeats_at(utc_day(week_day(5, 4), 18.0)));
    const auto c = run_check(h);
    const auto f = of_rule(c.findings, "hill-sessions-per-week");
    ASSERT_EQ(f.size(), 1U) << rules_of(c.findings);
    EXPECT_EQ(f[0]->week_start, week_day(5, 0));
    EXPECT_EQ(f[0]->severity, Severity::warning);
    EXPECT_EQ(evidence(*f[0], "hill_sessions"), 3.0);
    EXPECT_EQ(f[0]->activities.size(), 3U);
    EXPECT_NE(f[0]->message.find("3 focused hill sessions"), std::string::npos);
    EXPECT_TRUE(of_rule(c.findings, "hill-sessions-48h").empty()) << "59 h apart is enough";
    // The threshold is the profile's: three allowed, nothing to say.
    GuidanceThresholds t;
    t.max_hill_sessions_per_week = 3;
    EXPECT_TRUE(of_rule(run_check(h, {}, t).findings, "hill-sessions-per-week").empty());
}

TEST(GuidanceTest, TwoHillSessionsWithin48Hours) {
    auto h = sound_history(5);
    // Week 5: hill repeats Tuesday 18:00 and Thursday 07:00: 37 hours apart.
    h.push_back(hill_repeats_at(utc_day(week_day(5, 1), 18.0)));
    h.push_back(hill_repeats_at(utc_day(week_day(5, 3), 7.0)));
    const auto c = run_check(h);
    const auto f = of_rule(c.findings, "hill-sessions-48h");
    ASSERT_EQ(f.size(), 1U) << rules_of(c.findings);
    EXPECT_NEAR(*evidence(*f[0], "hours_apart"), 37.0, 1e-9);
    EXPECT_NE(f[0]->message.find("37 hours apart"), std::string::npos) << f[0]->message;
    EXPECT_TRUE(of_rule(c.findings, "hill-sessions-per-week").empty()) << "two in the week is allowed";
}

TEST(GuidanceTest, JumpInDownhillEccentricLoad) {
    auto h = sound_history(6);
    // Week 6: the sound week plus two runs descending 800 m each (96 eccentric points each) against a usual
    // 67 points a week.
    add_sound_week(h, 6);
    ActivityDigest down = run_at(utc_day(week_day(6, 1)), 12.0);
    down.descent_m = 800.0;
    down.downhill_eccentric_load = 96.0;
    h.push_back(down);
    down.start_time_s = utc_day(week_day(6, 6), 12.0);
    h.push_back(down);
    const auto c = run_check(h);
    const auto f = of_rule(c.findings, "eccentric-spike");
    ASSERT_EQ(f.size(), 1U) << rules_of(c.findings);
    // On Sunday of week 6: acute = 67.2 + 192 = 259.2; 28 days = 3 x 67.2 + 259.2 = 460.8, 115.2 per 7 days.
    EXPECT_NEAR(*evidence(*f[0], "acute_eccentric_load"), 259.2, 1e-9);
    EXPECT_NEAR(*evidence(*f[0], "eccentric_acwr"), 259.2 / 115.2, 1e-9);
    EXPECT_EQ(f[0]->evidence.back().text, format_day(week_day(6, 6)));
    // The same history a week earlier has nothing to say.
    EXPECT_TRUE(of_rule(run_check(h, {}, {}, week_day(5, 0), week_day(5, 0)).findings, "eccentric-spike").empty());
}

TEST(GuidanceTest, BigDescentAfterWeeksWithout) {
    auto h = sound_history(8);
    ActivityDigest alp = run_at(utc_day(week_day(8, 5)), 20.0, 900.0);
    alp.longest_descent = DescentDigest{.drop_m = 900.0, .length_m = 8000.0, .avg_grade = -0.1125, .time_s = 2400.0};
    alp.steepest_descent = alp.longest_descent;
    alp.id = core::ActivityId{500};
    h.push_back(alp);
    auto c = run_check(h);
    auto f = of_rule(c.findings, "descent-after-break");
    ASSERT_EQ(f.size(), 1U) << rules_of(c.findings);
    EXPECT_EQ(f[0]->activities, std::vector<core::ActivityId>{core::ActivityId{500}});
    EXPECT_EQ(evidence(*f[0], "drop_m"), 900.0);
    EXPECT_NE(f[0]->message.find("the first in 61 days"), std::string::npos) << f[0]->message;

    // A steep 120 m drop at 15 % three weeks before: the legs have had recent eccentric work, nothing to say.
    ActivityDigest steep = run_at(utc_day(week_day(5, 5)), 8.0, 120.0);
    steep.steepest_descent = DescentDigest{.drop_m = 120.0, .length_m = 800.0, .avg_grade = -0.15, .time_s = 400.0};
    h.push_back(steep);
    c = run_check(h);
    EXPECT_TRUE(of_rule(c.findings, "descent-after-break").empty()) << rules_of(c.findings);
    // ... but that steep one is itself a first after 40 days of history less than 42: unknown, not flagged.
    EXPECT_TRUE(of_rule(run_check(h, {}, {}, week_day(5, 0), week_day(5, 0)).findings, "descent-after-break").empty());
}

TEST(GuidanceTest, UphillWithoutDownhillAndTheReverse) {
    std::vector<ActivityDigest> up, down;
    for (int w = 0; w < 4; ++w) {
        for (int d : {1, 4}) {
            ActivityDigest treadmill = run_at(utc_day(week_day(w, d)), 8.0, 250.0);
            treadmill.descent_m = 0.0;  // incline treadmill: up, never down
            up.push_back(treadmill);
            ActivityDigest gondola = run_at(utc_day(week_day(w, d)), 8.0, 0.0);
            gondola.descent_m = 300.0;  // ride up, run down
            down.push_back(gondola);
        }
    }
    const auto cu = run_check(up);
    const auto fu = of_rule(cu.findings, "up-without-down");
    ASSERT_EQ(fu.size(), 1U) << rules_of(cu.findings);
    EXPECT_EQ(evidence(*fu[0], "ascent_m"), 2000.0);
    EXPECT_EQ(evidence(*fu[0], "descent_m"), 0.0);
    EXPECT_TRUE(of_rule(cu.findings, "down-without-up").empty());
    const auto cd = run_check(down);
    ASSERT_EQ(of_rule(cd.findings, "down-without-up").size(), 1U) << rules_of(cd.findings);
    EXPECT_TRUE(of_rule(cd.findings, "up-without-down").empty());
    // Three weeks are not yet "weeks of it" under a 4-week window.
    up.resize(6);
    EXPECT_TRUE(of_rule(run_check(up).findings, "up-without-down").empty());
}

TEST(GuidanceTest, WeeklyAscentAndLoadRisingFasterThanTenPercent) {
    // One run a week: 10, 11.5, 13.2, 15.2 km (+15 % a week) climbing 300, 345, 397, 456 m.
    std::vector<ActivityDigest> h;
    double km = 10.0;
    for (int w = 0; w < 4; ++w, km *= 1.15) h.push_back(run_at(utc_day(week_day(w, 2)), km, 30.0 * km));
    const auto c = run_check(h);
    const auto stress = of_rule(c.findings, "ramp-stress");
    const auto ascent = of_rule(c.findings, "ramp-ascent");
    ASSERT_EQ(stress.size(), 1U) << rules_of(c.findings);
    ASSERT_EQ(ascent.size(), 1U);
    EXPECT_NEAR(*evidence(*stress[0], "weekly_growth"), 0.15, 1e-9);
    EXPECT_NEAR(*evidence(*ascent[0], "weekly_growth"), 0.15, 1e-9);
    EXPECT_NE(stress[0]->message.find("100, 115, 132, 152"), std::string::npos) << stress[0]->message;
    // +8 % a week is within the rule.
    h.clear();
    km = 10.0;
    for (int w = 0; w < 4; ++w, km *= 1.08) h.push_back(run_at(utc_day(week_day(w, 2)), km, 30.0 * km));
    EXPECT_TRUE(run_check(h).findings.empty()) << rules_of(run_check(h).findings);
}

TEST(GuidanceTest, HillSessionWithoutEasyWarmUp) {
    auto h = sound_history(2);
    h.push_back(hill_repeats_at(utc_day(week_day(2, 2)), 120.0));
    const auto c = run_check(h);
    const auto f = of_rule(c.findings, "no-warm-up");
    ASSERT_EQ(f.size(), 1U) << rules_of(c.findings);
    EXPECT_EQ(evidence(*f[0], "warmup_easy_s"), 120.0);
    EXPECT_NE(f[0]->message.find("2 min of easy running"), std::string::npos) << f[0]->message;
    EXPECT_EQ(f[0]->week_start, week_day(2, 0));
}

TEST(GuidanceTest, FlatRaceGoalWithTooLittleRacePace) {
    auto h = sound_history(6);
    for (ActivityDigest& d : h)
        if (d.start_time_s > utc_day(week_day(3, 0))) d.flat_race_pace_s = 0.0;  // the last 3 weeks: none
    const Goal flat{.kind = GoalKind::flat_race, .race_ascent_m = std::nullopt, .race_distance_m = 42195.0};
    const auto c = run_check(h, flat);
    const auto f = of_rule(c.findings, "flat-race-specificity");
    ASSERT_EQ(f.size(), 1U) << rules_of(c.findings);
    EXPECT_EQ(evidence(*f[0], "race_pace_sessions"), 1.0);
    EXPECT_TRUE(of_rule(run_check(h).findings, "flat-race-specificity").empty()) << "no goal, no rule";
}

TEST(GuidanceTest, MountainGoalWithTooLittleClimbing) {
    const auto h = sound_history(6);  // 560 m a week
    const Goal mountain{.kind = GoalKind::hilly_race, .race_ascent_m = 2400.0, .race_distance_m = 42195.0};
    const auto c = run_check(h, mountain);
    const auto f = of_rule(c.findings, "mountain-climbing");
    ASSERT_EQ(f.size(), 1U) << rules_of(c.findings);
    EXPECT_NEAR(*evidence(*f[0], "weekly_ascent_m"), 560.0, 1e-9);
    EXPECT_EQ(evidence(*f[0], "needed_weekly_ascent_m"), 1200.0);
    const Goal unknown_race{.kind = GoalKind::hilly_race, .race_ascent_m = std::nullopt, .race_distance_m = {}};
    EXPECT_TRUE(of_rule(run_check(h, unknown_race).findings, "mountain-climbing").empty()) << "560 >= 500";
}

TEST(GuidanceTest, MonthsOfFlatEasyRunningOnly) {
    std::vector<ActivityDigest> h;
    for (int w = 0; w < 12; ++w)
        for (int d : {0, 2, 4, 6}) h.push_back(run_at(utc_day(week_day(w, d)), 8.0, 16.0));
    const auto c = run_check(h);
    const auto f = of_rule(c.findings, "flat-only");
    ASSERT_EQ(f.size(), 1U) << rules_of(c.findings);
    EXPECT_EQ(evidence(*f[0], "runs"), 48.0);
    EXPECT_NEAR(*evidence(*f[0], "ascent_m_per_km"), 2.0, 1e-9);
    // One hill session in the twelve weeks is enough to say nothing.
    h[20] = hill_repeats_at(*h[20].start_time_s);
    EXPECT_TRUE(of_rule(run_check(h).findings, "flat-only").empty());
}

TEST(GuidanceTest, RangeSelectsWeeks) {
    auto h = sound_history(8);
    h.push_back(hill_repeats_at(utc_day(week_day(2, 3), 8.0)));  // week 2: 25 h after Wednesday's
    h.push_back(hill_repeats_at(utc_day(week_day(5, 3), 8.0)));  // week 5
    EXPECT_TRUE(run_check(h).findings.empty()) << "by default only the latest week (week 7)";
    EXPECT_EQ(of_rule(run_check(h, {}, {}, k_monday).findings, "hill-sessions-48h").size(), 2U);
    const auto one = run_check(h, {}, {}, week_day(2, 4), week_day(4, 0));
    ASSERT_EQ(of_rule(one.findings, "hill-sessions-48h").size(), 1U);
    EXPECT_EQ(of_rule(one.findings, "hill-sessions-48h")[0]->week_start, week_day(2, 0));
    const std::vector<ActivityDigest> none;
    EXPECT_TRUE(run_check(none).findings.empty());
}

}  // namespace
}  // namespace hillcoach::training
