// How long `hillcoach plan` takes to make a plan for a year (issue 6: under 100 ms): plan::make_plan over 52
// weeks for one profile of each goal and level (with and without a gym, an injury, 20 hills of the runner's
// own), each made `runs` times; prints the median and the slowest time per plan, and the JSON rendering's.
// usage: bench/plan_year [runs]

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "hillcoach/plan/plan_json.hpp"
#include "hillcoach/plan/planner.hpp"

namespace {

namespace chr = std::chrono;
using namespace hillcoach::plan;

double ms_since(chr::steady_clock::time_point t0) {
    return chr::duration<double, std::milli>(chr::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    const Date start{chr::year{2026} / chr::May / 4};
    std::vector<Hill> hills;
    for (int i = 0; i < 20; ++i) {
        hills.push_back(Hill{.id = fmt::format("{}", i), .name = fmt::format("hill {}", i),
                             .length_m = 80.0 + 60.0 * i, .grade = 0.03 + 0.005 * i, .times_run = i});
    }
    std::vector<double> plan_ms;
    std::vector<double> json_ms;
    std::size_t sessions = 0;
    for (int run = 0; run < runs; ++run) {
        for (int goal = 0; goal < 6; ++goal) {
            for (int level = 0; level < 3; ++level) {
                PlanProfile p;
                p.goal = static_cast<Goal>(goal);
                p.level = static_cast<Level>(level);
                p.start = start;
                p.weeks = 52;
                p.days_per_week = 4 + level;
                p.gym = level != 1;
                if (goal == 5) p.injuries = {"sore knee"};
                if (is_race(*p.goal)) p.race_date = start + chr::days{7 * 51 + 5};
                const auto runner = resolve(p, start);
                if (!runner) return 1;
                auto t0 = chr::steady_clock::now();
                const Plan plan = make_plan(PlanRequest{.runner = *runner, .history = std::nullopt, .hills = hills});
                plan_ms.push_back(ms_since(t0));
                t0 = chr::steady_clock::now();
                const std::string text = plan_json(plan).dump();
                json_ms.push_back(ms_since(t0));
                for (const Week& w : plan.weeks) sessions += w.sessions.size();
                if (text.empty()) return 1;
            }
        }
    }
    const auto report = [](const char* what, std::vector<double> v) {
        std::sort(v.begin(), v.end());
        fmt::print("{:<22} median {:7.3f} ms   max {:7.3f} ms   ({} plans)\n", what, v[v.size() / 2], v.back(),
                   v.size());
    };
    report("make_plan, 52 weeks", plan_ms);
    report("plan_json().dump()", json_ms);
    fmt::print("{} sessions per run of 18 plans\n", sessions / static_cast<std::size_t>(runs));
    return 0;
}
