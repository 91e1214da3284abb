// Resolving a profile into a runner: defaults by level and goal (each named), race weeks from the dates, and
// the errors for a race goal without a usable date.

#include "hillcoach/plan/runner.hpp"

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::plan {
namespace {

using core::ErrorCode;
namespace chr = std::chrono;

constexpr Date k_wednesday{chr::year{2026} / chr::March / 4};

TEST(RunnerTest, DefaultsAreFilledAndNamed) {
    const auto r = resolve(PlanProfile{}, k_wednesday);
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(r->level, Level::regular);
    EXPECT_EQ(r->goal, Goal::fitness);
    EXPECT_EQ(r->days_per_week, 4);
    EXPECT_EQ(r->minutes_per_week, 270.0);
    EXPECT_EQ(r->long_run_day, chr::Sunday);
    EXPECT_EQ(r->start, Date{chr::year{2026} / chr::March / 9});  // the next Monday
    EXPECT_EQ(r->weeks, k_default_plan_weeks);
    EXPECT_FALSE(r->gym);
    EXPECT_TRUE(r->hills);
    EXPECT_EQ(r->defaults.size(), 7u);
    const auto monday = resolve(PlanProfile{}, Date{chr::year{2026} / chr::March / 9});
    EXPECT_EQ(monday->start, Date{chr::year{2026} / chr::March / 9});
}

TEST(RunnerTest, RaceWeeksAndDefaults) {
    PlanProfile p;
    p.goal = Goal::hilly_race;
    p.start = Date{chr::year{2026} / chr::May / 4};
    p.race_date = Date{chr::year{2026} / chr::August / 23};
    p.weeks = 30;  // ignored: the race date sets the length
    const auto r = resolve(p, k_wednesday);
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(r->weeks, 16);
    EXPECT_EQ(r->race_distance_m, 30000.0);
    EXPECT_EQ(r->race_ascent_m, 1500.0);
    p.goal = Goal::flat_race;
    EXPECT_EQ(resolve(p, k_wednesday)->race_distance_m, 42195.0);
    EXPECT_EQ(resolve(p, k_wednesday)->race_ascent_m, 0.0);
}

TEST(RunnerTest, RaceGoalErrors) {
    PlanProfile p;
    p.goal = Goal::flat_race;
    EXPECT_ERROR(resolve(p, k_wednesday), ErrorCode::invalid_argument, "goal flat-race needs a race date");
    p.start = Date{chr::year{2026} / chr::May / 4};
    p.race_date = Date{chr::year{2026} / chr::May / 1};
    EXPECT_ERROR(resolve(p, k_wednesday), ErrorCode::invalid_argument,
                 "the race date 2026-05-01 is before the plan's start 2026-05-04");
    p.race_date = Date{chr::year{2029} / chr::May / 1};
    EXPECT_ERROR(resolve(p, k_wednesday), ErrorCode::invalid_argument,
                 "157 weeks away; a plan covers at most 104");
}

}  // namespace
}  // namespace hillcoach::plan
