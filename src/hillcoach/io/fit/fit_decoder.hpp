#pragma once
// A streaming walker over the bytes of one or more FIT files (FIT protocol: file header, then records, each a
// one-byte record header and a definition or data message, then a 2-byte file CRC; files may follow each
// other in one stream). It reads no profile: it hands each data message, with the definition that lays it
// out, to a MessageSink, which picks the fields it knows. It allocates nothing per message.
//
// Broken input is read as far as it is sane. What stops the walk (a message cut off by the end of the data, a
// data message for a local type never defined, a definition that cannot be valid, a bad chained header) is a
// warning with its byte offset, and every message before it has reached the sink. Only an empty input or a
// first header that is not FIT is an error.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/io/fit/fit_header.hpp"
#include "hillcoach/io/fit/fit_profile.hpp"

namespace hillcoach::io::fit {

inline constexpr std::size_t k_local_types = 16;  // a normal record header has 4 bits of local type
inline constexpr std::uint8_t k_absent = 0xFF;    // "no such field" in MessageDefinition::index

struct FieldDefinition {
    std::uint8_t number = 0;
    std::uint8_t size = 0;       // bytes (a multiple of the base type's size for arrays)
    std::uint8_t base_type = 0;  // the byte as written
    std::uint16_t offset = 0;    // from the start of the message content (after the record header)
};

struct MessageDefinition {
    std::uint16_t global = 0;
    bool big_endian = false;
    std::uint8_t field_count = 0;
    std::uint8_t developer_field_count = 0;
    std::uint32_t size = 0;  // content bytes of a data message: fields, then developer fields
    std::uint8_t timestamp_index = k_absent;  // position of field 253 in `fields`
    std::array<FieldDefinition, 255> fields{};
    std::array<std::uint8_t, 256> index{};  // field number -> position in `fields`, k_absent if not defined
};

// One data message, valid only during MessageSink::on_message. Values are read on demand.
class Message {
  public:
    Message(const MessageDefinition& definition, const std::uint8_t* content, std::uint64_t byte_offset,
            std::optional<std::uint32_t> timestamp, std::size_t file_index)
        : m_def(&definition),
          m_content(content),
          m_offset(byte_offset),
          m_timestamp(timestamp),
          m_file_index(file_index) {}

    std::uint16_t global() const { return m_def->global; }
    const MessageDefinition& definition() const { return *m_def; }
    std::uint64_t byte_offset() const { return m_offset; }   // of the record header, in the whole stream
    std::size_t file_index() const { return m_file_index; }  // which chained FIT file (0 = first)
    // Field 253, or the time a compressed timestamp header gives; FIT seconds. nullopt if neither.
    std::optional<std::uint32_t> timestamp() const { return m_timestamp; }

    bool has(std::uint8_t number) const { return m_def->index[number] != k_absent; }
    // The first element as unsigned bits; nullopt when absent, when it holds the base type's invalid value,
    // or when the field is narrower than its base type.
    std::optional<std::uint64_t> raw(std::uint8_t number) const;
    // The first element as a number (signed and float types as such); nullopt as for raw().
    std::optional<double> number(std::uint8_t number) const;
    // The profile value: number / scale - offset. A field the profile says is signed is read as signed even
    // where the definition declares it unsigned. NaN when missing or invalid.
    double value(const Field& field) const;
    std::optional<double> optional_value(const Field& field) const;
    // A string field up to its first NUL; "" when absent.
    std::string_view text(std::uint8_t number) const;
    // The field's bytes as stored; empty when absent.
    std::span<const std::uint8_t> bytes(std::uint8_t number) const;

  private:
    const MessageDefinition* m_def;
    const std::uint8_t* m_content;
    std::uint64_t m_offset;
    std::optional<std::uint32_t> m_timestamp;
    std::size_t m_file_index;
};

class MessageSink {
  public:
    virtual ~MessageSink() = default;
    // A chained FIT file starts (index 0 for the first) with this header at this byte offset.
    virtual void on_file(std::size_t /*file_index*/, const FileHeader& /*header*/, std::uint64_t /*offset*/) {
    }
    // A definition message for `local_type` was read (a sink may size its buffers from it).
    virtual void on_definition(const MessageDefinition& /*definition*/, std::uint8_t /*local_type*/,
                               std::uint64_t /*data_bytes_left*/) {}
    virtual void on_message(const Message& message) = 0;
};

struct FileSummary {
    std::uint64_t offset = 0;  // of its header in the stream
    FileHeader header;
    bool header_crc_ok = true;        // true also when the header has no CRC
    std::optional<bool> file_crc_ok;  // nullopt when the file has no CRC to check (cut short, unfinalised)
    std::uint64_t data_messages = 0;
    std::uint64_t definitions = 0;
};

struct DecodeWarning {
    std::size_t file_index = 0;  // the chained file it concerns
    core::Warning warning;
};

struct DecodeResult {
    std::vector<FileSummary> files;
    std::vector<DecodeWarning> warnings;
    std::uint64_t data_messages = 0;
    bool stopped_early = false;  // a warning ended the walk before the end of the data
};

// Walks every FIT file in `bytes`, calling `sink` for each data message in order. Errors: empty_file for no
// bytes, fit_bad_header when the first header is not FIT. Locations are `source` with byte_offset set.
core::Expected<DecodeResult> decode(std::string_view bytes, MessageSink& sink, const core::Location& source);

}  // namespace hillcoach::io::fit
