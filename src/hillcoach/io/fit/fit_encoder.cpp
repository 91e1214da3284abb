#include "hillcoach/io/fit/fit_encoder.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "hillcoach/io/fit/fit_crc.hpp"
#include "hillcoach/io/fit/fit_header.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr std::uint8_t k_definition_header = 0x40;
constexpr std::uint8_t k_developer_flag = 0x20;
constexpr std::uint8_t k_compressed_flag = 0x80;
constexpr std::size_t k_compressed_local_types = 4;

std::uint8_t size_of(const FieldValue& f) {
    if (f.size != 0) return f.size;
    if (const auto* text = std::get_if<std::string_view>(&f.value); text && base_type_info(f.type).is_text) {
        return static_cast<std::uint8_t>(std::min<std::size_t>(text->size() + 1, 255));
    }
    return base_type_info(f.type).size;
}

// Whether an integer can be stored in the base type as a valid value.
bool fits(std::int64_t v, const BaseTypeInfo& t) {
    if (t.is_float || t.is_text) return false;
    const int bits = 8 * t.size;
    if (t.is_signed) {
        const std::int64_t max =
            bits == 64 ? std::numeric_limits<std::int64_t>::max() : (std::int64_t{1} << (bits - 1)) - 1;
        const std::int64_t min = -max - 1;
        return v >= min && v <= max && static_cast<std::uint64_t>(v) != t.invalid;
    }
    if (v < 0) return false;
    const auto u = static_cast<std::uint64_t>(v);
    const std::uint64_t max =
        bits == 64 ? std::numeric_limits<std::uint64_t>::max() : (std::uint64_t{1} << bits) - 1;
    return u <= max && u != t.invalid;
}

std::int64_t to_stored(const Field& f, double value) {
    return std::llround((value + f.offset) * f.scale);
}

}  // namespace

FieldValue field(const Field& f, double value) {
    FieldValue v{.number = f.number, .type = f.type};
    if (std::isnan(value)) return v;
    const BaseTypeInfo& t = base_type_info(f.type);
    if (t.is_float) {
        v.value = value * f.scale + f.offset * f.scale;
        return v;
    }
    const double stored = (value + f.offset) * f.scale;
    if (!(std::abs(stored) < 9.0e18)) return v;
    v.value = to_stored(f, value);
    return v;
}

FieldValue field_raw(const Field& f, std::int64_t stored) {
    return FieldValue{.number = f.number, .type = f.type, .value = stored};
}

FieldValue field_text(const Field& f, std::string_view text, std::uint8_t size) {
    const std::size_t max_chars = size == 0 ? 254 : size - 1U;
    if (text.size() > max_chars) {
        std::size_t cut = max_chars;
        // Do not cut inside a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut);
    }
    return FieldValue{.number = f.number, .type = f.type, .value = text, .size = size};
}

FieldValue field_time(const Field& f, double unix_s) {
    FieldValue v{.number = f.number, .type = f.type};
    if (std::isnan(unix_s)) return v;
    const double fit_s = std::round(unix_s - static_cast<double>(k_fit_epoch_unix_s));
    if (fit_s >= 0.0 && fit_s < 4294967295.0) v.value = static_cast<std::int64_t>(fit_s);
    return v;
}

Encoder::Encoder(EncoderOptions options) : m_options(options) {}

void Encoder::add(std::uint16_t global, std::span<const FieldValue> fields) {
    const std::uint8_t local = local_type_for(global, fields, false);
    m_data.push_back(static_cast<char>(local));
    write_values(fields);
    note_timestamp(fields);
}

void Encoder::add_compressed(std::uint16_t global, std::uint32_t fit_time,
                             std::span<const FieldValue> fields) {
    if (!m_last_timestamp || fit_time < *m_last_timestamp || fit_time - *m_last_timestamp > 31) {
        std::vector<FieldValue> with_time;
        with_time.reserve(fields.size() + 1);
        with_time.push_back(FieldValue{.number = k_timestamp_field,
                                       .type = BaseType::uint32,
                                       .value = static_cast<std::int64_t>(fit_time)});
        with_time.insert(with_time.end(), fields.begin(), fields.end());
        add(global, with_time);
        return;
    }
    const std::uint8_t local = local_type_for(global, fields, true);
    m_data.push_back(static_cast<char>(k_compressed_flag | (local << 5) | (fit_time & 0x1F)));
    write_values(fields);
    m_last_timestamp = fit_time;
}

std::uint8_t Encoder::local_type_for(std::uint16_t global, std::span<const FieldValue> fields,
                                     bool compressed) {
    const std::size_t limit = compressed ? k_compressed_local_types : std::size(m_slots);
    ++m_uses;
    for (std::size_t i = 0; i < limit; ++i) {
        Slot& s = m_slots[i];
        if (!s.defined || s.global != global || s.fields.size() != fields.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < fields.size() && same; ++k) {
            const FieldKey key{fields[k].number, size_of(fields[k]),
                               static_cast<std::uint8_t>(fields[k].type), fields[k].developer_data_index};
            same = s.fields[k] == key;
        }
        if (same) {
            s.last_use = m_uses;
            return static_cast<std::uint8_t>(i);
        }
    }
    // A free local type, else the least recently used one.
    std::size_t pick = 0;
    for (std::size_t i = 0; i < limit; ++i) {
        if (!m_slots[i].defined) {
            pick = i;
            break;
        }
        if (m_slots[i].last_use < m_slots[pick].last_use) pick = i;
    }
    const auto local = static_cast<std::uint8_t>(pick);
    write_definition(local, global, fields);
    m_slots[pick].last_use = m_uses;
    return local;
}

