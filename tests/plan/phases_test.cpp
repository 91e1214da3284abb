// The plan's frame: phase lengths for race and non-race goals, taper length, and where the deloads fall.

#include "hillcoach/plan/phases.hpp"

#include <gtest/gtest.h>

#include "hillcoach/plan/runner.hpp"

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;

std::string phases_of(const std::vector<WeekFrame>& frames) {
    std::string out;
    for (const WeekFrame& f : frames) {
        const char letter = "BHST"[static_cast<int>(f.phase)];
        out += f.deload ? static_cast<char>(letter + ('a' - 'A')) : letter;
    }
    return out;
}

Runner runner(Goal goal, Level level, int weeks, double race_m = 0.0) {
    Runner r;
    r.goal = goal;
    r.level = level;
    r.weeks = weeks;
    r.race_distance_m = race_m;
    return r;
}

TEST(PhasesTest, MarathonInSixteenWeeks) {
    // 2 taper weeks (42 km >= 30 km); of the other 14: base round(0.30 x 14) = 4, specific round(0.35 x 14) =
    // 5, hill strength the 5 left. Deloads every 4th week (weeks 4, 8, 12), never in the taper (week 16).
    const auto frames = phase_schedule(runner(Goal::flat_race, Level::regular, 16, 42195.0));
    EXPECT_EQ(phases_of(frames), "BBBbHHHhHSSsSSTT");
    EXPECT_EQ(frames[4].week_in_phase, 0);
    EXPECT_EQ(frames[8].week_in_phase, 4);
}

TEST(PhasesTest, ShortRaceTapersOneWeekAndNewRunnersDeloadEveryThird) {
    const auto frames = phase_schedule(runner(Goal::hilly_race, Level::new_runner, 10, 15000.0));
    // taper 1; of 9: base round(2.7) = 3, specific round(3.15) = 3, hill strength 3; deloads at weeks 3,
    // 6, 9.
    EXPECT_EQ(phases_of(frames), "BBbHHhSSsT");
    EXPECT_EQ(taper_weeks(15000.0, 10), 1);
    EXPECT_EQ(taper_weeks(30000.0, 10), 2);
    EXPECT_EQ(taper_weeks(100000.0, 3), 1);
}

TEST(PhasesTest, NonRaceGoals) {
    // Fitness, 12 weeks: base round(3) = 3, specific round(3.6) = 4, hill strength 5; no taper.
    EXPECT_EQ(phases_of(phase_schedule(runner(Goal::fitness, Level::regular, 12))), "BBBhHHHhSSSs");
    // Return after injury: base 40 % (5 of 12), deloads every 3rd week.
    EXPECT_EQ(phases_of(phase_schedule(runner(Goal::return_after_injury, Level::regular, 12))),
              "BBbBBhHHsSSs");
    // Short plans: no specific phase under 8 weeks; a one-week plan is one base week.
    EXPECT_EQ(phases_of(phase_schedule(runner(Goal::strength, Level::advanced, 6))), "BBHhHH");
    EXPECT_EQ(phases_of(phase_schedule(runner(Goal::strength, Level::advanced, 1))), "B");
}

TEST(PhasesTest, RaceWeeksCountFromTheStart) {
    const Date start{chr::year{2026} / chr::May / 4};
    EXPECT_EQ(weeks_until(start, start), 1);
    EXPECT_EQ(weeks_until(start, start + chr::days{6}), 1);
    EXPECT_EQ(weeks_until(start, start + chr::days{7}), 2);
    EXPECT_EQ(weeks_until(start, Date{chr::year{2026} / chr::August / 23}), 16);
}

}  // namespace
}  // namespace hillcoach::plan
