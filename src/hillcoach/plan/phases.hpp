#pragma once
// The plan's frame: which phase each week is in and which weeks are deloads.
//
//   race goals   base, hill strength, specific, taper; the taper is 2 weeks for races of 30 km and more and
//                1 week for shorter ones (L. Bosquet et al., "Effects of tapering on performance: a
//                meta-analysis", Med Sci Sports Exerc 39(8), 1358-1365, 2007: about two weeks, volume cut
//                41-60 %, intensity kept); of the weeks before it about 30 % base (at most 6), 35 %
//                specific (at most 6), the rest hill strength.
//   other goals  about 25 % base (at most 4; return after injury 40 %, at most 6), then hill strength, and
//                from 8 weeks on the last 30 % specific (strength: power; muscle: steeper, heavier).
//   deloads      every 4th week (3 building, 1 easier); every 3rd for new runners and a return after injury,
//                who adapt more slowly; never in week 1 and never in a taper.

#include <vector>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

struct WeekFrame {
    Phase phase = Phase::base;
    bool deload = false;
    int week_in_phase = 0;  // 0 for the phase's first week
};

int taper_weeks(double race_distance_m, int plan_weeks);
int deload_cycle_weeks(Level level, Goal goal);
std::vector<WeekFrame> phase_schedule(const Runner& runner);

}  // namespace hillcoach::plan
