#include "hillcoach/io/fit/fit_activity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "hillcoach/io/fit/fit_activity_split.hpp"
#include "hillcoach/io/fit/fit_profile.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
// Records are reserved from the first record definition: data bytes left / message size, capped so that a
// hostile header cannot make us reserve gigabytes (a 28-hour run at 1 Hz has 100,000 records).
constexpr std::uint64_t k_max_reserved_records = 1U << 21;

// compressed_speed_distance (Forerunner 70): 12 bits of speed in 1/100 m/s, then 12 bits of distance in
// 1/16 m that wrap at 4096 and accumulate (FIT profile, record field 8 and its components).
constexpr double k_compressed_speed_scale = 100.0;
constexpr double k_compressed_distance_scale = 16.0;
constexpr std::uint32_t k_compressed_distance_mask = 0xFFF;

std::optional<std::uint8_t> enum_value(const Message& m, const Field& f) {
    const auto v = m.raw(f.number);
    if (!v) return std::nullopt;
    return static_cast<std::uint8_t>(*v);
}

std::optional<std::uint32_t> time_value(const Message& m, const Field& f) {
    const auto v = m.raw(f.number);
    if (!v) return std::nullopt;
    return static_cast<std::uint32_t>(*v);
}

// Totals shared by lap and session (their field numbers differ, their meaning does not).
struct TotalsFields {
    const Field& elapsed;
    const Field& timer;
    const Field& distance;
    const Field& calories;
    const Field& avg_hr;
    const Field& max_hr;
    const Field& ascent;
    const Field& descent;
    const Field& max_speed;
    const Field& enhanced_max_speed;
};

constexpr TotalsFields k_lap_totals{lap::total_elapsed_time, lap::total_timer_time, lap::total_distance,
                                    lap::total_calories,     lap::avg_heart_rate,   lap::max_heart_rate,
                                    lap::total_ascent,       lap::total_descent,    lap::max_speed,
                                    lap::enhanced_max_speed};
constexpr TotalsFields k_session_totals{
    session::total_elapsed_time, session::total_timer_time,  session::total_distance, session::total_calories,
    session::avg_heart_rate,     session::max_heart_rate,    session::total_ascent,   session::total_descent,
    session::max_speed,          session::enhanced_max_speed};

core::DeviceTotals read_totals(const Message& m, const TotalsFields& f) {
    core::DeviceTotals t;
    t.elapsed_s = m.optional_value(f.elapsed);
    t.timer_s = m.optional_value(f.timer);
    t.distance_m = m.optional_value(f.distance);
    t.calories_kcal = m.optional_value(f.calories);
    t.avg_heart_rate_bpm = m.optional_value(f.avg_hr);
    t.max_heart_rate_bpm = m.optional_value(f.max_hr);
    t.ascent_m = m.optional_value(f.ascent);
    t.descent_m = m.optional_value(f.descent);
    t.max_speed_m_s = m.optional_value(f.enhanced_max_speed);
    if (!t.max_speed_m_s) t.max_speed_m_s = m.optional_value(f.max_speed);
    return t;
}

}  // namespace

struct ActivityBuilder::FileState {
    std::size_t index = 0;
    FileHeader header;
    RawFile raw;
    // compressed_speed_distance accumulator
    std::optional<std::uint32_t> last_compressed_distance;
    std::uint64_t compressed_distance_sum = 0;

    void on_record(const Message& m);
    void on_event(const Message& m);
    void on_file_id(const Message& m);
    void note_time(std::uint32_t fit_s, std::uint64_t offset) {
        if (fit_s < k_min_absolute_fit_time && !raw.first_relative_time_offset) {
            raw.first_relative_time_offset = offset;
        }
    }
    void add_compressed_speed_distance(const Message& m, double& speed, double& distance);
};

