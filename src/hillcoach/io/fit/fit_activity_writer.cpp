#include "hillcoach/io/fit/fit_activity_writer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "hillcoach/io/fit/fit_encoder.hpp"
#include "hillcoach/io/fit/fit_profile.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::string_view k_product_name = "hillcoach";
constexpr std::uint8_t k_activity_type_manual = 0;
constexpr double k_fractional_cadence_steps = 128.0;  // record.fractional_cadence scale

// Which record fields to write: a channel with no value in any sample is left out of the definition.
struct RecordLayout {
    bool position = false;
    bool elevation = false;
    bool distance = false;
    bool speed = false;
    bool heart_rate = false;
    bool cadence = false;
    bool fractional_cadence = false;
    bool power = false;
    bool temperature = false;
};

RecordLayout layout_for(const core::Samples& s) {
    RecordLayout l;
    l.position = core::Samples::has_values(s.latitude_deg) && core::Samples::has_values(s.longitude_deg);
    l.elevation = core::Samples::has_values(s.elevation_m);
    l.distance = core::Samples::has_values(s.distance_m);
    l.speed = core::Samples::has_values(s.speed_m_s);
    l.heart_rate = core::Samples::has_values(s.heart_rate_bpm);
    l.cadence = core::Samples::has_values(s.cadence_rpm);
    l.fractional_cadence =
        std::any_of(s.cadence_rpm.begin(), s.cadence_rpm.end(), [](double c) { return c != std::floor(c); });
    l.power = core::Samples::has_values(s.power_w);
    l.temperature = core::Samples::has_values(s.temperature_c);
    return l;
}

FieldValue semicircles(const Field& f, double degrees) {
    if (std::isnan(degrees)) return field(f, k_nan);
    auto v = std::llround(degrees / k_degrees_per_semicircle);
    if (v == 2147483648LL) v = -2147483648LL;  // +180 degrees is the same meridian as -180
    return field_raw(f, v);
}

std::vector<FieldValue> record_fields(const core::Samples& s, std::size_t i, const RecordLayout& l) {
    std::vector<FieldValue> v;
    v.reserve(11);
    v.push_back(field_time(record::timestamp, s.time_s[i]));
    if (l.position) {
        v.push_back(semicircles(record::position_lat, s.latitude_deg[i]));
        v.push_back(semicircles(record::position_long, s.longitude_deg[i]));
    }
    if (l.distance) v.push_back(field(record::distance, s.distance_m[i]));
    if (l.elevation) v.push_back(field(record::enhanced_altitude, s.elevation_m[i]));
    if (l.speed) v.push_back(field(record::enhanced_speed, s.speed_m_s[i]));
    if (l.heart_rate) v.push_back(field(record::heart_rate, std::round(s.heart_rate_bpm[i])));
    if (l.cadence) {
        const double c = s.cadence_rpm[i];
        double whole = std::floor(c);
        double steps = std::round((c - whole) * k_fractional_cadence_steps);
        if (steps >= k_fractional_cadence_steps) {
            whole += 1.0;
            steps = 0.0;
        }
        v.push_back(field(record::cadence, whole));
        if (l.fractional_cadence)
            v.push_back(field(record::fractional_cadence, steps / k_fractional_cadence_steps));
    }
    if (l.power) v.push_back(field(record::power, std::round(s.power_w[i])));
    if (l.temperature) v.push_back(field(record::temperature, std::round(s.temperature_c[i])));
    return v;
}

void add_timer_event(Encoder& e, double unix_s, std::uint8_t type) {
    const FieldValue v[] = {field_time(event::timestamp, unix_s), field_raw(event::event, event_value::timer),
                            field_raw(event::event_type, type), field_raw(event::event_group, 0)};
    e.add(mesg::event, v);
}

double first_time(const core::Activity& a) {
    for (double t : a.samples.time_s) {
        if (!std::isnan(t)) return t;
    }
    if (a.device.start_time_s) return *a.device.start_time_s;
    return a.metadata.start_time_s.value_or(k_nan);
}

double last_time(const core::Activity& a) {
    for (auto it = a.samples.time_s.rbegin(); it != a.samples.time_s.rend(); ++it) {
        if (!std::isnan(*it)) return *it;
    }
    const double start = first_time(a);
    return start + a.device.elapsed_s.value_or(0.0);
}

