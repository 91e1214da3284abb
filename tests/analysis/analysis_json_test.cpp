// The JSON of an analysis: the keys docs/cli.md promises, values equal to the analysis's own, nulls where a
// value cannot be known.

#include "hillcoach/analysis/analysis_json.hpp"

#include <array>
#include <cmath>
#include <utility>

#include <gtest/gtest.h>

#include "hillcoach/analysis/analyze.hpp"
#include "support/course_builder.hpp"

namespace hillcoach::analysis {
namespace {

using json = nlohmann::ordered_json;

TEST(AnalysisJsonTest, EveryPromisedKeyWithTheAnalysisValues) {
    const auto run = test::build_course("flat 1000; up 1500 +120; down 600 -80; flat 500",
                                        {.noise = test::Noise::barometric});
    const ActivityAnalysis a = analyze(run.activity);
    const json j = analysis_json(a);
    for (const char* key :
         {"distance_m", "distance_source", "elapsed_s", "moving_s", "avg_speed_m_s", "pace_s_per_km",
          "ascent_m", "descent_m", "elevation_source", "session_type", "session_reason", "grade_histogram",
          "climbs", "descents", "repeats", "segments", "notes"}) {
        EXPECT_TRUE(j.contains(key)) << key;
    }
    EXPECT_NEAR(j["distance_m"].get<double>(), a.summary.distance_m, 0.005);
    EXPECT_NEAR(j["ascent_m"].get<double>(), *a.summary.ascent_m, 0.005);
    EXPECT_EQ(j["elevation_source"], "barometric");
    EXPECT_EQ(j["session_type"], "hilly_run");

    ASSERT_EQ(j["grade_histogram"].size(), terrain::k_grade_band_count);
    EXPECT_TRUE(j["grade_histogram"].front()["from"].is_null());
    EXPECT_DOUBLE_EQ(j["grade_histogram"].front()["to"].get<double>(), -0.15);
    EXPECT_DOUBLE_EQ(j["grade_histogram"].back()["from"].get<double>(), 0.15);
    EXPECT_TRUE(j["grade_histogram"].back()["to"].is_null());
    double histogram_m = 0.0;
    for (const auto& band : j["grade_histogram"]) histogram_m += band["distance_m"].get<double>();
    EXPECT_NEAR(histogram_m, a.grade_histogram.graded_distance_m(), 0.1);

    ASSERT_EQ(j["climbs"].size(), 1U);
    const json& c = j["climbs"][0];
    for (const char* key :
         {"start_m", "end_m", "length_m", "gain_m", "avg_grade", "max_grade", "time_s", "vam_m_h", "category",
          "strava_category", "climbpro", "start_position", "avg_heart_rate_bpm"}) {
        EXPECT_TRUE(c.contains(key)) << key;
    }
    EXPECT_NEAR(c["gain_m"].get<double>(), a.climbs[0].height_m, 0.005);
    EXPECT_NEAR(c["avg_grade"].get<double>(), a.climbs[0].avg_grade, 5e-6);
    EXPECT_EQ(c["direction"], "up");
    EXPECT_EQ(c["strava_category"], "4");
    EXPECT_TRUE(c["climbpro"].get<bool>());
    EXPECT_TRUE(c["start_position"].contains("lat"));

    ASSERT_EQ(j["descents"].size(), 1U);
    const json& d = j["descents"][0];
    EXPECT_EQ(d["direction"], "down");
    EXPECT_GT(d["gain_m"].get<double>(), 0.0) << "a descent's height is positive";
    EXPECT_LT(d["avg_grade"].get<double>(), 0.0);
    EXPECT_TRUE(d["strava_category"].is_null());
    EXPECT_TRUE(d["climbpro"].is_null());
}

TEST(AnalysisJsonTest, EveryGradeBandsFromAndToAsFractions) {
    // docs/cli.md: 9 bands from the steepest descent up, grades as fractions, the open ends null.
    const auto run =
        test::build_course("flat 500; up 300 +20; down 300 -20", {.noise = test::Noise::barometric});
    const json bands = analysis_json(analyze(run.activity))["grade_histogram"];
    const std::array<std::pair<double, double>, terrain::k_grade_band_count> edges{{{std::nan(""), -0.15},
                                                                                    {-0.15, -0.10},
                                                                                    {-0.10, -0.06},
                                                                                    {-0.06, -0.03},
                                                                                    {-0.03, 0.03},
                                                                                    {0.03, 0.06},
                                                                                    {0.06, 0.10},
                                                                                    {0.10, 0.15},
                                                                                    {0.15, std::nan("")}}};
    ASSERT_EQ(bands.size(), edges.size());
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const auto expect_edge = [&](const char* key, double edge) {
            ASSERT_TRUE(bands[k].contains(key)) << "band " << k;
            if (std::isnan(edge)) {
                EXPECT_TRUE(bands[k][key].is_null()) << "band " << k << " " << key << ": " << bands[k][key];
            } else {
                ASSERT_TRUE(bands[k][key].is_number()) << "band " << k << " " << key << ": " << bands[k][key];
                EXPECT_DOUBLE_EQ(bands[k][key].get<double>(), edge) << "band " << k << " " << key;
            }
        };
        expect_edge("from", edges[k].first);
        expect_edge("to", edges[k].second);
    }
}

TEST(AnalysisJsonTest, RepeatsCarryTheirRepsAndFade) {
    const auto run =
        test::build_course("flat 1500; repeat 6 { up 150 +12; down 150 -12 }; turn around; flat 1500",
                           {.noise = test::Noise::barometric, .runner = test::Runner::repeats});
    const json j = analysis_json(analyze(run.activity));
    ASSERT_EQ(j["repeats"].size(), 1U);
    const json& g = j["repeats"][0];
    EXPECT_EQ(g["reps"].size(), 6U);
    EXPECT_EQ(g["rep_count"], 6);
    EXPECT_EQ(g["matched_by"], "position");
    EXPECT_TRUE(g["back_to_back"].get<bool>());
    EXPECT_TRUE(g["fade"].contains("time_slope_s_per_rep"));
    EXPECT_TRUE(g["reps"][0]["recovery_m"].is_number());
    EXPECT_TRUE(g["reps"][5]["recovery_m"].is_null()) << "the last rep has no recovery";
}

TEST(AnalysisJsonTest, MissingValuesAreNullNotZero) {
    auto run = test::build_course("flat 3000");
    run.activity.samples.heart_rate_bpm.assign(run.activity.samples.size(), std::nan(""));
    run.activity.samples.elevation_m.assign(run.activity.samples.size(), std::nan(""));
    run.activity.elevation_source = core::ElevationSource::none;
    const json j = analysis_json(analyze(run.activity));
    EXPECT_TRUE(j["ascent_m"].is_null());
    EXPECT_TRUE(j["descent_m"].is_null());
    EXPECT_TRUE(j["avg_heart_rate_bpm"].is_null());
    EXPECT_EQ(j["elevation_source"], "none");
    EXPECT_EQ(j["session_type"], "unknown");
    EXPECT_NEAR(j["ungraded_distance_m"].get<double>(), j["distance_m"].get<double>(), 0.01);
}

}  // namespace
}  // namespace hillcoach::analysis
