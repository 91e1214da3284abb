#include "hillcoach/report/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "hillcoach/report/html_escape.hpp"

namespace hillcoach::report {
namespace {

constexpr const char* k_font = "font-family=\"system-ui, sans-serif\"";
constexpr const char* k_axis_colour = "#555";
constexpr const char* k_grid_colour = "#e3e3e3";
constexpr double k_font_px = 12.0;

std::string tooltip_element(std::string_view tooltip) {
    if (tooltip.empty()) return {};
    return "<title>" + html_escape(tooltip) + "</title>";
}

// Opens an element; closes it with its tooltip as a child, or self-closes without one.
std::string element(std::string_view open, std::string_view tag, std::string_view tooltip) {
    if (tooltip.empty()) return std::string(open) + "/>";
    return std::string(open) + ">" + tooltip_element(tooltip) + "</" + std::string(tag) + ">";
}

double clamp_to(double v, double a, double b) {
    return std::clamp(v, std::min(a, b), std::max(a, b));
}

}  // namespace

std::string number_text(double value, int decimals) {
    if (!std::isfinite(value)) return "0";
    std::string s = fmt::format("{:.{}f}", value, decimals);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::vector<double> nice_ticks(Range range, int target) {
    std::vector<double> ticks;
    const double span = range.max - range.min;
    if (!(span > 0.0) || !std::isfinite(span) || target < 1) {
        if (std::isfinite(range.min)) ticks.push_back(range.min);
        return ticks;
    }
    const double rough = span / target;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * power;
        if (step >= rough) break;
    }
    const double first = std::ceil(range.min / step - 1e-9) * step;
    for (double t = first; t <= range.max + step * 1e-9; t += step) {
        ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
        if (ticks.size() > 100) break;  // a degenerate range: never loop for long
    }
    return ticks;
}

SvgChart::SvgChart(std::string title, Axis x, Axis y, ChartSize size)
    : m_title(std::move(title)), m_x(std::move(x)), m_y(std::move(y)), m_size(size) {
    if (!(m_x.range.max > m_x.range.min)) m_x.range.max = m_x.range.min + 1.0;
    if (!(m_y.range.max > m_y.range.min)) m_y.range.max = m_y.range.min + 1.0;
}

double SvgChart::screen_x(double x) const {
    const double left = m_size.left;
    const double right = m_size.width - m_size.right;
    const double t = (x - m_x.range.min) / (m_x.range.max - m_x.range.min);
    return clamp_to(left + t * (right - left), left, right);
}

double SvgChart::screen_y(double y) const {
    const double top = m_size.top;
    const double bottom = m_size.height - m_size.bottom;
    double t = (y - m_y.range.min) / (m_y.range.max - m_y.range.min);
    if (m_y.inverted) t = 1.0 - t;
    return clamp_to(bottom - t * (bottom - top), top, bottom);
}

void SvgChart::horizontal_band(double y0, double y1, std::string_view colour, std::string_view label) {
    const double a = screen_y(y0);
    const double b = screen_y(y1);
    const double top = std::min(a, b);
    const double height = std::abs(a - b);
    if (height <= 0.0) return;
    const double right = m_size.width - m_size.right;
    m_background += element(
        fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                    "fill-opacity=\"0.35\" data-band=\"{}\"",
                    number_text(m_size.left, 1), number_text(top, 1), number_text(right - m_size.left, 1),
                    number_text(height, 1), html_escape(colour), html_escape(label)),
        "rect", label);
    if (!label.empty() && height >= k_font_px) {
        m_background += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\" "
            "{}>{}</text>",
            number_text(right - 4.0, 1), number_text(top + 11.0, 1), k_font, html_escape(label));
    }
}

