// The [athlete] table of a profile file: values, errors at their line and column, warnings for unknown keys,
// merging flags over the file, and the cross-checks between heart rates.

#include "hillcoach/physiology/athlete_profile.hpp"

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::physiology {
namespace {

using core::ErrorCode;

TEST(AthleteProfileTest, ReadsEverySetting) {
    const auto read = parse_athlete_profile(R"(
[athlete]
mass_kg = 68
sex = "Female"
age_years = 41
max_hr_bpm = 188
rest_hr_bpm = 52.5
threshold_hr_bpm = 172
threshold_pace = "4:35"
hr_zones = "threshold"
gap_model = "metabolic"

[plan]
days = 5
)",
                                            "profile.toml");
    ASSERT_TRUE(read) << read.error().message();
    const AthleteProfile& a = read->athlete;
    EXPECT_EQ(a.mass_kg, 68.0);
    EXPECT_EQ(a.sex, Sex::female);
    EXPECT_EQ(a.age_years, 41.0);
    EXPECT_EQ(a.max_hr_bpm, 188.0);
    EXPECT_EQ(a.rest_hr_bpm, 52.5);
    EXPECT_EQ(a.threshold_hr_bpm, 172.0);
    EXPECT_NEAR(*a.threshold_speed_m_s, 1000.0 / 275.0, 1e-12);
    EXPECT_EQ(a.zone_model, ZoneModel::threshold);
    EXPECT_EQ(a.gap_model, GapModel::metabolic);
    EXPECT_TRUE(read->warnings.empty());
}

TEST(AthleteProfileTest, PaceInSecondsAndNoAthleteTable) {
    const auto read = parse_athlete_profile("[athlete]\nthreshold_pace_s_per_km = 300\n", "p.toml");
    ASSERT_TRUE(read);
    EXPECT_NEAR(*read->athlete.threshold_speed_m_s, 1000.0 / 300.0, 1e-12);
    const auto empty = parse_athlete_profile("[plan]\nx = 1\n", "p.toml");
    ASSERT_TRUE(empty);
    EXPECT_FALSE(empty->athlete.mass_kg);
}

TEST(AthleteProfileTest, OutOfRangeValueIsAnErrorAtItsPosition) {
    EXPECT_ERROR(parse_athlete_profile("[athlete]\nmass_kg = 900\n", "p.toml"), ErrorCode::invalid_argument,
                 "p.toml:2:11: error: [athlete] mass_kg = 900 is outside 20..300");
}

TEST(AthleteProfileTest, WrongTypesAndWordsAreErrors) {
    EXPECT_ERROR(parse_athlete_profile("[athlete]\nmax_hr_bpm = \"high\"\n", "p.toml"), ErrorCode::invalid_argument,
                 "p.toml:2:14: error: [athlete] max_hr_bpm must be a number");
    EXPECT_ERROR(parse_athlete_profile("[athlete]\nsex = \"x\"\n", "p.toml"), ErrorCode::invalid_argument,
                 "[athlete] sex must be \"female\" or \"male\"");
    EXPECT_ERROR(parse_athlete_profile("[athlete]\nthreshold_pace = \"4.30\"\n", "p.toml"),
                 ErrorCode::invalid_argument, "must be a pace per km like \"4:30\"");
    EXPECT_ERROR(parse_athlete_profile("athlete = 3\n", "p.toml"), ErrorCode::invalid_argument,
                 "'athlete' must be a table");
}

TEST(AthleteProfileTest, BrokenTomlIsAnErrorWithItsLine) {
    EXPECT_ERROR(parse_athlete_profile("[athlete]\nmass_kg = = 3\n", "p.toml"), ErrorCode::invalid_argument,
                 "p.toml:2:");
}

TEST(AthleteProfileTest, UnknownKeyIsAWarningNotAnError) {
    const auto read = parse_athlete_profile("[athlete]\nmass = 70\n", "p.toml");
    ASSERT_TRUE(read);
    ASSERT_EQ(read->warnings.size(), 1u);
    EXPECT_NE(read->warnings[0].message().find("p.toml:2:8: warning: [athlete] has no setting 'mass'"),
              std::string::npos)
        << read->warnings[0].message();
}

TEST(AthleteProfileTest, HeartRatesMustBeInOrder) {
    EXPECT_ERROR(parse_athlete_profile("[athlete]\nmax_hr_bpm = 180\nrest_hr_bpm = 185\n", "p.toml"),
                 ErrorCode::invalid_argument, "p.toml: error: resting heart rate 185 must be below maximum heart rate 180");
    EXPECT_FALSE(validate_athlete_profile({.max_hr_bpm = 180.0, .threshold_hr_bpm = 181.0}));
    EXPECT_FALSE(validate_athlete_profile({.rest_hr_bpm = 60.0, .threshold_hr_bpm = 55.0}));
    EXPECT_TRUE(validate_athlete_profile({.max_hr_bpm = 180.0, .rest_hr_bpm = 50.0, .threshold_hr_bpm = 165.0}));
}

TEST(AthleteProfileTest, FlagsOverrideTheFileFieldByField) {
    const AthleteProfile file{.mass_kg = 70.0, .sex = Sex::male, .max_hr_bpm = 190.0};
    const AthleteProfile flags{.mass_kg = 65.0, .rest_hr_bpm = 48.0};
    const AthleteProfile m = merge(file, flags);
    EXPECT_EQ(m.mass_kg, 65.0);
    EXPECT_EQ(m.sex, Sex::male);
    EXPECT_EQ(m.max_hr_bpm, 190.0);
    EXPECT_EQ(m.rest_hr_bpm, 48.0);
}

TEST(AthleteProfileTest, PaceText) {
    EXPECT_EQ(parse_pace_s_per_km("4:30"), 270.0);
    EXPECT_EQ(parse_pace_s_per_km("12:05.5"), 725.5);
    EXPECT_FALSE(parse_pace_s_per_km("4:5"));
    EXPECT_FALSE(parse_pace_s_per_km("4:75"));
    EXPECT_FALSE(parse_pace_s_per_km(":30"));
    EXPECT_FALSE(parse_pace_s_per_km("4:30/km"));
    EXPECT_FALSE(parse_pace_s_per_km("270"));
}

TEST(AthleteProfileTest, MissingFileIsAnIoError) {
    EXPECT_ERROR(read_athlete_profile(test::temp_dir("athlete_profile") / "none.toml"), ErrorCode::io_error,
                 "cannot open the profile file");
}

}  // namespace
}  // namespace hillcoach::physiology
