#include "hillcoach/io/csv_reader.hpp"

#include <fmt/format.h>

namespace hillcoach::io {
namespace {

// A cursor over the text that knows its line and column (1-based, column in bytes).
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}
    bool at_end() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    bool peek_is(char c) const { return !at_end() && m_text[m_pos] == c; }
    char take() {
        const char c = m_text[m_pos++];
        if (c == '\n') {
            ++m_line;
            m_line_start = m_pos;
        }
        return c;
    }
    std::uint64_t line() const { return m_line; }
    std::uint64_t column() const { return m_pos - m_line_start + 1; }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::uint64_t m_line = 1;
    std::size_t m_line_start = 0;
};

core::Error malformed(const core::Location& source, std::uint64_t line, std::uint64_t column, std::string reason) {
    core::Location at = source;
    at.line = line;
    at.column = column;
    return core::make_error(core::ErrorCode::csv_malformed, at, std::move(reason));
}

bool at_record_end(const Cursor& in) { return in.at_end() || in.peek_is('\n') || in.peek_is('\r'); }

// Consumes a line break (CRLF, LF or a lone CR) if one is next.
void take_line_break(Cursor& in) {
    if (in.peek_is('\r')) in.take();
    if (in.peek_is('\n')) in.take();
}

core::Expected<std::string> read_quoted(Cursor& in, const core::Location& source) {
    const std::uint64_t line = in.line();
    const std::uint64_t column = in.column();
    in.take();  // the opening quote
    std::string field;
    while (true) {
        if (in.at_end()) return malformed(source, line, column, "quoted field is never closed");
        const char c = in.take();
        if (c != '"') {
            field += c;
            continue;
        }
        if (in.peek_is('"')) {
            in.take();
            field += '"';
            continue;
        }
        if (!in.at_end() && !in.peek_is(',') && !at_record_end(in)) {
            return malformed(source, in.line(), in.column(),
                             fmt::format("unexpected '{}' after the closing quote of a field", in.peek()));
        }
        return field;
    }
}

core::Expected<std::string> read_plain(Cursor& in, const core::Location& source) {
    std::string field;
    while (!in.at_end() && !in.peek_is(',') && !at_record_end(in)) {
        if (in.peek_is('"')) {
            return malformed(source, in.line(), in.column(), "quote inside an unquoted field (quote the field)");
        }
        field += in.take();
    }
    return field;
}

core::Expected<std::vector<std::string>> read_record(Cursor& in, const core::Location& source) {
    std::vector<std::string> fields;
    while (true) {
        auto field = in.peek_is('"') ? read_quoted(in, source) : read_plain(in, source);
        if (!field) return field.error();
        fields.push_back(std::move(*field));
        if (in.peek_is(',')) {
            in.take();
            continue;
        }
        take_line_break(in);
        return fields;
    }
}

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
    }
    return std::nullopt;
}

core::Expected<CsvTable> read_csv(std::string_view text, const core::Location& source) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Cursor in(text);
    CsvTable table;
    if (in.at_end()) return malformed(source, 1, 1, "no header line");
    auto header = read_record(in, source);
    if (!header) return header.error();
    table.header = std::move(*header);
    while (!in.at_end()) {
        const std::uint64_t line = in.line();
        // A blank line (the usual last line break, or stray ones) is no record.
        if (at_record_end(in)) {
            take_line_break(in);
            continue;
        }
        auto row = read_record(in, source);
        if (!row) return row.error();
        if (row->size() != table.header.size()) {
            return malformed(source, line, 1,
                             fmt::format("record has {} fields, the header has {}", row->size(), table.header.size()));
        }
        table.rows.push_back(std::move(*row));
        table.row_lines.push_back(line);
    }
    return table;
}

}  // namespace hillcoach::io
