// Muscle load: the reference run by hand, and the properties the model must have on synthetic courses: a flat
// run gives the flat profile; uphill shifts load to glutes, hamstrings, calves and hip flexors, concentric;
// downhill raises quadriceps eccentric load more than linearly with steepness and with speed; the same course
// run faster loads more.

#include "hillcoach/physiology/muscle_load.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "course_fixture.hpp"

namespace hillcoach::physiology {
namespace {

using test::make_course;
using G = MuscleGroup;

double sum(const MuscleProfile& p) {
    double s = 0.0;
    for (std::size_t g = 0; g < k_muscle_group_count; ++g) s += p.concentric[g] + p.eccentric[g];
    return s;
}

MuscleLoad load_of(const std::vector<test::Stretch>& stretches) {
    const auto load = muscle_load(make_course(stretches));
    EXPECT_TRUE(load);
    return load.value_or(MuscleLoad{});
}

TEST(MuscleLoadTest, EachGroupHasAKeyAWordAndALabel) {
    EXPECT_EQ(to_string(MuscleGroup::hip_flexors), "hip_flexors");  // JSON
    EXPECT_EQ(label(MuscleGroup::hip_flexors), "hip flexors");       // tables
    EXPECT_EQ(adjective(MuscleGroup::hip_flexors), "hip flexor");    // "hip flexor work"
    for (const MuscleGroup g : k_muscle_groups) {
        EXPECT_EQ(label(g).find('_'), std::string_view::npos) << to_string(g);
    }
    EXPECT_EQ(label(MuscleGroup::calves), "calves");
}

TEST(MuscleLoadTest, ReferenceWorkByHand) {
    // 10 km at 3 m/s: stance 0.5 J/kg/m, swing 0.4 J/kg/m, shared by the tables in muscle_load.cpp.
    const MuscleProfile& ref = reference_work_j_per_kg();
    EXPECT_NEAR(ref.eccentric_of(G::quadriceps), 10000 * (0.5 * 0.50 + 0.4 * 0.20), 1e-9);
    EXPECT_NEAR(ref.concentric_of(G::calves), 10000 * (0.5 * 0.60), 1e-9);
    EXPECT_NEAR(ref.concentric_of(G::hip_flexors), 10000 * (0.4 * 0.50), 1e-9);
    EXPECT_NEAR(ref.eccentric_of(G::hamstrings), 10000 * (0.5 * 0.02 + 0.4 * 0.55), 1e-9);
    for (G g : k_muscle_groups) {
        EXPECT_GT(ref.concentric_of(g), 0.0) << to_string(g);
        EXPECT_GT(ref.eccentric_of(g), 0.0) << to_string(g);
    }
}

TEST(MuscleLoadTest, FlatEasyRunGivesTheFlatProfile) {
    // 100 points = flat 10 km at 3 m/s, for every group and contraction; a flat 5 km reads 50 everywhere.
    const MuscleLoad ten = load_of({{.length_m = 10000, .grade = 0.0, .speed_m_s = 3.0}});
    const MuscleLoad five = load_of({{.length_m = 5000, .grade = 0.0, .speed_m_s = 3.0}});
    for (G g : k_muscle_groups) {
        EXPECT_NEAR(ten.total.concentric_of(g), 100.0, 1e-9) << to_string(g);
        EXPECT_NEAR(ten.total.eccentric_of(g), 100.0, 1e-9) << to_string(g);
        EXPECT_NEAR(five.total.concentric_of(g), 50.0, 1e-9) << to_string(g);
        EXPECT_NEAR(ten.lifting.concentric_of(g), 0.0, 1e-12);
        EXPECT_NEAR(ten.lowering.eccentric_of(g), 0.0, 1e-12);
    }
    EXPECT_NEAR(ten.distance_m, 10000.0, 1e-6);
}

TEST(MuscleLoadTest, UphillShiftsLoadToGlutesHamstringsCalvesAndHipFlexorsConcentric) {
    const MuscleLoad flat = load_of({{.length_m = 2000, .grade = 0.0, .speed_m_s = 3.0}});
    const MuscleLoad up = load_of({{.length_m = 2000, .grade = 0.10, .speed_m_s = 3.0}});
    const double quadriceps_gain = up.total.concentric_of(G::quadriceps) / flat.total.concentric_of(G::quadriceps);
    for (G g : {G::glutes, G::hamstrings, G::calves, G::hip_flexors}) {
        const double gain = up.total.concentric_of(g) / flat.total.concentric_of(g);
        EXPECT_GT(gain, quadriceps_gain) << to_string(g);
        EXPECT_GT(gain, 1.3) << to_string(g);
    }
    // Climbing adds no eccentric work: the uphill load is concentric.
    for (G g : k_muscle_groups) {
        EXPECT_NEAR(up.total.eccentric_of(g), flat.total.eccentric_of(g), 1e-9) << to_string(g);
    }
    // The glutes gain most (Roberts & Belliveau: the extra work of incline is done at the hip).
    EXPECT_GT(up.total.concentric_of(G::glutes) / flat.total.concentric_of(G::glutes), 2.0);
}

TEST(MuscleLoadTest, DownhillRaisesQuadricepsEccentricLoadMost) {
    const MuscleLoad flat = load_of({{.length_m = 2000, .grade = 0.0, .speed_m_s = 3.0}});
    const MuscleLoad down = load_of({{.length_m = 2000, .grade = -0.10, .speed_m_s = 3.0}});
    double quadriceps_extra = 0.0;
    for (G g : k_muscle_groups) {
        const double extra = down.work_j_per_kg.eccentric_of(g) - flat.work_j_per_kg.eccentric_of(g);
        EXPECT_GE(extra, 0.0) << to_string(g);
        if (g == G::quadriceps) quadriceps_extra = extra;
    }
    for (G g : k_muscle_groups) {
        if (g == G::quadriceps) continue;
        EXPECT_GT(quadriceps_extra, 2.0 * (down.work_j_per_kg.eccentric_of(g) - flat.work_j_per_kg.eccentric_of(g)))
            << to_string(g);
    }
    EXPECT_GT(down.total.eccentric_of(G::quadriceps), 1.5 * flat.total.eccentric_of(G::quadriceps));
}

TEST(MuscleLoadTest, QuadricepsEccentricGrowsMoreThanLinearlyWithSteepness) {
    // Same horizontal distance and speed; twice the grade is twice the drop, and more than twice the load.
    const auto extra = [](double grade) {
        const MuscleLoad flat = load_of({{.length_m = 2000, .grade = 0.0, .speed_m_s = 3.0}});
        const MuscleLoad down = load_of({{.length_m = 2000, .grade = grade, .speed_m_s = 3.0}});
        return down.total.eccentric_of(G::quadriceps) - flat.total.eccentric_of(G::quadriceps);
    };
    EXPECT_GT(extra(-0.10), 2.0 * extra(-0.05));
    EXPECT_GT(extra(-0.20), 2.0 * extra(-0.10));
    EXPECT_GT(extra(-0.30), 1.5 * extra(-0.20));
}

TEST(MuscleLoadTest, QuadricepsLoadPerMetreOfDescentGrowsWithSpeed) {
    // Per metre of height lost the load grows with speed; per second of descent (drop rate) more than linearly.
    const double slow = quadriceps_lowering_load(100.0, -0.10, 2.5);
    const double fast = quadriceps_lowering_load(100.0, -0.10, 5.0);
    EXPECT_GT(fast, slow);
    // Rate: drop per second doubles from 0.25 to 0.5 m/s; the load per second more than doubles.
    EXPECT_GT(fast * 0.5, 2.0 * slow * 0.25);
}

TEST(MuscleLoadTest, BrakingGainMatchesGottschallAndKramAtMinusNineDegrees) {
    // At 3 m/s on -9 deg the quadriceps' share of lowering is multiplied by 1.635 (+54 % impact, +73 % braking).
    const double grade = -std::tan(9.0 * M_PI / 180.0);
    const double speed = 3.0 * std::cos(9.0 * M_PI / 180.0);
    const double drop = 100.0;
    const double expected_work = 0.71 * k_gravity_m_s2 * drop * 0.54 * 1.635;
    EXPECT_NEAR(quadriceps_lowering_load(drop, grade, speed),
                100.0 * expected_work / reference_work_j_per_kg().eccentric_of(G::quadriceps), 1e-3);
}

TEST(MuscleLoadTest, TheSameCourseRunFasterLoadsMore) {
    const std::vector<test::Stretch> slow{{.length_m = 1000, .grade = 0.0, .speed_m_s = 3.0},
                                          {.length_m = 1500, .grade = 0.08, .speed_m_s = 2.4},
                                          {.length_m = 1500, .grade = -0.08, .speed_m_s = 3.2}};
    std::vector<test::Stretch> fast = slow;
    for (auto& s : fast) s.speed_m_s *= 1.25;
    const MuscleLoad a = load_of(slow);
    const MuscleLoad b = load_of(fast);
    // Never less for any group (stance work per metre does not depend on speed, so the calves' concentric load
    // stays the same up to rounding); more for the groups that brake the body and swing the legs.
    for (G g : k_muscle_groups) {
        EXPECT_GE(b.total.concentric_of(g), a.total.concentric_of(g) - 1e-9) << to_string(g);
        EXPECT_GE(b.total.eccentric_of(g), a.total.eccentric_of(g) - 1e-9) << to_string(g);
    }
    EXPECT_GT(b.total.eccentric_of(G::quadriceps), a.total.eccentric_of(G::quadriceps));
    EXPECT_GT(b.total.eccentric_of(G::hamstrings), a.total.eccentric_of(G::hamstrings));
    EXPECT_GT(b.total.concentric_of(G::hip_flexors), a.total.concentric_of(G::hip_flexors));
    EXPECT_GT(sum(b.total), sum(a.total));
}

TEST(MuscleLoadTest, BandsAddUpToTheTotalAndStretchesToo) {
    const auto course = make_course({{.length_m = 1000, .grade = 0.0, .speed_m_s = 3.0},
                                     {.length_m = 800, .grade = 0.07, .speed_m_s = 2.6},
                                     {.length_m = 800, .grade = -0.07, .speed_m_s = 3.3}});
    const auto load = muscle_load(course);
    ASSERT_TRUE(load);
    MuscleProfile bands = load->uphill;
    bands += load->downhill;
    bands += load->flat;
    const MuscleProfile whole = muscle_load_between(course, 0, course.size() - 1);
    for (std::size_t g = 0; g < k_muscle_group_count; ++g) {
        EXPECT_NEAR(bands.concentric[g], load->total.concentric[g], 1e-9);
        EXPECT_NEAR(bands.eccentric[g], load->total.eccentric[g], 1e-9);
        EXPECT_NEAR(whole.concentric[g], load->total.concentric[g], 1e-9);
    }
    EXPECT_GT(load->uphill.concentric_of(G::glutes), load->flat.concentric_of(G::glutes));
}

TEST(MuscleLoadTest, StretchesCarryTheirOwnLoad) {
    // 1000 m flat (334 samples), 800 m up at 7 % (308 samples at 2.6 m/s): two stretches split at sample 334.
    const auto course = make_course({{.length_m = 1000, .grade = 0.0, .speed_m_s = 3.0},
                                     {.length_m = 800, .grade = 0.07, .speed_m_s = 2.6}});
    const std::size_t split = 334;
    ASSERT_NEAR(course.distance_m[split], 1000.0, 1e-6);
    const std::vector<terrain::Segment> stretches{
        {.kind = terrain::SegmentKind::flat, .first = 0, .last = split, .start_m = 0.0, .end_m = 1000.0},
        {.kind = terrain::SegmentKind::up, .first = split, .last = course.size() - 1, .start_m = 1000.0, .end_m = 1800.0}};
    const auto loads = muscle_load_by_stretch(course, stretches);
    ASSERT_EQ(loads.size(), 2u);
    const MuscleLoad whole = *muscle_load(course);
    for (G g : k_muscle_groups) {
        EXPECT_NEAR(loads[0].load.concentric_of(g), 10.0, 1e-9) << to_string(g);  // flat 1 km at 3 m/s
        EXPECT_NEAR(loads[0].load.concentric_of(g) + loads[1].load.concentric_of(g), whole.total.concentric_of(g), 1e-9);
        EXPECT_NEAR(loads[0].load.eccentric_of(g) + loads[1].load.eccentric_of(g), whole.total.eccentric_of(g), 1e-9);
    }
    EXPECT_EQ(loads[1].kind, terrain::SegmentKind::up);
    EXPECT_GT(loads[1].load.concentric_of(G::glutes), 2.0 * loads[0].load.concentric_of(G::glutes) * 0.8);
}

TEST(MuscleLoadTest, NoElevationNoMuscleLoad) {
    EXPECT_FALSE(muscle_load(make_course({{.length_m = 3000, .grade = 0.1}}, false)));
}

TEST(MuscleLoadTest, GroupNames) {
    EXPECT_EQ(to_string(G::hip_flexors), "hip_flexors");
    EXPECT_EQ(adjective(G::calves), "calf");
    EXPECT_EQ(k_muscle_groups.size(), k_muscle_group_count);
}

}  // namespace
}  // namespace hillcoach::physiology