void ActivityBuilder::FileState::on_record(const Message& m) {
    core::Samples& s = raw.samples;
    const auto t = m.timestamp();
    if (t) note_time(*t, m.byte_offset());
    s.time_s.push_back(t ? fit_time_to_unix(*t) : k_nan);

    double lat = m.value(record::position_lat) * k_degrees_per_semicircle;
    double lon = m.value(record::position_long) * k_degrees_per_semicircle;
    if (!(std::abs(lat) <= 90.0 && std::abs(lon) <= 180.0)) {  // also false for NaN
        lat = k_nan;
        lon = k_nan;
    }
    s.latitude_deg.push_back(lat);
    s.longitude_deg.push_back(lon);

    double elevation = m.value(record::enhanced_altitude);
    if (std::isnan(elevation)) elevation = m.value(record::altitude);
    s.elevation_m.push_back(elevation);

    double distance = m.value(record::distance);
    double speed = m.value(record::enhanced_speed);
    if (std::isnan(speed)) speed = m.value(record::speed);
    if (m.has(record::compressed_speed_distance.number)) add_compressed_speed_distance(m, speed, distance);
    s.distance_m.push_back(distance);
    s.speed_m_s.push_back(speed);

    s.heart_rate_bpm.push_back(m.value(record::heart_rate));
    double cadence = m.value(record::cadence);
    const double fraction = m.value(record::fractional_cadence);
    if (!std::isnan(fraction)) cadence += fraction;
    s.cadence_rpm.push_back(cadence);
    s.power_w.push_back(m.value(record::power));
    s.temperature_c.push_back(m.value(record::temperature));
}

void ActivityBuilder::FileState::add_compressed_speed_distance(const Message& m, double& speed,
                                                               double& distance) {
    const auto b = m.bytes(record::compressed_speed_distance.number);
    if (b.size() < 3 || (b[0] == 0xFF && b[1] == 0xFF && b[2] == 0xFF)) return;
    const std::uint32_t raw_speed = b[0] | (static_cast<std::uint32_t>(b[1] & 0x0F) << 8);
    const std::uint32_t raw_distance = (b[1] >> 4) | (static_cast<std::uint32_t>(b[2]) << 4);
    if (last_compressed_distance) {
        compressed_distance_sum += (raw_distance - *last_compressed_distance) & k_compressed_distance_mask;
    } else {
        compressed_distance_sum = raw_distance;
    }
    last_compressed_distance = raw_distance;
    if (std::isnan(speed)) speed = raw_speed / k_compressed_speed_scale;
    if (std::isnan(distance))
        distance = static_cast<double>(compressed_distance_sum) / k_compressed_distance_scale;
}

void ActivityBuilder::FileState::on_event(const Message& m) {
    const auto event_number = enum_value(m, event::event);
    const auto type = enum_value(m, event::event_type);
    const auto t = m.timestamp();
    if (!event_number || !type || !t || *event_number != event_value::timer) return;
    note_time(*t, m.byte_offset());
    switch (*type) {
        case event_type_value::start:
            if (raw.open_pause_start && *t > *raw.open_pause_start)
                raw.pauses.push_back({*raw.open_pause_start, *t});
            raw.open_pause_start.reset();
            break;
        case event_type_value::stop:
        case event_type_value::stop_all:
        case event_type_value::stop_disable:
        case event_type_value::stop_disable_all:
            if (!raw.open_pause_start) raw.open_pause_start = *t;
            break;
        default:
            break;
    }
}

void ActivityBuilder::FileState::on_file_id(const Message& m) {
    if (raw.file_id_offset) return;  // the first file_id names the file
    raw.file_id_offset = m.byte_offset();
    raw.file_type = enum_value(m, file_id::type);
    if (const auto v = m.raw(file_id::manufacturer.number)) raw.manufacturer = static_cast<std::uint16_t>(*v);
    if (const auto v = m.raw(file_id::product.number)) raw.product = static_cast<std::uint16_t>(*v);
    raw.product_name = std::string(m.text(file_id::product_name.number));
    raw.time_created = time_value(m, file_id::time_created);
}

ActivityBuilder::ActivityBuilder(const core::Location& source) : m_source(source) {}
ActivityBuilder::~ActivityBuilder() = default;

