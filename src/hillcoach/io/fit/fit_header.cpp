#include "hillcoach/io/fit/fit_header.hpp"

#include <fmt/format.h>

#include "hillcoach/io/fit/fit_crc.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr std::string_view k_signature = ".FIT";

std::uint32_t le32(std::string_view b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at])) |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 3])) << 24;
}

std::uint16_t le16(std::string_view b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<std::uint8_t>(b[at]) | static_cast<std::uint8_t>(b[at + 1])
                                                                             << 8);
}

void append_le(std::string& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

core::Error bad_header(const core::Location& where, std::string reason) {
    return core::make_error(core::ErrorCode::fit_bad_header, where, std::move(reason));
}

}  // namespace

core::Expected<FileHeader> parse_header(std::string_view bytes, const core::Location& where) {
    if (bytes.empty()) return bad_header(where, "no FIT header: the data ends here");
    const auto size = static_cast<std::uint8_t>(bytes[0]);
    if (size != k_short_header_size && size != k_long_header_size) {
        return bad_header(where, fmt::format("FIT header size is {}, not 12 or 14", size));
    }
    if (bytes.size() < size) {
        return bad_header(where, fmt::format("FIT header needs {} bytes, only {} left", size, bytes.size()));
    }
    if (bytes.substr(8, 4) != k_signature) return bad_header(where, "no \".FIT\" signature in the header");
    FileHeader h;
    h.size = size;
    h.protocol_version = static_cast<std::uint8_t>(bytes[1]);
    h.profile_version = le16(bytes, 2);
    h.data_size = le32(bytes, 4);
    if (size == k_long_header_size) {
        const std::uint16_t crc = le16(bytes, 12);
        if (crc != 0) h.crc = crc;
    }
    return h;
}

bool header_crc_matches(const FileHeader& header, std::string_view bytes) {
    if (!header.crc || bytes.size() < k_short_header_size) return true;
    return crc16(bytes.substr(0, k_short_header_size)) == *header.crc;
}

std::string protocol_text(std::uint8_t protocol_version) {
    return fmt::format("{}.{}", protocol_version >> 4, protocol_version & 0x0F);
}

void append_header(std::string& out, std::uint8_t protocol_version, std::uint16_t profile_version,
                   std::uint32_t data_size) {
    const std::size_t start = out.size();
    out.push_back(static_cast<char>(k_long_header_size));
    out.push_back(static_cast<char>(protocol_version));
    append_le(out, profile_version, 2);
    append_le(out, data_size, 4);
    out.append(k_signature);
    append_le(out, crc16(std::string_view(out).substr(start, k_short_header_size)), 2);
}

}  // namespace hillcoach::io::fit
