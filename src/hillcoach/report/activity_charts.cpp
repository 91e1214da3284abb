#include "hillcoach/report/activity_charts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <fmt/format.h>

#include "hillcoach/report/chart_series.hpp"
#include "hillcoach/report/svg_chart.hpp"
#include "hillcoach/terrain/grade_histogram.hpp"

namespace hillcoach::report {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr const char* k_climb_colour = "#b8432a";
constexpr const char* k_descent_colour = "#2f6db5";
constexpr const char* k_pace_colour = "#2f6db5";
constexpr const char* k_gap_colour = "#d9572b";
constexpr const char* k_heart_colour = "#c0392b";
constexpr const char* k_uphill_colour = "#d9572b";
constexpr const char* k_flat_colour = "#9aa3ab";
constexpr const char* k_downhill_colour = "#2f6db5";
// Below this speed a moving step is a stop the moving-time rule let through, not a pace worth drawing.
constexpr double k_min_chart_speed_m_s = 0.3;
constexpr double k_earth_radius_km = 6371.0088;  // IUGG mean radius: ample for a drawing of the track

// The band of a chart column's mean grade; a column without one (no elevation there) is drawn as flat.
std::size_t band_of(double grade) {
    const std::size_t band = terrain::grade_band_index(grade);
    return band < terrain::k_grade_band_count ? band : terrain::k_grade_band_count / 2;
}

std::vector<double> distances_in(const std::vector<double>& metres, const UnitFormat& units) {
    std::vector<double> out(metres.size());
    std::transform(metres.begin(), metres.end(), out.begin(),
                   [&](double m) { return units.distance_value(m); });
    return out;
}

Range padded_range(const std::vector<ChartPoint>& points, double min_pad) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const auto& p : points) {
        if (!std::isfinite(p.y)) continue;
        lo = std::min(lo, p.y);
        hi = std::max(hi, p.y);
    }
    if (!std::isfinite(lo)) return {0.0, 1.0};
    const double pad = std::max((hi - lo) * 0.08, min_pad);
    return {lo - pad, hi + pad};
}

Axis distance_axis(const std::vector<double>& x, const UnitFormat& units) {
    double hi = 0.0;
    for (double v : x) {
        if (std::isfinite(v)) hi = std::max(hi, v);
    }
    return Axis{.range = {0.0, hi > 0.0 ? hi : 1.0},
                .label = fmt::format("distance ({})", units.distance_unit())};
}

bool has_finite(const std::vector<ChartPoint>& points) {
    return std::any_of(points.begin(), points.end(), [](const ChartPoint& p) { return std::isfinite(p.y); });
}

std::string hill_tooltip(const terrain::Hill& h, std::size_t number, const UnitFormat& units) {
    const bool up = h.direction == terrain::HillDirection::up;
    std::string text = fmt::format("{} {}: {} at {}, {}{}", up ? "Climb" : "Descent", number,
                                   units.distance_text(h.length_m()), percent_text(h.avg_grade),
                                   up ? "+" : "-", units.elevation_text(h.height_m));
    if (h.time_s) text += ", " + clock_text(*h.time_s);
    if (h.vertical_speed_m_h) {
        text += fmt::format(", {} {:.0f} {}/h", up ? "VAM" : "descent rate",
                            units.elevation_value(*h.vertical_speed_m_h), units.elevation_unit());
    }
    return text;
}

}  // namespace

const std::vector<std::string>& grade_band_colours() {
    static const std::vector<std::string> colours = {"#1f4e8c", "#3a78c2", "#6fa3dc", "#a9c9ec", "#c4c9ce",
                                                     "#f5c77e", "#f0964a", "#d9572b", "#a3221b"};
    return colours;
}

std::string grade_band_label(std::size_t index) {
    const auto& edges = terrain::k_grade_band_edges;
    if (index == 0) return fmt::format("< {:.0f}%", edges.front() * 100.0);
    if (index >= edges.size()) return fmt::format("> {:.0f}%", edges.back() * 100.0);
    return fmt::format("{:.0f}..{:.0f}%", edges[index - 1] * 100.0, edges[index] * 100.0);
}

