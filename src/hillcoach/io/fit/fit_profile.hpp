#pragma once
// The part of the FIT profile (Garmin's FIT SDK "Profile", public) that hillcoach reads and writes, as data:
// base types with their invalid values, message numbers, every field used with its scale, offset and unit,
// and the names of the enumerations that reach Metadata (sport, sub_sport, manufacturer, Garmin products).
//
// A stored FIT value v means v / scale - offset in the unit. The FIT epoch and the semicircle factor are
// named here once; nothing else in hillcoach writes them.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hillcoach::io::fit {

// FIT time 0 is 1989-12-31T00:00:00Z, which is this many seconds after the Unix epoch.
inline constexpr std::int64_t k_fit_epoch_unix_s = 631065600;
// FIT date_time values below this are "system time": seconds since the device was powered on or reset,
// not since the FIT epoch (FIT profile, type date_time). The Forerunner 70 writes them.
inline constexpr std::uint32_t k_min_absolute_fit_time = 0x10000000;
// Positions are stored in semicircles: 2^31 semicircles = 180 degrees.
inline constexpr double k_degrees_per_semicircle = 180.0 / 2147483648.0;

// Base type numbers as written in a definition message (the low 5 bits name the type; bit 7 says the type
// is wider than one byte, so endianness applies).
enum class BaseType : std::uint8_t {
    enum_ = 0x00,
    sint8 = 0x01,
    uint8 = 0x02,
    sint16 = 0x83,
    uint16 = 0x84,
    sint32 = 0x85,
    uint32 = 0x86,
    string = 0x07,
    float32 = 0x88,
    float64 = 0x89,
    uint8z = 0x0A,
    uint16z = 0x8B,
    uint32z = 0x8C,
    byte = 0x0D,
    sint64 = 0x8E,
    uint64 = 0x8F,
    uint64z = 0x90,
};

struct BaseTypeInfo {
    BaseType type = BaseType::byte;
    std::uint8_t size = 1;  // bytes of one element
    bool is_signed = false;
    bool is_float = false;
    bool is_text = false;       // string: NUL-terminated UTF-8
    std::uint64_t invalid = 0;  // the "no value" pattern of one element
    std::string_view name;
};

// The base type for a definition's base type byte, or nullptr for a byte that names none.
const BaseTypeInfo* base_type_info(std::uint8_t base_type_byte);
const BaseTypeInfo& base_type_info(BaseType type);

// Global message numbers used by hillcoach.
namespace mesg {
inline constexpr std::uint16_t file_id = 0;
inline constexpr std::uint16_t sport = 12;
inline constexpr std::uint16_t session = 18;
inline constexpr std::uint16_t lap = 19;
inline constexpr std::uint16_t record = 20;
inline constexpr std::uint16_t event = 21;
inline constexpr std::uint16_t device_info = 23;
inline constexpr std::uint16_t workout = 26;
inline constexpr std::uint16_t workout_step = 27;
inline constexpr std::uint16_t activity = 34;
inline constexpr std::uint16_t file_creator = 49;
inline constexpr std::uint16_t hr = 132;
inline constexpr std::uint16_t timestamp_correlation = 162;
inline constexpr std::uint16_t field_description = 206;
inline constexpr std::uint16_t developer_data_id = 207;
}  // namespace mesg

// One field of one message as the profile defines it.
struct Field {
    std::uint16_t message = 0;
    std::uint8_t number = 0;
    BaseType type = BaseType::byte;
    double scale = 1.0;
    double offset = 0.0;
    std::string_view name;
    std::string_view units;
};

// Field numbers shared by every message.
inline constexpr std::uint8_t k_timestamp_field = 253;
inline constexpr std::uint8_t k_message_index_field = 254;

