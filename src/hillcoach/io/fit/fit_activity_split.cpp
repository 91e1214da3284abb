#include "hillcoach/io/fit/fit_activity_split.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

#include "hillcoach/io/fit/fit_profile.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
// activity.local_timestamp - activity.timestamp is taken as the UTC offset only when it is within the
// offsets in use (UTC-12 to UTC+14) and within a minute of a multiple of 15 minutes (every zone is).
constexpr std::int64_t k_max_utc_offset_s = 14 * 3600;
constexpr std::int64_t k_utc_offset_step_s = 900;
constexpr std::int64_t k_utc_offset_tolerance_s = 60;

double place(std::uint32_t fit_s, const RawFile& f) {
    auto t = static_cast<std::int64_t>(fit_s);
    if (fit_s < k_min_absolute_fit_time && f.system_to_utc_s) t += *f.system_to_utc_s;
    return static_cast<double>(t + k_fit_epoch_unix_s);
}

std::optional<double> place(const std::optional<std::uint32_t>& fit_s, const RawFile& f) {
    if (!fit_s) return std::nullopt;
    return place(*fit_s, f);
}

// Device-relative sample times move by the correlation offset when the file gives one.
void place_relative_samples(RawFile& f) {
    if (!f.first_relative_time_offset || !f.system_to_utc_s) return;
    const double limit = fit_time_to_unix(k_min_absolute_fit_time);
    const auto shift = static_cast<double>(*f.system_to_utc_s);
    for (double& t : f.samples.time_s) {
        if (t < limit) t += shift;
    }
}

bool times_unplaced(const RawFile& f) {
    return f.first_relative_time_offset && !f.system_to_utc_s;
}

bool is_activity_file(const RawFile& f) {
    if (f.file_type) return *f.file_type == file_type::activity;
    // No file type (sports-lib broken-dates.fit): an activity if it carries activity content.
    return !f.samples.empty() || !f.sessions.empty();
}

std::string name_or_number(std::string_view name, unsigned value) {
    return name.empty() ? std::to_string(value) : std::string(name);
}

std::optional<int> utc_offset(const RawFile& f) {
    if (!f.activity_time || !f.local_time) return std::nullopt;
    const std::int64_t d =
        static_cast<std::int64_t>(*f.local_time) - static_cast<std::int64_t>(*f.activity_time);
    if (std::llabs(d) > k_max_utc_offset_s + k_utc_offset_tolerance_s) return std::nullopt;
    const std::int64_t rounded =
        static_cast<std::int64_t>(std::llround(static_cast<double>(d) / k_utc_offset_step_s)) *
        k_utc_offset_step_s;
    if (std::llabs(d - rounded) > k_utc_offset_tolerance_s || std::llabs(rounded) > k_max_utc_offset_s) {
        return std::nullopt;
    }
    return static_cast<int>(rounded);
}

core::ElevationSource elevation_source(const RawFile& f, const core::Samples& s) {
    if (!core::Samples::has_values(s.elevation_m)) return core::ElevationSource::none;
    if (!f.manufacturer || !f.product) return core::ElevationSource::unknown;
    switch (product_altimeter(*f.manufacturer, *f.product)) {
        case Altimeter::barometric:
            return core::ElevationSource::barometric;
        case Altimeter::gps:
            return core::ElevationSource::gps;
        case Altimeter::unknown:
            break;
    }
    return core::ElevationSource::unknown;
}

core::Metadata metadata_for(const RawFile& f, const RawSession* session) {
    core::Metadata m;
    m.format = core::FileFormat::fit;
    m.format_version = protocol_text(f.protocol_version);
    std::optional<std::uint8_t> sport = session ? session->sport : std::nullopt;
    std::optional<std::uint8_t> sub_sport = session ? session->sub_sport : std::nullopt;
    if (!sport) {
        sport = f.sport;
        sub_sport = f.sub_sport;
    }
    if (!sport && !f.laps.empty()) sport = f.laps.front().sport;
    if (sport) m.sport_raw = name_or_number(sport_name(*sport), *sport);
    if (sub_sport) m.sub_sport = name_or_number(sub_sport_name(*sub_sport), *sub_sport);
    m.sport = core::sport_from_text(m.sport_raw, m.sub_sport);
    if (f.manufacturer) {
        m.manufacturer = name_or_number(manufacturer_name(*f.manufacturer), *f.manufacturer);
        if (f.product) {
            const std::string_view known = product_name(*f.manufacturer, *f.product);
            m.product = !known.empty()            ? std::string(known)
                        : !f.product_name.empty() ? f.product_name
                                                  : std::to_string(*f.product);
        } else {
            m.product = f.product_name;
        }
        m.creator = m.product.empty() ? m.manufacturer : m.manufacturer + " " + m.product;
    }
    m.utc_offset_s = utc_offset(f);
    return m;
}

