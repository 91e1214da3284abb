// Grade-adjusted pace: the shape of both curves (flat = pace, uphill faster, downhill slower with its slowest
// point where each model puts it), equivalent flat distance by hand, and the best-window GAP.

#include "hillcoach/physiology/grade_adjusted_pace.hpp"

#include <cmath>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "course_fixture.hpp"
#include "hillcoach/physiology/energy_cost.hpp"

namespace hillcoach::physiology {
namespace {

using test::make_course;

// The grade in [-0.45, 0] where the factor is lowest, on a 0.1 % grid.
double slowest_descent_grade(GapModel model) {
    double best_grade = 0.0;
    double best = 1.0;
    for (int k = -450; k <= 0; ++k) {
        const double f = gap_speed_factor(k * 1e-3, model);
        if (f < best) {
            best = f;
            best_grade = k * 1e-3;
        }
    }
    return best_grade;
}

TEST(GradeAdjustedPaceTest, FactorIsOneOnTheLevelAndForMissingGrade) {
    for (GapModel m : {GapModel::heart_rate, GapModel::metabolic}) {
        EXPECT_DOUBLE_EQ(gap_speed_factor(0.0, m), 1.0);
        EXPECT_DOUBLE_EQ(gap_speed_factor(std::nan(""), m), 1.0);
    }
}

TEST(GradeAdjustedPaceTest, MetabolicFactorIsTheCostRatio) {
    // f(i) = Cr(i) sqrt(1 + i^2) / Cr(0): 5.968 * 1.004988 / 3.6 at +10 %.
    EXPECT_NEAR(gap_speed_factor(0.10, GapModel::metabolic), running_cost_j_per_kg_m(0.10) * std::sqrt(1.01) / 3.6,
                1e-12);
    EXPECT_NEAR(gap_speed_factor(0.10, GapModel::metabolic), 1.6661, 1e-3);
}

TEST(GradeAdjustedPaceTest, HeartRateFactorReproducesTheReconstructedStravaPoints) {
    EXPECT_DOUBLE_EQ(gap_speed_factor(-0.10, GapModel::heart_rate), 0.876);
    EXPECT_DOUBLE_EQ(gap_speed_factor(0.10, GapModel::heart_rate), 1.459);
    EXPECT_DOUBLE_EQ(gap_speed_factor(0.20, GapModel::heart_rate), 2.297);
    // Halfway between the +2 % and +4 % points.
    EXPECT_NEAR(gap_speed_factor(0.03, GapModel::heart_rate), (1.055 + 1.135) / 2, 1e-12);
    // Clamped beyond +-45 %.
    EXPECT_DOUBLE_EQ(gap_speed_factor(0.60, GapModel::heart_rate), 4.286);
    EXPECT_DOUBLE_EQ(gap_speed_factor(-0.60, GapModel::heart_rate), 2.096);
}

TEST(GradeAdjustedPaceTest, HeartRateFactorIsLinearBetweenEveryPairOfPoints) {
    // The reconstructed curve's 21 points (grade, factor); the factor is looked up by percent cell, so every
    // segment is checked at its ends, inside, and a hair either side of each point.
    const std::vector<std::pair<double, double>> points{
        {-0.45, 2.096}, {-0.30, 1.495}, {-0.25, 1.273}, {-0.20, 1.081}, {-0.15, 0.941}, {-0.10, 0.876},
        {-0.08, 0.876}, {-0.06, 0.891}, {-0.04, 0.918}, {-0.02, 0.960}, {0.00, 1.000},  {0.02, 1.055},
        {0.04, 1.135},  {0.06, 1.228},  {0.08, 1.337},  {0.10, 1.459},  {0.15, 1.846},  {0.20, 2.297},
        {0.25, 2.727},  {0.30, 3.158},  {0.45, 4.286}};
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        const auto [g0, f0] = points[i];
        const auto [g1, f1] = points[i + 1];
        for (const double t : {0.0, 1e-9, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0 - 1e-9, 1.0}) {
            const double grade = g0 + t * (g1 - g0);
            EXPECT_NEAR(gap_speed_factor(grade, GapModel::heart_rate), f0 + t * (f1 - f0), 1e-9)
                << "grade " << grade;
        }
    }
}

TEST(GradeAdjustedPaceTest, UphillGivesFasterGapInBothModels) {
    for (GapModel m : {GapModel::heart_rate, GapModel::metabolic}) {
        double previous = 1.0;
        for (double grade : {0.02, 0.05, 0.10, 0.20, 0.30, 0.45}) {
            const double f = gap_speed_factor(grade, m);
            EXPECT_GT(f, previous) << to_string(m) << " at " << grade;
            previous = f;
        }
    }
}

TEST(GradeAdjustedPaceTest, MetabolicDownhillIsSlowestNearTheCostMinimumAndLessSlowBeyond) {
    // The cost minimum (-0.1814) moves to -0.179 once the cost is taken per horizontal metre.
    EXPECT_NEAR(slowest_descent_grade(GapModel::metabolic), -0.180, 0.003);
    EXPECT_LT(gap_speed_factor(-0.05, GapModel::metabolic), 1.0);
    EXPECT_LT(gap_speed_factor(-0.18, GapModel::metabolic), gap_speed_factor(-0.10, GapModel::metabolic));
    EXPECT_GT(gap_speed_factor(-0.30, GapModel::metabolic), gap_speed_factor(-0.18, GapModel::metabolic));
    EXPECT_GT(gap_speed_factor(-0.45, GapModel::metabolic), gap_speed_factor(-0.30, GapModel::metabolic));
    EXPECT_NEAR(gap_speed_factor(-0.18, GapModel::metabolic), 0.5028, 1e-3);
}

TEST(GradeAdjustedPaceTest, HeartRateDownhillHelpsMostNearMinusNineAndCostsMoreBeyondMinusSeventeen) {
    const double slowest = slowest_descent_grade(GapModel::heart_rate);
    EXPECT_GE(slowest, -0.10);
    EXPECT_LE(slowest, -0.08);
    EXPECT_LT(gap_speed_factor(-0.15, GapModel::heart_rate), 1.0);
    EXPECT_GT(gap_speed_factor(-0.20, GapModel::heart_rate), 1.0);
}

TEST(GradeAdjustedPaceTest, FlatRunGapEqualsPace) {
    const auto course = make_course({{.length_m = 5000, .grade = 0.0, .speed_m_s = 3.2}});
    for (GapModel m : {GapModel::heart_rate, GapModel::metabolic}) {
        const auto gap = grade_adjusted_pace(course, m);
        ASSERT_TRUE(gap);
        EXPECT_NEAR(gap->flat_equivalent_distance_m, 5000.0, 1e-6);
        EXPECT_NEAR(gap->gap_speed_m_s, 3.2, 1e-9);
        EXPECT_NEAR(gap->gap_s_per_km, 1000.0 / 3.2, 1e-6);
        EXPECT_NEAR(gap->gap_speed_per_sample_m_s[10], 3.2, 1e-12);
        EXPECT_TRUE(std::isnan(gap->gap_speed_per_sample_m_s[0]));
    }
}

TEST(GradeAdjustedPaceTest, EquivalentFlatDistanceIsTheSumOfFactorTimesLength) {
    const auto course = make_course({{.length_m = 1000, .grade = 0.0, .speed_m_s = 3.0},
                                     {.length_m = 1500, .grade = 0.08, .speed_m_s = 2.4},
                                     {.length_m = 600, .grade = -0.12, .speed_m_s = 3.6}});
    for (GapModel m : {GapModel::heart_rate, GapModel::metabolic}) {
        const double flat = 1000.0 + 1500.0 * gap_speed_factor(0.08, m) + 600.0 * gap_speed_factor(-0.12, m);
        const double seconds = 1000.0 / 3.0 + 1500.0 / 2.4 + 600.0 / 3.6;
        const auto gap = grade_adjusted_pace(course, m);
        ASSERT_TRUE(gap);
        EXPECT_NEAR(gap->flat_equivalent_distance_m, flat, 1e-6) << to_string(m);
        EXPECT_NEAR(gap->moving_s, seconds, 1e-6);
        EXPECT_NEAR(gap->gap_speed_m_s, flat / seconds, 1e-9);
    }
}

TEST(GradeAdjustedPaceTest, UphillRunHasFasterGapThanPaceAndSteepDescentSlowerInTheMetabolicModel) {
    const auto up = make_course({{.length_m = 2000, .grade = 0.10, .speed_m_s = 2.5}});
    const auto down = make_course({{.length_m = 2000, .grade = -0.18, .speed_m_s = 4.0}});
    EXPECT_GT(grade_adjusted_pace(up, GapModel::heart_rate)->gap_speed_m_s, 2.5);
    EXPECT_GT(grade_adjusted_pace(up, GapModel::metabolic)->gap_speed_m_s, 2.5);
    EXPECT_LT(grade_adjusted_pace(down, GapModel::metabolic)->gap_speed_m_s, 4.0);
    // The equal-heart-rate curve says a -18 % descent costs about as much as the level at the same speed.
    EXPECT_NEAR(grade_adjusted_pace(down, GapModel::heart_rate)->gap_speed_m_s, 4.0 * 1.025, 1e-9);
}

TEST(GradeAdjustedPaceTest, NoElevationMeansNoGap) {
    const auto course = make_course({{.length_m = 3000, .grade = 0.05, .speed_m_s = 3.0}}, false);
    EXPECT_FALSE(grade_adjusted_pace(course, GapModel::heart_rate));
    EXPECT_FALSE(best_gap_speed_m_s(course, GapModel::heart_rate, 600.0));
}

TEST(GradeAdjustedPaceTest, BestWindowFindsTheFastestStretch) {
    // 20 min easy at 2.5 m/s, 30 min at 3.5, 20 min at 2.5; all flat: the best 30 min is the 3.5 block, the best
    // 40 min includes 10 min of easy running: (30*3.5 + 10*2.5)/40 = 3.25.
    const auto course = make_course({{.length_m = 2.5 * 1200, .grade = 0.0, .speed_m_s = 2.5},
                                     {.length_m = 3.5 * 1800, .grade = 0.0, .speed_m_s = 3.5},
                                     {.length_m = 2.5 * 1200, .grade = 0.0, .speed_m_s = 2.5}});
    EXPECT_NEAR(*best_gap_speed_m_s(course, GapModel::heart_rate, 1800.0), 3.5, 1e-9);
    EXPECT_NEAR(*best_gap_speed_m_s(course, GapModel::heart_rate, 2400.0), 3.25, 1e-9);
    EXPECT_FALSE(best_gap_speed_m_s(course, GapModel::heart_rate, 5000.0));
}

TEST(GradeAdjustedPaceTest, ModelNamesRoundTrip) {
    EXPECT_EQ(gap_model_from_text("heart-rate"), GapModel::heart_rate);
    EXPECT_EQ(gap_model_from_text("metabolic"), GapModel::metabolic);
    EXPECT_FALSE(gap_model_from_text("strava"));
    EXPECT_EQ(to_string(GapModel::heart_rate), "heart-rate");
    EXPECT_EQ(k_default_gap_model, GapModel::heart_rate);
}

}  // namespace
}  // namespace hillcoach::physiology
