#pragma once
// Adapting a plan to what was really run. The activities the store holds (digests) are matched to planned
// sessions by date (the same day, else a day either side: "moved") and kind (a hill session prefers a hill
// activity); planned runs in the past with no match are "missed", activities with no planned run are "extra".
// Then the rest of the plan is made again from the real weeks:
//
//   - missed sessions are not crammed in: of this week's missed key sessions (long, hill, quality) at most
//   one
//     takes the place of a remaining easy run, and only where the hard-day spacing allows; the hill ladder
//     does not climb for a session that was missed;
//   - extra load is absorbed: when a week ran more than 10 % above plan, the rest of that week loses easy
//     runs, and the next week's target is cut by the excess (at most 20 %); growth resumes from the planned
//     load, never from the overshoot;
//   - a week run below 70 % of plan (illness, travel) is not made up: the next week grows from 70 % of what
//     was planned;
//   - warnings from the guidance rules (`hillcoach check`) in the last two weeks cut next week's load by 20
//   %,
//     and a downhill warning cuts its descent by 30 %.
//
// Strength sessions are not seen in GPS history: they keep their planned status.

#include <string>
#include <vector>

#include "hillcoach/plan/hills.hpp"
#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

// One activity as the store's digest gives it.
struct DoneActivity {
    Date date{};              // local date of the start
    double duration_s = 0.0;  // moving time
    double distance_m = 0.0;
    double ascent_m = 0.0;
    double descent_m = 0.0;
    double load = 0.0;          // training stress
    bool hill_session = false;  // a focused hill session (repeats, sprints)
    std::string label{};        // the analysis' session type, shown for extras
};

// One warning from the guidance rules.
struct GuidanceWarning {
    Date week_start{};
    std::string rule{};
    std::string message{};
};

inline constexpr double k_extra_load_share = 0.10;  // above plan by more than this: absorbed
inline constexpr double k_most_extra_cut = 0.20;
inline constexpr double k_resume_share = 0.70;  // a week run below this share of plan: resume from it
inline constexpr double k_warning_load_cut = 0.80;
inline constexpr double k_warning_downhill_cut = 0.70;

struct AdaptInput {
    std::vector<DoneActivity> done{};
    std::vector<GuidanceWarning> warnings{};
    Date today{};  // sessions before today are the past
    std::vector<Hill> hills{};
};

struct AdaptReport {
    int done = 0;
    int moved = 0;
    int missed = 0;
    int extra = 0;
    int replanned_from_week = -1;        // index of the first week made again; -1 when the plan is over
    std::vector<std::string> changes{};  // one line per change, in the runner's words
};

AdaptReport adapt(Plan& plan, const AdaptInput& input);

}  // namespace hillcoach::plan
