#include "hillcoach/training/calendar.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

namespace hillcoach::training {
namespace {

constexpr std::array<std::string_view, 7> k_weekday_names{"sunday",   "monday", "tuesday", "wednesday",
                                                          "thursday", "friday", "saturday"};

// std::chrono::weekday and date::weekday share the encoding (0 = Sunday).
unsigned weekday_index(Day day) {
    return date::weekday{date::sys_days{date::days{day}}}.c_encoding();
}

}  // namespace

core::Expected<Calendar> Calendar::make(std::string_view zone_name, std::chrono::weekday week_start) {
    // date-tz reports an unknown zone (or a missing tzdata) by throwing std::runtime_error.
    try {
        const date::time_zone* zone = date::locate_zone(zone_name);
        return Calendar(zone, std::string(zone_name), week_start);
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::invalid_argument, core::Location{},
                                fmt::format("unknown time zone '{}' (an IANA name such as \"Europe/Zurich\" or "
                                            "\"UTC\" is expected)",
                                            zone_name));
    }
}

std::string Calendar::system_zone_name() {
    try {
        return std::string(date::current_zone()->name());
    } catch (const std::exception&) {
        return "UTC";
    }
}

Day Calendar::local_day(double utc_s) const {
    const auto whole = static_cast<long long>(std::floor(utc_s));
    const date::sys_seconds t{std::chrono::seconds{whole}};
    const date::local_seconds local = m_zone->to_local(t);
    return static_cast<Day>(date::floor<date::days>(local).time_since_epoch().count());
}

Day Calendar::week_of(Day day) const {
    const unsigned back = (weekday_index(day) + 7U - m_week_start.c_encoding()) % 7U;
    return day - static_cast<Day>(back);
}

std::string format_day(Day day) {
    const date::year_month_day ymd{date::sys_days{date::days{day}}};
    return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::optional<Day> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t n) -> std::optional<int> {
        int v = 0;
        const auto [end, err] = std::from_chars(text.data() + at, text.data() + at + n, v);
        if (err != std::errc{} || end != text.data() + at + n) return std::nullopt;
        return v;
    };
    const auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (!y || !m || !d || *m < 1 || *d < 1) return std::nullopt;
    const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return static_cast<Day>(date::sys_days{ymd}.time_since_epoch().count());
}

std::optional<std::chrono::weekday> weekday_from_text(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (unsigned i = 0; i < k_weekday_names.size(); ++i) {
        const std::string_view name = k_weekday_names[i];
        if (lower == name || (lower.size() == 3 && name.substr(0, 3) == lower)) return std::chrono::weekday{i};
    }
    return std::nullopt;
}

std::string_view weekday_name(std::chrono::weekday day) { return k_weekday_names[day.c_encoding() % 7U]; }

}  // namespace hillcoach::training