void ActivityBuilder::on_file(std::size_t file_index, const FileHeader& header, std::uint64_t /*offset*/) {
    m_files.push_back(std::make_unique<FileState>());
    m_file = m_files.back().get();
    m_file->index = file_index;
    m_file->header = header;
}

void ActivityBuilder::on_definition(const MessageDefinition& definition, std::uint8_t /*local_type*/,
                                    std::uint64_t data_bytes_left) {
    if (definition.global != mesg::record || m_file == nullptr) return;
    const std::uint64_t estimate = std::min(data_bytes_left / (definition.size + 1U), k_max_reserved_records);
    core::Samples& s = m_file->raw.samples;
    if (s.time_s.capacity() < s.size() + estimate) s.reserve(static_cast<std::size_t>(s.size() + estimate));
}

void ActivityBuilder::on_message(const Message& m) {
    FileState& f = *m_file;
    switch (m.global()) {
        case mesg::record:
            f.on_record(m);
            break;
        case mesg::event:
            f.on_event(m);
            break;
        case mesg::file_id:
            f.on_file_id(m);
            break;
        case mesg::lap: {
            RawLap lap;
            lap.totals = read_totals(m, k_lap_totals);
            lap.start = time_value(m, lap::start_time);
            lap.end = m.timestamp();
            if (const auto v = enum_value(m, lap::intensity)) lap.intensity = std::string(intensity_name(*v));
            if (const auto v = enum_value(m, lap::lap_trigger))
                lap.trigger = std::string(lap_trigger_name(*v));
            lap.sport = enum_value(m, lap::sport);
            if (lap.start) f.note_time(*lap.start, m.byte_offset());
            f.raw.laps.push_back(std::move(lap));
            break;
        }
        case mesg::session: {
            RawSession session;
            session.totals = read_totals(m, k_session_totals);
            session.start = time_value(m, session::start_time);
            session.end = m.timestamp();
            session.sport = enum_value(m, session::sport);
            session.sub_sport = enum_value(m, session::sub_sport);
            if (session.start) f.note_time(*session.start, m.byte_offset());
            f.raw.sessions.push_back(session);
            break;
        }
        case mesg::activity:
            f.raw.activity_time = m.timestamp();
            f.raw.local_time = time_value(m, activity::local_timestamp);
            break;
        case mesg::sport:
            if (!f.raw.sport) {
                f.raw.sport = enum_value(m, sport::sport);
                f.raw.sub_sport = enum_value(m, sport::sub_sport);
            }
            break;
        case mesg::hr:
            m_heart_beats.add(m);
            break;
        case mesg::timestamp_correlation: {
            const auto utc = time_value(m, timestamp_correlation::timestamp);
            const auto system = time_value(m, timestamp_correlation::system_timestamp);
            if (utc && system && *utc >= k_min_absolute_fit_time) {
                raw_correlate(f.raw, *utc, *system);
            }
            break;
        }
        default:
            break;
    }
}

core::Expected<std::vector<core::Activity>> ActivityBuilder::finish(const DecodeResult& decoded) {
    std::vector<RawFile*> files;
    for (auto& f : m_files) {
        f->raw.file_index = f->index;
        f->raw.protocol_version = f->header.protocol_version;
        files.push_back(&f->raw);
    }
    auto activities = build_activities(files, decoded, m_source);
    if (!activities || m_heart_beats.empty()) return activities;
    const std::vector<HeartBeat> beats = m_heart_beats.beats();
    for (core::Activity& a : *activities) fill_heart_rate(a.samples, beats);
    if (const std::size_t lost = m_heart_beats.unplaced(); lost > 0) {
        core::Location where = m_source;
        where.byte_offset = m_heart_beats.first_offset();
        const auto warning = core::make_warning(
            core::ErrorCode::fit_bad_time, where,
            fmt::format(
                "{} heart beats in hr messages cannot be placed in time (no hr message ties the chest "
                "strap's clock to UTC) and are left out",
                lost));
        for (core::Activity& a : *activities) a.warnings.push_back(warning);
    }
    return activities;
}

}  // namespace hillcoach::io::fit
