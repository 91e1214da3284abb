// The rules of issue 6, section 3, over hundreds of generated profiles: every level, goal, number of days,
// access to hills, treadmill, stadium and gym, injuries, race dates and plan lengths. The generator is
// seeded, so the profiles are the same on every run; a profile that breaks a rule is printed as the TOML file
// that reproduces it (`hillcoach plan --profile that.toml`).

#include "hillcoach/plan/invariants.hpp"

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "hillcoach/plan/planner.hpp"

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;

constexpr Date k_today = Date{chr::year{2026} / chr::March / 4};

// Uniform picks from the engine's raw output (the standard distributions may differ between libraries).
class Dice {
  public:
    explicit Dice(std::uint32_t seed) : m_engine(seed) {}
    int pick(int n) { return static_cast<int>(m_engine() % static_cast<std::uint32_t>(n)); }
    bool chance(int percent) { return pick(100) < percent; }

  private:
    std::mt19937 m_engine;
};

PlanProfile generate(Dice& dice) {
    static const char* const injuries[] = {"sore left knee",
                                           "achilles tendinopathy 2025",
                                           "shin splints",
                                           "hamstring strain",
                                           "stress fracture, tibia",
                                           "ankle sprain",
                                           "lower back",
                                           "something else"};
    PlanProfile p;
    p.level = static_cast<Level>(dice.pick(3));
    p.goal = static_cast<Goal>(dice.pick(6));
    p.days_per_week = 2 + dice.pick(6);
    p.minutes_per_week = 60.0 + 30.0 * dice.pick(40);
    p.long_run_day = chr::weekday{static_cast<unsigned>(dice.pick(7))};
    p.hills = dice.chance(75);
    p.treadmill = dice.chance(35);
    p.stadium = dice.chance(25);
    p.gym = dice.chance(50);
    if (dice.chance(25)) p.injuries.push_back(injuries[dice.pick(8)]);
    if (dice.chance(10)) p.injuries.push_back(injuries[dice.pick(8)]);
    p.start = k_today + chr::days{dice.pick(14)};
    if (is_race(*p.goal)) {
        p.race_date = *p.start + chr::days{dice.pick(7 * 40)};
        p.race_distance_m =
            *p.goal == Goal::flat_race ? 5000.0 + 1000.0 * dice.pick(38) : 10000.0 + 5000.0 * dice.pick(20);
        if (*p.goal == Goal::hilly_race) p.race_ascent_m = 200.0 + 100.0 * dice.pick(60);
    } else {
        p.weeks = 1 + dice.pick(52);
    }
    if (dice.chance(40)) p.athlete.threshold_speed_m_s = 1000.0 / (220.0 + dice.pick(200));
    if (dice.chance(30)) p.athlete.mass_kg = 45.0 + dice.pick(60);
    return p;
}

std::string describe(const std::vector<Violation>& found) {
    std::string text;
    for (const Violation& v : found) text += fmt::format("  week {}: {}: {}\n", v.week + 1, v.rule, v.detail);
    return text;
}

TEST(PlanInvariantsTest, HoldOverGeneratedProfiles) {
    Dice dice(20260504);
    int plans = 0;
    int weeks = 0;
    int broken = 0;
    std::map<std::string, int> by_rule;
    for (int i = 0; i < 400; ++i) {
        const PlanProfile profile = generate(dice);
        const auto runner = resolve(profile, k_today);
        ASSERT_TRUE(runner) << runner.error().message() << "\n" << to_toml(profile);
        // A third of the runners have their own hills (from a climb library), of assorted lengths and grades.
        std::vector<Hill> hills;
        if (dice.chance(33)) {
            for (int h = 0, n = 1 + dice.pick(5); h < n; ++h) {
                hills.push_back(Hill{.id = fmt::format("h{}", h),
                                     .name = fmt::format("hill {}", h),
                                     .length_m = 60.0 + 40.0 * dice.pick(30),
                                     .grade = 0.02 + 0.01 * dice.pick(14),
                                     .times_run = dice.pick(40)});
            }
        }
        const Plan plan = make_plan(PlanRequest{.runner = *runner, .history = std::nullopt, .hills = hills});
        ++plans;
        weeks += static_cast<int>(plan.weeks.size());
        const std::vector<Violation> found = check_invariants(plan);
        for (const Violation& v : found) ++by_rule[v.rule];
        if (!found.empty() && ++broken <= 5) {
            ADD_FAILURE() << "profile " << i << " breaks " << found.size() << " rule(s):\n"
                          << describe(found) << "--- profile.toml ---\n"
                          << to_toml(profile);
        }
    }
    std::string summary;
    for (const auto& [rule, count] : by_rule) summary += fmt::format(" {} x{}", rule, count);
    EXPECT_EQ(broken, 0) << "profiles breaking a rule (the first five are printed above); weeks by rule:"
                         << summary;
    EXPECT_EQ(plans, 400);
    EXPECT_GT(weeks, 4000);
}

