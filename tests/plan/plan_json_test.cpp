// The plan as JSON: the keys of issue 6 section 5 in place, kinds from the documented list, and the document
// read back into the same plan (adapt reads a saved plan this way); a bad document names the bad value.

#include "hillcoach/plan/plan_json.hpp"

#include <set>

#include <gtest/gtest.h>

#include "hillcoach/plan/planner.hpp"
#include "support/test_data.hpp"

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;
using core::ErrorCode;

Plan sample() {
    PlanProfile p;
    p.level = Level::advanced;
    p.goal = Goal::hilly_race;
    p.start = Date{chr::year{2026} / chr::May / 4};
    p.race_date = Date{chr::year{2026} / chr::August / 23};
    p.gym = true;
    p.injuries = {"sore knee"};
    const std::vector<Hill> hills{{.id = "42001",
                                   .name = "the hill at 3.2 km of your usual loop",
                                   .length_m = 420.0,
                                   .grade = 0.065,
                                   .times_run = 14}};
    return make_plan(PlanRequest{.runner = *resolve(p, *p.start), .history = std::nullopt, .hills = hills});
}

TEST(PlanJsonTest, HasTheDocumentedShape) {
    const nlohmann::json j = plan_json(sample());
    ASSERT_TRUE(j.contains("profile"));
    EXPECT_EQ(j["profile"]["goal"], "hilly-race");
    EXPECT_EQ(j["profile"]["race_date"], "2026-08-23");
    ASSERT_EQ(j["weeks"].size(), 16u);
    const nlohmann::json& week = j["weeks"][0];
    EXPECT_EQ(week["start_date"], "2026-05-04");
    EXPECT_EQ(week["phase"], "base");
    EXPECT_EQ(week["deload"], false);
    std::set<std::string> days;  // every day of the week is there (rest days too), strength beside a run
    for (const nlohmann::json& s : week["sessions"]) days.insert(s["date"].get<std::string>());
    EXPECT_EQ(days.size(), 7u);
    bool climb_used = false;
    for (const nlohmann::json& w : j["weeks"]) {
        for (const nlohmann::json& s : w["sessions"]) {
            for (const char* key :
                 {"date", "kind", "focus_hill", "hard", "warmup", "duration_s", "distance_m", "ascent_m",
                  "descent_m", "load", "steps", "exercises", "climb", "why"}) {
                EXPECT_TRUE(s.contains(key)) << key;
            }
            EXPECT_TRUE(session_kind_from_text(s["kind"].get<std::string>())) << s["kind"];
            if (s["focus_hill"].get<bool>()) {
                EXPECT_TRUE(s["warmup"].get<bool>());
            }
            if (!s["climb"].is_null()) {
                climb_used = true;
                EXPECT_EQ(s["climb"]["id"], "42001");
            }
        }
    }
    EXPECT_TRUE(climb_used);
}

TEST(PlanJsonTest, ReadsBackToTheSamePlan) {
    const Plan plan = sample();
    const nlohmann::json j = plan_json(plan);
    const auto back = plan_from_json(j, "plan.json");
    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(plan_json(*back), j);
    EXPECT_EQ(back->weeks.size(), plan.weeks.size());
    EXPECT_EQ(back->runner.injuries, plan.runner.injuries);
    EXPECT_EQ(back->runner.race_date, plan.runner.race_date);
}

TEST(PlanJsonTest, BadDocumentsNameTheValue) {
    nlohmann::json j = plan_json(sample());
    j["weeks"][2]["sessions"][1]["kind"] = "yoga";
    EXPECT_ERROR(plan_from_json(j, "plan.json"), ErrorCode::invalid_argument,
                 "plan.json: error: weeks[2].sessions[1].kind: 'yoga' is not a known value");
    EXPECT_ERROR(plan_from_json(nlohmann::json::array(), "plan.json"), ErrorCode::invalid_argument,
                 "not a hillcoach plan");
    nlohmann::json k = plan_json(sample());
    k["weeks"][0]["sessions"][0].erase("load");
    EXPECT_ERROR(plan_from_json(k, "plan.json"), ErrorCode::invalid_argument,
                 "weeks[0].sessions[0].load: missing");
}

}  // namespace
}  // namespace hillcoach::plan
