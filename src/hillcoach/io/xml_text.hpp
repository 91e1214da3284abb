#pragma once
// Values out of XML text, strictly: numbers through std::from_chars (never pugixml's as_double(), which turns
// "abc" into 0), times through core::parse_iso8601, and positions as file:line:column for messages.
//
// The GPX and TCX readers parse the caller's buffer in place with pugixml and keep pointers into it, so a
// position is just a pointer; XmlPositions turns it into line:column only when a message needs one.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/time.hpp"

namespace hillcoach::io {

// XML white space: space, tab, CR, LF.
constexpr bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
std::string_view trim_xml_space(std::string_view text);

// The local part of an element name: "gpxtpx:hr" -> "hr". pugixml is not namespace-aware, so the readers
// match local names and accept any prefix, declared or not (sports-lib/6037744996.gpx uses an undeclared one).
inline std::string_view local_name(const char* name) {
    const std::string_view n(name);
    const std::size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}
// ASCII case-insensitive equality (vendor extensions disagree on case: <gpxx:Temperature>, <atemp>).
constexpr bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
        const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
        if (x != y) return false;
    }
    return true;
}

// A decimal number: optional white space around, optional sign, digits with optional fraction and exponent.
// Rejects empty text, trailing characters, hexadecimal, "inf" and "nan". Character references (&#52;) are
// decoded first, on the slow path only, so a valid XML number is never refused.
std::optional<double> parse_xml_number(std::string_view text);

// An ISO 8601 date-time (core::parse_iso8601), with character references decoded on the slow path.
std::optional<core::ParsedTime> parse_xml_time(std::string_view text);

// Text for people (names, descriptions): the five predefined entities and character references decoded,
// CR dropped, white space trimmed. Unknown entities are kept as written.
std::string decode_xml_text(std::string_view raw);

// Shortens text for a message: at most `max_chars` bytes (cut at a UTF-8 boundary), "…" appended when cut.
std::string quote_excerpt(std::string_view text, std::size_t max_chars = 40);

// For the writers: text escaped for element content and attribute values (&, <, >, "), with the control
// characters XML 1.0 cannot carry left out.
void append_xml_escaped(std::string& out, std::string_view text);
// A number with at most `decimals` decimals and no trailing zeros: 412.6, 7.32, 120 ("-0" is written "0").
std::string format_decimal(double value, int decimals);

// Positions in a buffer that pugixml parses in place.
//
// pugixml writes a terminating '\0' over the character after every element and attribute name. When that
// character is a line break (`<TrainingCenterDatabase\n  xmlns=…`, as Garmin Connect writes it), counting
// '\n' afterwards would give the wrong line. The constructor therefore notes, before parsing, every '\n'
// that follows a name character (one memchr pass; a handful per file). Every other change pugixml makes
// replaces one character by '\0' and never a line break, as long as the parse options leave out parse_eol,
// parse_escapes and parse_wconv_attribute (see xml_activity_reader.cpp), so counting stays exact.
class XmlPositions {
public:
    XmlPositions(std::span<const char> buffer, core::Location source);

    // file:line:column of a byte offset (line and column from 1; the column counts UTF-8 characters and
    // ignores a byte-order mark). Offsets past the end are clamped. Costs a scan of the text before it.
    core::Location at_offset(std::size_t offset) const;
    // The same for a pointer into the buffer; a pointer outside it (pugixml's static "" for an empty value,
    // or a document pugixml had to convert from another encoding) gives the file without a position.
    core::Location at(const char* where) const;
    bool contains(const char* where) const;
    const core::Location& source() const { return m_source; }

private:
    const char* m_begin = nullptr;
    const char* m_end = nullptr;
    core::Location m_source;
    std::vector<std::size_t> m_name_line_breaks;  // offsets of '\n' right after a name character
};

}  // namespace hillcoach::io