// The checks themselves: a plan broken on purpose is caught, rule by rule.
TEST(PlanInvariantsTest, BrokenPlansAreCaught) {
    PlanProfile p;
    p.level = Level::regular;
    p.goal = Goal::flat_race;
    p.days_per_week = 6;
    p.minutes_per_week = 420.0;
    p.gym = true;
    p.start = k_today;
    p.race_date = k_today + chr::days{7 * 12 + 6};
    const Plan good = make_plan(PlanRequest{.runner = *resolve(p, k_today)});
    ASSERT_TRUE(check_invariants(good).empty()) << describe(check_invariants(good));
    const auto rules_of = [](const Plan& plan) {
        std::set<std::string> rules;
        for (const Violation& v : check_invariants(plan)) rules.insert(v.rule);
        return rules;
    };
    const auto first_of = [](Week& week, auto pred) -> Session& {
        for (Session& s : week.sessions) {
            if (pred(s)) return s;
        }
        throw std::logic_error("no such session");
    };
    {
        Plan bad = good;
        Session& easy = first_of(bad.weeks[5], [](const Session& s) { return s.kind == SessionKind::easy; });
        easy.load *= 4.0;
        EXPECT_TRUE(rules_of(bad).contains("load_rise"));
    }
    {
        Plan bad = good;
        Week& w = bad.weeks[6];
        for (Session& s : w.sessions) {
            if (s.kind == SessionKind::easy || s.kind == SessionKind::rest) s.hard = true;
        }
        EXPECT_TRUE(rules_of(bad).contains("hard_days_apart"));
    }
    {
        Plan bad = good;
        Week& w = bad.weeks[6];
        int n = 0;
        for (Session& s : w.sessions) {
            if (s.kind == SessionKind::easy && n++ < 3) s.focus_hill = true;
        }
        EXPECT_TRUE(rules_of(bad).contains("focus_hill_per_week"));
    }
    {
        Plan bad = good;
        for (Week& w : bad.weeks) {
            std::erase_if(w.sessions, [](const Session& s) { return s.kind == SessionKind::flat_quality; });
        }
        EXPECT_TRUE(rules_of(bad).contains("flat_quality_kept"));
    }
    {
        Plan bad = good;
        std::erase_if(bad.weeks[2].sessions,
                      [](const Session& s) { return s.kind == SessionKind::strength; });
        EXPECT_TRUE(rules_of(bad).contains("strength_with_gym"));
    }
    {
        Plan bad = good;
        for (Week& w : bad.weeks) {
            for (Session& s : w.sessions) {
                if (s.focus_hill) s.steps.erase(s.steps.begin());
            }
        }
        EXPECT_TRUE(rules_of(bad).contains("warmup_first"));
    }
    {
        Plan bad = good;
        for (Week& w : bad.weeks) {
            for (Session& s : w.sessions) {
                if (s.kind == SessionKind::strength) s.why.clear();
            }
        }
        EXPECT_TRUE(rules_of(bad).contains("says_why"));
    }
    {
        // The climb of the first hill session's reps shortened, its jog down left as it was.
        Plan bad = good;
        bool changed = false;
        for (Week& w : bad.weeks) {
            for (Session& s : w.sessions) {
                for (StepBlock& b : s.steps) {
                    for (Step& st : b.steps) {
                        if (changed || b.repeats < 2 || st.kind != StepKind::climb || !st.distance_m)
                            continue;
                        *st.distance_m *= 0.5;
                        changed = true;
                    }
                }
            }
        }
        ASSERT_TRUE(changed) << "the plan has hill reps measured by distance";
        EXPECT_TRUE(rules_of(bad).contains("rep_way_back"));
    }
    {
        Plan bad = good;
        first_of(bad.weeks.back(), [](const Session& s) { return s.kind == SessionKind::rest; }).duration_s =
            0.0;
        Session& easy = first_of(bad.weeks[bad.weeks.size() - 2], [](const Session& s) {
            return s.kind == SessionKind::easy || s.kind == SessionKind::flat_quality;
        });
        easy.duration_s += 20.0 * 3600.0;
        EXPECT_TRUE(rules_of(bad).contains("taper_cuts_volume"));
    }
    {
        Plan bad = good;
        bad.runner.goal = Goal::return_after_injury;
        Session& easy = first_of(bad.weeks[1], [](const Session& s) { return s.kind == SessionKind::easy; });
        easy.downhill_run_m = 300.0;
        EXPECT_TRUE(rules_of(bad).contains("return_no_downhill"));
        EXPECT_TRUE(rules_of(bad).contains("downhill_growth"));
    }
    {
        Plan bad = good;
        bad.runner.days_per_week = 2;
        EXPECT_TRUE(rules_of(bad).contains("days_available"));
    }
}

}  // namespace
}  // namespace hillcoach::plan