void Encoder::write_definition(std::uint8_t local, std::uint16_t global, std::span<const FieldValue> fields) {
    std::size_t normal = 0;
    for (const auto& f : fields) normal += f.developer_data_index ? 0 : 1;
    if (normal > 255 || fields.size() - normal > 255)
        throw std::invalid_argument("FIT message with over 255 fields");
    const bool developer = normal != fields.size();
    m_data.push_back(static_cast<char>(k_definition_header | (developer ? k_developer_flag : 0) | local));
    m_data.push_back(0);  // reserved
    m_data.push_back(m_options.big_endian ? 1 : 0);
    const auto g = m_options.big_endian ? static_cast<std::uint16_t>(global >> 8 | global << 8) : global;
    m_data.push_back(static_cast<char>(g & 0xFF));
    m_data.push_back(static_cast<char>(g >> 8));
    m_data.push_back(static_cast<char>(normal));
    Slot& slot = m_slots[local];
    slot.defined = true;
    slot.global = global;
    slot.fields.clear();
    for (const auto& f : fields) {
        slot.fields.push_back(
            {f.number, size_of(f), static_cast<std::uint8_t>(f.type), f.developer_data_index});
    }
    // Normal fields come first in the data, developer fields after them, whatever order the caller gave:
    // write_values() follows the same rule.
    for (const auto& f : fields) {
        if (f.developer_data_index) continue;
        m_data.push_back(static_cast<char>(f.number));
        m_data.push_back(static_cast<char>(size_of(f)));
        m_data.push_back(static_cast<char>(f.type));
    }
    if (developer) {
        m_data.push_back(static_cast<char>(fields.size() - normal));
        for (const auto& f : fields) {
            if (!f.developer_data_index) continue;
            m_data.push_back(static_cast<char>(f.number));
            m_data.push_back(static_cast<char>(size_of(f)));
            m_data.push_back(static_cast<char>(*f.developer_data_index));
        }
    }
}

void Encoder::write_values(std::span<const FieldValue> fields) {
    for (const auto& f : fields) {
        if (!f.developer_data_index) write_value(f);
    }
    for (const auto& f : fields) {
        if (f.developer_data_index) write_value(f);
    }
}

void Encoder::write_value(const FieldValue& f) {
    const BaseTypeInfo& t = base_type_info(f.type);
    const std::size_t size = size_of(f);
    if (const auto* bytes = std::get_if<std::string_view>(&f.value)) {
        // Strings pad with NUL, byte arrays with the invalid byte.
        const char pad = t.is_text ? '\0' : static_cast<char>(t.invalid & 0xFF);
        const std::size_t n = std::min(bytes->size(), t.is_text ? size - 1 : size);
        m_data.append(bytes->substr(0, n));
        m_data.append(size - n, pad);
        return;
    }
    std::uint64_t element = t.invalid;
    if (const auto* i = std::get_if<std::int64_t>(&f.value); i && fits(*i, t)) {
        element = static_cast<std::uint64_t>(*i);
    } else if (const auto* d = std::get_if<double>(&f.value); d && t.is_float && std::isfinite(*d)) {
        element = t.size == 4 ? std::bit_cast<std::uint32_t>(static_cast<float>(*d))
                              : std::bit_cast<std::uint64_t>(*d);
    } else if (d && !t.is_float && std::isfinite(*d) && fits(std::llround(*d), t)) {
        element = static_cast<std::uint64_t>(std::llround(*d));
    }
    // The first element carries the value; further elements of an array are invalid.
    for (std::size_t written = 0; written + t.size <= size; written += t.size) {
        const std::uint64_t v = written == 0 ? element : t.invalid;
        for (std::size_t b = 0; b < t.size; ++b) {
            const std::size_t shift = 8 * (m_options.big_endian ? t.size - 1 - b : b);
            m_data.push_back(static_cast<char>((v >> shift) & 0xFF));
        }
    }
    m_data.append(size % t.size, static_cast<char>(0xFF));
}

void Encoder::note_timestamp(std::span<const FieldValue> fields) {
    for (const auto& f : fields) {
        if (f.number != k_timestamp_field || f.developer_data_index) continue;
        if (const auto* i = std::get_if<std::int64_t>(&f.value); i && *i >= 0 && *i < 0xFFFFFFFF) {
            m_last_timestamp = static_cast<std::uint32_t>(*i);
        }
    }
}

std::string Encoder::finish() const {
    std::string out;
    out.reserve(k_long_header_size + m_data.size() + k_file_crc_size);
    append_header(out, m_options.protocol_version, m_options.profile_version,
                  static_cast<std::uint32_t>(m_data.size()));
    out += m_data;
    const std::uint16_t crc = crc16(out);
    out.push_back(static_cast<char>(crc & 0xFF));
    out.push_back(static_cast<char>(crc >> 8));
    return out;
}

}  // namespace hillcoach::io::fit