// Index of the session a time belongs to: the last one that started at or before it (the first for earlier
// times). `starts` is ascending.
std::size_t session_for(const std::vector<double>& starts, double t, std::size_t previous) {
    if (std::isnan(t)) return previous;
    const auto it = std::upper_bound(starts.begin(), starts.end(), t);
    return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin() - 1);
}

void append_sample(core::Samples& to, const core::Samples& from, std::size_t i) {
    to.time_s.push_back(from.time_s[i]);
    to.latitude_deg.push_back(from.latitude_deg[i]);
    to.longitude_deg.push_back(from.longitude_deg[i]);
    to.elevation_m.push_back(from.elevation_m[i]);
    to.distance_m.push_back(from.distance_m[i]);
    to.speed_m_s.push_back(from.speed_m_s[i]);
    to.heart_rate_bpm.push_back(from.heart_rate_bpm[i]);
    to.cadence_rpm.push_back(from.cadence_rpm[i]);
    to.power_w.push_back(from.power_w[i]);
    to.temperature_c.push_back(from.temperature_c[i]);
}

// First sample at or after `from` whose time is at least t.
std::size_t first_at_or_after(const std::vector<double>& times, std::size_t from, double t) {
    std::size_t i = from;
    while (i < times.size() && !(times[i] >= t)) ++i;
    return i;
}

// Laps tile the samples: a lap starts at its first sample at or after its start_time and ends where the next
// lap starts; the last lap ends after its last sample at or before its timestamp.
void place_laps(core::Activity& a, const std::vector<const RawLap*>& laps, const RawFile& f) {
    const auto& times = a.samples.time_s;
    std::size_t cursor = 0;
    for (const RawLap* raw : laps) {
        core::Lap lap;
        lap.totals = raw->totals;
        lap.totals.start_time_s = place(raw->start, f);
        lap.intensity = raw->intensity;
        lap.trigger = raw->trigger;
        lap.first_sample =
            lap.totals.start_time_s ? first_at_or_after(times, cursor, *lap.totals.start_time_s) : cursor;
        cursor = lap.first_sample;
        a.laps.push_back(lap);
    }
    for (std::size_t j = 0; j < a.laps.size(); ++j) {
        core::Lap& lap = a.laps[j];
        if (j + 1 < a.laps.size()) {
            lap.end_sample = a.laps[j + 1].first_sample;
        } else {
            std::size_t end = times.size();
            if (laps[j]->end) {
                const double last = place(*laps[j]->end, f);
                end = lap.first_sample;
                while (end < times.size() && !(times[end] > last)) ++end;
            }
            lap.end_sample = end;
        }
        lap.end_sample = std::max(lap.end_sample, lap.first_sample);
    }
}

struct FileActivities {
    std::size_t file_index = 0;
    std::vector<core::Activity> activities;
};

FileActivities split_file(RawFile& f, const core::Location& source) {
    place_relative_samples(f);
    std::vector<const RawSession*> sessions;
    for (const auto& s : f.sessions) sessions.push_back(&s);
    // Sessions in time order; one without a start_time sorts by its end, one with neither last.
    auto key = [&f](const RawSession* s) {
        if (s->start) return place(*s->start, f);
        if (s->end) return place(*s->end, f);
        return std::numeric_limits<double>::infinity();
    };
    std::stable_sort(sessions.begin(), sessions.end(),
                     [&key](const RawSession* a, const RawSession* b) { return key(a) < key(b); });
    std::vector<double> starts;
    for (const RawSession* s : sessions) starts.push_back(key(s));

    FileActivities out;
    out.file_index = f.file_index;
    const std::size_t n = std::max<std::size_t>(1, sessions.size());
    out.activities.resize(n);
    if (n == 1) {
        out.activities[0].samples = std::move(f.samples);
    } else {
        std::size_t k = 0;
        for (std::size_t i = 0; i < f.samples.size(); ++i) {
            k = session_for(starts, f.samples.time_s[i], k);
            append_sample(out.activities[k].samples, f.samples, i);
        }
    }
    std::vector<std::vector<const RawLap*>> laps(n);
    for (const auto& lap : f.laps) {
        const auto t = lap.start ? lap.start : lap.end;
        laps[n == 1 || !t ? 0 : session_for(starts, place(*t, f), 0)].push_back(&lap);
    }
    for (const auto& p : f.pauses) {
        const std::size_t k = n == 1 ? 0 : session_for(starts, place(p.start, f), 0);
        out.activities[k].pauses.push_back({place(p.start, f), place(p.end, f)});
    }
    for (std::size_t k = 0; k < n; ++k) {
        core::Activity& a = out.activities[k];
        const RawSession* session = sessions.empty() ? nullptr : sessions[k];
        a.metadata = metadata_for(f, session);
        a.metadata.source_path = source.file;
        if (session) {
            a.device = session->totals;
            a.device.start_time_s = place(session->start, f);
        }
        if (!times_unplaced(f)) {
            a.metadata.start_time_s = a.device.start_time_s;
            if (!a.metadata.start_time_s) {
                const auto& t = a.samples.time_s;
                const auto first = std::find_if(t.begin(), t.end(), [](double v) { return !std::isnan(v); });
                if (first != t.end()) a.metadata.start_time_s = *first;
            }
        }
        place_laps(a, laps[k], f);
        a.elevation_source = elevation_source(f, a.samples);
    }
    return out;
}

