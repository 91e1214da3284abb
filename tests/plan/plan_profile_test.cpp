// The planner's tables of the profile file ([runner], [goal], [plan]) beside [athlete]: every setting read,
// errors at the value's line and column naming the file, warnings for unknown keys, flags over the file, and
// the TOML the invariants test prints reading back to the same profile.

#include "hillcoach/plan/plan_profile.hpp"

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::plan {
namespace {

using core::ErrorCode;
namespace chr = std::chrono;

constexpr std::string_view k_full = R"(
[athlete]
mass_kg = 61
threshold_pace = "4:40"

[runner]
level = "advanced"
days_per_week = 6
minutes_per_week = 480
long_run_day = "Sat"
hills = true
treadmill = true
stadium = false
gym = true
injuries = ["sore left knee", "achilles 2025"]

[goal]
type = "hilly-race"
race_date = 2026-09-12
race_distance_km = 42.5
race_ascent_m = 2400

[plan]
start = "2026-05-04"
weeks = 16
)";

TEST(PlanProfileTest, ReadsEverySetting) {
    const auto read = parse_plan_profile(k_full, "me.toml");
    ASSERT_TRUE(read) << read.error().message();
    const PlanProfile& p = read->profile;
    EXPECT_TRUE(read->warnings.empty());
    EXPECT_EQ(p.athlete.mass_kg, 61.0);
    EXPECT_NEAR(*p.athlete.threshold_speed_m_s, 1000.0 / 280.0, 1e-12);
    EXPECT_EQ(p.level, Level::advanced);
    EXPECT_EQ(p.days_per_week, 6);
    EXPECT_EQ(p.minutes_per_week, 480.0);
    EXPECT_EQ(p.long_run_day, chr::Saturday);
    EXPECT_EQ(p.hills, true);
    EXPECT_EQ(p.treadmill, true);
    EXPECT_EQ(p.stadium, false);
    EXPECT_EQ(p.gym, true);
    EXPECT_EQ(p.injuries, (std::vector<std::string>{"sore left knee", "achilles 2025"}));
    EXPECT_EQ(p.goal, Goal::hilly_race);
    EXPECT_EQ(p.race_date, Date{chr::year{2026} / chr::September / 12});
    EXPECT_DOUBLE_EQ(*p.race_distance_m, 42500.0);
    EXPECT_EQ(p.race_ascent_m, 2400.0);
    EXPECT_EQ(p.start, Date{chr::year{2026} / chr::May / 4});
    EXPECT_EQ(p.weeks, 16);
}

TEST(PlanProfileTest, ErrorsNameFileLineAndColumn) {
    EXPECT_ERROR(parse_plan_profile("[runner]\nlevel = \"elite\"\n", "me.toml"), ErrorCode::invalid_argument,
                 "me.toml:2:9: error: [runner] level must be \"new\", \"regular\" or \"advanced\"");
    EXPECT_ERROR(parse_plan_profile("[runner]\n\ndays_per_week = 9\n", "me.toml"),
                 ErrorCode::invalid_argument,
                 "me.toml:3:17: error: [runner] days_per_week = 9 is outside 2..7");
    EXPECT_ERROR(parse_plan_profile("[runner]\ngym = \"yes\"\n", "me.toml"), ErrorCode::invalid_argument,
                 "me.toml:2:7: error: [runner] gym must be true or false");
    EXPECT_ERROR(parse_plan_profile("[goal]\nrace_date = 2026-02-30\n", "me.toml"),
                 ErrorCode::invalid_argument, "me.toml:2");
    EXPECT_ERROR(parse_plan_profile("[goal]\nrace_date = \"next june\"\n", "me.toml"),
                 ErrorCode::invalid_argument,
                 "me.toml:2:13: error: [goal] race_date must be a date like 2026-09-12");
    EXPECT_ERROR(parse_plan_profile("[goal]\ntype = \"marathon\"\n", "me.toml"), ErrorCode::invalid_argument,
                 "[goal] type must be \"strength\", \"muscle\"");
    EXPECT_ERROR(parse_plan_profile("[goal]\nrace_distance_km = 0.5\n", "me.toml"),
                 ErrorCode::invalid_argument, "[goal] race_distance_km = 0.5 is outside 1..400");
    EXPECT_ERROR(parse_plan_profile("[plan]\nweeks = 2.5\n", "me.toml"), ErrorCode::invalid_argument,
                 "me.toml:2:9: error: [plan] weeks must be a whole number");
    EXPECT_ERROR(parse_plan_profile("runner = 5\n", "me.toml"), ErrorCode::invalid_argument,
                 "'runner' must be a table");
    EXPECT_ERROR(parse_plan_profile("[runner]\ninjuries = [1, 2]\n", "me.toml"), ErrorCode::invalid_argument,
                 "[runner] injuries must hold text");
    // [athlete] errors come from physiology, located the same way.
    EXPECT_ERROR(parse_plan_profile("[athlete]\nmass_kg = 900\n", "me.toml"), ErrorCode::invalid_argument,
                 "me.toml:2");
    EXPECT_ERROR(parse_plan_profile("[runner\n", "me.toml"), ErrorCode::invalid_argument, "me.toml:1");
}

TEST(PlanProfileTest, UnknownKeysWarnAndAreIgnored) {
    const auto read =
        parse_plan_profile("[runner]\nlevel = \"new\"\ndays = 4\n[plan]\nlength = 3\n", "me.toml");
    ASSERT_TRUE(read) << read.error().message();
    ASSERT_EQ(read->warnings.size(), 2u);
    EXPECT_NE(read->warnings[0].message().find("me.toml:3"), std::string::npos)
        << read->warnings[0].message();
    EXPECT_NE(read->warnings[0].message().find("[runner] has no setting 'days'"), std::string::npos);
    EXPECT_NE(read->warnings[1].message().find("[plan] has no setting 'length'"), std::string::npos);
    EXPECT_EQ(read->profile.level, Level::new_runner);
}

TEST(PlanProfileTest, MissingFileIsAnIoError) {
    EXPECT_ERROR(read_plan_profile(test::temp_dir("plan_profile") / "absent.toml"), ErrorCode::io_error,
                 "cannot open the profile file");
}

TEST(PlanProfileTest, WordsAndDates) {
    EXPECT_EQ(level_from_text("Regular"), Level::regular);
    EXPECT_EQ(level_from_text("beginner"), Level::new_runner);
    EXPECT_EQ(goal_from_text("flat_race"), Goal::flat_race);
    EXPECT_EQ(goal_from_text("return-after-injury"), Goal::return_after_injury);
    EXPECT_FALSE(goal_from_text("speed"));
    EXPECT_EQ(weekday_from_text("WED"), chr::Wednesday);
    EXPECT_EQ(weekday_from_text("sunday"), chr::Sunday);
    EXPECT_FALSE(weekday_from_text("su"));
    EXPECT_EQ(parse_date("2028-02-29"), Date{chr::year{2028} / chr::February / 29});
    EXPECT_FALSE(parse_date("2027-02-29"));
    EXPECT_FALSE(parse_date("2027-2-28"));
    EXPECT_EQ(format_date(Date{chr::year{2026} / chr::May / 4}), "2026-05-04");
}

TEST(PlanProfileTest, FlagsOverTheFile) {
    PlanProfile file = parse_plan_profile(k_full, "me.toml")->profile;
    PlanProfile flags;
    flags.days_per_week = 3;
    flags.gym = false;
    flags.injuries = {"hamstring"};
    const PlanProfile m = merge(file, flags);
    EXPECT_EQ(m.days_per_week, 3);
    EXPECT_EQ(m.gym, false);
    EXPECT_EQ(m.injuries, std::vector<std::string>{"hamstring"});
    EXPECT_EQ(m.level, Level::advanced);  // kept from the file
    EXPECT_EQ(m.athlete.mass_kg, 61.0);
}

TEST(PlanProfileTest, TomlReadsBackToTheSameProfile) {
    const PlanProfile p = parse_plan_profile(k_full, "me.toml")->profile;
    const std::string text = to_toml(p);
    const auto again = parse_plan_profile(text, "again.toml");
    ASSERT_TRUE(again) << again.error().message() << "\n" << text;
    const PlanProfile& q = again->profile;
    EXPECT_TRUE(again->warnings.empty());
    EXPECT_EQ(q.level, p.level);
    EXPECT_EQ(q.goal, p.goal);
    EXPECT_EQ(q.days_per_week, p.days_per_week);
    EXPECT_EQ(q.minutes_per_week, p.minutes_per_week);
    EXPECT_EQ(q.long_run_day, p.long_run_day);
    EXPECT_EQ(q.gym, p.gym);
    EXPECT_EQ(q.treadmill, p.treadmill);
    EXPECT_EQ(q.injuries, p.injuries);
    EXPECT_EQ(q.race_date, p.race_date);
    EXPECT_DOUBLE_EQ(*q.race_distance_m, *p.race_distance_m);
    EXPECT_EQ(q.race_ascent_m, p.race_ascent_m);
    EXPECT_EQ(q.start, p.start);
    EXPECT_EQ(q.weeks, p.weeks);
    EXPECT_EQ(q.athlete.mass_kg, p.athlete.mass_kg);
    EXPECT_NEAR(*q.athlete.threshold_speed_m_s, *p.athlete.threshold_speed_m_s, 1e-9);
}

}  // namespace
}  // namespace hillcoach::plan
