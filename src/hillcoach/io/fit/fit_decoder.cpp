#include "hillcoach/io/fit/fit_decoder.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include "hillcoach/io/fit/fit_crc.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr std::uint8_t k_compressed_header_bit = 0x80;
constexpr std::uint8_t k_definition_bit = 0x40;
constexpr std::uint8_t k_developer_data_bit = 0x20;
constexpr std::uint8_t k_local_type_mask = 0x0F;
constexpr std::uint8_t k_time_offset_mask = 0x1F;  // compressed header: 5 bits of seconds

// Loads `size` (1, 2, 4 or 8) bytes as an unsigned integer in the given byte order.
inline std::uint64_t load(const std::uint8_t* p, std::size_t size, bool big_endian) {
    switch (size) {
        case 1:
            return p[0];
        case 2: {
            std::uint16_t v;
            std::memcpy(&v, p, 2);
            return big_endian ? __builtin_bswap16(v) : v;
        }
        case 4: {
            std::uint32_t v;
            std::memcpy(&v, p, 4);
            return big_endian ? __builtin_bswap32(v) : v;
        }
        case 8: {
            std::uint64_t v;
            std::memcpy(&v, p, 8);
            return big_endian ? __builtin_bswap64(v) : v;
        }
        default:
            return 0;
    }
}
static_assert(std::endian::native == std::endian::little, "load() assumes a little-endian host");

inline std::int64_t sign_extend(std::uint64_t raw, std::size_t size) {
    const unsigned shift = static_cast<unsigned>(64 - 8 * size);
    return static_cast<std::int64_t>(raw << shift) >> shift;
}

inline double as_double(std::uint64_t raw, const BaseTypeInfo& type, bool read_signed) {
    if (type.is_float) {
        if (type.size == 4) return static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(raw)));
        return std::bit_cast<double>(raw);
    }
    if (read_signed) return static_cast<double>(sign_extend(raw, type.size));
    return static_cast<double>(raw);
}

}  // namespace

// ---- Message ----------------------------------------------------------------------------------------------

std::optional<std::uint64_t> Message::raw(std::uint8_t number) const {
    const std::uint8_t i = m_def->index[number];
    if (i == k_absent) return std::nullopt;
    const FieldDefinition& f = m_def->fields[i];
    const BaseTypeInfo* type = base_type_info(f.base_type);
    if (type == nullptr || type->is_text || f.size < type->size) return std::nullopt;
    const std::uint64_t v = load(m_content + f.offset, type->size, m_def->big_endian);
    if (v == type->invalid) return std::nullopt;
    return v;
}

std::optional<double> Message::number(std::uint8_t number) const {
    const std::uint8_t i = m_def->index[number];
    if (i == k_absent) return std::nullopt;
    const FieldDefinition& f = m_def->fields[i];
    const BaseTypeInfo* type = base_type_info(f.base_type);
    if (type == nullptr || type->is_text || f.size < type->size) return std::nullopt;
    const std::uint64_t v = load(m_content + f.offset, type->size, m_def->big_endian);
    if (v == type->invalid) return std::nullopt;
    const double d = as_double(v, *type, type->is_signed);
    if (!std::isfinite(d)) return std::nullopt;
    return d;
}

double Message::value(const Field& field) const {
    constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
    const std::uint8_t i = m_def->index[field.number];
    if (i == k_absent) return k_nan;
    const FieldDefinition& f = m_def->fields[i];
    const BaseTypeInfo* type = base_type_info(f.base_type);
    if (type == nullptr || type->is_text || f.size < type->size) return k_nan;
    const std::uint64_t v = load(m_content + f.offset, type->size, m_def->big_endian);
    if (v == type->invalid) return k_nan;
    const bool read_signed = type->is_signed || base_type_info(field.type).is_signed;
    const double d = as_double(v, *type, read_signed);
    if (!std::isfinite(d)) return k_nan;
    return d / field.scale - field.offset;
}

std::optional<double> Message::optional_value(const Field& field) const {
    const double v = value(field);
    if (std::isnan(v)) return std::nullopt;
    return v;
}

std::string_view Message::text(std::uint8_t number) const {
    const auto b = bytes(number);
    const auto* chars = reinterpret_cast<const char*>(b.data());
    std::size_t n = 0;
    while (n < b.size() && chars[n] != '\0') ++n;
    return {chars, n};
}