// The fields hillcoach reads or writes, one constant each, grouped by message. The table k_fields below lists
// them all (docs/formats/fit.md is written from it).
namespace file_id {
inline constexpr Field type{mesg::file_id, 0, BaseType::enum_, 1, 0, "type", ""};
inline constexpr Field manufacturer{mesg::file_id, 1, BaseType::uint16, 1, 0, "manufacturer", ""};
inline constexpr Field product{mesg::file_id, 2, BaseType::uint16, 1, 0, "product", ""};
inline constexpr Field serial_number{mesg::file_id, 3, BaseType::uint32z, 1, 0, "serial_number", ""};
inline constexpr Field time_created{mesg::file_id, 4, BaseType::uint32, 1, 0, "time_created", "s"};
inline constexpr Field product_name{mesg::file_id, 8, BaseType::string, 1, 0, "product_name", ""};
}  // namespace file_id

namespace sport {
inline constexpr Field sport{mesg::sport, 0, BaseType::enum_, 1, 0, "sport", ""};
inline constexpr Field sub_sport{mesg::sport, 1, BaseType::enum_, 1, 0, "sub_sport", ""};
}  // namespace sport

namespace record {
inline constexpr Field timestamp{mesg::record, 253, BaseType::uint32, 1, 0, "timestamp", "s"};
inline constexpr Field position_lat{mesg::record, 0, BaseType::sint32, 1, 0, "position_lat", "semicircles"};
inline constexpr Field position_long{mesg::record, 1, BaseType::sint32, 1, 0, "position_long", "semicircles"};
inline constexpr Field altitude{mesg::record, 2, BaseType::uint16, 5, 500, "altitude", "m"};
inline constexpr Field heart_rate{mesg::record, 3, BaseType::uint8, 1, 0, "heart_rate", "bpm"};
inline constexpr Field cadence{mesg::record, 4, BaseType::uint8, 1, 0, "cadence", "rpm"};
inline constexpr Field distance{mesg::record, 5, BaseType::uint32, 100, 0, "distance", "m"};
inline constexpr Field speed{mesg::record, 6, BaseType::uint16, 1000, 0, "speed", "m/s"};
inline constexpr Field power{mesg::record, 7, BaseType::uint16, 1, 0, "power", "W"};
// 3 bytes: speed in the low 12 bits (scale 100, m/s), distance in the high 12 bits (scale 16, m,
// accumulating).
inline constexpr Field compressed_speed_distance{
    mesg::record, 8, BaseType::byte, 1, 0, "compressed_speed_distance", ""};
inline constexpr Field temperature{mesg::record, 13, BaseType::sint8, 1, 0, "temperature", "C"};
inline constexpr Field fractional_cadence{mesg::record,         53,   BaseType::uint8, 128, 0,
                                          "fractional_cadence", "rpm"};
inline constexpr Field enhanced_speed{mesg::record, 73, BaseType::uint32, 1000, 0, "enhanced_speed", "m/s"};
inline constexpr Field enhanced_altitude{mesg::record,        78, BaseType::uint32, 5, 500,
                                         "enhanced_altitude", "m"};
}  // namespace record

namespace event {
inline constexpr Field timestamp{mesg::event, 253, BaseType::uint32, 1, 0, "timestamp", "s"};
inline constexpr Field event{mesg::event, 0, BaseType::enum_, 1, 0, "event", ""};
inline constexpr Field event_type{mesg::event, 1, BaseType::enum_, 1, 0, "event_type", ""};
inline constexpr Field data{mesg::event, 3, BaseType::uint32, 1, 0, "data", ""};
inline constexpr Field event_group{mesg::event, 4, BaseType::uint8, 1, 0, "event_group", ""};
}  // namespace event

// Values of the event and event_type enumerations hillcoach acts on.
namespace event_value {
inline constexpr std::uint8_t timer = 0;
inline constexpr std::uint8_t session = 8;
inline constexpr std::uint8_t lap = 9;
inline constexpr std::uint8_t activity = 26;
}  // namespace event_value
namespace event_type_value {
inline constexpr std::uint8_t start = 0;
inline constexpr std::uint8_t stop = 1;
inline constexpr std::uint8_t marker = 3;
inline constexpr std::uint8_t stop_all = 4;
inline constexpr std::uint8_t stop_disable = 8;
inline constexpr std::uint8_t stop_disable_all = 9;
}  // namespace event_type_value