std::string elevation_chart(const analysis::ActivityAnalysis& a, const UnitFormat& units) {
    const terrain::Course& c = a.course;
    std::vector<double> elevation(c.elevation_m.size());
    std::transform(c.elevation_m.begin(), c.elevation_m.end(), elevation.begin(),
                   [&](double m) { return units.elevation_value(m); });
    const std::vector<double> x = distances_in(c.distance_m, units);
    const std::vector<ChartPoint> profile = column_means(x, elevation);
    if (!has_finite(profile)) return {};
    const std::vector<ChartPoint> grades = column_means(x, c.grade);

    SvgChart chart("Elevation profile coloured by grade", distance_axis(x, units),
                   Axis{.range = padded_range(profile, 5.0),
                        .label = fmt::format("elevation ({})", units.elevation_unit())},
                   ChartSize{.top = 26.0});
    for (std::size_t k = 0; k < a.climbs.size(); ++k) {
        const auto& h = a.climbs[k];
        chart.vertical_span(units.distance_value(h.start_m), units.distance_value(h.end_m), k_climb_colour,
                            fmt::format("C{}", k + 1), hill_tooltip(h, k + 1, units));
    }
    for (std::size_t k = 0; k < a.descents.size(); ++k) {
        const auto& h = a.descents[k];
        chart.vertical_span(units.distance_value(h.start_m), units.distance_value(h.end_m), k_descent_colour,
                            fmt::format("D{}", k + 1), hill_tooltip(h, k + 1, units));
    }
    // One filled piece per run of columns in the same grade band; each piece reaches to the next one's
    // first point so the fill has no seams.
    const auto& colours = grade_band_colours();
    std::size_t start = 0;
    for (std::size_t i = 1; i <= profile.size(); ++i) {
        const std::size_t band = band_of(i - 1 < grades.size() ? grades[i - 1].y : k_nan);
        const bool ends = i == profile.size() || band_of(i < grades.size() ? grades[i].y : k_nan) != band;
        if (!ends) continue;
        const std::size_t stop = std::min(i + 1, profile.size());
        const std::span<const ChartPoint> piece(profile.data() + start, stop - start);
        chart.area(piece, colours[band], grade_band_label(band), fmt::format("grade-band-{}", band));
        start = i;
    }
    chart.line(profile, "#333", 1.5, "", "elevation");
    chart.legend({{"climb", k_climb_colour}, {"descent", k_descent_colour}});
    return chart.render();
}

