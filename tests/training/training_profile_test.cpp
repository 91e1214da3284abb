// The [training], [guidance] and [goal] tables of the profile: values read, defaults kept, typos warned,
// bad values refused at their line and column.

#include "hillcoach/training/training_profile.hpp"

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::training {
namespace {

TEST(TrainingProfileTest, ReadsEveryTable) {
    const auto p = parse_training_profile(R"([athlete]
mass_kg = 68

[training]
time_zone = "Europe/Zurich"
week_start = "sunday"
chronic_days = 28
ratio_chronic_days = 21

[guidance]
max_hill_sessions_per_week = 3
max_eccentric_acwr = 1.3
flat_only_max_m_per_km = 12.5
min_warmup_easy_s = 900

[goal]
type = "hilly-race"
race_date = 2026-09-12
race_ascent_m = 2400
race_distance_km = 42.2
)",
                                          "me.toml");
    ASSERT_TRUE(p) << p.error().message();
    EXPECT_EQ(p->time_zone, "Europe/Zurich");
    EXPECT_EQ(p->week_start, std::chrono::Sunday);
    EXPECT_EQ(p->load.chronic_days, 28);
    EXPECT_EQ(p->load.acute_days, 7);
    EXPECT_EQ(p->load.ratio_chronic_days, 21);
    EXPECT_EQ(p->guidance.max_hill_sessions_per_week, 3);
    EXPECT_DOUBLE_EQ(p->guidance.max_eccentric_acwr, 1.3);
    EXPECT_DOUBLE_EQ(p->guidance.flat_only_max_m_per_km, 12.5);
    EXPECT_DOUBLE_EQ(p->guidance.min_warmup_easy_s, 900.0);
    EXPECT_DOUBLE_EQ(p->guidance.ramp_fraction, 0.10) << "untouched thresholds keep their defaults";
    EXPECT_EQ(p->goal.kind, GoalKind::hilly_race);
    EXPECT_EQ(p->goal.race_ascent_m, 2400.0);
    EXPECT_DOUBLE_EQ(*p->goal.race_distance_m, 42200.0);
    EXPECT_TRUE(p->warnings.empty()) << "[athlete] and the planner's [goal] keys are not ours to judge";
}

TEST(TrainingProfileTest, EmptyProfileIsAllDefaults) {
    const auto p = parse_training_profile("", "empty.toml");
    ASSERT_TRUE(p);
    EXPECT_FALSE(p->time_zone);
    EXPECT_EQ(p->goal.kind, GoalKind::none);
    EXPECT_EQ(p->guidance.max_hill_sessions_per_week, 2);
    EXPECT_EQ(p->load.chronic_days, 42);
    EXPECT_EQ(goal_kind_from_text("flat-race"), GoalKind::flat_race);
    EXPECT_EQ(goal_kind_from_text("mountain-race"), GoalKind::hilly_race);
    EXPECT_EQ(goal_kind_from_text("fitness"), GoalKind::other);
}

TEST(TrainingProfileTest, UnknownKeysWarnBadValuesFail) {
    const auto typo = parse_training_profile("[guidance]\nmax_hill_session_per_week = 3\n", "me.toml");
    ASSERT_TRUE(typo);
    ASSERT_EQ(typo->warnings.size(), 1U);
    EXPECT_NE(typo->warnings[0].message().find("unknown key 'max_hill_session_per_week' in [guidance]"),
              std::string::npos)
        << typo->warnings[0].message();

    EXPECT_ERROR(parse_training_profile("[training]\ntime_zone = \"Europe/Zurch\"\n", "me.toml"),
                 core::ErrorCode::invalid_argument, "me.toml:2:13: error: unknown time zone 'Europe/Zurch'");
    EXPECT_ERROR(parse_training_profile("[training]\nweek_start = \"someday\"\n", "me.toml"),
                 core::ErrorCode::invalid_argument, "week_start must be a day of the week");
    EXPECT_ERROR(parse_training_profile("[guidance]\nmax_eccentric_acwr = -1\n", "me.toml"),
                 core::ErrorCode::invalid_argument, "max_eccentric_acwr must be a number, 0 or more");
    EXPECT_ERROR(parse_training_profile("[guidance]\nramp_weeks = 2.5\n", "me.toml"),
                 core::ErrorCode::invalid_argument, "ramp_weeks must be a whole number");
    EXPECT_ERROR(parse_training_profile("[training]\nchronic_days = 0\n", "me.toml"),
                 core::ErrorCode::invalid_argument, "chronic_days must be a whole number of days");
    EXPECT_ERROR(parse_training_profile("[training]\nratio_acute_days = 14\nratio_chronic_days = 7\n", "me.toml"),
                 core::ErrorCode::invalid_argument, "ratio_chronic_days must be at least ratio_acute_days");
    EXPECT_ERROR(parse_training_profile("guidance = 3\n", "me.toml"), core::ErrorCode::invalid_argument,
                 "'guidance' must be a table");
    EXPECT_ERROR(parse_training_profile("[goal\n", "me.toml"), core::ErrorCode::invalid_argument,
                 "not a valid TOML profile");
    EXPECT_ERROR(read_training_profile("/nonexistent/me.toml"), core::ErrorCode::io_error, "cannot open");
}

}  // namespace
}  // namespace hillcoach::training
