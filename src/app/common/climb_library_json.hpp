#pragma once
// The climb library (training/climb_library.hpp) as JSON: the one shape `hillcoach climbs --json` prints and the
// dashboard's /api/climbs answers with (docs/cli.md "hillcoach climbs", docs/api.md), so a script written
// against one reads the other. Positions are {"lat", "lon"} in degrees to 7 decimals (about 1 cm), as in the
// analysis JSON; an effort's day is its activity's local day in the calendar's zone.

#include <vector>

#include <nlohmann/json.hpp>

#include "hillcoach/training/calendar.hpp"
#include "hillcoach/training/climb_library.hpp"

namespace hillcoach::app {

// The places run at least min_runs times, most-run first, the bigger gain first among equals, else in library
// order: the order the command line and the dashboard list them in. Points into `places`.
std::vector<const training::ClimbPlace*> most_run_first(const std::vector<training::ClimbPlace>& places,
                                                        int min_runs = 1);

// {id, start: {lat, lon}, top: {lat, lon}, length_m, gain_m, avg_grade, max_grade, runs, ascents, best, recent};
// best and recent are efforts {activity, activity_name, start_s, date, time_s, best_time_s, vam_m_h,
// avg_heart_rate_bpm, reps} or null. A missing number is null.
nlohmann::ordered_json climb_place_json(const training::ClimbPlace& place, const training::Calendar& calendar);

// The places as a JSON array, in the order given.
nlohmann::ordered_json climb_library_json(const std::vector<const training::ClimbPlace*>& places,
                                          const training::Calendar& calendar);

}  // namespace hillcoach::app
