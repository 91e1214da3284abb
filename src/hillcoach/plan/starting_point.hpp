#pragma once
// Where a plan starts: the runner's current fitness. From the history when there is one (the last weeks of
// the store's activity digests: weekly time, distance, ascent, descent run, load, long run, hill sessions,
// and threshold pace from the best recent effort), else from the profile: what a runner of the stated level
// usually does (docs/plan.md, "Starting point").

#include <chrono>
#include <optional>
#include <span>
#include <vector>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

// One week of what was really run (the app sums the store's digests into these).
struct HistoryWeek {
    Date start{};
    double duration_s = 0.0;
    double distance_m = 0.0;
    double ascent_m = 0.0;
    double descent_m = 0.0;
    double load = 0.0;  // training stress, same scale as the plan's
    double longest_run_s = 0.0;
    int hill_sessions = 0;
    // The threshold speed each of the week's runs was analysed with (the profile's, or estimated from the
    // run): running sports only, since a hike's or a walk's estimate says nothing about running pace.
    std::vector<double> threshold_speeds_m_s{};
};

// Weeks of history the starting point averages (the chronic window of the load model is 4-6 weeks).
inline constexpr int k_history_weeks = 4;
// A break: no running in the last k_break_weeks weeks before the plan, after running earlier in the window.
// The average over the window (empty weeks counted as zero) would then start a runner who ran three hours a
// week a month ago at a few minutes; after a break of 2-4 weeks the usual advice is to come back at about
// half of what was run before, so the plan starts from k_after_break_share of the weeks that had running,
// when that is more. The descent is not raised: the repeated-bout protection fades over a break.
inline constexpr int k_break_weeks = 2;
inline constexpr double k_after_break_share = 0.5;

StartingPoint starting_point_from_profile(const Runner& runner);
// nullopt when the history holds no running in the k_history_weeks before `start` (an old history says
// nothing about today's fitness: the profile is used then).
std::optional<StartingPoint> starting_point_from_history(std::span<const HistoryWeek> weeks,
                                                         const Runner& runner, Date start);

// Threshold speed: the profile's, else the history's, else the level's usual value.
double default_threshold_speed_m_s(Level level);

}  // namespace hillcoach::plan
