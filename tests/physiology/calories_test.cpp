// Energy: the ACSM equations on their standard worked examples, and the Minetti energy of runs whose cost can be
// multiplied out by hand.

#include "hillcoach/physiology/calories.hpp"

#include <gtest/gtest.h>

#include "course_fixture.hpp"
#include "hillcoach/physiology/energy_cost.hpp"

namespace hillcoach::physiology {
namespace {

using test::make_course;

constexpr double per_min(double metres_per_minute) { return metres_per_minute / 60.0; }

TEST(AcsmTest, RunningSixMphAtFivePercent) {
    // 3.5 + 0.2 x 160.8 + 0.9 x 160.8 x 0.05 = 42.896 mL/kg/min = 12.256 MET.
    const double vo2 = acsm_running_vo2_ml_kg_min({.speed_m_s = per_min(160.8), .grade = 0.05});
    EXPECT_NEAR(vo2, 42.896, 1e-9);
    EXPECT_NEAR(vo2_to_met(vo2), 12.256, 1e-9);
}

TEST(AcsmTest, RunningSpeedForEightMetOnTheLevel) {
    // 8 MET = 28 mL/kg/min: (28 - 3.5) / 0.2 = 122.5 m/min = 4.57 mph.
    EXPECT_NEAR(acsm_running_speed_m_s(28.0, 0.0) * 60.0, 122.5, 1e-9);
    EXPECT_NEAR(acsm_running_speed_m_s(28.0, 0.0) * 60.0 / 26.8, 4.57, 0.01);
}

TEST(AcsmTest, WalkingThreePointFiveMphAtTenPercent) {
    // 3.5 + 0.1 x 93.8 + 1.8 x 93.8 x 0.10 = 29.764.
    EXPECT_NEAR(acsm_walking_vo2_ml_kg_min({.speed_m_s = per_min(93.8), .grade = 0.10}), 29.76, 0.01);
}

TEST(AcsmTest, WalkingTwoPointFiveMphAtThreePercent) {
    // 3.5 + 0.1 x 67 + 1.8 x 67 x 0.03 = 13.818.
    EXPECT_NEAR(acsm_walking_vo2_ml_kg_min({.speed_m_s = per_min(67.0), .grade = 0.03}), 13.8, 0.05);
}

TEST(AcsmTest, DescentsAreCostedAsLevel) {
    EXPECT_DOUBLE_EQ(acsm_running_vo2_ml_kg_min({.speed_m_s = 3.0, .grade = -0.10}),
                     acsm_running_vo2_ml_kg_min({.speed_m_s = 3.0, .grade = 0.0}));
}

TEST(EnergyTest, FlatTenKilometresAtSeventyKilograms) {
    // Minetti: 3.6 J/kg/m x 10 000 m x 70 kg = 2.52 MJ = 602.29 kcal.
    // ACSM: 0.2 mL/kg/m x 10 000 m x 70 kg = 140 L O2 x 5 kcal/L = 700 kcal.
    const auto e = energy_expenditure(make_course({{.length_m = 10000, .grade = 0.0, .speed_m_s = 3.0}}), 70.0);
    ASSERT_TRUE(e);
    EXPECT_NEAR(e->net_energy_j, 2.52e6, 1e-3);
    EXPECT_NEAR(e->kcal, 602.2945, 1e-3);
    EXPECT_NEAR(e->acsm_kcal, 700.0, 1e-6);
    EXPECT_FALSE(e->level_assumed);
}

TEST(EnergyTest, HillyRunAddsTheGradeCostOfEachStretch) {
    const auto course = make_course({{.length_m = 2000, .grade = 0.08, .speed_m_s = 2.5},
                                     {.length_m = 2000, .grade = -0.08, .speed_m_s = 3.5}});
    const double per_kg = 2000 * cost_per_horizontal_m({.grade = 0.08, .speed_m_s = 2.5}) +
                          2000 * cost_per_horizontal_m({.grade = -0.08, .speed_m_s = 3.5});
    const auto e = energy_expenditure(course, 60.0);
    ASSERT_TRUE(e);
    EXPECT_NEAR(e->net_energy_j, 60.0 * per_kg, 1e-3);
    // Up and back down costs more than the same distance on the level.
    EXPECT_GT(per_kg, 4000 * 3.6);
    // ACSM: uphill 0.2 + 0.9 x 0.08 per metre, downhill as level: (0.272 + 0.2) x 2000 x 60 / 1000 x 5.
    EXPECT_NEAR(e->acsm_kcal, (0.272 + 0.2) * 2000 * 60 / 1000 * 5, 1e-6);
}

TEST(EnergyTest, WalkingPaceUsesTheWalkingCost) {
    const auto e = energy_expenditure(make_course({{.length_m = 1000, .grade = 0.20, .speed_m_s = 1.0}}), 50.0);
    ASSERT_TRUE(e);
    EXPECT_NEAR(e->net_energy_j, 50.0 * 1000 * walking_cost_j_per_kg_m(0.20) * std::sqrt(1.04), 1e-3);
    // ACSM walking, net of rest, over the 1000 s it takes: (walking VO2 - 3.5) x 1000 / 60 mL/kg, which is
    // (0.1 + 1.8 x 0.20) x 1000 m = 460 mL/kg; x 50 kg = 23 L O2 x 5 kcal/L = 115 kcal.
    const double net_ml_kg = (acsm_walking_vo2_ml_kg_min({.speed_m_s = 1.0, .grade = 0.20}) - 3.5) * 1000.0 / 60.0;
    EXPECT_NEAR(net_ml_kg, 460.0, 1e-9);
    EXPECT_NEAR(e->acsm_kcal, 115.0, 1e-6);
}

TEST(EnergyTest, WithoutElevationEveryStepIsLevelAndSaysSo) {
    const auto e = energy_expenditure(make_course({{.length_m = 5000, .grade = 0.1, .speed_m_s = 3.0}}, false), 70.0);
    ASSERT_TRUE(e);
    EXPECT_TRUE(e->level_assumed);
    EXPECT_NEAR(e->net_energy_j, 3.6 * 5000 * 70, 1e-3);
}

TEST(EnergyTest, NoMassOrNoMovementGivesNothing) {
    EXPECT_FALSE(energy_expenditure(make_course({{.length_m = 1000}}), 0.0));
    EXPECT_FALSE(energy_expenditure(make_course({}), 70.0));
}

}  // namespace
}  // namespace hillcoach::physiology
