#include "hillcoach/core/time.hpp"

#include <cmath>

#include <date/date.h>
#include <fmt/format.h>

namespace hillcoach::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at text[pos]; advances pos.
bool read_digits(std::string_view text, std::size_t& pos, int n, int& out) {
    if (pos + static_cast<std::size_t>(n) > text.size()) return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char c = text[pos + static_cast<std::size_t>(i)];
        if (!is_digit(c)) return false;
        v = v * 10 + (c - '0');
    }
    pos += static_cast<std::size_t>(n);
    out = v;
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos >= text.size() || text[pos] != c) return false;
    ++pos;
    return true;
}

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : k_days[month - 1];
}

}  // namespace

double to_unix_seconds(Instant t) { return static_cast<double>(t.time_since_epoch().count()) / 1000.0; }

Instant from_unix_seconds(double seconds) {
    return Instant{std::chrono::milliseconds{static_cast<long long>(std::llround(seconds * 1000.0))}};
}

long long days_from_civil(int year, unsigned month, unsigned day) {
    const date::sys_days d = date::year{year} / date::month{month} / date::day{day};
    return d.time_since_epoch().count();
}

std::optional<ParsedTime> parse_iso8601(std::string_view raw) {
    const std::string_view text = trim(raw);
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!read_digits(text, pos, 4, year) || !expect(text, pos, '-') || !read_digits(text, pos, 2, month) ||
        !expect(text, pos, '-') || !read_digits(text, pos, 2, day)) {
        return std::nullopt;
    }
    if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')) return std::nullopt;
    ++pos;
    if (!read_digits(text, pos, 2, hour) || !expect(text, pos, ':') || !read_digits(text, pos, 2, minute) ||
        !expect(text, pos, ':') || !read_digits(text, pos, 2, second)) {
        return std::nullopt;
    }
    double fraction = 0.0;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        double scale = 0.1;
        const std::size_t start = pos;
        while (pos < text.size() && is_digit(text[pos])) {
            fraction += (text[pos] - '0') * scale;
            scale *= 0.1;
            ++pos;
        }
        if (pos == start) return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 24 || minute > 59 ||
        second > 60) {
        return std::nullopt;
    }
    if (hour == 24 && (minute != 0 || second != 0 || fraction != 0.0)) return std::nullopt;

    ParsedTime out;
    int offset_s = 0;
    if (pos < text.size()) {
        const char z = text[pos];
        if (z == 'Z' || z == 'z') {
            ++pos;
            out.had_zone = true;
        } else if (z == '+' || z == '-') {
            ++pos;
            int oh = 0, om = 0;
            if (!read_digits(text, pos, 2, oh)) return std::nullopt;
            if (pos < text.size()) {
                if (text[pos] == ':') ++pos;
                if (!read_digits(text, pos, 2, om)) return std::nullopt;
            }
            if (oh > 18 || om > 59) return std::nullopt;
            offset_s = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
            out.had_zone = true;
            out.utc_offset_s = offset_s;
        } else {
            return std::nullopt;
        }
    }
    if (pos != text.size()) return std::nullopt;

    const long long days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    // A leap second (:60) is read as the first instant of the next minute, as POSIX time has no leap seconds.
    out.unix_s = static_cast<double>(days * 86400LL + hour * 3600LL + minute * 60LL + second - offset_s) + fraction;
    return out;
}

namespace {
std::string format_civil(double unix_s, std::string_view zone) {
    const double whole = std::floor(unix_s);
    long long ms = std::llround((unix_s - whole) * 1000.0);
    long long secs = static_cast<long long>(whole);
    if (ms == 1000) {
        ms = 0;
        ++secs;
    }
    const date::sys_seconds t{std::chrono::seconds{secs}};
    const auto day = date::floor<date::days>(t);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss hms{t - day};
    std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                  hms.hours().count(), hms.minutes().count(), hms.seconds().count());
    if (ms != 0) out += fmt::format(".{:03}", ms);
    out += zone;
    return out;
}
}  // namespace

std::string format_iso8601_utc(double unix_s) { return format_civil(unix_s, "Z"); }

std::string format_iso8601_local(double unix_s, int utc_offset_s) {
    const int a = utc_offset_s < 0 ? -utc_offset_s : utc_offset_s;
    const std::string zone = fmt::format("{}{:02}:{:02}", utc_offset_s < 0 ? '-' : '+', a / 3600, (a % 3600) / 60);
    return format_civil(unix_s + utc_offset_s, zone);
}

}  // namespace hillcoach::core
