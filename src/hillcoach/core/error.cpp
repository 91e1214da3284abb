#include "hillcoach/core/error.hpp"

#include <array>

#include <fmt/format.h>

namespace hillcoach::core {
namespace {

struct CodeText {
    ErrorCode code;
    std::string_view id;
    std::string_view description;
};

// The one table of codes. Order follows the enum so lookup is an index.
constexpr std::array<CodeText, error_code_count> k_codes{{
    {ErrorCode::io_error, "io_error", "the file or folder cannot be opened or read"},
    {ErrorCode::file_too_large, "file_too_large", "the file is larger than the configured size limit"},
    {ErrorCode::empty_file, "empty_file", "the file is empty"},
    {ErrorCode::unknown_format, "unknown_format", "the content is not GPX, TCX, FIT, gzip, zip or CSV"},
    {ErrorCode::gzip_corrupt, "gzip_corrupt", "a gzip stream does not decompress"},
    {ErrorCode::archive_corrupt, "archive_corrupt", "an archive cannot be read"},
    {ErrorCode::zip_unsafe_path, "zip_unsafe_path", "an archive entry has an absolute or parent-relative path"},
    {ErrorCode::xml_malformed, "xml_malformed", "the XML is not well formed"},
    {ErrorCode::xml_not_activity, "xml_not_activity", "the XML document is neither GPX nor TCX"},
    {ErrorCode::no_points, "no_points", "there is no track point to read"},
    {ErrorCode::bad_number, "bad_number", "a number does not parse or is out of range"},
    {ErrorCode::bad_coordinate, "bad_coordinate", "a latitude or longitude is out of range"},
    {ErrorCode::bad_time, "bad_time", "a time does not parse as ISO 8601"},
    {ErrorCode::time_backwards, "time_backwards", "a sample is earlier than the one before it"},
    {ErrorCode::duplicate_time, "duplicate_time", "a sample has the same time as the one before it"},
    {ErrorCode::fit_bad_header, "fit_bad_header", "the FIT file header is not valid"},
    {ErrorCode::fit_header_crc, "fit_header_crc", "the FIT header CRC does not match"},
    {ErrorCode::fit_file_crc, "fit_file_crc", "the FIT file CRC does not match"},
    {ErrorCode::fit_truncated, "fit_truncated", "the FIT data ends inside a message"},
    {ErrorCode::fit_undefined_message, "fit_undefined_message",
     "a FIT data message uses a local type that was never defined"},
    {ErrorCode::fit_bad_definition, "fit_bad_definition", "a FIT definition message is not valid"},
    {ErrorCode::fit_not_activity, "fit_not_activity", "the FIT file is not an activity"},
    {ErrorCode::fit_bad_time, "fit_bad_time", "FIT timestamps cannot be placed in time"},
    {ErrorCode::csv_malformed, "csv_malformed", "a CSV row does not parse"},
    {ErrorCode::not_supported, "not_supported", "the input asks for something hillcoach does not do"},
    {ErrorCode::invalid_argument, "invalid_argument", "a given value is not valid"},
    {ErrorCode::database_error, "database_error", "the activity store failed"},
    {ErrorCode::not_found, "not_found", "no such item"},
    {ErrorCode::internal_error, "internal_error", "an internal error (a bug in hillcoach)"},
}};

constexpr bool table_follows_enum() {
    for (std::size_t i = 0; i < k_codes.size(); ++i) {
        if (static_cast<std::size_t>(k_codes[i].code) != i || k_codes[i].id.empty() ||
            k_codes[i].description.empty()) {
            return false;
        }
    }
    return true;
}
static_assert(table_follows_enum(), "every ErrorCode needs one row, in enum order, with an id and a text");

std::string render(const Diagnostic& d, std::string_view severity) {
    return fmt::format("{}: {}: {}", format_location(d.where), severity, d.reason);
}

}  // namespace

std::string_view error_code_id(ErrorCode code) { return k_codes.at(static_cast<std::size_t>(code)).id; }

std::string_view error_code_description(ErrorCode code) {
    return k_codes.at(static_cast<std::size_t>(code)).description;
}

std::optional<ErrorCode> error_code_from_id(std::string_view id) {
    for (const auto& row : k_codes) {
        if (row.id == id) return row.code;
    }
    return std::nullopt;
}

std::string format_location(const Location& where) {
    std::string out = where.file.empty() ? std::string("<input>") : where.file;
    if (!where.entry.empty()) out += fmt::format("({})", where.entry);
    if (where.line) {
        out += fmt::format(":{}", *where.line);
        if (where.column) out += fmt::format(":{}", *where.column);
    } else if (where.byte_offset) {
        out += fmt::format(": byte {}", *where.byte_offset);
    }
    return out;
}

std::string Error::message() const { return render(*this, "error"); }
std::string Warning::message() const { return render(*this, "warning"); }

Error make_error(ErrorCode code, Location where, std::string reason) {
    Error e;
    e.code = code;
    e.where = std::move(where);
    e.reason = std::move(reason);
    return e;
}

Warning make_warning(ErrorCode code, Location where, std::string reason) {
    Warning w;
    w.code = code;
    w.where = std::move(where);
    w.reason = std::move(reason);
    return w;
}

}  // namespace hillcoach::core
