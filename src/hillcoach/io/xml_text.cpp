#include "hillcoach/io/xml_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

namespace hillcoach::io {
namespace {

// Name characters as pugixml scans them (ct_symbol): ASCII letters and digits, '_', ':', '-', '.', and every
// byte of a multi-byte UTF-8 character.
bool is_name_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
           c == '-' || c == '.' || c >= 0x80;
}

bool is_utf8_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes one reference starting at text[0] == '&'. Returns the bytes consumed, 0 if it is not one we know.
std::size_t decode_reference(std::string_view text, std::string& out) {
    const std::size_t semi = text.find(';');
    if (semi == std::string_view::npos || semi < 2 || semi > 12) return 0;
    const std::string_view body = text.substr(1, semi - 1);
    if (body[0] == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        const std::string_view digits = body.substr(hex ? 2 : 1);
        unsigned long cp = 0;
        const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (digits.empty() || ec != std::errc() || p != digits.data() + digits.size() || cp == 0 ||
            cp > 0x10FFFF) {
            return 0;
        }
        append_utf8(out, cp);
        return semi + 1;
    }
    static constexpr std::pair<std::string_view, char> k_entities[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& [name, c] : k_entities) {
        if (body == name) {
            out += c;
            return semi + 1;
        }
    }
    return 0;
}

std::string decode_references(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        if (raw[i] == '&') {
            if (const std::size_t used = decode_reference(raw.substr(i), out)) {
                i += used;
                continue;
            }
        }
        if (raw[i] != '\r') out += raw[i];
        ++i;
    }
    return out;
}

std::optional<double> parse_plain_number(std::string_view text) {
    text = trim_xml_space(text);
    if (text.empty()) return std::nullopt;
    const char* first = text.data();
    const char* const last = first + text.size();
    // xsd:decimal allows a leading '+', std::from_chars does not.
    if (*first == '+') {
        ++first;
        if (first == last || *first == '-' || *first == '+') return std::nullopt;
    }
    double value = 0.0;
    const auto [end, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ec != std::errc() || end != last || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::string_view trim_xml_space(std::string_view text) {
    while (!text.empty() && is_xml_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_xml_space(text.back())) text.remove_suffix(1);
    return text;
}

std::optional<double> parse_xml_number(std::string_view text) {
    if (auto value = parse_plain_number(text)) return value;
    if (text.find('&') == std::string_view::npos) return std::nullopt;
    return parse_plain_number(decode_references(text));
}

std::optional<core::ParsedTime> parse_xml_time(std::string_view text) {
    if (auto parsed = core::parse_iso8601(text)) return parsed;
    if (text.find('&') == std::string_view::npos) return std::nullopt;
    return core::parse_iso8601(decode_references(text));
}

std::string decode_xml_text(std::string_view raw) {
    const std::string decoded = decode_references(raw);
    return std::string(trim_xml_space(decoded));
}

std::string quote_excerpt(std::string_view text, std::size_t max_chars) {
    text = trim_xml_space(text);
    if (text.size() <= max_chars) return std::string(text);
    std::size_t cut = max_chars;
    while (cut > 0 && is_utf8_continuation(static_cast<unsigned char>(text[cut]))) --cut;
    return std::string(text.substr(0, cut)) + "…";
}

void append_xml_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
        }
    }
}

std::string format_decimal(double value, int decimals) {
    std::string text = fmt::format("{:.{}f}", value, decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

XmlPositions::XmlPositions(std::span<const char> buffer, core::Location source)
    : m_begin(buffer.data()), m_end(buffer.data() + buffer.size()), m_source(std::move(source)) {
    // This pass runs on every file, so it is written to vectorise: a block is looked at closely only when it
    // has a line break after something other than '>', which in GPX and TCX happens in the header and in
    // multi-line text, not in the points.
    constexpr std::size_t k_block = 4096;
    const auto* bytes = reinterpret_cast<const unsigned char*>(m_begin);
    const std::size_t size = buffer.size();
    for (std::size_t start = 1; start < size; start += k_block) {
        const std::size_t end = std::min(size, start + k_block);
        unsigned char suspect = 0;
        for (std::size_t i = start; i < end; ++i) {
            suspect |= static_cast<unsigned char>((bytes[i] == '\n') & (bytes[i - 1] != '>'));
        }
        if (!suspect) continue;
        for (std::size_t i = start; i < end; ++i) {
            if (bytes[i] == '\n' && is_name_char(bytes[i - 1])) m_name_line_breaks.push_back(i);
        }
    }
}

bool XmlPositions::contains(const char* where) const { return where >= m_begin && where <= m_end; }

core::Location XmlPositions::at(const char* where) const {
    if (!where || !contains(where)) return m_source;
    return at_offset(static_cast<std::size_t>(where - m_begin));
}

core::Location XmlPositions::at_offset(std::size_t offset) const {
    const std::size_t size = static_cast<std::size_t>(m_end - m_begin);
    offset = std::min(offset, size);
    std::uint64_t line = 1;
    std::size_t line_start = 0;
    for (const char* p = m_begin; p < m_begin + offset;) {
        const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(m_begin + offset - p));
        if (!hit) break;
        const char* nl = static_cast<const char*>(hit);
        ++line;
        line_start = static_cast<std::size_t>(nl - m_begin) + 1;
        p = nl + 1;
    }
    // Line breaks pugixml overwrote with '\0' (see the class comment).
    for (const std::size_t nl : m_name_line_breaks) {
        if (nl >= offset) break;
        if (m_begin[nl] != '\n') {
            ++line;
            line_start = std::max(line_start, nl + 1);
        }
    }
    std::uint64_t column = 1;
    for (std::size_t i = line_start; i < offset; ++i) {
        if (!is_utf8_continuation(static_cast<unsigned char>(m_begin[i]))) ++column;
    }
    const bool bom = size >= 3 && static_cast<unsigned char>(m_begin[0]) == 0xEF &&
                     static_cast<unsigned char>(m_begin[1]) == 0xBB && static_cast<unsigned char>(m_begin[2]) == 0xBF;
    if (bom && line_start == 0 && offset >= 3) --column;

    core::Location where = m_source;
    where.line = line;
    where.column = column;
    where.byte_offset = offset;
    return where;
}

}  // namespace hillcoach::io