void SvgChart::vertical_span(double x0, double x1, std::string_view colour, std::string_view label,
                             std::string_view tooltip) {
    const double a = screen_x(x0);
    const double b = screen_x(std::max(x0, x1));
    const double top = m_size.top;
    const double bottom = m_size.height - m_size.bottom;
    m_background +=
        element(fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                            "fill-opacity=\"0.18\" data-span=\"{}\"",
                            number_text(a, 1), number_text(top, 1), number_text(std::max(b - a, 0.5), 1),
                            number_text(bottom - top, 1), html_escape(colour), html_escape(label)),
                "rect", tooltip);
    if (!label.empty()) {
        m_background += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" "
            "fill=\"{}\" {}>{}</text>",
            number_text((a + b) / 2.0, 1), number_text(top + 10.0, 1), html_escape(colour), k_font,
            html_escape(label));
    }
}

void SvgChart::polyline_pieces(std::span<const ChartPoint> points,
                               const std::function<void(std::span<const ChartPoint>)>& piece) const {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= points.size(); ++i) {
        const bool gap = i == points.size() || !std::isfinite(points[i].x) || !std::isfinite(points[i].y);
        if (!gap) continue;
        if (i > start) piece(points.subspan(start, i - start));
        start = i + 1;
    }
}

void SvgChart::line(std::span<const ChartPoint> points, std::string_view colour, double stroke_width,
                    std::string_view tooltip, std::string_view series) {
    polyline_pieces(points, [&](std::span<const ChartPoint> piece) {
        std::string coords;
        coords.reserve(piece.size() * 12);
        for (const auto& p : piece) {
            if (!coords.empty()) coords += ' ';
            coords += number_text(screen_x(p.x), 1) + ',' + number_text(screen_y(p.y), 1);
        }
        m_body += element(
            fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
                        "stroke-linejoin=\"round\" vector-effect=\"non-scaling-stroke\" "
                        "data-series=\"{}\" points=\"{}\"",
                        html_escape(colour), number_text(stroke_width, 1), html_escape(series), coords),
            "polyline", tooltip);
    });
}

void SvgChart::area(std::span<const ChartPoint> points, std::string_view colour, std::string_view tooltip,
                    std::string_view series) {
    const double base = screen_y(m_y.inverted ? m_y.range.max : m_y.range.min);
    polyline_pieces(points, [&](std::span<const ChartPoint> piece) {
        std::string coords = number_text(screen_x(piece.front().x), 1) + ',' + number_text(base, 1);
        for (const auto& p : piece) {
            coords += ' ' + number_text(screen_x(p.x), 1) + ',' + number_text(screen_y(p.y), 1);
        }
        coords += ' ' + number_text(screen_x(piece.back().x), 1) + ',' + number_text(base, 1);
        m_body += element(fmt::format("<polygon fill=\"{}\" stroke=\"none\" data-series=\"{}\" points=\"{}\"",
                                      html_escape(colour), html_escape(series), coords),
                          "polygon", tooltip);
    });
}

void SvgChart::bar(double x0, double x1, double from, double to, std::string_view colour,
                   std::string_view tooltip) {
    const double left = screen_x(std::min(x0, x1));
    const double right = screen_x(std::max(x0, x1));
    const double a = screen_y(from);
    const double b = screen_y(to);
    m_body += element(
        fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"",
                    number_text(left, 1), number_text(std::min(a, b), 1), number_text(right - left, 1),
                    number_text(std::abs(a - b), 1), html_escape(colour)),
        "rect", tooltip);
}

void SvgChart::marker(ChartPoint at, std::string_view colour, std::string_view label,
                      std::string_view tooltip) {
    const double x = screen_x(at.x);
    const double y = screen_y(at.y);
    m_body +=
        element(fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\" stroke=\"#fff\" "
                            "stroke-width=\"1.5\" data-marker=\"{}\"",
                            number_text(x, 1), number_text(y, 1), html_escape(colour), html_escape(label)),
                "circle", tooltip);
    if (!label.empty()) {
        m_body += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#222\" {}>{}</text>",
                              number_text(x + 7.0, 1), number_text(y - 6.0, 1), k_font, html_escape(label));
    }
}

