#include "hillcoach/io/xml_read_context.hpp"

#include <array>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace hillcoach::io {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// Bounds of what a worn device can record; outside them the value is a marker or a wrong field.
constexpr std::array<ChannelRange, 7> k_ranges{{
    // Deepest dry land (Dead Sea shore, about -430 m) to above Everest (8,849 m), with room for GPS error.
    {"elevation", "m", -1000.0, 9000.0},
    {"distance", "m", 0.0, 1.0e8},
    // 100 m/s is far above any human-powered sport; only a wrong unit gets there.
    {"speed", "m/s", 0.0, 100.0},
    // 0 = no strap contact, 255 = the ANT+/FIT "invalid" byte.
    {"heart rate", "bpm", 1.0, 254.0},
    // 255 = the "invalid" byte of one-byte cadence fields.
    {"cadence", "rpm", 0.0, 254.0},
    // Track sprinters peak near 2,500 W; 5,000 W leaves room and still catches wrong units.
    {"power", "W", 0.0, 5000.0},
    // Air temperatures recorded on Earth span about -90 to +57 °C.
    {"temperature", "°C", -90.0, 70.0},
}};

// Device names (lower case, without spaces) of units with a barometric altimeter, from the makers' spec sheets.
constexpr std::array<std::string_view, 23> k_barometric_devices{{
    "barometer", "barometric", "forerunner945", "forerunner935", "forerunner955", "forerunner965", "fenix",
    "fēnix", "edge305", "edge500", "edge510", "edge520", "edge530", "edge800", "edge810", "edge820",
    "edge830", "edge1000", "edge1030", "vivoactivehr", "vívoactivehr", "polarv800", "spartanultra",
}};

std::string squeeze_lower(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == ' ' || c == '-' || c == '_') continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

// Points at the first non-space character of element text, for positions.
const char* skip_space(const char* text) {
    while (text && is_xml_space(*text)) ++text;
    return text;
}

}  // namespace

const ChannelRange& channel_range(Channel channel) { return k_ranges.at(static_cast<std::size_t>(channel)); }

WarningTally::Entry* WarningTally::find(std::string_view kind) {
    for (Entry& e : m_entries) {
        if (e.kind == kind) return &e;
    }
    return nullptr;
}

std::size_t WarningTally::count(std::string_view kind) const {
    for (const Entry& e : m_entries) {
        if (e.kind == kind) return e.count;
    }
    return 0;
}

std::vector<core::Warning> WarningTally::warnings(const XmlPositions& positions) const {
    std::vector<core::Warning> out;
    out.reserve(m_entries.size());
    for (const Entry& e : m_entries) {
        std::string reason = e.reason;
        if (e.count > 1) reason += fmt::format(" ({} times in this file; the first is shown)", e.count);
        out.push_back(core::make_warning(e.code, positions.at(e.where), std::move(reason)));
    }
    return out;
}

core::Error ReadContext::take_error() {
    core::Error e = m_error.value_or(
        core::make_error(core::ErrorCode::internal_error, m_positions.source(), "no error was recorded"));
    m_error.reset();
    return e;
}

void ReadContext::fail(core::ErrorCode code, const char* where, std::string reason) {
    if (m_error) return;
    m_error = core::make_error(code, m_positions.at(skip_space(where)), std::move(reason));
}

void ReadContext::flush_warnings(std::vector<core::Warning>& out) const {
    for (auto& w : m_tally.warnings(m_positions)) out.push_back(std::move(w));
}

bool ReadContext::channel_value(Channel channel, std::string_view element, const char* text, double& out,
                                Strictness strictness) {
    const std::string_view raw(text ? text : "");
    const auto value = parse_xml_number(raw);
    if (!value) {
        out = k_nan;
        if (trim_xml_space(raw).empty()) return true;
        if (strictness == Strictness::extension) {
            warn(core::ErrorCode::bad_number, "extension_not_a_number", skip_space(text), [&] {
                return fmt::format("cannot read <{}> \"{}\" as a number: ignored", element, quote_excerpt(raw));
            });
            return true;
        }
        fail(core::ErrorCode::bad_number, text,
             fmt::format("cannot read <{}> \"{}\" as a number", element, quote_excerpt(raw)));
        return false;
    }
    const ChannelRange& range = channel_range(channel);
    if (*value < range.min || *value > range.max) {
        warn(core::ErrorCode::bad_number, range.name, skip_space(text), [&] {
            return fmt::format("{} {} {} is outside [{}, {}] {}: dropped", range.name, *value, range.unit, range.min,
                               range.max, range.unit);
        });
        out = k_nan;
        return true;
    }
    out = *value;
    return true;
}

