#pragma once
// The athlete's calendar: which local day an activity falls on and which week that day belongs to. A run at
// 23:30 in Zurich on a Sunday is Sunday's run, even though it is already Monday in UTC, so weeks are counted in
// the athlete's IANA time zone (date-tz over the system's tzdata), daylight-saving changes included.
//
// Days are plain integers: the local date as days since 1970-01-01 (day 0 is Thursday 1970-01-01). Integers
// keep weeks and daily load series cheap: an array index is `day - first_day`.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "hillcoach/core/expected.hpp"

namespace date {
class time_zone;
}

namespace hillcoach::training {

using Day = int;

class Calendar {
public:
    // `zone_name`: an IANA name ("Europe/Zurich", "UTC"). Error invalid_argument for an unknown name.
    static core::Expected<Calendar> make(std::string_view zone_name,
                                         std::chrono::weekday week_start = std::chrono::Monday);
    // The zone of the machine (TZ, /etc/localtime) or UTC when it cannot be found.
    static std::string system_zone_name();

    const std::string& zone_name() const { return m_zone_name; }
    std::chrono::weekday week_start() const { return m_week_start; }

    // The local date of a UTC instant (seconds since the Unix epoch).
    Day local_day(double utc_s) const;
    // The first day of the week holding `day`.
    Day week_of(Day day) const;

private:
    Calendar(const date::time_zone* zone, std::string name, std::chrono::weekday week_start)
        : m_zone(zone), m_zone_name(std::move(name)), m_week_start(week_start) {}

    const date::time_zone* m_zone = nullptr;
    std::string m_zone_name{};
    std::chrono::weekday m_week_start = std::chrono::Monday;
};

// "2026-05-04".
std::string format_day(Day day);
// "YYYY-MM-DD" to a day; nullopt for anything else or a date that does not exist.
std::optional<Day> parse_day(std::string_view text);
// "monday" ... "sunday" or their first three letters, any case.
std::optional<std::chrono::weekday> weekday_from_text(std::string_view text);
// "monday" ... "sunday".
std::string_view weekday_name(std::chrono::weekday day);

}  // namespace hillcoach::training
