#include "hillcoach/core/activity.hpp"

#include <cmath>

#include <gtest/gtest.h>

using namespace hillcoach::core;

TEST(Samples, NewSamplesAreNaNInEveryChannel) {
    Samples s;
    s.push_empty();
    s.time_s.back() = 10.0;
    s.heart_rate_bpm.back() = 140.0;
    ASSERT_EQ(s.size(), 1u);
    EXPECT_TRUE(std::isnan(s.latitude_deg[0]));
    EXPECT_TRUE(std::isnan(s.elevation_m[0]));
    s.resize(3);
    EXPECT_EQ(s.heart_rate_bpm.size(), 3u);
    EXPECT_TRUE(std::isnan(s.heart_rate_bpm[2]));
    s.erase(0, 1);
    EXPECT_EQ(s.size(), 2u);
    EXPECT_TRUE(std::isnan(s.time_s[0]));
}

TEST(Activity, ChannelsListsOnlyPresentOnes) {
    Activity a;
    a.samples.resize(2);
    a.samples.time_s = {100.0, 101.0};
    a.samples.heart_rate_bpm[1] = 120.0;
    a.samples.latitude_deg[0] = 45.0;  // no longitude: not a position
    EXPECT_EQ(a.channels(), (std::vector<std::string>{"time", "heart_rate"}));
    EXPECT_FALSE(a.has_positions());
    a.samples.longitude_deg[0] = 7.0;
    EXPECT_TRUE(a.has_positions());
    ASSERT_TRUE(a.elapsed_s());
    EXPECT_DOUBLE_EQ(*a.elapsed_s(), 1.0);
}

TEST(Sport, MapsTheWordsFilesUse) {
    EXPECT_EQ(sport_from_text("Running"), Sport::running);
    EXPECT_EQ(sport_from_text("running", "trail"), Sport::trail_running);
    EXPECT_EQ(sport_from_text("running", "treadmill"), Sport::treadmill_running);
    EXPECT_EQ(sport_from_text("9"), Sport::running);  // Strava GPX <type>9</type>
    EXPECT_EQ(sport_from_text("Biking"), Sport::cycling);
    EXPECT_EQ(sport_from_text("Trail Run"), Sport::trail_running);
    EXPECT_EQ(sport_from_text("Hike"), Sport::hiking);
    EXPECT_EQ(sport_from_text("Walk"), Sport::walking);
    EXPECT_EQ(sport_from_text("Other"), Sport::other);
    EXPECT_EQ(sport_from_text(""), Sport::unknown);
}
