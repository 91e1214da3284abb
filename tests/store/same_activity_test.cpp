#include "hillcoach/store/same_activity.hpp"

#include <gtest/gtest.h>

namespace hillcoach::store {
namespace {

TEST(SameActivity, StartWithinAMinuteAndDurationWithinFivePercent) {
    const ActivityTiming fit{.start_s = 1.7e9, .duration_s = 3600.0};
    EXPECT_TRUE(same_activity(fit, {.start_s = 1.7e9 + 59.0, .duration_s = 3600.0 * 0.96}));
    EXPECT_TRUE(same_activity(fit, {.start_s = 1.7e9 - 60.0, .duration_s = 3780.0}));  // 180 s = 4.8 % of 3780
    EXPECT_FALSE(same_activity(fit, {.start_s = 1.7e9 + 61.0, .duration_s = 3600.0}));
    EXPECT_FALSE(same_activity(fit, {.start_s = 1.7e9, .duration_s = 3600.0 * 1.06}));
    EXPECT_FALSE(same_activity(fit, {.start_s = 1.7e9, .duration_s = 3600.0 * 0.94}));
}

TEST(SameActivity, IsSymmetric) {
    const ActivityTiming a{.start_s = 100.0, .duration_s = 1000.0};
    const ActivityTiming b{.start_s = 150.0, .duration_s = 952.0};
    EXPECT_EQ(same_activity(a, b), same_activity(b, a));
    EXPECT_TRUE(same_activity(a, b));
}

TEST(SameActivity, MissingTimes) {
    EXPECT_FALSE(same_activity({}, {}));  // nothing to compare: never merged
    EXPECT_FALSE(same_activity({.start_s = 5.0}, {.start_s = {}, .duration_s = 10.0}));
    EXPECT_TRUE(same_activity({.start_s = 5.0}, {.start_s = 30.0}));
    EXPECT_FALSE(same_activity({.start_s = 5.0}, {.start_s = 30.0, .duration_s = 10.0}));
}

TEST(SameActivity, TimingPrefersElapsedTime) {
    training::ActivityDigest d;
    d.start_time_s = 10.0;
    d.moving_s = 50.0;
    EXPECT_EQ(timing_of(d).duration_s, 50.0);
    d.elapsed_s = 80.0;
    EXPECT_EQ(timing_of(d).duration_s, 80.0);
    EXPECT_EQ(timing_of(d).start_s, 10.0);
}

}  // namespace
}  // namespace hillcoach::store