std::string outline_chart(const core::Activity& activity, const analysis::ActivityAnalysis& a) {
    const core::Samples& s = activity.samples;
    std::vector<std::size_t> valid;
    for (std::size_t i = 0; i < s.latitude_deg.size() && i < s.longitude_deg.size(); ++i) {
        if (std::isfinite(s.latitude_deg[i]) && std::isfinite(s.longitude_deg[i])) valid.push_back(i);
    }
    if (valid.size() < 2) return {};
    // Equirectangular projection about the track's middle: kilometres east and north, exact enough for a
    // drawing of a run (a few hundred metres of error over 100 km). Tracks across the antimeridian are
    // drawn as seen on a map that is cut there.
    double lat_sum = 0.0;
    double lon_sum = 0.0;
    for (std::size_t i : valid) {
        lat_sum += s.latitude_deg[i];
        lon_sum += s.longitude_deg[i];
    }
    const double lat0 = lat_sum / static_cast<double>(valid.size());
    const double lon0 = lon_sum / static_cast<double>(valid.size());
    const double to_km = k_earth_radius_km * std::numbers::pi / 180.0;
    const double east_scale = to_km * std::cos(lat0 * std::numbers::pi / 180.0);
    const auto project = [&](std::size_t i) {
        return ChartPoint{(s.longitude_deg[i] - lon0) * east_scale, (s.latitude_deg[i] - lat0) * to_km};
    };
    std::vector<ChartPoint> track;
    for (std::size_t k : thinned_indices(valid.size(), 1500)) track.push_back(project(valid[k]));
    Range xr{track.front().x, track.front().x};
    Range yr{track.front().y, track.front().y};
    for (const auto& p : track) {
        xr = {std::min(xr.min, p.x), std::max(xr.max, p.x)};
        yr = {std::min(yr.min, p.y), std::max(yr.max, p.y)};
    }
    // Equal scale on both axes: the plot takes the track's proportions within 0.35..0.85 of its width, and
    // the other axis is widened to keep the scale.
    const double plot_w = 620.0;
    const double dx = std::max(xr.max - xr.min, 1e-3);
    const double dy = std::max(yr.max - yr.min, 1e-3);
    const double plot_h = std::clamp(plot_w * dy / dx, plot_w * 0.35, plot_w * 0.85);
    const double scale = std::max(dx / plot_w, dy / plot_h);  // km per unit
    const double cx = (xr.min + xr.max) / 2.0;
    const double cy = (yr.min + yr.max) / 2.0;
    xr = {cx - scale * plot_w / 2.0, cx + scale * plot_w / 2.0};
    yr = {cy - scale * plot_h / 2.0, cy + scale * plot_h / 2.0};
    SvgChart chart("Outline of the track", Axis{.range = xr}, Axis{.range = yr},
                   ChartSize{.width = plot_w + 20.0,
                             .height = plot_h + 20.0,
                             .left = 10.0,
                             .right = 10.0,
                             .top = 10.0,
                             .bottom = 10.0,
                             .axes = false});
    chart.line(track, "#46505a", 2.0, "", "track");
    for (std::size_t k = 0; k < a.climbs.size(); ++k) {
        std::vector<ChartPoint> part;
        for (std::size_t i : valid) {
            if (i >= a.climbs[k].first && i <= a.climbs[k].last) part.push_back(project(i));
        }
        std::vector<ChartPoint> thin;
        for (std::size_t j : thinned_indices(part.size(), 300)) thin.push_back(part[j]);
        chart.line(thin, k_climb_colour, 4.0, fmt::format("Climb {}", k + 1), "climb");
    }
    chart.marker(track.front(), "#2e8b57", "start", "start");
    chart.marker(track.back(), "#222", "finish", "finish");
    return chart.render();
}

std::string pace_chart(const analysis::ActivityAnalysis& a, const UnitFormat& units) {
    const terrain::Course& c = a.course;
    const std::vector<double> x = distances_in(c.distance_m, units);
    const auto to_pace = [&](std::vector<ChartPoint> speeds) {
        for (auto& p : speeds) {
            p.y = std::isfinite(p.y) && p.y > k_min_chart_speed_m_s ? units.pace_value(1000.0 / p.y) : k_nan;
        }
        return speeds;
    };
    const std::vector<ChartPoint> pace = to_pace(column_means(x, c.speed_m_s, k_chart_columns, c.moving));
    if (!has_finite(pace)) return {};
    std::vector<ChartPoint> gap;
    if (a.physiology.gap) {
        gap = to_pace(column_means(x, a.physiology.gap->gap_speed_per_sample_m_s, k_chart_columns, c.moving));
    }
    std::vector<double> values;
    for (const auto& p : pace) values.push_back(p.y);
    for (const auto& p : gap) values.push_back(p.y);
    // The 2 % and 98 % quantiles: one stop-and-go column must not flatten the rest of the run.
    const double fast = quantile(values, 0.02);
    const double slow = quantile(values, 0.98);
    const double pad = std::max((slow - fast) * 0.1, 10.0);
    SvgChart chart("Pace and grade-adjusted pace", distance_axis(x, units),
                   Axis{.range = {fast - pad, slow + pad},
                        .label = fmt::format("pace (min{})", units.pace_unit()),
                        .tick_text = [](double v) { return clock_text(v); },
                        .inverted = true},
                   ChartSize{.top = 26.0});
    chart.line(pace, k_pace_colour, 1.5, "pace", "pace");
    std::vector<LegendEntry> legend{{"pace", k_pace_colour}};
    if (has_finite(gap)) {
        chart.line(gap, k_gap_colour, 1.5, "grade-adjusted pace", "gap");
        legend.push_back({"grade-adjusted pace", k_gap_colour});
    }
    chart.legend(legend);
    return chart.render();
}

