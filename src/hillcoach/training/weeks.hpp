#pragma once
// Calendar weeks of the training history: one row per week of the athlete's calendar (calendar.hpp: local
// time zone, Monday start by default), from the week of the first activity through the week of the last, weeks
// without a run included (a gap is information: a rest week, an injury). docs/models.md, "Weeks".
//
//   distance_m, time_s, ascent_m, descent_m, flat_equivalent_distance_m (grade-adjusted), stress and the
//   loads are sums over the week's activities (time_s is moving time, elapsed where moving time is unknown);
//   hill_sessions counts focused hill sessions (ActivityDigest::focused_hill); acwr is the stress channel's
//   acute:chronic ratio (load_channels.hpp) on the week's last day, or on the last day of the history for the
//   week that holds it; eccentric_acwr the same for downhill eccentric load.

#include <optional>
#include <vector>

#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"
#include "hillcoach/training/load_channels.hpp"

namespace hillcoach::training {

struct WeekRow {
    Day start = 0;  // first day of the week
    int activities = 0;
    double distance_m = 0.0;
    double time_s = 0.0;
    double ascent_m = 0.0;
    double descent_m = 0.0;
    int hill_sessions = 0;
    double flat_equivalent_distance_m = 0.0;
    double stress = 0.0;
    double uphill_load = 0.0;
    double eccentric_load = 0.0;
    std::optional<double> acwr{};
    std::optional<double> eccentric_acwr{};

    Day end() const { return start + 6; }
};

// Weeks from `series` (the daily loads) and the digests. Digests without a start time are left out.
std::vector<WeekRow> weeks(const std::vector<ActivityDigest>& digests, const Calendar& calendar,
                           const LoadSeries& series);
// The same, computing the series with `options`.
std::vector<WeekRow> weeks(const std::vector<ActivityDigest>& digests, const Calendar& calendar,
                           const LoadOptions& options = {});

}  // namespace hillcoach::training