std::span<const std::uint8_t> Message::bytes(std::uint8_t number) const {
    const std::uint8_t i = m_def->index[number];
    if (i == k_absent) return {};
    const FieldDefinition& f = m_def->fields[i];
    return {m_content + f.offset, f.size};
}

// ---- the walk ---------------------------------------------------------------------------------------------

namespace {

enum class Stop { end_of_data, truncated, undefined, bad_definition };

class Walker {
  public:
    Walker(std::string_view bytes, MessageSink& sink, const core::Location& source)
        : m_bytes(reinterpret_cast<const std::uint8_t*>(bytes.data())),
          m_size(bytes.size()),
          m_text(bytes),
          m_sink(sink),
          m_source(source),
          m_defs(std::make_unique<std::array<Slot, k_local_types>>()) {}

    core::Expected<DecodeResult> run();

  private:
    struct Slot {
        bool defined = false;
        MessageDefinition def;
    };

    core::Location at(std::uint64_t offset) const {
        core::Location where = m_source;
        where.byte_offset = offset;
        return where;
    }
    void warn(core::ErrorCode code, std::uint64_t offset, std::string reason) {
        m_result.warnings.push_back({m_file_index, core::make_warning(code, at(offset), std::move(reason))});
    }

    bool read_file(std::size_t start);  // false: stop walking the stream
    Stop walk(std::size_t begin, std::size_t end, FileSummary& summary);
    Stop read_definition(std::size_t& pos, std::size_t end, FileSummary& summary);
    void check_file_crc(std::size_t start, std::size_t data_end, FileSummary& summary);
    void report_stop(Stop stop, std::size_t data_end);

