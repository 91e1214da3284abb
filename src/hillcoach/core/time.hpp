#pragma once
// Time inside hillcoach is UTC. Sample times are seconds since 1970-01-01T00:00:00Z as double (microsecond
// resolution for the next centuries, and plain arithmetic in the hot loops); instants at API boundaries are
// std::chrono::sys_time. A local offset is kept beside a time only where a file states one.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hillcoach::core {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

// Seconds since the Unix epoch (UTC) as double, and back.
double to_unix_seconds(Instant t);
Instant from_unix_seconds(double seconds);

struct ParsedTime {
    double unix_s = 0.0;                  // UTC
    std::optional<int> utc_offset_s;      // the offset written in the text; nullopt for "Z" or none
    bool had_zone = false;                // false: no designator at all (read as UTC)
};

// Strict ISO 8601 / RFC 3339 date-time: YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM|±HH].
// A space may stand for the 'T'. Leading and trailing ASCII whitespace is ignored (XML text nodes).
// Anything else, or a field out of range (month 13, second 61, offset over 18 h), gives nullopt.
// Hand-written rather than date::parse: that goes through iostreams and costs more than a whole GPX point.
std::optional<ParsedTime> parse_iso8601(std::string_view text);

// "2024-05-01T06:30:00Z" (milliseconds shown only when not zero).
std::string format_iso8601_utc(double unix_s);
// Local time with its offset: "2024-05-01T08:30:00+02:00".
std::string format_iso8601_local(double unix_s, int utc_offset_s);

// Days since 1970-01-01 for a civil date (proleptic Gregorian), and back.
long long days_from_civil(int year, unsigned month, unsigned day);

}  // namespace hillcoach::core
