// The physiology part of analyze() and of its JSON, end to end on synthetic activities: every key the issue
// asks for is there, with values where the inputs exist and null where they do not, and the stretch loads add
// up.

#include "hillcoach/analysis/physiology_json.hpp"

#include <gtest/gtest.h>

#include "hillcoach/analysis/analyze.hpp"
#include "support/course_builder.hpp"

namespace hillcoach::analysis {
namespace {

using test::build_course;

constexpr const char* k_hilly = "flat 1000; up 1500 +120; down 1500 -120; flat 1000";

TEST(PhysiologyJsonTest, HillyRunWithHeartRateHasEveryKey) {
    const ActivityAnalysis a =
        analyze(build_course(k_hilly, {.noise = test::Noise::barometric}).activity,
                {.athlete = {.mass_kg = 65.0, .max_hr_bpm = 190.0, .rest_hr_bpm = 50.0}});
    const auto j = physiology_json(a.physiology, a.stretch_muscle_load);
    for (const char* key : {"gap_s_per_km", "flat_equivalent_distance_m", "energy_kj", "kcal", "trimp",
                            "hr_tss", "pace_tss", "time_in_zones_s", "muscle_load", "leg_load"}) {
        ASSERT_TRUE(j.contains(key)) << key;
        EXPECT_FALSE(j[key].is_null()) << key;
    }
    EXPECT_EQ(j["time_in_zones_s"].size(), 5U);
    for (const char* group : {"quadriceps", "hamstrings", "glutes", "calves", "hip_flexors", "trunk"}) {
        ASSERT_TRUE(j["muscle_load"].contains(group)) << group;
        EXPECT_GT(j["muscle_load"][group]["concentric"].get<double>(), 0.0) << group;
        EXPECT_GT(j["muscle_load"][group]["eccentric"].get<double>(), 0.0) << group;
    }
    EXPECT_EQ(j["athlete"]["mass_kg"]["source"], "given");
    EXPECT_EQ(j["athlete"]["mass_kg"]["value"], 65.0);
    const auto estimated = j["estimated_settings"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(estimated.begin(), estimated.end(), "threshold_hr_bpm"), estimated.end());
    EXPECT_EQ(j["gap_model"], "heart-rate");
}

TEST(PhysiologyJsonTest, StretchLoadsFollowTheSegmentsAndAddUp) {
    const ActivityAnalysis a = analyze(build_course(k_hilly).activity);
    ASSERT_EQ(a.stretch_muscle_load.size(), a.segments.size());
    ASSERT_TRUE(a.physiology.muscle_load);
    double glutes = 0.0;
    double quadriceps = 0.0;
    for (const auto& s : a.stretch_muscle_load) {
        glutes += s.load.concentric_of(physiology::MuscleGroup::glutes);
        quadriceps += s.load.eccentric_of(physiology::MuscleGroup::quadriceps);
    }
    EXPECT_NEAR(glutes, a.physiology.muscle_load->total.concentric_of(physiology::MuscleGroup::glutes), 1e-6);
    EXPECT_NEAR(quadriceps, a.physiology.muscle_load->total.eccentric_of(physiology::MuscleGroup::quadriceps),
                1e-6);
    // The up stretch carries the glutes' concentric load, the down stretch the quadriceps' eccentric load.
    for (const auto& s : a.stretch_muscle_load) {
        if (s.kind == terrain::SegmentKind::up) {
            EXPECT_GT(s.load.concentric_of(physiology::MuscleGroup::glutes), 0.5 * glutes);
        }
        if (s.kind == terrain::SegmentKind::down) {
            EXPECT_GT(s.load.eccentric_of(physiology::MuscleGroup::quadriceps), 0.4 * quadriceps);
        }
    }
    EXPECT_NE(a.physiology.leg_load->text.find("on 1 climb"), std::string::npos)
        << a.physiology.leg_load->text;
}

TEST(PhysiologyJsonTest, MissingInputsGiveNulls) {
    auto run = build_course("flat 3000");
    for (double& e : run.activity.samples.elevation_m) e = std::nan("");
    for (double& hr : run.activity.samples.heart_rate_bpm) hr = std::nan("");
    const ActivityAnalysis a = analyze(run.activity);
    const auto j = physiology_json(a.physiology, a.stretch_muscle_load);
    for (const char* key : {"gap_s_per_km", "flat_equivalent_distance_m", "trimp", "hr_tss", "pace_tss",
                            "time_in_zones_s", "muscle_load", "leg_load"}) {
        ASSERT_TRUE(j.contains(key)) << key;
        EXPECT_TRUE(j[key].is_null()) << key;
    }
    EXPECT_FALSE(j["kcal"].is_null());  // energy on level ground, with a note
    EXPECT_FALSE(j["physiology_notes"].empty());
}

}  // namespace
}  // namespace hillcoach::analysis