namespace device_info {
inline constexpr Field timestamp{mesg::device_info, 253, BaseType::uint32, 1, 0, "timestamp", "s"};
inline constexpr Field device_index{mesg::device_info, 0, BaseType::uint8, 1, 0, "device_index", ""};
inline constexpr Field manufacturer{mesg::device_info, 2, BaseType::uint16, 1, 0, "manufacturer", ""};
inline constexpr Field product{mesg::device_info, 4, BaseType::uint16, 1, 0, "product", ""};
inline constexpr Field software_version{mesg::device_info,  5, BaseType::uint16, 100, 0,
                                        "software_version", ""};
}  // namespace device_info

// lap and session share meanings but not numbers (lap.total_ascent is 21, session.total_ascent 22).
namespace lap {
inline constexpr Field timestamp{mesg::lap, 253, BaseType::uint32, 1, 0, "timestamp", "s"};
inline constexpr Field message_index{mesg::lap, 254, BaseType::uint16, 1, 0, "message_index", ""};
inline constexpr Field event{mesg::lap, 0, BaseType::enum_, 1, 0, "event", ""};
inline constexpr Field event_type{mesg::lap, 1, BaseType::enum_, 1, 0, "event_type", ""};
inline constexpr Field start_time{mesg::lap, 2, BaseType::uint32, 1, 0, "start_time", "s"};
inline constexpr Field total_elapsed_time{mesg::lap, 7, BaseType::uint32, 1000, 0, "total_elapsed_time", "s"};
inline constexpr Field total_timer_time{mesg::lap, 8, BaseType::uint32, 1000, 0, "total_timer_time", "s"};
inline constexpr Field total_distance{mesg::lap, 9, BaseType::uint32, 100, 0, "total_distance", "m"};
inline constexpr Field total_calories{mesg::lap, 11, BaseType::uint16, 1, 0, "total_calories", "kcal"};
inline constexpr Field max_speed{mesg::lap, 14, BaseType::uint16, 1000, 0, "max_speed", "m/s"};
inline constexpr Field avg_heart_rate{mesg::lap, 15, BaseType::uint8, 1, 0, "avg_heart_rate", "bpm"};
inline constexpr Field max_heart_rate{mesg::lap, 16, BaseType::uint8, 1, 0, "max_heart_rate", "bpm"};
inline constexpr Field total_ascent{mesg::lap, 21, BaseType::uint16, 1, 0, "total_ascent", "m"};
inline constexpr Field total_descent{mesg::lap, 22, BaseType::uint16, 1, 0, "total_descent", "m"};
inline constexpr Field intensity{mesg::lap, 23, BaseType::enum_, 1, 0, "intensity", ""};
inline constexpr Field lap_trigger{mesg::lap, 24, BaseType::enum_, 1, 0, "lap_trigger", ""};
inline constexpr Field sport{mesg::lap, 25, BaseType::enum_, 1, 0, "sport", ""};
inline constexpr Field enhanced_max_speed{mesg::lap, 111, BaseType::uint32, 1000, 0, "enhanced_max_speed",
                                          "m/s"};
}  // namespace lap