std::string heart_rate_chart(const analysis::ActivityAnalysis& a, const UnitFormat& units) {
    const terrain::Course& c = a.course;
    const std::vector<double> x = distances_in(c.distance_m, units);
    const std::vector<ChartPoint> hr = column_means(x, c.heart_rate_bpm);
    if (!has_finite(hr)) return {};
    const Range range = padded_range(hr, 5.0);
    SvgChart chart("Heart rate", distance_axis(x, units), Axis{.range = range, .label = "heart rate (bpm)"});
    const auto& bounds = a.physiology.zones.lower_bounds_bpm;
    if (std::all_of(bounds.begin(), bounds.end(), [](double b) { return b > 0.0; })) {
        for (std::size_t z = 0; z <= bounds.size(); ++z) {
            const double lo = z == 0 ? range.min : bounds[z - 1];
            const double hi = z == bounds.size() ? range.max : bounds[z];
            chart.horizontal_band(std::max(lo, range.min), std::min(hi, range.max),
                                  z % 2 ? "#f3d9d4" : "#faf0ee", fmt::format("Z{}", z + 1));
        }
    }
    chart.line(hr, k_heart_colour, 1.5, "heart rate", "heart_rate");
    return chart.render();
}

std::string grade_histogram_chart(const analysis::ActivityAnalysis& a, const UnitFormat& units) {
    const terrain::GradeHistogram& h = a.grade_histogram;
    const double total = h.graded_distance_m();
    if (!(total > 0.0)) return {};
    std::vector<std::string> labels;
    double top = 0.0;
    for (std::size_t b = 0; b < h.bands.size(); ++b) {
        labels.push_back(grade_band_label(b));
        top = std::max(top, h.bands[b].distance_m / total * 100.0);
    }
    SvgChart chart("Distance by grade",
                   Axis{.range = {-0.5, static_cast<double>(h.bands.size()) - 0.5},
                        .label = "grade",
                        .categories = labels},
                   Axis{.range = {0.0, std::max(top * 1.1, 5.0)}, .label = "share of distance (%)"},
                   ChartSize{.bottom = 48.0});
    for (std::size_t b = 0; b < h.bands.size(); ++b) {
        const auto& band = h.bands[b];
        const double share = band.distance_m / total * 100.0;
        const double center = static_cast<double>(b);
        chart.bar(center - 0.38, center + 0.38, 0.0, share, grade_band_colours()[b],
                  fmt::format("{}: {}, {} moving, {:.0f}% of the distance", labels[b],
                              units.distance_text(band.distance_m), clock_text(band.time_s), share));
    }
    return chart.render();
}

std::string muscle_load_chart(const analysis::ActivityAnalysis& a) {
    if (!a.physiology.muscle_load) return {};
    const physiology::MuscleLoad& m = *a.physiology.muscle_load;
    std::vector<std::string> labels;
    double top = 0.0;
    for (auto g : physiology::k_muscle_groups) {
        labels.emplace_back(physiology::label(g));
        top = std::max({top, m.total.concentric_of(g), m.total.eccentric_of(g)});
    }
    SvgChart chart("Muscle load by group",
                   Axis{.range = {-0.5, static_cast<double>(labels.size()) - 0.5}, .categories = labels},
                   Axis{.range = {0.0, std::max(top * 1.1, 10.0)}, .label = "load (100 = easy flat 10 km)"},
                   ChartSize{.top = 26.0, .bottom = 30.0});
    struct Part {
        const physiology::MuscleProfile* profile;
        const char* name;
        const char* colour;
    };
    const Part parts[] = {{&m.uphill, "uphill", k_uphill_colour},
                          {&m.flat, "flat", k_flat_colour},
                          {&m.downhill, "downhill", k_downhill_colour}};
    for (std::size_t gi = 0; gi < physiology::k_muscle_groups.size(); ++gi) {
        const auto g = physiology::k_muscle_groups[gi];
        const double center = static_cast<double>(gi);
        for (const bool eccentric : {false, true}) {
            const double x0 = eccentric ? center + 0.03 : center - 0.4;
            double base = 0.0;
            for (const Part& p : parts) {
                const double v = eccentric ? p.profile->eccentric_of(g) : p.profile->concentric_of(g);
                if (!(v > 0.0)) continue;
                chart.bar(x0, x0 + 0.37, base, base + v, p.colour,
                          fmt::format("{} {}, {}: {:.0f}", labels[gi], eccentric ? "eccentric" : "concentric",
                                      p.name, v));
                base += v;
            }
        }
    }
    chart.legend({{"uphill", k_uphill_colour}, {"flat", k_flat_colour}, {"downhill", k_downhill_colour}});
    return chart.render();
}

