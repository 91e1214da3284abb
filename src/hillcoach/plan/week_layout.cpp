#include "hillcoach/plan/week_layout.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;

int cyclic_distance(int a, int b) {
    const int d = std::abs(a - b) % 7;
    return std::min(d, 7 - d);
}

}  // namespace

DayPlan lay_out_week(const LayoutInput& in) {
    DayPlan plan;
    plan.week_start = in.week_start;
    const auto date_of = [&](int d) { return in.week_start + chr::days{d}; };
    const int long_idx = static_cast<int>((in.long_day - in.week_start).count());
    // Days after the race are not training days.
    const int last_day = in.race ? long_idx : 6;
    std::array<bool, 7> used{};
    std::vector<int> hard;
    int days_left = in.days_per_week;

    const auto clear_of_previous = [&](int d) {
        for (const auto* list : {&in.previous_hard, &in.next_hard}) {
            for (const Date p : *list) {
                if (std::abs((date_of(d) - p).count()) < 2) return false;
            }
        }
        return true;
    };
    const auto may_be_hard = [&](int d) {
        if (used[static_cast<std::size_t>(d)] || d > last_day || !clear_of_previous(d)) return false;
        for (int h : hard) {
            // Within the week as a cycle (the pattern repeats next week) and, for the race week, plainly.
            if (cyclic_distance(d, h) < 2 || std::abs(d - h) < 2) return false;
        }
        return true;
    };

    // The farthest day from the hard days placed; preference order 2, 3, 4, 5 days after the anchor, then
    // 1, 6.
    const auto best_hard_day = [&](int anchor) {
        int best = -1;
        int best_gap = -1;
        for (int step : {2, 3, 4, 5, 1, 6, 0}) {
            const int d = (anchor + step) % 7;
            if (!may_be_hard(d)) continue;
            int gap = 7;
            for (int h : hard) gap = std::min(gap, cyclic_distance(d, h));
            if (gap > best_gap) {
                best = d;
                best_gap = gap;
            }
        }
        return best;
    };

    int long_at = long_idx;
    // A race is where it is; a long run whose day touches a hard day of the next or last week moves.
    if (!in.race && (long_at < 0 || long_at > 6 || !clear_of_previous(long_at)))
        long_at = best_hard_day(long_idx - 2 + 7);
    if (long_at >= 0 && long_at < 7 && days_left > 0) {
        plan.long_day = date_of(long_at);
        used[static_cast<std::size_t>(long_at)] = true;
        hard.push_back(long_at);
        --days_left;
    }
    const int anchor = plan.long_day ? long_at : 0;
    for (int q = 0; q < in.quality && days_left > 0; ++q) {
        const int best = best_hard_day(anchor);
        if (best < 0) break;
        plan.quality_days.push_back(date_of(best));
        used[static_cast<std::size_t>(best)] = true;
        hard.push_back(best);
        --days_left;
    }
    // Easy days: the free days, the day after the long run first, in order round the week.
    for (int step = 1; step <= 7 && days_left > 0; ++step) {
        const int d = (anchor + step) % 7;
        if (used[static_cast<std::size_t>(d)] || d > last_day) continue;
        plan.easy_days.push_back(date_of(d));
        used[static_cast<std::size_t>(d)] = true;
        --days_left;
    }
    std::sort(plan.easy_days.begin(), plan.easy_days.end());

    // Strength: an easy day not right before a hard day, then any easy day, then a quality day.
    const auto before_hard = [&](Date day) {
        for (int h : hard) {
            if (date_of(h) == day + chr::days{1}) return true;
        }
        return false;
    };
    std::vector<Date> candidates;
    for (const Date d : plan.easy_days) {
        if (!before_hard(d)) candidates.push_back(d);
    }
    for (const Date d : plan.easy_days) {
        if (before_hard(d)) candidates.push_back(d);
    }
    for (const Date d : plan.quality_days) candidates.push_back(d);
    if (plan.long_day && !in.race) candidates.push_back(*plan.long_day);
    for (const Date d : candidates) {
        if (static_cast<int>(plan.strength_days.size()) >= in.strength) break;
        // Two strength sessions a day apart at least.
        bool near = false;
        for (const Date s : plan.strength_days) near = near || std::abs((s - d).count()) < 2;
        if (!near) plan.strength_days.push_back(d);
    }
    for (const Date d : candidates) {
        if (static_cast<int>(plan.strength_days.size()) >= in.strength) break;
        if (std::find(plan.strength_days.begin(), plan.strength_days.end(), d) == plan.strength_days.end()) {
            plan.strength_days.push_back(d);
        }
    }
    std::sort(plan.strength_days.begin(), plan.strength_days.end());
    return plan;
}

}  // namespace hillcoach::plan
