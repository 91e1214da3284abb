#pragma once
// A generic FIT writer: any global message number with any list of fields. It writes a definition message
// whenever a message's layout (field numbers, base types, sizes) differs from the definitions it holds, keeps
// up to 16 of them on local types (least recently used one replaced), and finishes the file with a 14-byte
// header (with its CRC) and the file CRC. Used for activity files (fit_activity_writer.cpp), for workout
// files for watches, and for test files (compressed timestamps, developer fields, big-endian definitions).
//
//   Encoder e;
//   const FieldValue id[] = {field(file_id::type, file_type::workout), field(file_id::manufacturer, 255)};
//   e.add(mesg::file_id, id);
//   std::string bytes = e.finish();

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "hillcoach/io/fit/fit_profile.hpp"

namespace hillcoach::io::fit {

// One field of a message to write. The value is what is stored (already scaled), a float for float types,
// bytes for string and byte-array fields, or nothing, which writes the base type's invalid value. An integer
// that does not fit the base type (or hits its invalid value) is written as invalid: never wrapped.
struct FieldValue {
    std::uint8_t number = 0;
    BaseType type = BaseType::uint8;
    std::variant<std::monostate, std::int64_t, double, std::string_view> value{};
    std::uint8_t size = 0;  // bytes; 0 = one element of the base type (strings: their length + 1)
    std::optional<std::uint8_t> developer_data_index{};  // set for a developer field
};

// A profile field with its value in profile units (m, s, m/s …): stored as round((value + offset) * scale).
// NaN or out of range: invalid.
FieldValue field(const Field& f, double value);
// A profile field with the stored integer itself (enums, counts, FIT times).
FieldValue field_raw(const Field& f, std::int64_t stored);
// A string field, NUL-padded to `size` bytes (0: its length + 1; longer text is cut at a UTF-8 boundary).
FieldValue field_text(const Field& f, std::string_view text, std::uint8_t size = 0);
// A date_time field from Unix seconds (rounded to whole seconds); NaN: invalid.
FieldValue field_time(const Field& f, double unix_s);

struct EncoderOptions {
    std::uint8_t protocol_version = 0x20;  // 2.0
    std::uint16_t profile_version = 2132;  // 21.32
    bool big_endian = false;               // architecture of the definitions written
};

class Encoder {
  public:
    explicit Encoder(EncoderOptions options = {});

    // Writes one data message (after a definition message when its layout is new).
    void add(std::uint16_t global, std::span<const FieldValue> fields);
    // Writes a data message whose time is given by a compressed timestamp header (local types 0-3, 5 bits of
    // seconds past the last full timestamp written). When the time is not within 31 s after that timestamp,
    // writes a normal message with a timestamp field (253) first in its fields instead.
    void add_compressed(std::uint16_t global, std::uint32_t fit_time, std::span<const FieldValue> fields);

    std::size_t data_size() const { return m_data.size(); }
    // The complete file: header, data, file CRC.
    std::string finish() const;

  private:
    struct FieldKey {
        std::uint8_t number = 0;
        std::uint8_t size = 0;
        std::uint8_t base_type = 0;
        std::optional<std::uint8_t> developer_data_index{};
        bool operator==(const FieldKey&) const = default;
    };
    struct Slot {
        bool defined = false;
        std::uint16_t global = 0;
        std::vector<FieldKey> fields;
        std::uint64_t last_use = 0;
    };

    std::uint8_t local_type_for(std::uint16_t global, std::span<const FieldValue> fields, bool compressed);
    void write_definition(std::uint8_t local, std::uint16_t global, std::span<const FieldValue> fields);
    void write_values(std::span<const FieldValue> fields);
    void write_value(const FieldValue& f);
    void note_timestamp(std::span<const FieldValue> fields);

    EncoderOptions m_options;
    std::string m_data;
    Slot m_slots[16];
    std::uint64_t m_uses = 0;
    std::optional<std::uint32_t> m_last_timestamp;
};

}  // namespace hillcoach::io::fit
