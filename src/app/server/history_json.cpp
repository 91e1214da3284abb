#include "app/server/history_json.hpp"

#include <algorithm>
#include <cmath>

#include "app/common/climb_library_json.hpp"
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

Json climbs_json(const std::vector<training::ActivityDigest>& digests, const training::Calendar& calendar) {
    const std::vector<training::ClimbPlace> places = training::climb_library(digests);
    return Json{{"time_zone", calendar.zone_name()},
                {"climbs", climb_library_json(most_run_first(places), calendar)}};
}

}  // namespace hillcoach::app::server