    const std::uint8_t* m_bytes;
    std::size_t m_size;
    std::string_view m_text;
    MessageSink& m_sink;
    const core::Location& m_source;
    std::unique_ptr<std::array<Slot, k_local_types>> m_defs;
    DecodeResult m_result;
    std::size_t m_file_index = 0;
    std::size_t m_stop_offset = 0;  // where the walk stopped, for the warning
    std::string m_stop_reason;
    std::optional<std::uint32_t> m_last_timestamp;
};

core::Expected<DecodeResult> Walker::run() {
    if (m_size == 0) return core::make_error(core::ErrorCode::empty_file, at(0), "the file is empty");
    auto first = parse_header(m_text, at(0));
    if (!first) return first.error();
    std::size_t start = 0;
    while (read_file(start)) {
        const FileSummary& done = m_result.files.back();
        start = static_cast<std::size_t>(done.offset) + done.header.size + done.header.data_size +
                k_file_crc_size;
        if (start >= m_size) break;
        ++m_file_index;
    }
    return std::move(m_result);
}

bool Walker::read_file(std::size_t start) {
    auto header = parse_header(m_text.substr(start), at(start));
    if (!header) {
        // Only a later file can get here: the first header was checked in run().
        --m_file_index;
        warn(
            core::ErrorCode::fit_bad_header, start,
            fmt::format("{}; the {} bytes from here on are not read", header.error().reason, m_size - start));
        m_result.stopped_early = true;
        return false;
    }
    FileSummary summary;
    summary.offset = start;
    summary.header = *header;
    summary.header_crc_ok = header_crc_matches(*header, m_text.substr(start));
    if (!summary.header_crc_ok) {
        warn(core::ErrorCode::fit_header_crc, start + k_short_header_size,
             fmt::format("header CRC is 0x{:04X}, the header's bytes give 0x{:04X}", *header->crc,
                         crc16(m_text.substr(start, k_short_header_size))));
    }
    m_sink.on_file(m_file_index, *header, start);
    for (auto& slot : *m_defs) slot.defined = false;  // definitions do not carry over to a chained file
    m_last_timestamp.reset();

    const std::size_t begin = start + header->size;
    std::size_t end = begin + header->data_size;
    const bool unfinalised = header->data_size == 0 && begin < m_size;
    if (unfinalised) {
        warn(core::ErrorCode::fit_bad_header, start,
             fmt::format("the header says 0 data bytes but {} bytes follow (a header never finalised by its "
                         "writer); they are read as data",
                         m_size - begin));
        end = m_size;
    } else if (header->data_size == 0) {
        warn(core::ErrorCode::fit_truncated, begin, "the header says 0 data bytes and nothing follows it");
        m_result.files.push_back(summary);
        m_result.stopped_early = true;
        return false;
    } else if (end > m_size) {
        warn(core::ErrorCode::fit_truncated, m_size,
             fmt::format("the header promises {} data bytes, the file has only {}", header->data_size,
                         m_size - std::min(begin, m_size)));
        end = m_size;
    }

    const Stop stop = walk(begin, end, summary);
    if (unfinalised) {
        // The unfinalised file may still end with a CRC: if the walk stopped inside the last two bytes and
        // they hold the CRC of what came before, the data is complete.
        const std::size_t crc_at = m_size >= 2 ? m_size - 2 : 0;
        if (stop == Stop::truncated && m_stop_offset >= crc_at && crc_at > begin &&
            crc16(m_text.substr(start, crc_at - start)) == load(m_bytes + crc_at, 2, false)) {
            summary.file_crc_ok = true;
            summary.header.data_size = static_cast<std::uint32_t>(crc_at - begin);
            m_result.files.push_back(summary);
            return false;
        }
        summary.header.data_size = static_cast<std::uint32_t>(end - begin);
    } else {
        check_file_crc(start, begin + header->data_size, summary);
    }
    m_result.files.push_back(summary);
    if (stop != Stop::end_of_data) {
        report_stop(stop, end);
        m_result.stopped_early = true;
        return false;
    }
    return !unfinalised;
}

void Walker::check_file_crc(std::size_t start, std::size_t data_end, FileSummary& summary) {
    if (data_end + k_file_crc_size > m_size) {
        if (data_end <= m_size) warn(core::ErrorCode::fit_truncated, m_size, "the file CRC is missing");
        return;
    }
    const std::uint16_t computed = crc16(m_text.substr(start, data_end - start));
    const auto stored = static_cast<std::uint16_t>(load(m_bytes + data_end, 2, false));
    summary.file_crc_ok = computed == stored;
    if (computed != stored) {
        warn(core::ErrorCode::fit_file_crc, data_end,
             fmt::format("file CRC is 0x{:04X}, the data gives 0x{:04X}", stored, computed));
    }
}

void Walker::report_stop(Stop stop, std::size_t data_end) {
    switch (stop) {
        case Stop::truncated:
            warn(core::ErrorCode::fit_truncated, m_stop_offset,
                 fmt::format("the data ends inside a message ({}); the {} messages before it are kept",
                             m_stop_reason, m_result.data_messages));
            break;
        case Stop::undefined:
            warn(core::ErrorCode::fit_undefined_message, m_stop_offset,
                 fmt::format(
                     "{}; reading stopped here, {} bytes before the end of the data, and the {} messages "
                     "before it are kept",
                     m_stop_reason, data_end - m_stop_offset, m_result.data_messages));
            break;
        case Stop::bad_definition:
            warn(core::ErrorCode::fit_bad_definition, m_stop_offset,
                 fmt::format("{}; reading stopped here and the {} messages before it are kept", m_stop_reason,
                             m_result.data_messages));
            break;
        case Stop::end_of_data:
            break;
    }
}

Stop Walker::walk(std::size_t begin, std::size_t end, FileSummary& summary) {
    auto& defs = *m_defs;
    std::size_t pos = begin;
    while (pos < end) {
        const std::uint8_t h = m_bytes[pos];
        if ((h & k_definition_bit) && !(h & k_compressed_header_bit)) {
            const Stop s = read_definition(pos, end, summary);
            if (s != Stop::end_of_data) return s;
            continue;
        }
        const bool compressed = (h & k_compressed_header_bit) != 0;
        const std::uint8_t local =
            compressed ? static_cast<std::uint8_t>((h >> 5) & 0x03) : (h & k_local_type_mask);
        const Slot& slot = defs[local];
        if (!slot.defined) {
            m_stop_offset = pos;
            m_stop_reason = fmt::format(
                "a data message for local type {}, which no definition before it declares", local);
            return Stop::undefined;
        }
        const MessageDefinition& def = slot.def;
        if (pos + 1 + def.size > end) {
            m_stop_offset = pos;
            m_stop_reason = fmt::format("a {}-byte message of global type {} needs {} more bytes",
                                        def.size + 1, def.global, pos + 1 + def.size - end);
            return Stop::truncated;
        }
        const std::uint8_t* content = m_bytes + pos + 1;
        std::optional<std::uint32_t> timestamp;
        if (compressed) {
            if (m_last_timestamp) {
                // The 5-bit offset counts seconds past the last full timestamp's low 5 bits, rolling over
                // at 32.
                const std::uint32_t offset = h & k_time_offset_mask;
                const std::uint32_t last = *m_last_timestamp;
                timestamp = last + ((offset - last) & k_time_offset_mask);
                m_last_timestamp = timestamp;
            }
        } else if (def.timestamp_index != k_absent) {
            const FieldDefinition& f = def.fields[def.timestamp_index];
            if (f.size >= 4) {
                const auto t = static_cast<std::uint32_t>(load(content + f.offset, 4, def.big_endian));
                if (t != 0xFFFFFFFFU) {
                    timestamp = t;
                    m_last_timestamp = t;
                }
            }
        }
        m_sink.on_message(Message(def, content, pos, timestamp, m_file_index));
        ++summary.data_messages;
        ++m_result.data_messages;
        pos += 1 + def.size;
    }
    return Stop::end_of_data;
}

Stop Walker::read_definition(std::size_t& pos, std::size_t end, FileSummary& summary) {
    const std::size_t start = pos;
    const std::uint8_t h = m_bytes[pos];
    auto cut = [&](std::string what) {
        m_stop_offset = start;
        m_stop_reason = std::move(what);
        return Stop::truncated;
    };
    if (start + 6 > end) return cut("a definition message header is cut off");
    const std::uint8_t architecture = m_bytes[start + 2];
    if (architecture > 1) {
        m_stop_offset = start;
        m_stop_reason = fmt::format(
            "a definition message gives architecture {} (byte order must be 0 for little "
            "or 1 for big endian): the bytes here are not FIT messages",
            architecture);
        return Stop::bad_definition;
    }
    const bool big = architecture == 1;
    const auto global = static_cast<std::uint16_t>(load(m_bytes + start + 3, 2, big));
    const std::uint8_t field_count = m_bytes[start + 5];
    std::size_t p = start + 6;
    if (p + 3U * field_count > end)
        return cut(fmt::format("a definition of {} fields is cut off", field_count));

    const std::uint8_t local = h & k_local_type_mask;
    Slot& slot = (*m_defs)[local];
    MessageDefinition& def = slot.def;
    slot.defined = false;
    def.global = global;
    def.big_endian = big;
    def.field_count = field_count;
    def.developer_field_count = 0;
    def.timestamp_index = k_absent;
    def.index.fill(k_absent);
    std::uint32_t offset = 0;
    for (std::uint8_t i = 0; i < field_count; ++i, p += 3) {
        FieldDefinition& f = def.fields[i];
        f.number = m_bytes[p];
        f.size = m_bytes[p + 1];
        f.base_type = m_bytes[p + 2];
        f.offset = static_cast<std::uint16_t>(offset);
        offset += f.size;
        if (def.index[f.number] == k_absent) def.index[f.number] = i;  // a repeated number: the first counts
    }
    if (h & k_developer_data_bit) {
        if (p + 1 > end) return cut("a definition's developer field count is cut off");
        const std::uint8_t developer_count = m_bytes[p++];
        if (p + 3U * developer_count > end) return cut("a definition's developer fields are cut off");
        // Developer fields are described by field_description messages; hillcoach reads none of them, so only
        // their sizes matter, to step over them.
        for (std::uint8_t i = 0; i < developer_count; ++i, p += 3) offset += m_bytes[p + 1];
        def.developer_field_count = developer_count;
    }
    def.size = offset;
    def.timestamp_index = def.index[k_timestamp_field];
    slot.defined = true;
    ++summary.definitions;
    pos = p;
    m_sink.on_definition(def, local, end - pos);
    return Stop::end_of_data;
}

}  // namespace

core::Expected<DecodeResult> decode(std::string_view bytes, MessageSink& sink, const core::Location& source) {
    Walker walker(bytes, sink, source);
    return walker.run();
}

}  // namespace hillcoach::io::fit