double opt(const std::optional<double>& v) {
    return v.value_or(k_nan);
}

// Records, with the timer stop/start events of the pauses between them in time order.
void add_records(Encoder& e, const core::Activity& a) {
    const core::Samples& s = a.samples;
    const RecordLayout layout = layout_for(s);
    std::vector<core::Pause> pauses = a.pauses;
    std::sort(pauses.begin(), pauses.end(),
              [](const auto& x, const auto& y) { return x.start_s < y.start_s; });
    std::size_t next_pause = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        while (next_pause < pauses.size() && pauses[next_pause].start_s < s.time_s[i]) {
            add_timer_event(e, pauses[next_pause].start_s, event_type_value::stop_all);
            add_timer_event(e, pauses[next_pause].end_s, event_type_value::start);
            ++next_pause;
        }
        const auto fields = record_fields(s, i, layout);
        e.add(mesg::record, fields);
    }
    for (; next_pause < pauses.size(); ++next_pause) {
        add_timer_event(e, pauses[next_pause].start_s, event_type_value::stop_all);
        add_timer_event(e, pauses[next_pause].end_s, event_type_value::start);
    }
}

void add_totals(std::vector<FieldValue>& v, const core::DeviceTotals& t, const Field& elapsed,
                const Field& timer, const Field& distance, const Field& calories, const Field& avg_hr,
                const Field& max_hr, const Field& ascent, const Field& descent, const Field& max_speed) {
    v.push_back(field(elapsed, opt(t.elapsed_s)));
    v.push_back(field(timer, opt(t.timer_s)));
    v.push_back(field(distance, opt(t.distance_m)));
    v.push_back(field(calories, t.calories_kcal ? std::round(*t.calories_kcal) : k_nan));
    v.push_back(field(avg_hr, t.avg_heart_rate_bpm ? std::round(*t.avg_heart_rate_bpm) : k_nan));
    v.push_back(field(max_hr, t.max_heart_rate_bpm ? std::round(*t.max_heart_rate_bpm) : k_nan));
    v.push_back(field(ascent, t.ascent_m ? std::round(*t.ascent_m) : k_nan));
    v.push_back(field(descent, t.descent_m ? std::round(*t.descent_m) : k_nan));
    v.push_back(field(max_speed, opt(t.max_speed_m_s)));
}

std::optional<std::uint8_t> value_named(const std::string& name, std::string_view (*name_of)(std::uint8_t),
                                        std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        if (!name.empty() && name_of(static_cast<std::uint8_t>(i)) == name)
            return static_cast<std::uint8_t>(i);
    }
    return std::nullopt;
}

void add_laps(Encoder& e, const core::Activity& a) {
    std::vector<core::Lap> laps = a.laps;
    if (laps.empty()) {
        core::Lap whole;
        whole.totals = a.device;
        whole.end_sample = a.samples.size();
        laps.push_back(whole);
    }
    const auto& t = a.samples.time_s;
    for (std::size_t i = 0; i < laps.size(); ++i) {
        const core::Lap& lap = laps[i];
        double start =
            lap.totals.start_time_s.value_or(lap.first_sample < t.size() ? t[lap.first_sample] : k_nan);
        if (std::isnan(start)) start = first_time(a);
        double end =
            lap.end_sample > lap.first_sample && lap.end_sample <= t.size() ? t[lap.end_sample - 1] : k_nan;
        if (std::isnan(end)) end = start + lap.totals.elapsed_s.value_or(0.0);
        std::vector<FieldValue> v{
            field_time(lap::timestamp, end), field_raw(lap::message_index, static_cast<std::int64_t>(i)),
            field_raw(lap::event, event_value::lap), field_raw(lap::event_type, event_type_value::stop),
            field_time(lap::start_time, start)};
        add_totals(v, lap.totals, lap::total_elapsed_time, lap::total_timer_time, lap::total_distance,
                   lap::total_calories, lap::avg_heart_rate, lap::max_heart_rate, lap::total_ascent,
                   lap::total_descent, lap::enhanced_max_speed);
        const auto intensity = value_named(lap.intensity, intensity_name, 16);
        const auto trigger = value_named(lap.trigger, lap_trigger_name, 16);
        v.push_back(intensity ? field_raw(lap::intensity, *intensity) : field(lap::intensity, k_nan));
        v.push_back(trigger ? field_raw(lap::lap_trigger, *trigger) : field(lap::lap_trigger, k_nan));
        e.add(mesg::lap, v);
    }
}

