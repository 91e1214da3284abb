// Sessions in words, as the terminal, Markdown, iCalendar and FIT step names show them: a step's amount,
// effort, kind and grade; repeat blocks in brackets; and the race said as a race, not as its model's steps.

#include "hillcoach/plan/session_text.hpp"

#include <gtest/gtest.h>

#include "hillcoach/plan/session_library.hpp"

namespace hillcoach::plan {
namespace {

TEST(SessionTextTest, AStepSaysItsAmountEffortKindAndGrade) {
    EXPECT_EQ(step_text(Step{.kind = StepKind::warmup, .effort = Effort::easy, .duration_s = 900.0}),
              "15 min easy warm-up");
    EXPECT_EQ(step_text(Step{.kind = StepKind::strides, .effort = Effort::hard, .duration_s = 20.0}),
              "20 s hard stride");
    EXPECT_EQ(
        step_text(Step{.kind = StepKind::climb, .effort = Effort::hard, .distance_m = 150.0, .grade = 0.07}),
        "150 m hard up 7 %");
    EXPECT_EQ(step_text(Step{
                  .kind = StepKind::recover, .effort = Effort::walk, .distance_m = 1200.0, .grade = -0.05}),
              "1.2 km walk down 5 %");
    EXPECT_EQ(step_text(Step{.kind = StepKind::run, .effort = Effort::steady, .duration_s = 5400.0}),
              "1:30 h steady");
}

TEST(SessionTextTest, RepeatBlocksAreBracketedAndLengthsFollowTheCallersUnits) {
    Session s;
    s.steps.push_back(
        {.steps = {Step{.kind = StepKind::warmup, .effort = Effort::easy, .duration_s = 900.0}}});
    s.steps.push_back(
        {.repeats = 6,
         .steps = {
             Step{.kind = StepKind::climb, .effort = Effort::hard, .distance_m = 200.0, .grade = 0.08},
             Step{.kind = StepKind::recover, .effort = Effort::easy, .distance_m = 200.0, .grade = -0.08}}});
    EXPECT_EQ(steps_text(s), "15 min easy warm-up; 6 x [200 m hard up 8 %, 200 m easy down 8 %]");
    // 200 m is 656 ft (200 / 0.3048 = 656.2).
    const auto feet = [](double m) { return std::to_string(static_cast<int>(m / 0.3048 + 0.5)) + " ft"; };
    EXPECT_EQ(steps_text(s, feet), "15 min easy warm-up; 6 x [656 ft hard up 8 %, 656 ft easy down 8 %]");
}

TEST(SessionTextTest, TheRaceIsSaidByItsLengthAndEffort) {
    // Its time and load are estimated as one climb and one descent of 2400 m over 21 km each (11.4 %); the
    // words are the race's: 42 km at marathon pace.
    const Session hilly = make_race(42000.0, 2400.0, SessionSettings{.threshold_speed_m_s = 1000.0 / 300.0});
    ASSERT_EQ(hilly.steps.size(), 2U);
    EXPECT_EQ(steps_text(hilly), "42.0 km at marathon pace");
    EXPECT_EQ(session_numbers_text(hilly).substr(session_numbers_text(hilly).find(',')),
              ", 42.0 km, +2400 m");
    const Session flat = make_race(10000.0, 0.0, SessionSettings{.threshold_speed_m_s = 1000.0 / 300.0});
    EXPECT_EQ(steps_text(flat), "10.0 km at threshold");
}

}  // namespace
}  // namespace hillcoach::plan
