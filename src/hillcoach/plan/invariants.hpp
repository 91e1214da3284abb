#pragma once
// The rules every plan keeps, as checks over a made plan (issue 6, section 3; docs/models.md, "Plan rules"):
//
//   focus_hill_per_week   no week holds more than two focused hill sessions;
//   hard_days_apart       no two hard days in a row, also across weeks, so focused hill sessions are at least
//                         48 h apart;
//   load_rise             a week's running load is at most 10 % above the week before (k_load_rise_limit, or
//                         k_load_rise_floor points for the smallest weeks), except the week after a deload,
//                         which may return to the load before it (and rise as much on it);
//   downhill_growth       the descent run in a week grows by at most 10 % or 40 m over the most run in any of
//                         the 6 weeks before (the starting point standing for the weeks before the plan);
//   warmup_first          every hill session and hilly long run starts with an easy warm-up on the flat;
//   rep_way_back          in a block of hill reps, the way back (the jog or walk down after a climb, the walk
//   up
//                         after a descent) covers the same ground as the rep it returns from;
//   flat_quality_kept     a flat-race plan has a flat quality session every week before the race week;
//   strength_with_gym     a plan with gym access has strength work every week before the race week;
//   taper_cuts_volume     every taper week (and the race week, without the race) holds at most
//                         k_taper_volume_share of the running time of the biggest week before the taper;
//   return_no_downhill    a return-after-injury plan runs no descent in its first k_return_no_downhill_weeks;
//   days_available        no week uses more days than the runner has;
//   says_why              every session but a rest day says why it is there.
//
// The planner is built to keep them; these checks are what the tests (tests/plan/plan_invariants_test.cpp,
// hundreds of generated profiles) and adapt's tests hold every plan to.

#include <string>
#include <vector>

#include "hillcoach/plan/plan.hpp"
#include "hillcoach/plan/planner.hpp"

namespace hillcoach::plan {

inline constexpr double k_taper_volume_share =
    0.85;  // a taper week holds at most this share of the peak week

struct Violation {
    std::string rule{};    // "load_rise"
    int week = 0;          // 0-based week index
    std::string detail{};  // what broke, with the numbers
};

std::vector<Violation> check_invariants(const Plan& plan);

}  // namespace hillcoach::plan
