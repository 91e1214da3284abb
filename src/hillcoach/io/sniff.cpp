#include "hillcoach/io/sniff.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace hillcoach::io {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view skip_space(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_xml_space(s[i])) ++i;
    return s.substr(i);
}

// Skips past `terminator`; empty when it is not found within the bytes given.
std::string_view skip_past(std::string_view s, std::string_view terminator) {
    const auto at = s.find(terminator);
    return at == std::string_view::npos ? std::string_view{} : s.substr(at + terminator.size());
}

// <!DOCTYPE gpx [ <!ENTITY ...> ]>: the internal subset may hold '>' of its own.
std::string_view skip_doctype(std::string_view s) {
    int bracket_depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '[') ++bracket_depth;
        if (s[i] == ']') --bracket_depth;
        if (s[i] == '>' && bracket_depth <= 0) return s.substr(i + 1);
    }
    return {};
}

Content root_element_kind(std::string_view s) {
    // s starts just after '<'. Namespace prefixes are ignored: <gpx:gpx> is still GPX.
    std::size_t end = 0;
    while (end < s.size() && !is_xml_space(s[end]) && s[end] != '>' && s[end] != '/') ++end;
    std::string_view name = s.substr(0, end);
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos) name = name.substr(colon + 1);
    if (name == "gpx") return Content::gpx;
    if (name == "TrainingCenterDatabase") return Content::tcx;
    return Content::xml_other;
}

Content sniff_xml(std::string_view s) {
    // Bounded: each turn consumes at least "<?" or "<!".
    while (!s.empty()) {
        s = skip_space(s);
        if (s.empty() || s[0] != '<') return Content::xml_other;
        if (starts_with(s, "<?")) {
            s = skip_past(s, "?>");
        } else if (starts_with(s, "<!--")) {
            s = skip_past(s, "-->");
        } else if (starts_with(s, "<!")) {
            s = skip_doctype(s);
        } else {
            return root_element_kind(s.substr(1));
        }
    }
    return Content::xml_other;
}

bool is_fit_header(std::string_view s) {
    return s.size() >= 12 && static_cast<unsigned char>(s[0]) >= 12 && s.substr(8, 4) == ".FIT";
}

bool is_strava_csv(std::string_view s) {
    return starts_with(s, "Activity ID,") || starts_with(s, "\"Activity ID\",");
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view to_string(Content c) {
    switch (c) {
        case Content::unknown: return "unknown";
        case Content::gpx: return "gpx";
        case Content::tcx: return "tcx";
        case Content::xml_other: return "xml";
        case Content::fit: return "fit";
        case Content::gzip: return "gzip";
        case Content::zip: return "zip";
        case Content::strava_csv: return "strava_csv";
    }
    return "unknown";
}

Content sniff_content(std::string_view head) {
    if (is_fit_header(head)) return Content::fit;
    if (starts_with(head, "\x1f\x8b")) return Content::gzip;
    if (starts_with(head, "PK\x03\x04") || starts_with(head, "PK\x05\x06")) return Content::zip;
    std::string_view text = starts_with(head, k_utf8_bom) ? head.substr(k_utf8_bom.size()) : head;
    if (is_strava_csv(text)) return Content::strava_csv;
    const std::string_view trimmed = skip_space(text);
    if (!trimmed.empty() && trimmed[0] == '<') return sniff_xml(trimmed);
    return Content::unknown;
}

Content content_from_name(std::string_view name) {
    const std::string n = lower(name);
    if (ends_with(n, ".gz")) return Content::gzip;
    if (ends_with(n, ".gpx")) return Content::gpx;
    if (ends_with(n, ".tcx")) return Content::tcx;
    if (ends_with(n, ".fit")) return Content::fit;
    if (ends_with(n, ".zip")) return Content::zip;
    if (ends_with(n, ".csv")) return Content::strava_csv;
    return Content::unknown;
}

std::string_view strip_gz_suffix(std::string_view name) {
    if (ends_with(lower(name), ".gz")) return name.substr(0, name.size() - 3);
    return name;
}

bool named_like_activity(std::string_view name) {
    const Content c = content_from_name(name);
    return c == Content::gpx || c == Content::tcx || c == Content::fit || c == Content::gzip;
}

bool is_activity_content(Content c) { return c == Content::gpx || c == Content::tcx || c == Content::fit; }

std::string describe_start(std::string_view head) {
    const std::string_view start = head.substr(0, 8);
    const bool printable = std::all_of(start.begin(), start.end(), [](char c) {
        return std::isprint(static_cast<unsigned char>(c)) || c == '\t' || c == '\r' || c == '\n';
    });
    if (printable) {
        std::string shown;
        for (char c : start) {
            if (c == '\n') shown += "\\n";
            else if (c == '\r') shown += "\\r";
            else if (c == '\t') shown += "\\t";
            else shown += c;
        }
        return fmt::format("starts with \"{}\"", shown);
    }
    std::string bytes;
    for (char c : start) bytes += fmt::format(" {:02x}", static_cast<unsigned char>(c));
    return fmt::format("starts with bytes{}", bytes);
}

}  // namespace hillcoach::io
