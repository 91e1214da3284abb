#pragma once
// A small SVG chart writer: a plot area with axes, ticks and grid lines, and lines, areas, bars, horizontal
// bands, vertical spans, markers and a legend drawn in data coordinates. Every element may carry a tooltip
// (an SVG <title>, shown by browsers on hover and read by screen readers).
//
// Why no chart library: the reports must be one self-contained file that opens offline, and the charts are
// few and simple (a profile, a few series, bar charts). A JavaScript library would have to be inlined into
// every report and would draw nothing without scripts; this writer is a few hundred lines, needs no script
// at all, and its output is plain markup that tests can parse and count.
//
// Responsive: the <svg> has a viewBox and no fixed size, so it scales to the width of its container (a phone
// or a desktop) and keeps its proportions; lines keep their stroke width when scaled
// (vector-effect: non-scaling-stroke).
//
// Colours and fonts are presentation attributes on the elements, so a chart reads the same inside a report,
// inside the dashboard, or opened on its own. All text passes through html_escape().

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hillcoach::report {

struct ChartPoint {
    double x = 0.0;
    double y = 0.0;  // NaN breaks a line or an area into separate pieces
};

struct Range {
    double min = 0.0;
    double max = 1.0;
};

struct Axis {
    Range range{};
    std::string label{};                             // "distance (km)"
    std::function<std::string(double)> tick_text{};  // default: the number with up to 2 decimals
    int target_ticks = 5;
    bool inverted = false;  // larger values at the bottom (pace: faster is up)
    // Categorical axis: one label per integer position 0..n-1 (bars centred on them); replaces the ticks.
    std::vector<std::string> categories{};
};

struct ChartSize {
    double width = 640.0;
    double height = 260.0;
    double left = 56.0;  // room for the y tick labels and title
    double right = 14.0;
    double top = 14.0;
    double bottom = 44.0;  // room for the x tick labels and title
    bool axes = true;      // false: no ticks, grid or axis titles (the track's outline)
};

struct LegendEntry {
    std::string label{};
    std::string colour{};
};

// "Nice" tick positions (1, 2 or 5 times a power of ten) covering `range`, about `target` of them.
std::vector<double> nice_ticks(Range range, int target);

class SvgChart {
  public:
    // `title` names the chart for screen readers (<title> of the <svg>) and its aria-label.
    SvgChart(std::string title, Axis x, Axis y, ChartSize size = {});

    // A horizontal band from y0 to y1 across the plot (a safe zone), labelled at its right end.
    void horizontal_band(double y0, double y1, std::string_view colour, std::string_view label);
    // A vertical span from x0 to x1 over the plot's height (a climb), with a short label at its top.
    void vertical_span(double x0, double x1, std::string_view colour, std::string_view label,
                       std::string_view tooltip);
    void line(std::span<const ChartPoint> points, std::string_view colour, double stroke_width,
              std::string_view tooltip, std::string_view series);
    // The area between the points and the bottom of the y range.
    void area(std::span<const ChartPoint> points, std::string_view colour, std::string_view tooltip,
              std::string_view series);
    // A bar from y = `from` to y = `to` over x0..x1 (for stacked bars, `from` is the top of the one below).
    void bar(double x0, double x1, double from, double to, std::string_view colour, std::string_view tooltip);
    void marker(ChartPoint at, std::string_view colour, std::string_view label, std::string_view tooltip);
    void legend(const std::vector<LegendEntry>& entries);

    // The finished <svg> element.
    std::string render() const;

    // Screen position of a data point (for tests and for callers that place their own elements).
    double screen_x(double x) const;
    double screen_y(double y) const;

  private:
    void axes(std::string& out) const;
    void polyline_pieces(std::span<const ChartPoint> points,
                         const std::function<void(std::span<const ChartPoint>)>& piece) const;

    std::string m_title;
    Axis m_x;
    Axis m_y;
    ChartSize m_size;
    std::string m_background;  // bands and spans, drawn before the grid
    std::string m_body;        // series, bars and markers
    std::string m_legend;
};

// Short number text for tick labels and coordinates: at most `decimals` decimals, trailing zeros dropped.
std::string number_text(double value, int decimals = 2);

}  // namespace hillcoach::report
