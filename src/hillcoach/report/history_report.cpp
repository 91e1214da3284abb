#include "hillcoach/report/history_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "hillcoach/report/html_page.hpp"
#include "hillcoach/report/svg_chart.hpp"
#include "hillcoach/training/calendar.hpp"

namespace hillcoach::report {
namespace {

constexpr const char* k_up_colour = "#b8432a";
constexpr const char* k_down_colour = "#2f6db5";
constexpr const char* k_stress_colour = "#6b7785";
constexpr const char* k_safe_colour = "#cfe8cf";
constexpr const char* k_danger_colour = "#f3c9c0";

// A day axis: x is the day number, ticks read as dates.
Axis day_axis(training::Day first, training::Day last) {
    return Axis{.range = {static_cast<double>(first), static_cast<double>(std::max(last, first + 1))},
                .label = "week",
                .tick_text =
                    [](double v) { return training::format_day(static_cast<training::Day>(std::lround(v))); },
                .target_ticks = 4};
}

// A week's bar spans most of its seven days, centred on them.
void week_bar(SvgChart& chart, const training::WeekRow& w, double from, double to, const char* colour,
              const std::string& tooltip) {
    chart.bar(w.start + 0.5, w.start + 6.5, from, to, colour, tooltip);
}

std::string channel_label(training::Channel c) {
    std::string text(training::to_string(c));
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

}  // namespace

std::string weekly_ascent_chart(const std::vector<training::WeekRow>& weeks, const UnitFormat& units) {
    if (weeks.empty()) return {};
    double up = 0.0;
    double down = 0.0;
    for (const auto& w : weeks) {
        up = std::max(up, units.elevation_value(w.ascent_m));
        down = std::max(down, units.elevation_value(w.descent_m));
    }
    SvgChart chart("Ascent and descent per week", day_axis(weeks.front().start, weeks.back().end() + 1),
                   Axis{.range = {-std::max(down, 10.0) * 1.05, std::max(up, 10.0) * 1.05},
                        .label = fmt::format("per week ({})", units.elevation_unit())},
                   ChartSize{.top = 26.0});
    for (const auto& w : weeks) {
        const std::string when = training::format_day(w.start);
        if (w.ascent_m > 0.0) {
            week_bar(chart, w, 0.0, units.elevation_value(w.ascent_m), k_up_colour,
                     fmt::format("week of {}: +{}", when, units.elevation_text(w.ascent_m)));
        }
        if (w.descent_m > 0.0) {
            week_bar(chart, w, 0.0, -units.elevation_value(w.descent_m), k_down_colour,
                     fmt::format("week of {}: -{}", when, units.elevation_text(w.descent_m)));
        }
    }
    chart.legend({{"ascent", k_up_colour}, {"descent", k_down_colour}});
    return chart.render();
}

std::string weekly_load_chart(const std::vector<training::WeekRow>& weeks) {
    if (weeks.empty()) return {};
    double top = 10.0;
    std::vector<ChartPoint> uphill;
    std::vector<ChartPoint> eccentric;
    for (const auto& w : weeks) {
        top = std::max({top, w.stress, w.uphill_load, w.eccentric_load});
        uphill.push_back({w.start + 3.5, w.uphill_load});
        eccentric.push_back({w.start + 3.5, w.eccentric_load});
    }
    SvgChart chart("Load per week", day_axis(weeks.front().start, weeks.back().end() + 1),
                   Axis{.range = {0.0, top * 1.08}, .label = "load per week"}, ChartSize{.top = 26.0});
    for (const auto& w : weeks) {
        if (w.stress > 0.0) {
            week_bar(chart, w, 0.0, w.stress, k_stress_colour,
                     fmt::format("week of {}: stress {:.0f}, uphill {:.0f}, eccentric {:.0f}",
                                 training::format_day(w.start), w.stress, w.uphill_load, w.eccentric_load));
        }
    }
    chart.line(uphill, k_up_colour, 2.0, "uphill concentric load", "uphill");
    chart.line(eccentric, k_down_colour, 2.0, "downhill eccentric load (quadriceps)", "eccentric");
    chart.legend({{"stress", k_stress_colour}, {"uphill", k_up_colour}, {"eccentric", k_down_colour}});
    return chart.render();
}

std::string acwr_chart(const training::LoadSeries& series, training::Channel channel) {
    const auto& ratio = series[channel].acwr;
    std::vector<ChartPoint> points;
    double top = 2.0;
    bool any = false;
    for (std::size_t d = 0; d < ratio.size(); ++d) {
        points.push_back({static_cast<double>(series.first_day) + static_cast<double>(d), ratio[d]});
        if (std::isfinite(ratio[d])) {
            any = true;
            top = std::max(top, ratio[d]);
        }
    }
    if (!any) return {};
    top = std::min(top * 1.05, 5.0);  // one huge spike after a break must not flatten the rest
    SvgChart chart(fmt::format("Acute:chronic ratio, {} load", channel_label(channel)),
                   day_axis(series.first_day, series.last_day),
                   Axis{.range = {0.0, top}, .label = "7/28-day ratio"}, ChartSize{.height = 200.0});
    chart.horizontal_band(k_acwr_safe_low, k_acwr_safe_high, k_safe_colour,
                          fmt::format("safe {:.1f}-{:.1f}", k_acwr_safe_low, k_acwr_safe_high));
    chart.horizontal_band(k_acwr_danger, top, k_danger_colour, fmt::format("danger {:.1f}+", k_acwr_danger));
    chart.line(points, "#222", 1.5, fmt::format("{} acute:chronic ratio", channel_label(channel)),
               std::string(training::to_string(channel)));
    return chart.render();
}

std::string history_report_html(const std::vector<training::WeekRow>& weeks,
                                const training::LoadSeries& series, const HistoryReportOptions& options) {
    const UnitFormat& units = options.units;
    HtmlPage page(options.title);
    if (weeks.empty()) {
        page.subtitle("No activities with a start time in the history.");
        return page.render();
    }
    int runs = 0;
    double ascent = 0.0;
    double distance = 0.0;
    for (const auto& w : weeks) {
        runs += w.activities;
        ascent += w.ascent_m;
        distance += w.distance_m;
    }
    std::string subtitle =
        fmt::format("{} to {} · {} weeks · {} activities · {} · +{}",
                    training::format_day(weeks.front().start), training::format_day(weeks.back().end()),
                    weeks.size(), runs, units.distance_text(distance), units.elevation_text(ascent));
    if (!options.zone_name.empty()) subtitle += " · weeks in " + options.zone_name;
    page.subtitle(subtitle);
    page.figure("Ascent and descent", weekly_ascent_chart(weeks, units),
                "Red up: metres climbed in the week; blue down: metres descended.", "ascent");
    page.figure("Weekly load", weekly_load_chart(weeks),
                "Bars: training stress (heart-rate or pace based); lines: uphill concentric and downhill "
                "eccentric load in points (100 = a flat easy 10 km).",
                "load");
    for (const auto channel :
         {training::Channel::stress, training::Channel::uphill, training::Channel::eccentric}) {
        const std::string svg = acwr_chart(series, channel);
        if (svg.empty()) continue;
        page.figure(
            fmt::format("Ratio: {} load", channel_label(channel)), svg,
            fmt::format("Last 7 days' load over the last 28 days' weekly average. Green: {:.1f}-{:.1f}, "
                        "where injury risk was lowest; red: {:.1f} and above (Gabbett 2016).",
                        k_acwr_safe_low, k_acwr_safe_high, k_acwr_danger),
            std::string("ratio-") + std::string(training::to_string(channel)));
    }
    std::vector<std::vector<std::string>> rows;
    for (auto it = weeks.rbegin(); it != weeks.rend(); ++it) {
        const auto& w = *it;
        rows.push_back({training::format_day(w.start), fmt::format("{}", w.activities),
                        units.distance_text(w.distance_m), clock_text(w.time_s),
                        "+" + units.elevation_text(w.ascent_m), "-" + units.elevation_text(w.descent_m),
                        fmt::format("{}", w.hill_sessions), fmt::format("{:.0f}", w.stress),
                        w.acwr ? fmt::format("{:.2f}", *w.acwr) : "-"});
    }
    page.section("Weeks",
                 data_table({"week", "runs", "distance", "time", "ascent", "descent", "hill sessions",
                             "stress", "ratio"},
                            rows),
                 "weeks");
    return page.render();
}

}  // namespace hillcoach::report
