// Athlete settings: given values win; missing ones are estimated from the run or defaulted, and say so.

#include "hillcoach/physiology/athlete_settings.hpp"

#include <gtest/gtest.h>

#include "course_fixture.hpp"

namespace hillcoach::physiology {
namespace {

using test::make_course;

TEST(AthleteSettingsTest, GivenValuesAreKeptAndMarkedGiven) {
    const AthleteProfile p{.mass_kg = 62.0, .sex = Sex::female, .max_hr_bpm = 185.0, .rest_hr_bpm = 48.0,
                           .threshold_hr_bpm = 168.0, .threshold_speed_m_s = 3.9, .zone_model = ZoneModel::max_hr,
                           .gap_model = GapModel::metabolic};
    const auto s = resolve_athlete_settings(p, make_course({{.length_m = 3000}}));
    EXPECT_EQ(s.mass_kg.value, 62.0);
    EXPECT_EQ(s.mass_kg.source, SettingSource::given);
    EXPECT_EQ(s.sex, Sex::female);
    EXPECT_EQ(s.max_hr_bpm.value, 185.0);
    EXPECT_EQ(s.threshold_hr_bpm.source, SettingSource::given);
    EXPECT_EQ(s.threshold_speed_m_s->value, 3.9);
    EXPECT_EQ(s.zone_model, ZoneModel::max_hr);
    EXPECT_EQ(s.gap_model, GapModel::metabolic);
}

TEST(AthleteSettingsTest, NothingGivenNoHeartRate) {
    // 40 min flat at 3 m/s, no heart rate: defaults, and threshold pace from the best 30 min (3 m/s).
    const auto s = resolve_athlete_settings({}, make_course({{.length_m = 7200}}));
    EXPECT_EQ(s.mass_kg.value, k_default_mass_kg);
    EXPECT_EQ(s.mass_kg.source, SettingSource::defaulted);
    EXPECT_EQ(s.sex, Sex::unknown);
    EXPECT_EQ(s.rest_hr_bpm.value, 60.0);
    EXPECT_EQ(s.max_hr_bpm.value, 180.0);  // 208 - 0.7 x 40
    EXPECT_EQ(s.max_hr_bpm.source, SettingSource::defaulted);
    EXPECT_NEAR(s.threshold_hr_bpm.value, 60 + 0.85 * 120, 1e-9);
    ASSERT_TRUE(s.threshold_speed_m_s);
    EXPECT_NEAR(s.threshold_speed_m_s->value, 3.0, 1e-9);
    EXPECT_EQ(s.threshold_speed_m_s->source, SettingSource::estimated);
    EXPECT_EQ(s.zone_model, ZoneModel::reserve);
    EXPECT_EQ(s.gap_model, GapModel::heart_rate);
}

TEST(AthleteSettingsTest, ShortRunWithoutHeartRateHasNoThresholdPace) {
    EXPECT_FALSE(resolve_athlete_settings({}, make_course({{.length_m = 3000}})).threshold_speed_m_s);
}

TEST(AthleteSettingsTest, MaxHeartRateFromAgeOrFromAHigherHeldPeak) {
    // Age 30: 208 - 21 = 187. A run that held 192 for 2 minutes raises it to 192.
    const auto course = make_course({{.length_m = 1800, .heart_rate_bpm = 150},
                                     {.length_m = 360, .heart_rate_bpm = 192},
                                     {.length_m = 900, .heart_rate_bpm = 140}});
    const auto by_age = resolve_athlete_settings({.age_years = 30.0}, make_course({{.length_m = 1000}}));
    EXPECT_NEAR(by_age.max_hr_bpm.value, 187.0, 1e-9);
    EXPECT_EQ(by_age.max_hr_bpm.source, SettingSource::estimated);
    const auto by_run = resolve_athlete_settings({.age_years = 30.0}, course);
    EXPECT_NEAR(by_run.max_hr_bpm.value, 192.0, 1e-9);
    EXPECT_NE(by_run.max_hr_bpm.how.find("held for 60 s"), std::string::npos);
}

TEST(AthleteSettingsTest, ThresholdPaceFromHeartRateReserve) {
    // 40 min flat at 3 m/s at 140 beats/min; rest 50, threshold 170 given: 3 x (170-50)/(140-50) = 4 m/s.
    const auto course = make_course({{.length_m = 7200, .speed_m_s = 3.0, .heart_rate_bpm = 140}});
    const auto s = resolve_athlete_settings({.rest_hr_bpm = 50.0, .threshold_hr_bpm = 170.0}, course);
    ASSERT_TRUE(s.threshold_speed_m_s);
    EXPECT_NEAR(s.threshold_speed_m_s->value, 4.0, 1e-9);
    // Only the threshold heart rate given: threshold zones.
    EXPECT_EQ(s.zone_model, ZoneModel::threshold);
}

TEST(AthleteSettingsTest, ThresholdHeartRateFromAHardTwentyMinutes) {
    // Rest 50, max 190: 85 % of reserve is 169; a run that held 175 for 25 min sets it to 175.
    const auto course = make_course({{.length_m = 4500, .heart_rate_bpm = 175}});
    const auto s = resolve_athlete_settings({.max_hr_bpm = 190.0, .rest_hr_bpm = 50.0}, course);
    EXPECT_NEAR(s.threshold_hr_bpm.value, 175.0, 1e-9);
    EXPECT_EQ(s.threshold_hr_bpm.source, SettingSource::estimated);
    const auto easy = resolve_athlete_settings({.max_hr_bpm = 190.0, .rest_hr_bpm = 50.0},
                                               make_course({{.length_m = 4500, .heart_rate_bpm = 140}}));
    EXPECT_NEAR(easy.threshold_hr_bpm.value, 169.0, 1e-9);
}

TEST(AthleteSettingsTest, BestAverageHeartRate) {
    // 300 s at 150 then 400 s at 170 (3 m/s); the first step of the 170 block averages its ends: 160.
    const auto course = make_course({{.length_m = 900, .heart_rate_bpm = 150}, {.length_m = 1200, .heart_rate_bpm = 170}});
    EXPECT_NEAR(*best_average_heart_rate_bpm(course, 300.0), 170.0, 1e-9);
    // The best 600 s are the last: 200 s at 150, the 160 step, 399 s at 170.
    EXPECT_NEAR(*best_average_heart_rate_bpm(course, 600.0), (200 * 150.0 + 160.0 + 399 * 170.0) / 600.0, 1e-9);
    EXPECT_FALSE(best_average_heart_rate_bpm(course, 1000.0));
}

}  // namespace
}  // namespace hillcoach::physiology