bool ReadContext::coordinate(bool latitude, const char* text, double& out) {
    const std::string_view raw(text ? text : "");
    const std::string_view name = latitude ? "latitude" : "longitude";
    const auto value = parse_xml_number(raw);
    if (!value) {
        fail(core::ErrorCode::bad_number, text, fmt::format("cannot read {} \"{}\"", name, quote_excerpt(raw)));
        return false;
    }
    const double limit = latitude ? 90.0 : 180.0;
    if (std::fabs(*value) > limit) {
        fail(core::ErrorCode::bad_coordinate, text,
             fmt::format("{} {} is outside [-{}, {}]", name, *value, limit, limit));
        return false;
    }
    out = *value;
    return true;
}

bool ReadContext::sample_time(const char* text, double& out) {
    const std::string_view raw(text ? text : "");
    const auto parsed = parse_xml_time(raw);
    if (!parsed) {
        if (trim_xml_space(raw).empty()) {
            out = k_nan;
            return true;
        }
        fail(core::ErrorCode::bad_time, text, fmt::format("cannot read time \"{}\"", quote_excerpt(raw)));
        return false;
    }
    const char* where = skip_space(text);
    if (!parsed->had_zone) {
        warn(core::ErrorCode::bad_time, "time_without_zone", where, [&] {
            return fmt::format("time \"{}\" has no time zone: read as UTC", quote_excerpt(raw));
        });
    }
    const double t = parsed->unix_s;
    if (!m_seen_time) {
        m_first_offset_s = parsed->utc_offset_s;
    } else if (t < m_last_time_s) {
        warn(core::ErrorCode::time_backwards, "time_backwards", where, [&] {
            return fmt::format("time \"{}\" is earlier than the sample before (\"{}\"): the sample is kept without "
                               "a time",
                               quote_excerpt(raw), quote_excerpt(m_last_time_text ? m_last_time_text : ""));
        });
        out = k_nan;
        return true;
    } else if (t == m_last_time_s) {
        warn(core::ErrorCode::duplicate_time, "duplicate_time", where, [&] {
            return fmt::format("time \"{}\" repeats the sample before", quote_excerpt(raw));
        });
    }
    m_seen_time = true;
    m_last_time_s = t;
    m_last_time_text = text;
    out = t;
    return true;
}

bool ReadContext::scalar_value(std::string_view element, const char* text, double min, double max,
                               std::string_view unit, std::optional<double>& out) {
    const std::string_view raw(text ? text : "");
    if (trim_xml_space(raw).empty()) return true;
    const auto value = parse_xml_number(raw);
    if (!value) {
        fail(core::ErrorCode::bad_number, text,
             fmt::format("cannot read <{}> \"{}\" as a number", element, quote_excerpt(raw)));
        return false;
    }
    if (*value < min || *value > max) {
        warn(core::ErrorCode::bad_number, element, skip_space(text), [&] {
            return fmt::format("<{}> {} {} is outside [{}, {}] {}: dropped", element, *value, unit, min, max, unit);
        });
        return true;
    }
    out = *value;
    return true;
}

bool ReadContext::scalar_time(std::string_view element, const char* text, std::optional<double>& out) {
    const std::string_view raw(text ? text : "");
    if (trim_xml_space(raw).empty()) return true;
    const auto parsed = parse_xml_time(raw);
    if (!parsed) {
        fail(core::ErrorCode::bad_time, text,
             fmt::format("cannot read {} \"{}\" as a time", element, quote_excerpt(raw)));
        return false;
    }
    out = parsed->unix_s;
    return true;
}

void finish_xml_activity(core::Activity& activity, const XmlPositions& positions) {
    auto& ele = activity.samples.elevation_m;
    std::size_t with_ele = 0;
    bool all_zero = true;
    for (const double e : ele) {
        if (!std::isfinite(e)) continue;
        ++with_ele;
        if (e != 0.0) all_zero = false;
    }
    if (with_ele >= 2 && all_zero) {
        std::fill(ele.begin(), ele.end(), k_nan);
        activity.warnings.push_back(core::make_warning(
            core::ErrorCode::bad_number, positions.source(),
            fmt::format("all {} elevations are exactly 0 m: read as missing elevation", with_ele)));
        with_ele = 0;
    }
    if (with_ele == 0) {
        activity.elevation_source = core::ElevationSource::none;
        return;
    }
    core::ElevationSource hint = elevation_source_hint(activity.metadata.creator);
    if (hint == core::ElevationSource::unknown) hint = elevation_source_hint(activity.metadata.product);
    activity.elevation_source = hint;
}

core::ElevationSource elevation_source_hint(std::string_view creator) {
    const std::string name = squeeze_lower(creator);
    if (name.empty()) return core::ElevationSource::unknown;
    for (const std::string_view device : k_barometric_devices) {
        if (name.find(device) != std::string::npos) return core::ElevationSource::barometric;
    }
    return core::ElevationSource::unknown;
}

}  // namespace hillcoach::io
