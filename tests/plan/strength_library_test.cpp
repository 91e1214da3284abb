// Strength sessions: which exercises, with sets, reps, tempo, load and progression, by dose, gym or home,
// injuries and deloads; and the session's time from its sets (hand-computed below).

#include "hillcoach/plan/strength_library.hpp"

#include <gtest/gtest.h>

namespace hillcoach::plan {
namespace {

const Exercise* find(const Session& s, std::string_view name) {
    for (const Exercise& e : s.exercises) {
        if (e.name == name) return &e;
    }
    return nullptr;
}

TEST(StrengthLibraryTest, SessionABrakingWithSetsRepsAndTempo) {
    const Session a =
        make_strength(StrengthSettings{.dose = StrengthDose::standard, .gym = true, .session_a = true});
    EXPECT_EQ(a.kind, SessionKind::strength);
    EXPECT_EQ(a.title, "Strength A: braking");
    ASSERT_EQ(a.exercises.size(), 6u);
    const Exercise* step_up = find(a, "Step-up with a slow step-down");
    ASSERT_NE(step_up, nullptr);
    EXPECT_EQ(step_up->sets, 2);
    EXPECT_EQ(step_up->reps, "10 each leg");
    EXPECT_EQ(step_up->reps_count, 10);
    EXPECT_EQ(step_up->tempo, "3-0-1");
    EXPECT_EQ(step_up->load, "dumbbells, 10-20 % of body mass");
    EXPECT_NE(step_up->progression.find("always 3 s down"), std::string::npos);
    const Exercise* plank = find(a, "Plank");
    ASSERT_NE(plank, nullptr);
    EXPECT_EQ(plank->hold_s, 45.0);
    EXPECT_EQ(plank->reps, "45 s");
    EXPECT_FALSE(plank->reps_count);
    EXPECT_NE(find(a, "Reverse step-down"), nullptr);
    EXPECT_NE(find(a, "Single-leg squat to a box"), nullptr);
    EXPECT_NE(find(a, "Single-leg calf raise, slow lowering"), nullptr);
    // Time: 8 min warm-up + per exercise sets x (reps x tempo seconds x sides + 75 s rest):
    // step-up 2 x (10x4x2 + 75) = 310, reverse step-down 2 x (10x5x2 + 75) = 350, single-leg squat
    // 2 x (8x5x2 + 75) = 310, calf raise 2 x (15x5x2 + 75) = 450, plank 2 x (45 + 75) = 240, side plank
    // 2 x (30x2 + 75) = 270: 2410 s. Load: 100 x hours x 0.6^2.
    EXPECT_DOUBLE_EQ(a.duration_s, 2410.0);
    EXPECT_NEAR(a.load, 100.0 * 2410.0 / 3600.0 * 0.36, 1e-9);
}

TEST(StrengthLibraryTest, SessionBPushingAtHomeAndInTheGym) {
    const Session gym = make_strength(StrengthSettings{.gym = true, .session_a = false});
    EXPECT_EQ(gym.title, "Strength B: pushing");
    EXPECT_NE(find(gym, "Romanian deadlift"), nullptr);
    EXPECT_NE(find(gym, "Squat"), nullptr);
    EXPECT_NE(find(gym, "Reverse lunge"), nullptr);
    const Session home = make_strength(StrengthSettings{.gym = false, .session_a = false});
    EXPECT_EQ(find(home, "Romanian deadlift"), nullptr);
    ASSERT_NE(find(home, "Single-leg Romanian deadlift"), nullptr);
    EXPECT_EQ(find(home, "Air squat")->load, "body weight, full depth");
    EXPECT_EQ(find(home, "Air squat")->reps, "15");
    EXPECT_NE(home.where.find("At home"), std::string::npos);
}

TEST(StrengthLibraryTest, SetsProgressEveryThirdSessionToTheDosesMost) {
    const auto sets = [](StrengthDose dose, int progress, bool deload = false) {
        const Session s = make_strength(StrengthSettings{
            .dose = dose, .gym = true, .session_a = true, .progress = progress, .deload = deload});
        return find(s, "Step-up with a slow step-down")->sets;
    };
    EXPECT_EQ(sets(StrengthDose::standard, 0), 2);
    EXPECT_EQ(sets(StrengthDose::standard, 2), 2);
    EXPECT_EQ(sets(StrengthDose::standard, 3), 3);
    EXPECT_EQ(sets(StrengthDose::standard, 30), 3);
    EXPECT_EQ(sets(StrengthDose::heavy, 0), 3);
    EXPECT_EQ(sets(StrengthDose::heavy, 3), 4);
    EXPECT_EQ(sets(StrengthDose::heavy, 9, true), 3);  // a deload drops back to the base
    EXPECT_EQ(sets(StrengthDose::gentle, 0), 2);
}

TEST(StrengthLibraryTest, HeavyDoseForMuscle) {
    const Session s =
        make_strength(StrengthSettings{.dose = StrengthDose::heavy, .gym = true, .session_a = false});
    const Exercise* squat = find(s, "Squat");
    ASSERT_NE(squat, nullptr);
    EXPECT_EQ(squat->reps_count, 8);
    EXPECT_NE(squat->load.find("close to failure"), std::string::npos);
    EXPECT_NE(s.why.find("muscle to grow"), std::string::npos);
    EXPECT_EQ(rest_between_sets_s(StrengthDose::heavy), 120.0);
}

TEST(StrengthLibraryTest, InjuriesChangeTheExercises) {
    const Session knee =
        make_strength(StrengthSettings{.gym = true, .session_a = false, .knee_injury = true});
    EXPECT_EQ(find(knee, "Reverse lunge"), nullptr);
    const Session knee_a =
        make_strength(StrengthSettings{.gym = true, .session_a = true, .knee_injury = true});
    EXPECT_NE(find(knee_a, "Single-leg squat to a box (high box, pain-free range)"), nullptr);
    const Session achilles =
        make_strength(StrengthSettings{.gym = true, .session_a = true, .achilles_injury = true});
    const Exercise* drop = find(achilles, "Heel drop off a step (slow)");
    ASSERT_NE(drop, nullptr);
    EXPECT_EQ(drop->reps_count, 15);  // Alfredson: 3 x 15 (here within the dose's sets)
    EXPECT_EQ(find(achilles, "Single-leg calf raise, slow lowering"), nullptr);
}

}  // namespace
}  // namespace hillcoach::plan
