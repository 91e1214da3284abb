// Load channels on constructed histories: EWMA values against the closed form, the 7/28 rolling ratio
// against hand sums, each channel's source.

#include "hillcoach/training/load_channels.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "history.hpp"

namespace hillcoach::training {
namespace {

using test::run_at;
using test::utc_day;

Calendar utc_calendar() { return *Calendar::make("UTC"); }

TEST(LoadChannelsTest, EwmaOfAConstantLoadFollowsTheClosedForm) {
    // 100 stress points every day for 42 days from nothing: x_n = 100 (1 - e^(-n/N)), so the chronic load
    // (N = 42) reaches 100 (1 - 1/e) = 63.21 on day 42 (GoldenCheetah's PMC gives the same), and the acute
    // load (N = 7) reaches 63.21 on day 7.
    const Day start = *parse_day("2026-01-05");
    std::vector<ActivityDigest> history;
    for (Day d = start; d < start + 42; ++d) history.push_back(run_at(utc_day(d), 10.0));
    const LoadSeries s = load_series(history, utc_calendar());
    ASSERT_EQ(s.days(), 42U);
    EXPECT_EQ(s.first_day, start);
    EXPECT_NEAR(s[Channel::stress].chronic[41], 100.0 * (1.0 - std::exp(-1.0)), 1e-9);
    EXPECT_NEAR(s[Channel::stress].acute[6], 100.0 * (1.0 - std::exp(-1.0)), 1e-9);
    EXPECT_NEAR(s[Channel::stress].acute[41], 100.0 * (1.0 - std::exp(-6.0)), 1e-9);
    EXPECT_NEAR(ewma_alpha(42), 0.023528, 1e-6);
    // Steady load: the ratio is 1 once the 28 days are there, undefined before.
    EXPECT_FALSE(s.acwr(Channel::stress, start + 26));
    ASSERT_TRUE(s.acwr(Channel::stress, start + 27));
    EXPECT_NEAR(*s.acwr(Channel::stress, start + 27), 1.0, 1e-12);
    EXPECT_NEAR(*s.acwr(Channel::stress, start + 41), 1.0, 1e-12);
}

TEST(LoadChannelsTest, RollingRatioOfADoubledWeek) {
    // Four weeks of three 10 km runs (300 points a week), then six in week 5 (600). On week 5's Sunday the
    // 28-day window holds weeks 2-5: 1500 points, 375 per 7 days; the acute 7 days hold 600: 1.6.
    const Day monday = *parse_day("2026-01-05");
    std::vector<ActivityDigest> history;
    for (int week = 0; week < 4; ++week)
        for (int day : {0, 2, 4}) history.push_back(run_at(utc_day(monday + 7 * week + day), 10.0));
    for (int day = 0; day < 6; ++day) history.push_back(run_at(utc_day(monday + 28 + day), 10.0));
    const LoadSeries s = load_series(history, utc_calendar(), {}, std::nullopt, monday + 34);
    EXPECT_EQ(s.last_day, monday + 34);
    ASSERT_TRUE(s.acwr(Channel::stress, monday + 27));
    EXPECT_NEAR(*s.acwr(Channel::stress, monday + 27), 1.0, 1e-12);
    ASSERT_TRUE(s.acwr(Channel::stress, monday + 34));
    EXPECT_NEAR(*s.acwr(Channel::stress, monday + 34), 1.6, 1e-12);
    EXPECT_DOUBLE_EQ(s.sum(Channel::stress, monday + 28, monday + 34), 600.0);
    EXPECT_DOUBLE_EQ(s.sum(Channel::stress, monday - 100, monday + 1000), 1800.0);
    // The rolling windows are configurable: a 7/14 ratio on the same day is 600 / (900 / 2) = 1.33.
    const LoadSeries s14 = load_series(history, utc_calendar(), {.ratio_chronic_days = 14});
    EXPECT_NEAR(*s14.acwr(Channel::stress, monday + 33), 600.0 / 450.0, 1e-12);
}

TEST(LoadChannelsTest, EachChannelReadsItsOwnDigestField) {
    ActivityDigest d = run_at(test::utc("2026-03-02"), 10.0, 300.0);
    d.muscle_load->concentric[static_cast<std::size_t>(physiology::MuscleGroup::calves)] = 140.0;
    d.muscle_load->eccentric[static_cast<std::size_t>(physiology::MuscleGroup::calves)] = 60.0;
    EXPECT_DOUBLE_EQ(channel_load(d, Channel::stress), 100.0);
    EXPECT_DOUBLE_EQ(channel_load(d, Channel::uphill), 33.0);
    EXPECT_DOUBLE_EQ(channel_load(d, Channel::eccentric), 36.0);
    EXPECT_DOUBLE_EQ(channel_load(d, Channel::calves), 100.0);
    EXPECT_DOUBLE_EQ(channel_load(d, Channel::quadriceps), 100.0);
    d.muscle_load.reset();
    d.stress.reset();
    EXPECT_DOUBLE_EQ(channel_load(d, Channel::trunk), 0.0);
    EXPECT_DOUBLE_EQ(channel_load(d, Channel::stress), 0.0);
    for (Channel c : k_channels) EXPECT_EQ(channel_from_text(to_string(c)), c);
    EXPECT_FALSE(channel_from_text("legs"));
}

TEST(LoadChannelsTest, TwoRunsOnADaySumAndRestDaysAreZero) {
    const Day day = *parse_day("2026-03-02");
    std::vector<ActivityDigest> history{run_at(utc_day(day, 6.0), 5.0), run_at(utc_day(day, 18.0), 8.0),
                                        run_at(utc_day(day + 3), 10.0)};
    ActivityDigest undated = run_at(0.0, 50.0);
    undated.start_time_s.reset();
    history.push_back(undated);
    const LoadSeries s = load_series(history, utc_calendar());
    ASSERT_EQ(s.days(), 4U);
    EXPECT_DOUBLE_EQ(s[Channel::stress].load[0], 130.0);
    EXPECT_DOUBLE_EQ(s[Channel::stress].load[1], 0.0);
    EXPECT_DOUBLE_EQ(s[Channel::stress].load[3], 100.0);
    EXPECT_EQ(load_series({}, utc_calendar()).days(), 0U);
}

}  // namespace
}  // namespace hillcoach::training
