// Climb scores and categories against the published conventions (../shared/research/mission-anchors.md §3.7,
// §4 cases 16-17) and the runner scale's documented boundaries.

#include "hillcoach/terrain/climb_category.hpp"

#include <gtest/gtest.h>

namespace hillcoach::terrain {
namespace {

TEST(ClimbCategoryTest, ScoreIsLengthTimesGradePercentWhichIsOneHundredTimesTheGain) {
    EXPECT_DOUBLE_EQ(climb_score(2000.0, 0.04), 8000.0);  // case 16
    EXPECT_DOUBLE_EQ(climb_score(510.0, 0.062), 3162.0);  // case 17
    EXPECT_DOUBLE_EQ(climb_score(850.0, 0.031), 2635.0);
    EXPECT_DOUBLE_EQ(climb_score(1500.0, 120.0 / 1500.0), 100.0 * 120.0);
}

TEST(ClimbCategoryTest, StravaThresholdsAreStrict) {
    // "greater than 8,000": 2000 m at 4 % is exactly 8000 and not yet a climb; 2001 m is Cat 4.
    EXPECT_EQ(strava_category(2000.0, 0.04), StravaCategory::none);
    EXPECT_EQ(strava_category(2001.0, 0.04), StravaCategory::cat4);
    EXPECT_EQ(strava_category(4000.0, 0.04), StravaCategory::cat4);  // 16 000
    EXPECT_EQ(strava_category(4001.0, 0.04), StravaCategory::cat3);
    EXPECT_EQ(strava_category(8000.0, 0.04), StravaCategory::cat3);  // 32 000
    EXPECT_EQ(strava_category(8001.0, 0.04), StravaCategory::cat2);
    EXPECT_EQ(strava_category(8000.0, 0.08), StravaCategory::cat2);  // 64 000
    EXPECT_EQ(strava_category(8001.0, 0.08), StravaCategory::cat1);
    EXPECT_EQ(strava_category(10000.0, 0.08), StravaCategory::cat1);  // 80 000
    EXPECT_EQ(strava_category(10001.0, 0.08), StravaCategory::hc);
}

TEST(ClimbCategoryTest, TheEarlierStravaTableHasLowerCat1AndHc) {
    // Earlier article: Cat 1 > 48 000, HC > 64 000.
    EXPECT_EQ(strava_category(6000.0, 0.08, StravaTable::earlier), StravaCategory::cat2);  // 48 000
    EXPECT_EQ(strava_category(6001.0, 0.08, StravaTable::earlier), StravaCategory::cat1);
    EXPECT_EQ(strava_category(8001.0, 0.08, StravaTable::earlier), StravaCategory::hc);  // 64 008
    EXPECT_EQ(strava_category(8001.0, 0.08, StravaTable::current), StravaCategory::cat1);
}

TEST(ClimbCategoryTest, StravaNeedsThreePercentAndThreeHundredMetres) {
    EXPECT_EQ(strava_category(10000.0, 0.029), StravaCategory::none);  // score 29 000, too gentle
    EXPECT_EQ(strava_category(10000.0, 0.03), StravaCategory::cat3);   // 30 000
    EXPECT_EQ(strava_category(290.0, 0.30), StravaCategory::none);     // score 8700, too short
    EXPECT_EQ(strava_category(300.0, 0.30), StravaCategory::cat4);     // 9000
}

TEST(ClimbCategoryTest, ClimbProExamplesWithAMinimumScoreOf3100) {
    // GPSLogger's ClimbPro-style examples (case 17).
    const ClimbProRule rule{.min_length_m = 500.0, .min_grade = 0.03, .min_score = 3100.0};
    EXPECT_TRUE(climbpro_qualifies(510.0, 0.062, rule));   // 3162
    EXPECT_FALSE(climbpro_qualifies(510.0, 0.060, rule));  // 3060
    EXPECT_FALSE(climbpro_qualifies(490.0, 0.123, rule));  // too short
    EXPECT_FALSE(climbpro_qualifies(850.0, 0.031, rule));  // 2635
}

TEST(ClimbCategoryTest, ClimbProDefaultNeedsAScoreOver3500) {
    EXPECT_FALSE(climbpro_qualifies(510.0, 0.062));   // 3162
    EXPECT_FALSE(climbpro_qualifies(700.0, 0.05));    // 3500, not above
    EXPECT_TRUE(climbpro_qualifies(600.0, 0.06));     // 3600
    EXPECT_FALSE(climbpro_qualifies(2000.0, 0.025));  // 5000 but under 3 %
}

TEST(ClimbCategoryTest, RunnerScoreIsGainTimesGradePercent) {
    EXPECT_DOUBLE_EQ(runner_score(12.0, 0.08), 96.0);     // 150 m at 8 %
    EXPECT_DOUBLE_EQ(runner_score(80.0, 0.04), 320.0);    // 2 km at 4 %
    EXPECT_DOUBLE_EQ(runner_score(-64.0, -0.08), 512.0);  // a descent scores on its drop
    // 1000 x the Fiets index without altitude bonus: H^2 / (10 D), D in metres. 1071 m over 13.8 km
    // (mission-anchors case 19 before its altitude bonus): 1071^2 / 138000 = 8.3119.
    EXPECT_NEAR(runner_score(1071.0, 1071.0 / 13800.0) / 1000.0, 1071.0 * 1071.0 / 138000.0, 1e-9);
}

TEST(ClimbCategoryTest, RunnerCategoriesAtTheirBoundaries) {
    EXPECT_EQ(runner_category(49.9), RunnerCategory::minor);
    EXPECT_EQ(runner_category(runner_score(10.0, 0.05)),
              RunnerCategory::moderate);  // 200 m at 5 %: exactly 50
    EXPECT_EQ(runner_category(runner_score(10.5, 0.07)), RunnerCategory::moderate);  // 150 m at 7 %: 73.5
    EXPECT_EQ(runner_category(runner_score(12.0, 0.08)), RunnerCategory::moderate);  // 150 m at 8 %: 96
    EXPECT_EQ(runner_category(199.9), RunnerCategory::moderate);
    EXPECT_EQ(runner_category(200.0), RunnerCategory::hard);
    EXPECT_EQ(runner_category(runner_score(80.0, 0.04)), RunnerCategory::hard);  // Strava's Cat 4 edge: 320
    EXPECT_EQ(runner_category(799.9), RunnerCategory::hard);
    EXPECT_EQ(runner_category(runner_score(90.0, 0.09)), RunnerCategory::very_hard);  // 1 km at 9 %: 810
    EXPECT_EQ(runner_category(3199.9), RunnerCategory::very_hard);
    EXPECT_EQ(runner_category(runner_score(400.0, 0.08)), RunnerCategory::extreme);  // 5 km at 8 %: 3200
}

TEST(ClimbCategoryTest, NamesRoundTrip) {
    for (auto c : {RunnerCategory::minor, RunnerCategory::moderate, RunnerCategory::hard,
                   RunnerCategory::very_hard, RunnerCategory::extreme}) {
        EXPECT_EQ(runner_category_from_text(to_string(c)), c);
    }
    EXPECT_FALSE(runner_category_from_text("HC").has_value());
    EXPECT_EQ(to_string(StravaCategory::hc), "HC");
    EXPECT_EQ(to_string(StravaCategory::cat4), "4");
}

}  // namespace
}  // namespace hillcoach::terrain