namespace session {
inline constexpr Field timestamp{mesg::session, 253, BaseType::uint32, 1, 0, "timestamp", "s"};
inline constexpr Field message_index{mesg::session, 254, BaseType::uint16, 1, 0, "message_index", ""};
inline constexpr Field event{mesg::session, 0, BaseType::enum_, 1, 0, "event", ""};
inline constexpr Field event_type{mesg::session, 1, BaseType::enum_, 1, 0, "event_type", ""};
inline constexpr Field start_time{mesg::session, 2, BaseType::uint32, 1, 0, "start_time", "s"};
inline constexpr Field sport{mesg::session, 5, BaseType::enum_, 1, 0, "sport", ""};
inline constexpr Field sub_sport{mesg::session, 6, BaseType::enum_, 1, 0, "sub_sport", ""};
inline constexpr Field total_elapsed_time{mesg::session,        7,  BaseType::uint32, 1000, 0,
                                          "total_elapsed_time", "s"};
inline constexpr Field total_timer_time{mesg::session, 8, BaseType::uint32, 1000, 0, "total_timer_time", "s"};
inline constexpr Field total_distance{mesg::session, 9, BaseType::uint32, 100, 0, "total_distance", "m"};
inline constexpr Field total_calories{mesg::session, 11, BaseType::uint16, 1, 0, "total_calories", "kcal"};
inline constexpr Field max_speed{mesg::session, 15, BaseType::uint16, 1000, 0, "max_speed", "m/s"};
inline constexpr Field avg_heart_rate{mesg::session, 16, BaseType::uint8, 1, 0, "avg_heart_rate", "bpm"};
inline constexpr Field max_heart_rate{mesg::session, 17, BaseType::uint8, 1, 0, "max_heart_rate", "bpm"};
inline constexpr Field total_ascent{mesg::session, 22, BaseType::uint16, 1, 0, "total_ascent", "m"};
inline constexpr Field total_descent{mesg::session, 23, BaseType::uint16, 1, 0, "total_descent", "m"};
inline constexpr Field first_lap_index{mesg::session, 25, BaseType::uint16, 1, 0, "first_lap_index", ""};
inline constexpr Field num_laps{mesg::session, 26, BaseType::uint16, 1, 0, "num_laps", ""};
inline constexpr Field enhanced_max_speed{mesg::session,        125,  BaseType::uint32, 1000, 0,
                                          "enhanced_max_speed", "m/s"};
}  // namespace session

namespace activity {
inline constexpr Field timestamp{mesg::activity, 253, BaseType::uint32, 1, 0, "timestamp", "s"};
inline constexpr Field total_timer_time{mesg::activity,     0,  BaseType::uint32, 1000, 0,
                                        "total_timer_time", "s"};
inline constexpr Field num_sessions{mesg::activity, 1, BaseType::uint16, 1, 0, "num_sessions", ""};
inline constexpr Field type{mesg::activity, 2, BaseType::enum_, 1, 0, "type", ""};
inline constexpr Field event{mesg::activity, 3, BaseType::enum_, 1, 0, "event", ""};
inline constexpr Field event_type{mesg::activity, 4, BaseType::enum_, 1, 0, "event_type", ""};
// Local wall-clock time (seconds since 1989-12-31T00:00:00 local): local_timestamp - timestamp = UTC offset.
inline constexpr Field local_timestamp{mesg::activity, 5, BaseType::uint32, 1, 0, "local_timestamp", "s"};
}  // namespace activity

namespace timestamp_correlation {
inline constexpr Field timestamp{mesg::timestamp_correlation, 253, BaseType::uint32, 1, 0, "timestamp", "s"};
inline constexpr Field system_timestamp{mesg::timestamp_correlation, 1,  BaseType::uint32, 1, 0,
                                        "system_timestamp",          "s"};
}  // namespace timestamp_correlation

