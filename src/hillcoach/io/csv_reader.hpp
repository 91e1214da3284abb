#pragma once
// CSV as RFC 4180 writes it, and as Strava's bulk export (activities.csv) uses it: comma-separated fields,
// fields in double quotes may hold commas, line breaks and doubled quotes (""), records end with CRLF or LF,
// a UTF-8 byte-order mark at the start is skipped. The first record is the header.
//
// Strict where leniency would silently shift columns: a quote inside an unquoted field, text after a closing
// quote, an unterminated quoted field, or a record with more or fewer fields than the header is an error
// (csv_malformed) at its line:column.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"

namespace hillcoach::io {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // each has header.size() fields
    std::vector<std::uint64_t> row_lines;        // the line each row starts on (1-based)

    // Index of the first column with this exact name (Strava's export repeats some names: the first wins).
    std::optional<std::size_t> column(std::string_view name) const;
};

core::Expected<CsvTable> read_csv(std::string_view text, const core::Location& source);

}  // namespace hillcoach::io
