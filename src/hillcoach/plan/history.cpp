#include "hillcoach/plan/history.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;

bool is_run(const training::ActivityDigest& d) {
    return d.sport == core::Sport::running || d.sport == core::Sport::trail_running ||
           d.sport == core::Sport::treadmill_running || d.sport == core::Sport::walking ||
           d.sport == core::Sport::hiking || d.sport == core::Sport::unknown;
}

// Running proper: the sports whose threshold estimate is a running pace.
bool is_running(const training::ActivityDigest& d) {
    return d.sport == core::Sport::running || d.sport == core::Sport::trail_running ||
           d.sport == core::Sport::treadmill_running || d.sport == core::Sport::unknown;
}

double moving_time_s(const training::ActivityDigest& d) {
    return d.moving_s.value_or(d.elapsed_s.value_or(0.0));
}

}  // namespace

Date date_of_day(training::Day day) {
    return Date{chr::days{day}};
}
training::Day day_of_date(Date date) {
    return static_cast<training::Day>(date.time_since_epoch().count());
}

std::vector<HistoryWeek> history_weeks(const std::vector<training::ActivityDigest>& digests,
                                       const training::Calendar& calendar, Date start) {
    std::vector<HistoryWeek> weeks(static_cast<std::size_t>(k_history_weeks));
    for (int w = 0; w < k_history_weeks; ++w) {
        weeks[static_cast<std::size_t>(w)].start = start - chr::days{7 * (k_history_weeks - w)};
    }
    for (const training::ActivityDigest& d : digests) {
        if (!d.start_time_s || !is_run(d)) continue;
        const Date day = date_of_day(calendar.local_day(*d.start_time_s));
        if (day < weeks.front().start || day >= start) continue;
        HistoryWeek& w = weeks[static_cast<std::size_t>((day - weeks.front().start).count() / 7)];
        const double t = moving_time_s(d);
        w.duration_s += t;
        w.distance_m += d.distance_m;
        w.ascent_m += d.ascent_m.value_or(0.0);
        w.descent_m += d.descent_m.value_or(0.0);
        w.load += d.stress.value_or(0.0);
        w.longest_run_s = std::max(w.longest_run_s, t);
        if (d.focused_hill()) ++w.hill_sessions;
        if (d.threshold_speed_m_s && is_running(d)) w.threshold_speeds_m_s.push_back(*d.threshold_speed_m_s);
    }
    return weeks;
}

std::vector<Hill> hills_from_library(const std::vector<training::ClimbPlace>& places,
                                     const std::vector<training::ActivityDigest>& digests) {
    std::vector<Hill> hills;
    for (const training::ClimbPlace& p : places) {
        Hill h;
        h.id = fmt::format("{}", p.id.value);
        h.length_m = p.length_m;
        h.grade = p.avg_grade;
        h.times_run = p.ascents;
        h.name =
            fmt::format("the {} climb", p.length_m >= 1000.0 ? fmt::format("{:.1f} km", p.length_m / 1000.0)
                                                             : fmt::format("{:.0f} m", p.length_m));
        if (p.recent) {
            // Where in the recent run it starts: the digest's climb of that length nearest the place's.
            const auto it =
                std::find_if(digests.begin(), digests.end(),
                             [&](const training::ActivityDigest& d) { return d.id == p.recent->activity; });
            if (it != digests.end() && !it->climbs.empty()) {
                const auto climb =
                    std::min_element(it->climbs.begin(), it->climbs.end(), [&](const auto& a, const auto& b) {
                        return std::abs(a.length_m - p.recent->length_m) <
                               std::abs(b.length_m - p.recent->length_m);
                    });
                const std::string run =
                    p.recent->activity_name.empty() ? "a recent run" : "\"" + p.recent->activity_name + "\"";
                h.name = fmt::format("the hill at {:.1f} km of {}", climb->start_m / 1000.0, run);
            }
        }
        hills.push_back(std::move(h));
    }
    return hills;
}

std::vector<DoneActivity> done_activities(const std::vector<training::ActivityDigest>& digests,
                                          const training::Calendar& calendar, Date from) {
    std::vector<DoneActivity> done;
    for (const training::ActivityDigest& d : digests) {
        if (!d.start_time_s || !is_run(d)) continue;
        const Date day = date_of_day(calendar.local_day(*d.start_time_s));
        if (day < from) continue;
        done.push_back(DoneActivity{.date = day,
                                    .duration_s = moving_time_s(d),
                                    .distance_m = d.distance_m,
                                    .ascent_m = d.ascent_m.value_or(0.0),
                                    .descent_m = d.descent_m.value_or(0.0),
                                    .load = d.stress.value_or(0.0),
                                    .hill_session = d.focused_hill(),
                                    .label = d.focused_hill() ? d.focus_reason : d.name});
    }
    return done;
}

std::vector<GuidanceWarning> guidance_warnings(const std::vector<training::Finding>& findings) {
    std::vector<GuidanceWarning> out;
    for (const training::Finding& f : findings) {
        if (f.severity == training::Severity::info) continue;
        out.push_back(
            GuidanceWarning{.week_start = date_of_day(f.week_start), .rule = f.rule, .message = f.message});
    }
    return out;
}

}  // namespace hillcoach::plan
