#include "hillcoach/plan/starting_point.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "hillcoach/plan/session_numbers.hpp"

namespace hillcoach::plan {
namespace {

// What a runner of each level usually does in a week when the profile says no more: time, ascent, descent
// run, long run and hill sessions (docs/plan.md, "Starting point"), and threshold pace (6:30, 5:15, 4:20 per
// km: recreational, regular club, advanced).
struct LevelStart {
    double minutes = 0.0;
    double ascent_m = 0.0;
    double downhill_m = 0.0;
    double long_min = 0.0;
    int hill_sessions = 0;
    double threshold_pace_s_per_km = 0.0;
};
constexpr LevelStart k_level_start[] = {
    {90.0, 40.0, 20.0, 35.0, 0, 390.0},
    {200.0, 250.0, 150.0, 75.0, 1, 315.0},
    {330.0, 600.0, 400.0, 105.0, 1, 260.0},
};
constexpr double k_return_share = 0.5;      // coming back from an injury: half the usual
constexpr double k_start_cap_share = 0.85;  // start below the time the runner has, to leave room to build

double easy_load_per_s(double threshold_speed) {
    Step easy{.kind = StepKind::run, .effort = Effort::easy, .duration_s = 1.0};
    const double f = step_intensity_factor(easy, threshold_speed);
    return 100.0 / 3600.0 * f * f;
}

}  // namespace

double default_threshold_speed_m_s(Level level) {
    return 1000.0 / k_level_start[static_cast<int>(level)].threshold_pace_s_per_km;
}

StartingPoint starting_point_from_profile(const Runner& r) {
    const LevelStart& l = k_level_start[static_cast<int>(r.level)];
    StartingPoint p;
    p.threshold_speed_m_s = r.athlete.threshold_speed_m_s.value_or(default_threshold_speed_m_s(r.level));
    double share = r.goal == Goal::return_after_injury ? k_return_share : 1.0;
    const double minutes = std::min(l.minutes * share, r.minutes_per_week * k_start_cap_share);
    share = minutes / l.minutes;
    p.weekly_duration_s = minutes * 60.0;
    p.weekly_distance_m = p.weekly_duration_s * p.threshold_speed_m_s * effort_speed_fraction(Effort::easy);
    p.weekly_ascent_m = r.hills ? l.ascent_m * share : 0.0;
    p.weekly_downhill_run_m = r.hills && r.goal != Goal::return_after_injury ? l.downhill_m * share : 0.0;
    p.weekly_load = p.weekly_duration_s * easy_load_per_s(p.threshold_speed_m_s) * 1.1;  // a little quality
    p.long_run_s = std::min(l.long_min * 60.0, p.weekly_duration_s * 0.4);
    p.hill_sessions_per_week = r.goal == Goal::return_after_injury ? 0 : l.hill_sessions;
    p.source =
        fmt::format("profile ({} runner{})", to_string(r.level),
                    r.goal == Goal::return_after_injury ? ", returning from injury: half the usual" : "");
    return p;
}

std::optional<StartingPoint> starting_point_from_history(std::span<const HistoryWeek> weeks, const Runner& r,
                                                         Date start) {
    const Date from = start - std::chrono::days{7 * k_history_weeks};
    StartingPoint p;
    int counted = 0;
    int running_weeks = 0;
    bool ran_lately = false;
    std::vector<double> thresholds;
    for (const HistoryWeek& w : weeks) {
        if (w.start < from || w.start >= start) continue;
        ++counted;
        if (w.duration_s > 0.0) {
            ++running_weeks;
            if (w.start >= start - std::chrono::days{7 * k_break_weeks}) ran_lately = true;
        }
        p.weekly_duration_s += w.duration_s;
        p.weekly_distance_m += w.distance_m;
        p.weekly_ascent_m += w.ascent_m;
        p.weekly_downhill_run_m += w.descent_m;
        p.weekly_load += w.load;
        p.long_run_s = std::max(p.long_run_s, w.longest_run_s);
        p.hill_sessions_per_week += w.hill_sessions;
        thresholds.insert(thresholds.end(), w.threshold_speeds_m_s.begin(), w.threshold_speeds_m_s.end());
    }
    if (counted == 0 || p.weekly_duration_s <= 0.0) return std::nullopt;
    // Weeks without any running inside the window count as zero: the average over the whole window.
    const double n = k_history_weeks;
    p.weekly_duration_s /= n;
    p.weekly_distance_m /= n;
    p.weekly_ascent_m /= n;
    p.weekly_downhill_run_m /= n;
    p.weekly_load /= n;
    p.hill_sessions_per_week = static_cast<int>(p.hill_sessions_per_week / n + 0.5);
    std::string after_break;
    if (!ran_lately && running_weeks > 0) {
        const double raise = k_after_break_share * n / running_weeks;
        if (raise > 1.0) {
            p.weekly_duration_s *= raise;
            p.weekly_distance_m *= raise;
            p.weekly_ascent_m *= raise;
            p.weekly_load *= raise;
            after_break = fmt::format("; no running in the last {} weeks: from {:.0f} % of the weeks you ran",
                                      k_break_weeks, k_after_break_share * 100.0);
        }
    }
    // The median of the runs' estimates, not the fastest: each is an extrapolation from one run (its
    // heart rate scaled to threshold), and the fastest of twenty is the one most wrong.
    std::optional<double> threshold;
    if (!thresholds.empty()) {
        const auto mid = thresholds.begin() + static_cast<std::ptrdiff_t>(thresholds.size() / 2);
        std::nth_element(thresholds.begin(), mid, thresholds.end());
        threshold = *mid;
        if (thresholds.size() % 2 == 0) threshold = (*mid + *std::max_element(thresholds.begin(), mid)) / 2.0;
    }
    p.threshold_speed_m_s =
        r.athlete.threshold_speed_m_s.value_or(threshold.value_or(default_threshold_speed_m_s(r.level)));
    if (r.goal == Goal::return_after_injury) {
        // The history is from before the injury: come back at half of it.
        p.weekly_duration_s *= k_return_share;
        p.weekly_distance_m *= k_return_share;
        p.weekly_load *= k_return_share;
        p.weekly_downhill_run_m = 0.0;
        p.long_run_s *= k_return_share;
    }
    const double cap_s = r.minutes_per_week * 60.0;
    if (p.weekly_duration_s > cap_s) {
        // More than the runner now has time for: start from what fits.
        const double ratio = cap_s / p.weekly_duration_s;
        p.weekly_duration_s = cap_s;
        p.weekly_distance_m *= ratio;
        p.weekly_load *= ratio;
    }
    p.source =
        fmt::format("history (the {} weeks before {}{})", k_history_weeks, format_date(start), after_break);
    return p;
}

}  // namespace hillcoach::plan
