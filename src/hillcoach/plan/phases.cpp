#include "hillcoach/plan/phases.hpp"

#include <algorithm>
#include <cmath>

namespace hillcoach::plan {
namespace {

constexpr double k_long_race_m = 30000.0;

int share(int weeks, double fraction, int most) {
    return std::min(most, static_cast<int>(std::lround(weeks * fraction)));
}

}  // namespace

int taper_weeks(double race_distance_m, int plan_weeks) {
    const int wanted = race_distance_m >= k_long_race_m ? 2 : 1;
    if (plan_weeks <= 4) return 1;
    return wanted;
}

int deload_cycle_weeks(Level level, Goal goal) {
    return (level == Level::new_runner || goal == Goal::return_after_injury) ? 3 : 4;
}

std::vector<WeekFrame> phase_schedule(const Runner& r) {
    const int n = std::max(1, r.weeks);
    int base = 0;
    int hill = 0;
    int specific = 0;
    int taper = 0;
    if (is_race(r.goal)) {
        taper = std::min(n, taper_weeks(r.race_distance_m, n));
        const int m = n - taper;
        base = m >= 6 ? std::max(1, share(m, 0.30, 6)) : (m >= 3 ? 1 : 0);
        specific = m >= 3 ? std::max(1, share(m, 0.35, 6)) : (m >= 1 ? 1 : 0);
        hill = m - base - specific;
    } else {
        if (r.goal == Goal::return_after_injury) {
            base = std::max(1, share(n, 0.40, 6));
        } else {
            base = n >= 4 ? std::max(1, share(n, 0.25, 4)) : (n >= 2 ? 1 : n);
        }
        specific = n >= 8 ? share(n, 0.30, 52) : 0;
        hill = n - base - specific;
        if (hill < 0) {
            specific += hill;
            hill = 0;
        }
    }
    std::vector<WeekFrame> frames;
    frames.reserve(static_cast<std::size_t>(n));
    const auto add = [&frames](Phase phase, int count) {
        for (int i = 0; i < count; ++i)
            frames.push_back(WeekFrame{.phase = phase, .deload = false, .week_in_phase = i});
    };
    add(Phase::base, base);
    add(Phase::hill_strength, hill);
    add(Phase::specific, specific);
    add(Phase::taper, taper);
    const int cycle = deload_cycle_weeks(r.level, r.goal);
    for (std::size_t w = 1; w < frames.size(); ++w) {
        if ((w + 1) % static_cast<std::size_t>(cycle) == 0 && frames[w].phase != Phase::taper)
            frames[w].deload = true;
    }
    return frames;
}

}  // namespace hillcoach::plan