// Heart rate a chest strap (HRM-Tri, HRM-Pro, HRM-Swim) stored while the watch could not hear it and sent
// after the activity. event_timestamp counts the strap's clock in 1/1024 s; event_timestamp_12 packs 12-bit
// low parts of consecutive event_timestamps (each accumulates over the 4096 wrap from the one before).
namespace hr {
inline constexpr Field timestamp{mesg::hr, 253, BaseType::uint32, 1, 0, "timestamp", "s"};
inline constexpr Field fractional_timestamp{mesg::hr, 0, BaseType::uint16, 32768, 0, "fractional_timestamp",
                                            "s"};
inline constexpr Field time256{mesg::hr, 1, BaseType::uint8, 256, 0, "time256", "s"};
inline constexpr Field filtered_bpm{mesg::hr, 6, BaseType::uint8, 1, 0, "filtered_bpm", "bpm"};
inline constexpr Field event_timestamp{mesg::hr, 9, BaseType::uint32, 1024, 0, "event_timestamp", "s"};
inline constexpr Field event_timestamp_12{mesg::hr, 10, BaseType::byte, 1, 0, "event_timestamp_12", "s"};
}  // namespace hr

namespace workout {
inline constexpr Field sport{mesg::workout, 4, BaseType::enum_, 1, 0, "sport", ""};
inline constexpr Field num_valid_steps{mesg::workout, 6, BaseType::uint16, 1, 0, "num_valid_steps", ""};
inline constexpr Field wkt_name{mesg::workout, 8, BaseType::string, 1, 0, "wkt_name", ""};
inline constexpr Field sub_sport{mesg::workout, 11, BaseType::enum_, 1, 0, "sub_sport", ""};
}  // namespace workout

namespace workout_step {
inline constexpr Field message_index{mesg::workout_step, 254, BaseType::uint16, 1, 0, "message_index", ""};
inline constexpr Field wkt_step_name{mesg::workout_step, 0, BaseType::string, 1, 0, "wkt_step_name", ""};
inline constexpr Field duration_type{mesg::workout_step, 1, BaseType::enum_, 1, 0, "duration_type", ""};
inline constexpr Field duration_value{mesg::workout_step, 2, BaseType::uint32, 1, 0, "duration_value", ""};
inline constexpr Field target_type{mesg::workout_step, 3, BaseType::enum_, 1, 0, "target_type", ""};
inline constexpr Field target_value{mesg::workout_step, 4, BaseType::uint32, 1, 0, "target_value", ""};
inline constexpr Field custom_target_value_low{mesg::workout_step,        5, BaseType::uint32, 1, 0,
                                               "custom_target_value_low", ""};
inline constexpr Field custom_target_value_high{mesg::workout_step,         6, BaseType::uint32, 1, 0,
                                                "custom_target_value_high", ""};
inline constexpr Field intensity{mesg::workout_step, 7, BaseType::enum_, 1, 0, "intensity", ""};
inline constexpr Field notes{mesg::workout_step, 8, BaseType::string, 1, 0, "notes", ""};
}  // namespace workout_step