// FIT sport and sub_sport: the file's own words where they are FIT names, else from hillcoach's Sport.
std::pair<std::uint8_t, std::uint8_t> fit_sport(const core::Metadata& m) {
    if (const auto s = sport_from_name(m.sport_raw))
        return {*s, sub_sport_from_name(m.sub_sport).value_or(0)};
    constexpr std::uint8_t running = 1, cycling = 2, swimming = 5, walking = 11, hiking = 17;
    constexpr std::uint8_t treadmill = 1, trail = 3;
    switch (m.sport) {
        case core::Sport::running:
            return {running, 0};
        case core::Sport::trail_running:
            return {running, trail};
        case core::Sport::treadmill_running:
            return {running, treadmill};
        case core::Sport::walking:
            return {walking, 0};
        case core::Sport::hiking:
            return {hiking, 0};
        case core::Sport::cycling:
            return {cycling, 0};
        case core::Sport::swimming:
            return {swimming, 0};
        case core::Sport::other:
        case core::Sport::unknown:
            break;
    }
    return {0, 0};
}

void add_session(Encoder& e, const core::Activity& a, double start, double end, std::size_t laps) {
    const auto [sport_value, sub_sport_value] = fit_sport(a.metadata);
    std::vector<FieldValue> v{field_time(session::timestamp, end),
                              field_raw(session::message_index, 0),
                              field_raw(session::event, event_value::session),
                              field_raw(session::event_type, event_type_value::stop),
                              field_time(session::start_time, a.device.start_time_s.value_or(start)),
                              field_raw(session::sport, sport_value),
                              field_raw(session::sub_sport, sub_sport_value),
                              field_raw(session::first_lap_index, 0),
                              field_raw(session::num_laps, static_cast<std::int64_t>(laps))};
    add_totals(v, a.device, session::total_elapsed_time, session::total_timer_time, session::total_distance,
               session::total_calories, session::avg_heart_rate, session::max_heart_rate,
               session::total_ascent, session::total_descent, session::enhanced_max_speed);
    e.add(mesg::session, v);
}

}  // namespace

std::string write_fit_activity(const core::Activity& activity) {
    Encoder e;
    const double start = first_time(activity);
    const double end = last_time(activity);
    const FieldValue id[] = {field_raw(file_id::type, file_type::activity),
                             field_raw(file_id::manufacturer, manufacturer_id::development),
                             field_raw(file_id::product, 0), field_time(file_id::time_created, start),
                             field_text(file_id::product_name, k_product_name, 16)};
    e.add(mesg::file_id, id);
    const FieldValue device[] = {field_time(device_info::timestamp, start),
                                 field_raw(device_info::device_index, 0),
                                 field_raw(device_info::manufacturer, manufacturer_id::development),
                                 field_raw(device_info::product, 0)};
    e.add(mesg::device_info, device);
    add_timer_event(e, start, event_type_value::start);
    add_records(e, activity);
    add_timer_event(e, end, event_type_value::stop_all);
    add_laps(e, activity);
    add_session(e, activity, start, end, std::max<std::size_t>(1, activity.laps.size()));
    std::vector<FieldValue> act{field_time(activity::timestamp, end),
                                field(activity::total_timer_time, opt(activity.device.timer_s)),
                                field_raw(activity::num_sessions, 1),
                                field_raw(activity::type, k_activity_type_manual),
                                field_raw(activity::event, event_value::activity),
                                field_raw(activity::event_type, event_type_value::stop)};
    if (activity.metadata.utc_offset_s) {
        act.push_back(field_time(activity::local_timestamp, end + *activity.metadata.utc_offset_s));
    }
    e.add(mesg::activity, act);
    return e.finish();
}

}  // namespace hillcoach::io::fit
