// Minetti et al. (2002) energy cost: the polynomial against the measured means of the paper's abstract (within
// one standard deviation), hand-computed values, the minimum, clamping and the horizontal conversion.
//
// Only the four running gradients of the abstract (-0.45, -0.20, 0, +0.45) are tested against measurements: the
// other tabulated gradients circulate only as a third-party transcription of the paper's Table 2, not verified
// against the paper itself (../shared/research/mission-anchors.md, section 3.1), so they are not used here.

#include "hillcoach/physiology/energy_cost.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace hillcoach::physiology {
namespace {

struct Measured {
    double grade;
    double mean;
    double sd;
};

TEST(EnergyCostTest, RunningPolynomialIsWithinOneSdOfTheAbstractsMeasurements) {
    for (const Measured m : {Measured{-0.45, 3.92, 0.81}, Measured{-0.20, 1.73, 0.36}, Measured{0.0, 3.40, 0.24},
                             Measured{0.45, 18.93, 1.74}}) {
        EXPECT_NEAR(running_cost_j_per_kg_m(m.grade), m.mean, m.sd) << "grade " << m.grade;
    }
}

TEST(EnergyCostTest, RunningPolynomialMatchesHandValues) {
    // 155.4 i^5 - 30.4 i^4 - 43.3 i^3 + 46.3 i^2 + 19.5 i + 3.6 evaluated by hand at i = +-0.05.
    EXPECT_NEAR(running_cost_j_per_kg_m(0.05), 4.6851960625, 1e-9);
    EXPECT_NEAR(running_cost_j_per_kg_m(-0.05), 2.7459239375, 1e-9);
    EXPECT_DOUBLE_EQ(running_cost_j_per_kg_m(0.0), 3.6);
}

TEST(EnergyCostTest, RunningCostIsLowestNearMinusEighteenPercent) {
    double best_grade = 0.0;
    double best_cost = std::numeric_limits<double>::infinity();
    for (int k = -4500; k <= 4500; ++k) {
        const double grade = k * 1e-4;
        const double cost = running_cost_j_per_kg_m(grade);
        if (cost < best_cost) {
            best_cost = cost;
            best_grade = grade;
        }
    }
    EXPECT_NEAR(best_grade, -0.1814, 1e-3);
    EXPECT_NEAR(best_cost, 1.7813, 1e-4);
}

TEST(EnergyCostTest, GradesBeyondTheMeasuredRangeAreClamped) {
    EXPECT_DOUBLE_EQ(running_cost_j_per_kg_m(0.60), running_cost_j_per_kg_m(0.45));
    EXPECT_DOUBLE_EQ(running_cost_j_per_kg_m(-0.90), running_cost_j_per_kg_m(-0.45));
    EXPECT_DOUBLE_EQ(walking_cost_j_per_kg_m(1.0), walking_cost_j_per_kg_m(0.45));
}

TEST(EnergyCostTest, NanInGivesNanOut) {
    EXPECT_TRUE(std::isnan(running_cost_j_per_kg_m(std::numeric_limits<double>::quiet_NaN())));
    EXPECT_TRUE(std::isnan(walking_cost_j_per_kg_m(std::numeric_limits<double>::quiet_NaN())));
}

TEST(EnergyCostTest, WalkingPolynomialMatchesTheSteepMeasurementsOfTheAbstract) {
    for (const Measured m : {Measured{0.45, 17.33, 1.11}, Measured{-0.45, 3.46, 0.95}, Measured{-0.10, 0.81, 0.37}}) {
        EXPECT_NEAR(walking_cost_j_per_kg_m(m.grade), m.mean, m.sd) << "grade " << m.grade;
    }
}

TEST(EnergyCostTest, WalkingPolynomialOverestimatesLevelWalkingAsDocumented) {
    // The known limit of the walking fit: 2.5 on the level against 1.64 +- 0.50 measured at the optimal speed.
    EXPECT_DOUBLE_EQ(walking_cost_j_per_kg_m(0.0), 2.5);
    EXPECT_GT(walking_cost_j_per_kg_m(0.0) - 1.64, 0.50);
}

TEST(EnergyCostTest, GaitFollowsSpeedAndCostIsPerHorizontalMetre) {
    EXPECT_EQ(gait_for_speed(1.2), Gait::walking);
    EXPECT_EQ(gait_for_speed(2.0), Gait::running);
    EXPECT_EQ(gait_for_speed(std::numeric_limits<double>::quiet_NaN()), Gait::running);
    EXPECT_NEAR(cost_per_horizontal_m({.grade = 0.10, .speed_m_s = 3.0}),
                running_cost_j_per_kg_m(0.10) * std::sqrt(1.01), 1e-12);
    EXPECT_NEAR(cost_per_horizontal_m({.grade = 0.20, .speed_m_s = 1.0}),
                walking_cost_j_per_kg_m(0.20) * std::sqrt(1.04), 1e-12);
    // NaN grade is level ground.
    EXPECT_DOUBLE_EQ(cost_per_horizontal_m({.grade = std::numeric_limits<double>::quiet_NaN(), .speed_m_s = 3.0}),
                     3.6);
}

}  // namespace
}  // namespace hillcoach::physiology