void SvgChart::legend(const std::vector<LegendEntry>& entries) {
    // One row at the top left, in the top margin; about 6.5 px per character at 11 px.
    double x = m_size.left;
    const double y = std::max(m_size.top - 14.0, 2.0);
    for (const auto& e : entries) {
        m_legend += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#333\" {}>{}</text>",
            number_text(x, 1), number_text(y, 1), html_escape(e.colour), number_text(x + 14.0, 1),
            number_text(y + 9.0, 1), k_font, html_escape(e.label));
        x += 24.0 + 6.5 * static_cast<double>(e.label.size());
    }
}

void SvgChart::axes(std::string& out) const {
    const double left = m_size.left;
    const double right = m_size.width - m_size.right;
    const double top = m_size.top;
    const double bottom = m_size.height - m_size.bottom;
    const auto label_of = [](const Axis& axis, double v) {
        return axis.tick_text ? axis.tick_text(v) : number_text(v);
    };
    // y: grid lines and labels.
    for (double t : nice_ticks(m_y.range, m_y.target_ticks)) {
        const double y = screen_y(t);
        out += fmt::format(
            "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\" "
            "vector-effect=\"non-scaling-stroke\"/>"
            "<text x=\"{4}\" y=\"{5}\" text-anchor=\"end\" font-size=\"{6}\" fill=\"{7}\" {8}>{9}</text>",
            number_text(left, 1), number_text(right, 1), number_text(y, 1), k_grid_colour,
            number_text(left - 5.0, 1), number_text(y + 4.0, 1), k_font_px, k_axis_colour, k_font,
            html_escape(label_of(m_y, t)));
    }
    // x: ticks, or one label per category.
    std::vector<std::pair<double, std::string>> xticks;
    if (!m_x.categories.empty()) {
        for (std::size_t i = 0; i < m_x.categories.size(); ++i) {
            xticks.emplace_back(static_cast<double>(i), m_x.categories[i]);
        }
    } else {
        for (double t : nice_ticks(m_x.range, m_x.target_ticks)) xticks.emplace_back(t, label_of(m_x, t));
    }
    for (const auto& [value, text] : xticks) {
        const double x = screen_x(value);
        out += fmt::format(
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\"/>"
            "<text x=\"{0}\" y=\"{4}\" text-anchor=\"middle\" font-size=\"{5}\" fill=\"{6}\" {7}>{8}</text>",
            number_text(x, 1), number_text(bottom, 1), number_text(bottom + 4.0, 1), k_axis_colour,
            number_text(bottom + 17.0, 1), k_font_px, k_axis_colour, k_font, html_escape(text));
    }
    out += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\"/>",
                       number_text(left, 1), number_text(right, 1), number_text(bottom, 1), k_axis_colour);
    if (!m_x.label.empty()) {
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{}\" {}>{}</text>",
            number_text((left + right) / 2.0, 1), number_text(m_size.height - 6.0, 1), k_font_px,
            k_axis_colour, k_font, html_escape(m_x.label));
    }
    if (!m_y.label.empty()) {
        const double cy = (top + bottom) / 2.0;
        out += fmt::format(
            "<text transform=\"translate(13 {}) rotate(-90)\" text-anchor=\"middle\" "
            "font-size=\"{}\" fill=\"{}\" {}>{}</text>",
            number_text(cy, 1), k_font_px, k_axis_colour, k_font, html_escape(m_y.label));
    }
}

std::string SvgChart::render() const {
    std::string out;
    out.reserve(m_background.size() + m_body.size() + m_legend.size() + 4096);
    out += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
        "aria-label=\"{}\" preserveAspectRatio=\"xMidYMid meet\" class=\"chart\">",
        number_text(m_size.width, 1), number_text(m_size.height, 1), html_escape(m_title));
    out += tooltip_element(m_title);
    out += m_background;
    if (m_size.axes) axes(out);
    out += m_body;
    out += m_legend;
    out += "</svg>";
    return out;
}

}  // namespace hillcoach::report
