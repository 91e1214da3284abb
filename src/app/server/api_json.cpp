#include "app/server/api_json.hpp"

#include "hillcoach/analysis/analysis_json.hpp"
#include "hillcoach/core/time.hpp"
#include "hillcoach/report/activity_charts.hpp"
#include "hillcoach/report/activity_report.hpp"
#include "hillcoach/report/html_escape.hpp"

namespace hillcoach::app::server {
namespace {

Json optional_number(const std::optional<double>& v) {
    return v ? Json(*v) : Json(nullptr);
}

}  // namespace

Json activity_list_item(const LibraryEntry& entry) {
    const auto& m = entry.activity.metadata;
    const auto& s = entry.analysis.summary;
    Json j;
    j["id"] = entry.id;
    j["title"] = report::valid_utf8(report::activity_title(entry.activity));
    j["source"] = report::valid_utf8(m.source_path);
    j["start_s"] = optional_number(m.start_time_s);
    j["start"] = m.start_time_s ? Json(core::format_iso8601_utc(*m.start_time_s)) : Json(nullptr);
    j["sport"] = std::string(core::to_string(m.sport));
    j["session"] = std::string(analysis::to_string(entry.analysis.session.type));
    j["session_label"] = std::string(analysis::session_type_label(entry.analysis.session.type));
    j["distance_m"] = s.distance_m;
    j["moving_s"] = optional_number(s.moving_s);
    j["ascent_m"] = optional_number(s.ascent_m);
    j["descent_m"] = optional_number(s.descent_m);
    j["climbs"] = entry.analysis.climbs.size();
    return j;
}

Json activity_detail(const LibraryEntry& entry, const report::UnitFormat& units) {
    Json j = activity_list_item(entry);
    j["units"] = std::string(report::to_string(units.system()));
    Json rows = Json::array();
    for (const auto& [label, value] : report::activity_summary_rows(entry.activity, entry.analysis, units)) {
        rows.push_back(Json::array({label, report::valid_utf8(value)}));
    }
    j["summary"] = std::move(rows);
    Json charts = Json::array();
    for (const auto& chart : report::activity_charts(entry.activity, entry.analysis, units)) {
        charts.push_back({{"id", chart.id}, {"title", chart.title}, {"caption", chart.caption}});
    }
    j["charts"] = std::move(charts);
    Json warnings = Json::array();
    for (const auto& w : entry.activity.warnings) warnings.push_back(report::valid_utf8(w.message()));
    j["warnings"] = std::move(warnings);
    j["analysis"] = analysis::analysis_json(entry.analysis);
    return j;
}

Json error_json(int status, std::string_view message) {
    Json j;
    j["error"] = {{"status", status}, {"message", report::valid_utf8(message)}};
    return j;
}

}  // namespace hillcoach::app::server
