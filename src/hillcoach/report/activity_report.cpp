#include "hillcoach/report/activity_report.hpp"

#include <cmath>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "hillcoach/core/time.hpp"
#include "hillcoach/report/activity_charts.hpp"
#include "hillcoach/report/html_escape.hpp"
#include "hillcoach/report/html_page.hpp"

namespace hillcoach::report {
namespace {

std::string optional_text(const std::optional<double>& v, const std::function<std::string(double)>& f) {
    return v ? f(*v) : std::string("-");
}

std::vector<std::vector<std::string>> hill_rows(const std::vector<terrain::Hill>& hills, char prefix,
                                                const UnitFormat& units) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < hills.size(); ++k) {
        const terrain::Hill& h = hills[k];
        rows.push_back(
            {fmt::format("{}{}", prefix, k + 1), units.distance_text(h.start_m),
             units.distance_text(h.length_m()), units.elevation_text(h.height_m), percent_text(h.avg_grade),
             percent_text(h.max_grade), optional_text(h.time_s, [](double s) { return clock_text(s); }),
             optional_text(h.vertical_speed_m_h,
                           [&](double v) {
                               return fmt::format("{:.0f} {}/h", units.elevation_value(v),
                                                  units.elevation_unit());
                           }),
             optional_text(h.avg_heart_rate_bpm, [](double v) { return fmt::format("{:.0f}", v); }),
             std::string(terrain::to_string(h.score.runner))});
    }
    return rows;
}

std::string start_text(const core::Metadata& m) {
    if (!m.start_time_s) return {};
    return m.utc_offset_s ? core::format_iso8601_local(*m.start_time_s, *m.utc_offset_s)
                          : core::format_iso8601_utc(*m.start_time_s);
}

}  // namespace

std::string activity_title(const core::Activity& activity) {
    if (!activity.metadata.name.empty()) return activity.metadata.name;
    if (!activity.metadata.source_path.empty()) {
        return std::filesystem::path(activity.metadata.source_path).filename().string();
    }
    return "Activity";
}

std::vector<std::pair<std::string, std::string>> activity_summary_rows(const core::Activity& activity,
                                                                       const analysis::ActivityAnalysis& a,
                                                                       const UnitFormat& units) {
    const analysis::Summary& s = a.summary;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back("session",
                      fmt::format("{}: {}", analysis::session_type_label(a.session.type), a.session.reason));
    if (activity.metadata.start_time_s) rows.emplace_back("start", start_text(activity.metadata));
    rows.emplace_back("sport", std::string(core::to_string(activity.metadata.sport)));
    rows.emplace_back("distance", units.distance_text(s.distance_m));
    if (s.moving_s && s.elapsed_s) {
        rows.emplace_back(
            "time", fmt::format("{} moving, {} elapsed", clock_text(*s.moving_s), clock_text(*s.elapsed_s)));
    }
    if (s.pace_s_per_km) rows.emplace_back("pace", units.pace_text(*s.pace_s_per_km) + " moving");
    if (a.physiology.gap)
        rows.emplace_back("grade-adjusted pace", units.pace_text(a.physiology.gap->gap_s_per_km));
    if (s.ascent_m && s.descent_m) {
        std::string text =
            fmt::format("+{}, -{}", units.elevation_text(*s.ascent_m), units.elevation_text(*s.descent_m));
        if (s.min_elevation_m && s.max_elevation_m) {
            text += fmt::format(" ({} to {})", units.elevation_text(*s.min_elevation_m),
                                units.elevation_text(*s.max_elevation_m));
        }
        rows.emplace_back("elevation", text);
    }
    if (s.avg_heart_rate_bpm && s.max_heart_rate_bpm) {
        rows.emplace_back("heart rate", fmt::format("{:.0f} avg, {:.0f} max", *s.avg_heart_rate_bpm,
                                                    *s.max_heart_rate_bpm));
    }
    if (a.physiology.energy)
        rows.emplace_back("energy", fmt::format("{:.0f} kcal", a.physiology.energy->kcal));
    if (a.physiology.hr_tss) {
        rows.emplace_back("training stress", fmt::format("{:.0f} (heart rate)", *a.physiology.hr_tss));
    } else if (a.physiology.pace) {
        rows.emplace_back("training stress", fmt::format("{:.0f} (pace)", a.physiology.pace->pace_tss));
    }
    if (a.physiology.leg_load) rows.emplace_back("legs", a.physiology.leg_load->text);
    if (!activity.metadata.creator.empty()) rows.emplace_back("recorded with", activity.metadata.creator);
    return rows;
}

std::string activity_report_html(const core::Activity& activity, const analysis::ActivityAnalysis& a,
                                 const ActivityReportOptions& options) {
    const UnitFormat& units = options.units;
    HtmlPage page(activity_title(activity));
    std::string subtitle = std::string(analysis::session_type_label(a.session.type));
    if (activity.metadata.start_time_s) subtitle += " · " + start_text(activity.metadata);
    subtitle += " · " + units.distance_text(a.summary.distance_m);
    if (a.summary.ascent_m) subtitle += " · +" + units.elevation_text(*a.summary.ascent_m);
    page.subtitle(subtitle);
    page.section("Summary", key_value_table(activity_summary_rows(activity, a, units)), "summary");
    for (const NamedChart& chart : activity_charts(activity, a, units)) {
        page.figure(chart.title, chart.svg, chart.caption, chart.id);
    }
    const std::vector<std::string> header = {"#",   "start", "length", "height", "grade",
                                             "max", "time",  "rate",   "HR",     "category"};
    if (!a.climbs.empty())
        page.section("Climbs", data_table(header, hill_rows(a.climbs, 'C', units)), "climbs");
    if (!a.descents.empty()) {
        page.section("Descents", data_table(header, hill_rows(a.descents, 'D', units)), "descents");
    }
    std::string notes;
    for (const auto& w : activity.warnings)
        notes += "<li class=\"warn\">" + html_escape(w.message()) + "</li>";
    for (const auto& n : a.notes) notes += "<li>" + html_escape(n) + "</li>";
    if (!notes.empty()) page.section("Notes", "<ul>" + notes + "</ul>", "notes");
    return page.render();
}

}  // namespace hillcoach::report
