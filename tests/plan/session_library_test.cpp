// Hill and run sessions as structured steps: the warm-up first, the reps, grades and recoveries of each kind,
// the progression ladder (reps, then length, then grade, then pace), deloads, descents walked while they are
// held out, the runner's own hill chosen when one fits, and the numbers computed from the steps.

#include "hillcoach/plan/session_library.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "hillcoach/physiology/energy_cost.hpp"
#include "hillcoach/plan/session_numbers.hpp"

namespace hillcoach::plan {
namespace {

constexpr double k_threshold = 1000.0 / 300.0;  // 5:00 per km

SessionSettings settings(int progress = 0) {
    SessionSettings s;
    s.level = Level::regular;
    s.threshold_speed_m_s = k_threshold;
    s.progress = progress;
    return s;
}

const StepBlock& main_set(const Session& s) {
    const StepBlock* best = &s.steps.front();
    for (const StepBlock& b : s.steps) {
        if (b.repeats > best->repeats ||
            (b.repeats == best->repeats && !b.steps.empty() &&
             (b.steps.front().kind == StepKind::climb || b.steps.front().kind == StepKind::descend))) {
            best = &b;
        }
    }
    return *best;
}

TEST(SessionLibraryTest, HillSprintsStartWarmAndFresh) {
    const Session s = make_hill_session(SessionKind::hill_sprints, settings());
    EXPECT_TRUE(s.focus_hill);
    EXPECT_TRUE(s.hard);
    ASSERT_EQ(s.steps.size(), 4u);  // warm-up, strides, sprints, cool-down
    EXPECT_EQ(s.steps[0].steps[0].kind, StepKind::warmup);
    EXPECT_EQ(s.steps[0].steps[0].grade, 0.0);
    EXPECT_EQ(s.warmup_s, k_warmup_s);
    EXPECT_EQ(s.steps[1].repeats, 4);
    EXPECT_EQ(s.steps[1].steps[0].kind, StepKind::strides);
    const StepBlock& sprints = s.steps[2];
    EXPECT_EQ(sprints.repeats, 6);  // regular runner, first time
    EXPECT_EQ(sprints.steps[0].effort, Effort::sprint);
    EXPECT_EQ(sprints.steps[0].duration_s, 8.0);
    EXPECT_DOUBLE_EQ(sprints.steps[0].grade, 0.06);
    // Walked back down, never run: the recovery is at least two minutes.
    EXPECT_EQ(sprints.steps[1].effort, Effort::walk);
    EXPECT_GE(*sprints.steps[1].duration_s, 120.0);
    EXPECT_EQ(s.downhill_run_m, 0.0);
    EXPECT_EQ(s.steps[3].steps[0].kind, StepKind::cooldown);
    EXPECT_NE(s.why.find("First time"), std::string::npos);
    EXPECT_NE(s.where.find("Look for a steady hill of 6-10 %"), std::string::npos);
}

TEST(SessionLibraryTest, ShortRepeatsClimbTheLadder) {
    // Regular runner: 6 to 10 reps of 100 m, then 125, 150, 175, 200 m, then 5 % towards 8 %, then faster.
    const auto rung = [](int progress) {
        const Session s = make_hill_session(SessionKind::short_hill_repeats, settings(progress));
        const StepBlock& m = main_set(s);
        return std::make_tuple(m.repeats, *m.steps[0].distance_m, m.steps[0].grade);
    };
    EXPECT_EQ(rung(0), std::make_tuple(6, 100.0, 0.05));
    EXPECT_EQ(rung(3), std::make_tuple(9, 100.0, 0.05));
    EXPECT_EQ(rung(4), std::make_tuple(10, 100.0, 0.05));
    EXPECT_EQ(rung(5), std::make_tuple(10, 125.0, 0.05));
    EXPECT_EQ(rung(8), std::make_tuple(10, 200.0, 0.05));
    EXPECT_NEAR(std::get<2>(rung(9)), 0.06, 1e-12);
    EXPECT_NEAR(std::get<2>(rung(11)), 0.08, 1e-12);
    const Session top = make_hill_session(SessionKind::short_hill_repeats, settings(13));
    EXPECT_NE(top.why.find("a little faster"), std::string::npos);
    // Each recovery jogs back down the same 100 m: descent run = reps x length x grade.
    const Session first = make_hill_session(SessionKind::short_hill_repeats, settings());
    EXPECT_NEAR(first.ascent_m, 6 * 100.0 * 0.05, 1e-9);
    EXPECT_NEAR(first.downhill_run_m, 6 * 100.0 * 0.05, 1e-9);
}

TEST(SessionLibraryTest, DeloadKeepsQualityWithFewerReps) {
    SessionSettings s = settings(4);
    s.deload = true;
    const Session d = make_hill_session(SessionKind::short_hill_repeats, s);
    EXPECT_EQ(main_set(d).repeats, 6);  // 10 x 0.6
    EXPECT_NE(d.why.find("Deload"), std::string::npos);
}

TEST(SessionLibraryTest, HeldDescentsAreWalked) {
    SessionSettings s = settings();
    s.hold_downhill = true;
    const Session held = make_hill_session(SessionKind::short_hill_repeats, s);
    EXPECT_GT(held.descent_m, 0.0);
    EXPECT_EQ(held.downhill_run_m, 0.0);
    EXPECT_EQ(main_set(held).steps[1].effort, Effort::walk);
    EXPECT_NE(held.why.find("walked"), std::string::npos);
}

TEST(SessionLibraryTest, DownhillRepeatsStartSmall) {
    const Session s = make_hill_session(SessionKind::downhill_repeats, settings());
    const StepBlock& m = main_set(s);
    EXPECT_EQ(m.repeats, 3);
    EXPECT_EQ(m.steps[0].kind, StepKind::descend);
    EXPECT_DOUBLE_EQ(m.steps[0].grade, -0.04);
    EXPECT_EQ(m.steps[1].effort, Effort::walk);  // walked back up
    EXPECT_NEAR(s.downhill_run_m, 3 * 100.0 * 0.04, 1e-9);
}

TEST(SessionLibraryTest, OwnHillIsUsedWhenItFits) {
    const std::vector<Hill> hills{
        {.id = "c1",
         .name = "the hill at 3.2 km of your usual loop",
         .length_m = 240.0,
         .grade = 0.07,
         .times_run = 12},
        {.id = "c2", .name = "the steep lane", .length_m = 300.0, .grade = 0.14, .times_run = 30},
        {.id = "c3", .name = "the short ramp", .length_m = 60.0, .grade = 0.06, .times_run = 50},
    };
    SessionSettings s = settings(6);  // 10 x 150 m
    s.hills = hills;
    const Session session = make_hill_session(SessionKind::short_hill_repeats, s);
    ASSERT_TRUE(session.climb);
    EXPECT_EQ(session.climb->id, "c1");
    EXPECT_EQ(session.climb->used_m, 150.0);
    EXPECT_DOUBLE_EQ(main_set(session).steps[0].grade, 0.07);  // the hill's own grade
    EXPECT_EQ(session.where,
              "On the hill at 3.2 km of your usual loop (240 m, 7 %; you have run it 12 times): use its "
              "first 150 m.");
    // Cut to two reps and then to 120 m a rep (0.8 of 150 m): the route says so.
    Session cut = session;
    while (drop_reps(cut, 0.8, k_threshold)) {
    }
    EXPECT_EQ(cut.where, session.where);
    shrink_main_set(cut, 0.8, k_threshold);
    EXPECT_EQ(cut.where,
              "On the hill at 3.2 km of your usual loop (240 m, 7 %; you have run it 12 times): use its "
              "first 120 m.");
    EXPECT_DOUBLE_EQ(cut.climb->used_m, 120.0);
    // No hill fits long repeats of 400 m: the plan says what to look for.
    const Session longer = make_hill_session(SessionKind::long_hill_repeats, s);
    EXPECT_FALSE(longer.climb);
    EXPECT_NE(longer.where.find("Look for a long, steady hill"), std::string::npos);
    // Sprints are run for a time: on the 7 % hill they are "up 7 %" (the template's grade starts at 6 %), and
    // the walk down covers what an 8 s sprint covers on that grade.
    const Session sprints = make_hill_session(SessionKind::hill_sprints, settings());
    SessionSettings own = settings();
    own.hills = std::span<const Hill>(hills).first(1);  // the 7 % hill
    const Session on_hill = make_hill_session(SessionKind::hill_sprints, own);
    ASSERT_TRUE(on_hill.climb);
    const StepBlock& reps = main_set(on_hill);
    ASSERT_TRUE(reps.steps[0].duration_s && reps.steps[1].distance_m);
    EXPECT_DOUBLE_EQ(reps.steps[0].grade, on_hill.climb->grade);
    EXPECT_LT(main_set(sprints).steps[0].grade, on_hill.climb->grade);
    EXPECT_DOUBLE_EQ(*reps.steps[1].distance_m, step_distance_m(reps.steps[0], k_threshold));
    EXPECT_DOUBLE_EQ(reps.steps[1].grade, -on_hill.climb->grade);
}

TEST(SessionLibraryTest, ChooseHillPrefersTheKnownOne) {
    const std::vector<Hill> hills{
        {.id = "a", .name = "a", .length_m = 200.0, .grade = 0.065, .times_run = 3},
        {.id = "b", .name = "b", .length_m = 500.0, .grade = 0.05, .times_run = 9},
        {.id = "c",
         .name = "c",
         .length_m = 150.0,
         .grade = 0.046,
         .times_run = 20},  // 4.6 %: within tolerance
    };
    EXPECT_EQ(choose_hill(hills, HillNeed{.rep_m = 150.0, .grade_low = 0.05, .grade_high = 0.08})->id, "c");
    EXPECT_EQ(choose_hill(hills, HillNeed{.rep_m = 180.0, .grade_low = 0.05, .grade_high = 0.08})->id, "b");
    EXPECT_FALSE(choose_hill(hills, HillNeed{.rep_m = 600.0, .grade_low = 0.05, .grade_high = 0.08}));
    EXPECT_FALSE(choose_hill(hills, HillNeed{.rep_m = 100.0, .grade_low = 0.10, .grade_high = 0.15}));
}

TEST(SessionLibraryTest, TreadmillAndStadiumHaveNoOutdoorHill) {
    const Session t = make_hill_session(SessionKind::treadmill_hills, settings());
    EXPECT_EQ(t.where, "On the treadmill.");
    EXPECT_EQ(t.descent_m, 0.0);
    EXPECT_EQ(main_set(t).repeats, 5);
    EXPECT_EQ(main_set(t).steps[0].duration_s, 60.0);
    const Session st = make_hill_session(SessionKind::stadium, settings());
    EXPECT_NE(st.where.find("At the stadium"), std::string::npos);
    EXPECT_EQ(main_set(st).repeats, 6);
}

TEST(SessionLibraryTest, NumbersComeFromTheSteps) {
    const Session easy = make_easy(40.0 * 60.0, settings());
    const double speed = k_threshold * effort_speed_fraction(Effort::easy);
    EXPECT_DOUBLE_EQ(easy.duration_s, 2400.0);
    EXPECT_NEAR(easy.distance_m, 2400.0 * speed, 1e-9);
    // rTSS form: 100 x hours x IF^2, IF = flat speed / threshold speed for a flat run.
    EXPECT_NEAR(easy.load, 100.0 * (2400.0 / 3600.0) * 0.78 * 0.78, 1e-9);
    // Uphill at the same effort keeps the metabolic power: speed x Cr(0)/Cr(g).
    Step climb{.kind = StepKind::climb, .effort = Effort::threshold, .distance_m = 200.0, .grade = 0.08};
    const double expected =
        k_threshold * physiology::running_cost_j_per_kg_m(0.0) / physiology::running_cost_j_per_kg_m(0.08);
    EXPECT_NEAR(step_speed_m_s(climb, k_threshold), expected, 1e-12);
    EXPECT_NEAR(step_intensity_factor(climb, k_threshold), 1.0, 1e-9);
}

TEST(SessionLibraryTest, FlatQualityByPhase) {
    SessionSettings s = settings();
    s.goal = Goal::flat_race;
    s.race_distance_m = 42195.0;
    s.phase = Phase::specific;
    const Session mp = make_flat_quality(s);
    EXPECT_EQ(mp.title, "Marathon-pace blocks");
    EXPECT_TRUE(mp.hard);
    EXPECT_FALSE(mp.focus_hill);
    EXPECT_EQ(mp.ascent_m, 0.0);
    s.phase = Phase::base;
    EXPECT_EQ(make_flat_quality(s).title, "Steady run with strides");
    s.phase = Phase::taper;
    EXPECT_EQ(make_flat_quality(s).title, "Race-pace sharpener");
}

TEST(SessionLibraryTest, ShrinkKeepsTheWarmUp) {
    Session s = make_hill_session(SessionKind::long_hill_repeats, settings());
    const double warm = s.warmup_s;
    for (int i = 0; i < 6; ++i) shrink_main_set(s, 0.8, k_threshold);
    EXPECT_EQ(main_set(s).repeats, 2);
    EXPECT_EQ(s.warmup_s, warm);
    EXPECT_LT(*main_set(s).steps[0].distance_m, 400.0);  // then the reps get shorter
}

TEST(SessionLibraryTest, DroppingRepsKeepsTheWarmUpStrides) {
    // Short hill repeats for a regular runner: 4 strides in the warm-up, then 6 reps. Reps go 6, 5, 4, 3, 2
    // (0.8 of each, rounded); the strides, which also repeat, are the warm-up's and stay 4.
    Session s = make_hill_session(SessionKind::short_hill_repeats, settings());
    ASSERT_EQ(s.steps[1].steps.front().kind, StepKind::strides);
    ASSERT_EQ(s.steps[1].repeats, 4);
    ASSERT_EQ(s.steps[2].steps.front().kind, StepKind::climb);
    std::vector<int> reps{s.steps[2].repeats};
    while (drop_reps(s, 0.8, k_threshold)) reps.push_back(s.steps[2].repeats);
    EXPECT_EQ(reps, (std::vector<int>{6, 5, 4, 3, 2}));
    EXPECT_EQ(s.steps[1].repeats, 4);
    // With a floor (the planner keeps a week's key session at the reps its ladder starts with): 6, 5, 4.
    Session key = make_hill_session(SessionKind::short_hill_repeats, settings(2));  // 8 reps
    ASSERT_EQ(key.steps[2].repeats, 8);
    const int least = starting_reps(SessionKind::short_hill_repeats, Level::regular, false);
    EXPECT_EQ(least, 6);
    EXPECT_EQ(starting_reps(SessionKind::short_hill_repeats, Level::regular, true), 4);  // 0.6 x 6 = 3.6
    EXPECT_EQ(starting_reps(SessionKind::flat_quality, Level::regular, false), 2);
    while (drop_reps(key, 0.8, k_threshold, least)) {
    }
    EXPECT_EQ(key.steps[2].repeats, 6);
}

TEST(SessionLibraryTest, ShorterRepsKeepTheirWayBackOverTheSameHill) {
    // Long hill repeats at two reps of 400 m: each 0.8 shrink makes the climb 320 m, then 256 m, and the jog
    // down after it the same (it goes back down the hill just climbed); climbing stays equal to descending.
    Session up = make_hill_session(SessionKind::long_hill_repeats, settings());
    while (main_set(up).repeats > 2) shrink_main_set(up, 0.8, k_threshold);
    const double before = *main_set(up).steps[0].distance_m;
    shrink_main_set(up, 0.8, k_threshold);
    shrink_main_set(up, 0.8, k_threshold);
    const StepBlock& reps = main_set(up);
    ASSERT_EQ(reps.steps.size(), 2U);
    EXPECT_DOUBLE_EQ(*reps.steps[0].distance_m, before * 0.64);
    EXPECT_DOUBLE_EQ(*reps.steps[1].distance_m, before * 0.64);
    EXPECT_LT(reps.steps[1].grade, 0.0);
    // Downhill repeats: the hard descent shrinks too (it is the work), with the walk up before each rep and
    // the first walk to the top.
    Session down = make_hill_session(SessionKind::downhill_repeats, settings());
    while (main_set(down).repeats > 2) shrink_main_set(down, 0.8, k_threshold);
    const double rep = *main_set(down).steps[0].distance_m;
    shrink_main_set(down, 0.8, k_threshold);
    const StepBlock& descents = main_set(down);
    EXPECT_EQ(descents.steps[0].kind, StepKind::descend);
    const double shorter = std::max(50.0, rep * 0.8);
    EXPECT_DOUBLE_EQ(*descents.steps[0].distance_m, shorter);
    EXPECT_DOUBLE_EQ(*descents.steps[1].distance_m, shorter);
    for (const StepBlock& b : down.steps) {
        for (const Step& st : b.steps) {
            if (st.grade != 0.0 && st.distance_m) {
                EXPECT_DOUBLE_EQ(*st.distance_m, shorter) << st.note;
            }
        }
    }
    // A rep never goes under 50 m, and its way back follows it there.
    for (int i = 0; i < 20; ++i) shrink_main_set(down, 0.8, k_threshold);
    EXPECT_DOUBLE_EQ(*main_set(down).steps[0].distance_m, 50.0);
    EXPECT_DOUBLE_EQ(*main_set(down).steps[1].distance_m, 50.0);
}

TEST(SessionLibraryTest, AHillyLongRunKeepsItsDuration) {
    // 96 minutes at 40 m per km. The ascent is first reckoned on the flat distance: 81 min after the warm-up
    // at easy speed (0.78 x 3.33 m/s = 2.6 m/s) is 12.6 km, so 505 m. Climbing at 6 % is slower, so those
    // climbs alone would take longer than the run. They get shorter instead, and the run stays 96 minutes,
    // its climbing what fits.
    const double planned_s = 96.0 * 60.0;
    const Session s = make_long(planned_s, 40.0, settings());
    EXPECT_EQ(s.kind, SessionKind::hilly_long);
    EXPECT_LE(s.duration_s, planned_s + 1.0);
    EXPECT_GT(s.duration_s, planned_s - 61.0);
    EXPECT_GT(s.ascent_m, 150.0);
    EXPECT_LT(s.ascent_m, 40.0 * s.distance_m / 1000.0 + 1.0);
    EXPECT_NEAR(s.descent_m, s.ascent_m, 1e-6);
    // The route it asks for says the climbing it has.
    EXPECT_NE(s.where.find(fmt::format("about {:.0f} m of climbing", s.ascent_m)), std::string::npos)
        << s.where;
    // A gentle one fits as reckoned, with flat running to fill the time.
    const Session gentle = make_long(planned_s, 10.0, settings());
    EXPECT_NEAR(gentle.duration_s, planned_s, 60.0);
    EXPECT_EQ(gentle.steps.back().steps.front().grade, 0.0);
}

}  // namespace
}  // namespace hillcoach::plan
