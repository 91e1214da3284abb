#pragma once
// Errors and warnings that carry their position as data (file, line/column or byte offset, archive entry),
// rendered once, GCC-style, so an editor can jump to them: "file:12:7: error: reason".
// Every code has a stable snake_case id and a description in one table (error.cpp); docs/errors.md lists them
// and a test checks that it does.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hillcoach::core {

enum class ErrorCode : std::uint8_t {
    // files and containers
    io_error,            // cannot open or read a file or folder
    file_too_large,      // over the configured size limit; refused before loading
    empty_file,          // zero bytes
    unknown_format,      // content is none of GPX, TCX, FIT, gzip, zip, CSV
    gzip_corrupt,        // a .gz stream that does not decompress
    archive_corrupt,     // a zip (or other archive) that cannot be walked
    zip_unsafe_path,     // an archive entry named like ../x or /x: never extracted, skipped
    // XML (GPX, TCX)
    xml_malformed,       // not well-formed XML
    xml_not_activity,    // well-formed XML but neither GPX nor TCX
    no_points,           // a track/lap/course with no usable point at all
    bad_number,          // a number that does not parse or is out of range
    bad_coordinate,      // latitude/longitude outside [-90, 90] / [-180, 180]
    bad_time,            // a time that does not parse as ISO 8601
    time_backwards,      // a sample earlier than the one before it
    duplicate_time,      // a sample with the same time as the one before it
    // FIT
    fit_bad_header,      // header size/signature/protocol wrong
    fit_header_crc,      // header CRC mismatch (warning)
    fit_file_crc,        // file CRC mismatch (warning)
    fit_truncated,       // data ends inside a message: complete messages kept
    fit_undefined_message,  // a data message for a local type never defined
    fit_bad_definition,  // a definition message that cannot be valid
    fit_not_activity,    // a valid FIT file that is not an activity (monitoring, settings…)
    fit_bad_time,        // timestamps that cannot be placed (device-relative with no anchor)
    // Strava export CSV and other tables
    csv_malformed,       // a CSV row that does not parse
    // other
    not_supported,       // a valid input asking for something hillcoach does not do (yet)
    invalid_argument,    // a value given on the command line or in a profile that is not valid
    database_error,      // the store failed (SQLite message in the reason)
    not_found,           // an id or path that does not exist
    internal_error,      // a bug: should never be seen
};

inline constexpr std::size_t error_code_count = static_cast<std::size_t>(ErrorCode::internal_error) + 1;

// Stable id, e.g. "fit_truncated"; used in JSON output and docs/errors.md.
std::string_view error_code_id(ErrorCode code);
// One-line description of what the code means.
std::string_view error_code_description(ErrorCode code);
// The code for an id, or nullopt.
std::optional<ErrorCode> error_code_from_id(std::string_view id);

// Where something happened. Only the fields that apply are set: XML errors have line and column,
// binary (FIT) errors a byte offset; entry names the member inside an archive.
struct Location {
    std::string file{};
    std::string entry{};  // archive member ("activities/123.fit.gz"), empty if none
    std::optional<std::uint64_t> line{};
    std::optional<std::uint64_t> column{};
    std::optional<std::uint64_t> byte_offset{};
};

// "file:line:col", "file: byte N", "file(entry):line:col" …
std::string format_location(const Location& where);

struct Diagnostic {
    ErrorCode code = ErrorCode::internal_error;
    Location where;
    std::string reason;
};

struct Error : Diagnostic {
    // "file:12:7: error: reason"
    std::string message() const;
};

struct Warning : Diagnostic {
    // "file: byte 1234: warning: reason"
    std::string message() const;
};

Error make_error(ErrorCode code, Location where, std::string reason);
Warning make_warning(ErrorCode code, Location where, std::string reason);

}  // namespace hillcoach::core
