#include "hillcoach/report/html_page.hpp"

#include "hillcoach/report/html_escape.hpp"

namespace hillcoach::report {
namespace {

constexpr std::string_view k_css = R"(
:root { color-scheme: light; --ink: #1d232a; --muted: #5b6670; --line: #dde2e6; --accent: #b8432a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       background: #f6f7f8; }
main { max-width: 980px; margin: 0 auto; padding: 16px; }
header h1 { font-size: 1.5rem; margin: 8px 0 2px; overflow-wrap: anywhere; }
header p { margin: 0 0 12px; color: var(--muted); }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px;
          margin: 0 0 14px; }
section h2 { font-size: 1.05rem; margin: 0 0 8px; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
svg.chart { width: 100%; height: auto; display: block; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.kv th { width: 30%; white-space: nowrap; }
.grid2 { display: grid; grid-template-columns: 1fr; gap: 14px; }
@media (min-width: 760px) { .grid2 { grid-template-columns: 1fr 1fr; } }
.calendar { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 4px; }
.calendar .day { border: 1px solid var(--line); border-radius: 6px; padding: 4px; min-height: 64px;
                 font-size: 0.78rem; overflow-wrap: anywhere; background: #fff; }
.calendar .day .date { color: var(--muted); font-size: 0.72rem; }
.calendar .day.hill { border-left: 4px solid var(--accent); }
.calendar .day.rest { background: #f3f4f5; }
.calendar .week-head { grid-column: 1 / -1; font-weight: 600; margin-top: 8px; }
.week { border-left: 4px solid var(--line); padding: 6px 0 6px 10px; margin: 0 0 14px; }
.week h3 { font-size: 1rem; margin: 0 0 2px; } .week h3 .date { color: var(--muted); font-weight: 400; }
.week p { margin: 0 0 4px; } .week .totals { color: var(--muted); font-size: 0.85rem; }
.week.phase-base { border-left-color: #7a9a5b; } .week.phase-hill_strength { border-left-color: var(--accent); }
.week.phase-specific { border-left-color: #3f6fa5; } .week.phase-taper { border-left-color: #8c7aa8; }
.week.deload { background: repeating-linear-gradient(135deg, #fff, #fff 8px, #f4f6f8 8px, #f4f6f8 16px); }
.badge.deload { background: #e3eef7; color: #1f4e79; } .badge.hard { background: #f8e4df; color: #8a2a14; }
.session + .session { border-top: 1px dotted var(--line); margin-top: 3px; padding-top: 3px; }
.session .numbers, .session .where { color: var(--muted); }
.session details summary { cursor: pointer; color: var(--muted); }
.session details p, .session details ul { margin: 2px 0; padding-left: 0; list-style: none; }
.calendar .day.moved { grid-column: 1 / -1; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; background: #eef1f3; font-size: 0.75rem; }
.warn { color: #8a2a14; }
footer { color: var(--muted); font-size: 0.8rem; text-align: center; padding: 12px; }
@media (max-width: 520px) { body { font-size: 14px; } main { padding: 8px; } section { padding: 10px; }
  .calendar { grid-template-columns: 1fr; } .calendar .day { min-height: 0; } }
)";

std::string id_attribute(std::string_view id) {
    return id.empty() ? std::string() : " id=\"" + html_escape(id) + "\"";
}

bool looks_numeric(const std::string& cell) {
    if (cell.empty()) return false;
    const char c = cell.front();
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

}  // namespace

HtmlPage::HtmlPage(std::string title) : m_title(std::move(title)) {}

void HtmlPage::subtitle(std::string_view text) {
    m_subtitle = html_escape(text);
}

void HtmlPage::section(std::string_view heading, std::string body_html, std::string_view id) {
    m_body += "<section" + id_attribute(id) + "><h2>" + html_escape(heading) + "</h2>\n" + body_html +
              "\n</section>\n";
}

void HtmlPage::figure(std::string_view heading, std::string svg, std::string_view caption,
                      std::string_view id) {
    std::string body = "<figure>" + svg;
    if (!caption.empty()) body += "<figcaption>" + html_escape(caption) + "</figcaption>";
    body += "</figure>";
    section(heading, std::move(body), id);
}

std::string HtmlPage::render() const {
    // Void elements are written self-closed (valid HTML5), so the page is also well-formed XML: tests and
    // tools can parse it with an XML parser.
    std::string out;
    out.reserve(m_body.size() + k_css.size() + 1024);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    // Nothing may be fetched or run: the report is one file that works offline and cannot leak.
    out +=
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\"/>\n";
    out += "<meta name=\"generator\" content=\"hillcoach\"/>\n";
    out +=
        "<title>" + html_escape(m_title) + "</title>\n<style>" + std::string(k_css) + "</style>\n</head>\n";
    out += "<body>\n<main>\n<header><h1>" + html_escape(m_title) + "</h1>";
    if (!m_subtitle.empty()) out += "<p>" + m_subtitle + "</p>";
    out += "</header>\n" + m_body;
    out += "<footer>Made by hillcoach, offline. Hover or tap a chart element for its numbers.</footer>\n";
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string key_value_table(const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string out = "<div class=\"table-wrap\"><table class=\"kv\">";
    for (const auto& [label, value] : rows) {
        out +=
            "<tr><th scope=\"row\">" + html_escape(label) + "</th><td>" + html_escape(value) + "</td></tr>";
    }
    return out + "</table></div>";
}

std::string data_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows) {
    std::string out = "<div class=\"table-wrap\"><table><thead><tr>";
    std::vector<bool> numeric(header.size(), !rows.empty());
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size() && c < numeric.size(); ++c) {
            if (!row[c].empty() && row[c] != "-" && !looks_numeric(row[c])) numeric[c] = false;
        }
    }
    for (std::size_t c = 0; c < header.size(); ++c) {
        out += std::string(numeric[c] ? "<th class=\"num\">" : "<th>") + html_escape(header[c]) + "</th>";
    }
    out += "</tr></thead><tbody>";
    for (const auto& row : rows) {
        out += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool num = c < numeric.size() && numeric[c];
            out += std::string(num ? "<td class=\"num\">" : "<td>") + html_escape(row[c]) + "</td>";
        }
        out += "</tr>";
    }
    return out + "</tbody></table></div>";
}

std::string paragraph(std::string_view text) {
    return "<p>" + html_escape(text) + "</p>";
}

std::string_view report_css() {
    return k_css;
}

}  // namespace hillcoach::report
