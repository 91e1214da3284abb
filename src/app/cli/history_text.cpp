#include "app/cli/history_text.hpp"

#include <fmt/format.h>

#include "hillcoach/core/time.hpp"

namespace hillcoach::app {
namespace {

constexpr double k_day_s = 86400.0;

// "2026-05-01T08:30:00+02:00" -> "2026-05-01 08:30".
std::string minutes_of(const std::string& iso) { return iso.substr(0, 10) + " " + iso.substr(11, 5); }

}  // namespace

core::Expected<double> parse_date_option(std::string_view text, std::string_view option, bool end_of_day) {
    if (text.size() == 10) {
        if (auto day = core::parse_iso8601(std::string(text) + "T00:00:00Z")) {
            return day->unix_s + (end_of_day ? k_day_s : 0.0);
        }
    } else if (auto time = core::parse_iso8601(text)) {
        return time->unix_s;
    }
    return core::make_error(core::ErrorCode::invalid_argument, core::Location{.file = std::string(option)},
                            fmt::format("\"{}\" is not a date (YYYY-MM-DD) or an ISO 8601 time", text));
}

std::string start_text(const training::ActivityDigest& d) {
    if (!d.start_time_s) return "-";
    if (d.utc_offset_s) return minutes_of(core::format_iso8601_local(*d.start_time_s, *d.utc_offset_s));
    return minutes_of(core::format_iso8601_utc(*d.start_time_s)) + " UTC";
}

std::string date_text(const training::ActivityDigest& d) {
    if (!d.start_time_s) return "-";
    const std::string iso = d.utc_offset_s ? core::format_iso8601_local(*d.start_time_s, *d.utc_offset_s)
                                           : core::format_iso8601_utc(*d.start_time_s);
    return iso.substr(0, 10);
}

}  // namespace hillcoach::app