namespace {

// Every chart of an activity page, in reading order: its id, title, caption and how to draw it.
struct ChartKind {
    const char* id;
    const char* title;
    const char* caption;
    std::string (*draw)(const core::Activity&, const analysis::ActivityAnalysis&, const UnitFormat&);
};

const std::vector<ChartKind>& chart_kinds() {
    static const std::vector<ChartKind> kinds = {
        {"elevation", "Elevation and grade",
         "Fill colour is the grade: blues descend, grey is flat (-3..3%), oranges and reds climb. Shaded "
         "spans "
         "mark the climbs (C) and descents (D).",
         [](const core::Activity&, const analysis::ActivityAnalysis& a, const UnitFormat& u) {
             return elevation_chart(a, u);
         }},
        {"outline", "Track outline", "The route as recorded, north up, climbs in red; no map is loaded.",
         [](const core::Activity& act, const analysis::ActivityAnalysis& a, const UnitFormat&) {
             return outline_chart(act, a);
         }},
        {"pace", "Pace",
         "Moving pace and grade-adjusted pace (the flat pace of the same effort); faster is up.",
         [](const core::Activity&, const analysis::ActivityAnalysis& a, const UnitFormat& u) {
             return pace_chart(a, u);
         }},
        {"heart_rate", "Heart rate", "Heart rate over the distance, with the zones.",
         [](const core::Activity&, const analysis::ActivityAnalysis& a, const UnitFormat& u) {
             return heart_rate_chart(a, u);
         }},
        {"grades", "Grades", "Share of the distance in each grade band.",
         [](const core::Activity&, const analysis::ActivityAnalysis& a, const UnitFormat& u) {
             return grade_histogram_chart(a, u);
         }},
        {"muscle_load", "Muscle load",
         "Left bar of each group: concentric (shortening) load; right bar: eccentric (braking) load; split "
         "by "
         "where it was done.",
         [](const core::Activity&, const analysis::ActivityAnalysis& a, const UnitFormat&) {
             return muscle_load_chart(a);
         }},
    };
    return kinds;
}

}  // namespace

std::vector<NamedChart> activity_charts(const core::Activity& activity, const analysis::ActivityAnalysis& a,
                                        const UnitFormat& units) {
    std::vector<NamedChart> charts;
    for (const ChartKind& kind : chart_kinds()) {
        std::string svg = kind.draw(activity, a, units);
        if (!svg.empty()) charts.push_back({kind.id, kind.title, kind.caption, std::move(svg)});
    }
    return charts;
}

std::optional<NamedChart> activity_chart(std::string_view id, const core::Activity& activity,
                                         const analysis::ActivityAnalysis& a, const UnitFormat& units) {
    for (const ChartKind& kind : chart_kinds()) {
        if (kind.id != id) continue;
        std::string svg = kind.draw(activity, a, units);
        if (svg.empty()) return std::nullopt;
        return NamedChart{kind.id, kind.title, kind.caption, std::move(svg)};
    }
    return std::nullopt;
}

}  // namespace hillcoach::report