core::Warning unplaced_time_warning(const RawFile& f, const core::Location& source) {
    core::Location where = source;
    where.byte_offset = f.first_relative_time_offset;
    return core::make_warning(
        core::ErrorCode::fit_bad_time, where,
        "timestamps are device-relative (below 0x10000000: seconds since the device clock was reset, as the "
        "Forerunner 70 writes them) and the file has no timestamp_correlation to place them: times are right "
        "relative to each other but read as 1990 dates, and the start date is unknown");
}

// The error when no activity can be made.
core::Error no_activity_error(std::span<RawFile* const> files, const DecodeResult& decoded,
                              const core::Location& source) {
    for (const RawFile* f : files) {
        if (f->file_type && *f->file_type != file_type::activity) {
            core::Location where = source;
            where.byte_offset = f->file_id_offset;
            const std::string_view name = file_type_name(*f->file_type);
            return core::make_error(
                core::ErrorCode::fit_not_activity, where,
                fmt::format("the FIT file is a {} file (file_id.type {}), not an activity",
                            name.empty() ? std::string_view("other") : name, *f->file_type));
        }
    }
    for (const DecodeWarning& w : decoded.warnings) {
        const auto code = w.warning.code;
        if (code == core::ErrorCode::fit_truncated || code == core::ErrorCode::fit_undefined_message ||
            code == core::ErrorCode::fit_bad_definition || code == core::ErrorCode::fit_bad_header) {
            return core::make_error(code, w.warning.where, w.warning.reason + " (nothing could be read)");
        }
    }
    core::Location where = source;
    where.byte_offset = 0;
    return core::make_error(core::ErrorCode::no_points, where,
                            "the FIT file has no record and no session message");
}

}  // namespace

void raw_correlate(RawFile& file, std::uint32_t utc_fit_s, std::uint32_t system_fit_s) {
    if (!file.system_to_utc_s) {
        file.system_to_utc_s = static_cast<std::int64_t>(utc_fit_s) - static_cast<std::int64_t>(system_fit_s);
    }
}

core::Expected<std::vector<core::Activity>> build_activities(std::span<RawFile* const> files,
                                                             const DecodeResult& decoded,
                                                             const core::Location& source) {
    std::vector<FileActivities> per_file;
    for (RawFile* f : files) {
        if (!is_activity_file(*f) || (f->samples.empty() && f->sessions.empty())) continue;
        const bool unplaced = times_unplaced(*f);
        per_file.push_back(split_file(*f, source));
        if (unplaced) {
            for (auto& a : per_file.back().activities)
                a.warnings.push_back(unplaced_time_warning(*f, source));
        }
    }
    if (per_file.empty()) return no_activity_error(files, decoded, source);

    // A decoder warning goes to the activities of its file, or of the nearest earlier file that has some.
    for (const DecodeWarning& w : decoded.warnings) {
        FileActivities* target = &per_file.front();
        for (auto& fa : per_file) {
            if (fa.file_index <= w.file_index) target = &fa;
        }
        for (auto& a : target->activities) a.warnings.push_back(w.warning);
    }
    std::vector<core::Activity> out;
    for (auto& fa : per_file) {
        for (auto& a : fa.activities) out.push_back(std::move(a));
    }
    return out;
}

}  // namespace hillcoach::io::fit
