#include "hillcoach/training/weeks.hpp"

#include <algorithm>

namespace hillcoach::training {
namespace {

void add(WeekRow& w, const ActivityDigest& d) {
    ++w.activities;
    w.distance_m += d.distance_m;
    w.time_s += d.moving_s ? *d.moving_s : d.elapsed_s.value_or(0.0);
    w.ascent_m += d.ascent_m.value_or(0.0);
    w.descent_m += d.descent_m.value_or(0.0);
    if (d.focused_hill()) ++w.hill_sessions;
    // A run without elevation is its own grade-adjusted distance: it is taken as level.
    w.flat_equivalent_distance_m += d.flat_equivalent_distance_m.value_or(d.distance_m);
    w.stress += d.stress.value_or(0.0);
    w.uphill_load += d.uphill_concentric_load.value_or(0.0);
    w.eccentric_load += d.downhill_eccentric_load.value_or(0.0);
}

}  // namespace

std::vector<WeekRow> weeks(const std::vector<ActivityDigest>& digests, const Calendar& calendar,
                           const LoadSeries& series) {
    std::vector<WeekRow> rows;
    if (series.days() == 0) return rows;
    const Day first_week = calendar.week_of(series.first_day);
    const Day last_week = calendar.week_of(series.last_day);
    rows.resize(static_cast<std::size_t>((last_week - first_week) / 7 + 1));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        WeekRow& w = rows[i];
        w.start = first_week + static_cast<Day>(7 * i);
        const Day judged = std::min(w.end(), series.last_day);
        w.acwr = series.acwr(Channel::stress, judged);
        w.eccentric_acwr = series.acwr(Channel::eccentric, judged);
    }
    for (const ActivityDigest& d : digests) {
        if (!d.start_time_s) continue;
        const Day week = calendar.week_of(calendar.local_day(*d.start_time_s));
        if (week < first_week || week > last_week) continue;
        add(rows[static_cast<std::size_t>((week - first_week) / 7)], d);
    }
    return rows;
}

std::vector<WeekRow> weeks(const std::vector<ActivityDigest>& digests, const Calendar& calendar,
                           const LoadOptions& options) {
    return weeks(digests, calendar, load_series(digests, calendar, options));
}

}  // namespace hillcoach::training
