#include "app/server/history_json.hpp"

#include <algorithm>
#include <cmath>

#include "hillcoach/report/html_escape.hpp"
#include "hillcoach/training/climb_library.hpp"
#include "hillcoach/training/guidance.hpp"

namespace hillcoach::app::server {
namespace {

Json number_or_null(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? Json(*v) : Json(nullptr);
}

Json number_or_null(double v) {
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

Json effort_json(const training::ClimbEffort& e) {
    return Json{{"activity", e.activity.value},
                {"activity_name", report::valid_utf8(e.activity_name)},
                {"start_s", number_or_null(e.start_time_s)},
                {"time_s", number_or_null(e.time_s)},
                {"best_time_s", number_or_null(e.best_time_s)},
                {"vam_m_h", number_or_null(e.vam_m_h)},
                {"avg_heart_rate_bpm", number_or_null(e.avg_heart_rate_bpm)},
                {"reps", e.reps}};
}

}  // namespace

Json weeks_json(const std::vector<training::WeekRow>& weeks, const training::Calendar& calendar) {
    Json rows = Json::array();
    for (const auto& w : weeks) {
        rows.push_back({{"start", training::format_day(w.start)},
                        {"end", training::format_day(w.end())},
                        {"activities", w.activities},
                        {"distance_m", w.distance_m},
                        {"time_s", w.time_s},
                        {"ascent_m", w.ascent_m},
                        {"descent_m", w.descent_m},
                        {"hill_sessions", w.hill_sessions},
                        {"flat_equivalent_distance_m", w.flat_equivalent_distance_m},
                        {"stress", w.stress},
                        {"uphill_load", w.uphill_load},
                        {"eccentric_load", w.eccentric_load},
                        {"acwr", number_or_null(w.acwr)},
                        {"eccentric_acwr", number_or_null(w.eccentric_acwr)}});
    }
    return Json{{"time_zone", calendar.zone_name()}, {"weeks", std::move(rows)}};
}

Json load_json(const training::LoadSeries& series, training::Channel channel) {
    const training::ChannelSeries& c = series[channel];
    Json days = Json::array();
    for (std::size_t d = 0; d < series.days(); ++d) {
        days.push_back({{"day", training::format_day(series.first_day + static_cast<training::Day>(d))},
                        {"load", c.load[d]},
                        {"acute", c.acute[d]},
                        {"chronic", c.chronic[d]},
                        {"acwr", number_or_null(c.acwr[d])}});
    }
    return Json{{"channel", std::string(training::to_string(channel))},
                {"acute_days", series.options.acute_days},
                {"chronic_days", series.options.chronic_days},
                {"days", std::move(days)}};
}

Json check_json(const std::vector<training::ActivityDigest>& digests, const training::Calendar& calendar) {
    std::optional<training::Day> first;
    std::optional<training::Day> last;
    for (const auto& d : digests) {
        if (!d.start_time_s) continue;
        const training::Day day = calendar.local_day(*d.start_time_s);
        first = first ? std::min(*first, day) : day;
        last = last ? std::max(*last, day) : day;
    }
    Json findings = Json::array();
    if (first) {
        const training::GuidanceInput input{.digests = &digests, .calendar = &calendar};
        for (const auto& f : training::check(input, first, last)) {
            Json evidence = Json::array();
            for (const auto& e : f.evidence) {
                evidence.push_back({{"key", e.key},
                                    {"number", number_or_null(e.number)},
                                    {"text", report::valid_utf8(e.text)}});
            }
            Json activities = Json::array();
            for (const auto& id : f.activities) activities.push_back(id.value);
            findings.push_back({{"rule", f.rule},
                                {"week_start", training::format_day(f.week_start)},
                                {"severity", std::string(training::to_string(f.severity))},
                                {"message", report::valid_utf8(f.message)},
                                {"evidence", std::move(evidence)},
                                {"activities", std::move(activities)}});
        }
    }
    return Json{{"time_zone", calendar.zone_name()}, {"findings", std::move(findings)}};
}

Json climbs_json(const std::vector<training::ActivityDigest>& digests) {
    Json places = Json::array();
    for (const auto& p : training::climb_library(digests)) {
        places.push_back({{"id", p.id.value},
                          {"start", {{"latitude_deg", p.start.latitude_deg}, {"longitude_deg", p.start.longitude_deg}}},
                          {"top", {{"latitude_deg", p.top.latitude_deg}, {"longitude_deg", p.top.longitude_deg}}},
                          {"length_m", p.length_m},
                          {"gain_m", p.gain_m},
                          {"avg_grade", p.avg_grade},
                          {"max_grade", p.max_grade},
                          {"runs", p.runs},
                          {"ascents", p.ascents},
                          {"best", p.best ? effort_json(*p.best) : Json(nullptr)},
                          {"recent", p.recent ? effort_json(*p.recent) : Json(nullptr)}});
    }
    return Json{{"climbs", std::move(places)}};
}

}  // namespace hillcoach::app::server