// Every field above, in one table (docs/formats/fit.md lists the same).
inline constexpr std::array k_fields{
    &file_id::type,
    &file_id::manufacturer,
    &file_id::product,
    &file_id::serial_number,
    &file_id::time_created,
    &file_id::product_name,
    &sport::sport,
    &sport::sub_sport,
    &record::timestamp,
    &record::position_lat,
    &record::position_long,
    &record::altitude,
    &record::heart_rate,
    &record::cadence,
    &record::distance,
    &record::speed,
    &record::power,
    &record::compressed_speed_distance,
    &record::temperature,
    &record::fractional_cadence,
    &record::enhanced_speed,
    &record::enhanced_altitude,
    &event::timestamp,
    &event::event,
    &event::event_type,
    &event::data,
    &event::event_group,
    &device_info::timestamp,
    &device_info::device_index,
    &device_info::manufacturer,
    &device_info::product,
    &device_info::software_version,
    &lap::timestamp,
    &lap::message_index,
    &lap::event,
    &lap::event_type,
    &lap::start_time,
    &lap::total_elapsed_time,
    &lap::total_timer_time,
    &lap::total_distance,
    &lap::total_calories,
    &lap::max_speed,
    &lap::avg_heart_rate,
    &lap::max_heart_rate,
    &lap::total_ascent,
    &lap::total_descent,
    &lap::intensity,
    &lap::lap_trigger,
    &lap::sport,
    &lap::enhanced_max_speed,
    &session::timestamp,
    &session::message_index,
    &session::event,
    &session::event_type,
    &session::start_time,
    &session::sport,
    &session::sub_sport,
    &session::total_elapsed_time,
    &session::total_timer_time,
    &session::total_distance,
    &session::total_calories,
    &session::max_speed,
    &session::avg_heart_rate,
    &session::max_heart_rate,
    &session::total_ascent,
    &session::total_descent,
    &session::first_lap_index,
    &session::num_laps,
    &session::enhanced_max_speed,
    &activity::timestamp,
    &activity::total_timer_time,
    &activity::num_sessions,
    &activity::type,
    &activity::event,
    &activity::event_type,
    &activity::local_timestamp,
    &timestamp_correlation::timestamp,
    &timestamp_correlation::system_timestamp,
    &hr::timestamp,
    &hr::fractional_timestamp,
    &hr::time256,
    &hr::filtered_bpm,
    &hr::event_timestamp,
    &hr::event_timestamp_12,
    &workout::sport,
    &workout::num_valid_steps,
    &workout::wkt_name,
    &workout::sub_sport,
    &workout_step::message_index,
    &workout_step::wkt_step_name,
    &workout_step::duration_type,
    &workout_step::duration_value,
    &workout_step::target_type,
    &workout_step::target_value,
    &workout_step::custom_target_value_low,
    &workout_step::custom_target_value_high,
    &workout_step::intensity,
    &workout_step::notes,
};

// The profile's entry for (message, field number), or nullptr where hillcoach does not use that field.
constexpr const Field* find_field(std::uint16_t message, std::uint8_t number) {
    for (const Field* f : k_fields) {
        if (f->message == message && f->number == number) return f;
    }
    return nullptr;
}

// file_id.type values (FIT type "file").
namespace file_type {
inline constexpr std::uint8_t settings = 2;
inline constexpr std::uint8_t activity = 4;
inline constexpr std::uint8_t workout = 5;
inline constexpr std::uint8_t course = 6;
}  // namespace file_type

// Manufacturer ids (FIT type "manufacturer") that the code names; every other id goes through the table.
namespace manufacturer_id {
inline constexpr std::uint16_t garmin = 1;
inline constexpr std::uint16_t dynastream_oem = 13;
inline constexpr std::uint16_t dynastream = 15;
inline constexpr std::uint16_t tacx = 89;
inline constexpr std::uint16_t development = 255;
}  // namespace manufacturer_id

// Names as the FIT profile spells them ("running", "trail", "wahoo_fitness", "fr945"), or "" when the value
// is not in hillcoach's tables (the caller then writes the number).
std::string_view sport_name(std::uint8_t sport);
std::string_view sub_sport_name(std::uint8_t sub_sport);
std::string_view file_type_name(std::uint8_t type);
std::string_view manufacturer_name(std::uint16_t manufacturer);
// A product number names a Garmin product only for the manufacturers that use Garmin's product list.
std::string_view product_name(std::uint16_t manufacturer, std::uint16_t product);
std::string_view lap_trigger_name(std::uint8_t trigger);
std::string_view intensity_name(std::uint8_t intensity);
// The value of a sport / sub_sport name, for writing files.
std::optional<std::uint8_t> sport_from_name(std::string_view name);
std::optional<std::uint8_t> sub_sport_from_name(std::string_view name);

// Where the altimeter of a product is known, as device documentation states it.
enum class Altimeter { unknown, gps, barometric };
Altimeter product_altimeter(std::uint16_t manufacturer, std::uint16_t product);

// FIT seconds (since the FIT epoch) to Unix seconds.
constexpr double fit_time_to_unix(std::uint32_t fit_s) {
    return static_cast<double>(fit_s + k_fit_epoch_unix_s);
}

}  // namespace hillcoach::io::fit
