#pragma once
// The plan's link to the stored history (training's digests and climb library): the weeks before the plan's
// start summed for the starting point, the runner's own hills named so they can be found ("the hill at 3.2 km
// of "Morning loop""), the activities run since the plan started for adapting, and the guidance findings as
// warnings. Days are local days of the training calendar.

#include <vector>

#include "hillcoach/plan/adapt.hpp"
#include "hillcoach/plan/hills.hpp"
#include "hillcoach/plan/starting_point.hpp"
#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"
#include "hillcoach/training/climb_library.hpp"
#include "hillcoach/training/guidance.hpp"

namespace hillcoach::plan {

Date date_of_day(training::Day day);
training::Day day_of_date(Date date);

// The k_history_weeks weeks of 7 days before `start` (aligned to it, not to the calendar's weeks, so "the
// last four weeks" means the 28 days before the plan). Runs only (foot sports); digests without a start time
// are left out. HistoryWeek::threshold_speeds_m_s holds the threshold speed each running activity was analysed
// with (the profile's, or estimated from the run).
std::vector<HistoryWeek> history_weeks(const std::vector<training::ActivityDigest>& digests,
                                       const training::Calendar& calendar, Date start);

// The climb library's places as hills for the planner, named by where the runner meets them: the activity
// they were most recently climbed in and how far into it.
std::vector<Hill> hills_from_library(const std::vector<training::ClimbPlace>& places,
                                     const std::vector<training::ActivityDigest>& digests);

// Runs since `from` as done activities for adapt().
std::vector<DoneActivity> done_activities(const std::vector<training::ActivityDigest>& digests,
                                          const training::Calendar& calendar, Date from);
std::vector<GuidanceWarning> guidance_warnings(const std::vector<training::Finding>& findings);

}  // namespace hillcoach::plan
