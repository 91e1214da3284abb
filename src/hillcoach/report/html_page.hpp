#pragma once
// The shell of every HTML report: one self-contained file with its CSS inline, no script, no external URL
// (a Content-Security-Policy meta tag forbids loading anything, so even a mistake could not phone home or
// run code), readable on a phone (viewport meta, fluid charts, tables that scroll sideways).
//
// Sections take markup built by the report module (charts, tables); every text from a file is escaped by
// the helpers here or by html_escape() before it reaches a section.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hillcoach::report {

class HtmlPage {
  public:
    explicit HtmlPage(std::string title);

    // A line under the title (escaped).
    void subtitle(std::string_view text);
    // A section with a heading (escaped) and trusted body markup.
    void section(std::string_view heading, std::string body_html, std::string_view id = {});
    // A chart: heading, the <svg>, and a caption (escaped) under it.
    void figure(std::string_view heading, std::string svg, std::string_view caption,
                std::string_view id = {});

    std::string render() const;

  private:
    std::string m_title;
    std::string m_subtitle;
    std::string m_body;
};

// A two-column table of labels and values (both escaped).
std::string key_value_table(const std::vector<std::pair<std::string, std::string>>& rows);
// A table with a header row; every cell escaped. Numeric-looking columns are right-aligned by CSS class.
std::string data_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);
// A paragraph (escaped).
std::string paragraph(std::string_view text);

// The report stylesheet (also served to the dashboard so its pages look like the reports).
std::string_view report_css();

}  // namespace hillcoach::report
