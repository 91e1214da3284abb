#pragma once
// The FIT file header (FIT protocol, "file header"): 12 or 14 bytes.
//   0      header size (12 or 14)
//   1      protocol version (high nibble major, low nibble minor: 0x20 = 2.0)
//   2-3    profile version, little endian (2132 = 21.32)
//   4-7    size of the data records in bytes, little endian (not the header, not the 2-byte file CRC)
//   8-11   ".FIT"
//   12-13  CRC of bytes 0-11, little endian (14-byte header only; 0 = not computed)

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hillcoach/core/expected.hpp"

namespace hillcoach::io::fit {

inline constexpr std::size_t k_short_header_size = 12;
inline constexpr std::size_t k_long_header_size = 14;
inline constexpr std::size_t k_file_crc_size = 2;

struct FileHeader {
    std::uint8_t size = 0;
    std::uint8_t protocol_version = 0;
    std::uint16_t profile_version = 0;
    std::uint32_t data_size = 0;
    std::optional<std::uint16_t> crc;  // the stored header CRC; nullopt for 12-byte headers and for 0
};

// Reads the header at the start of `bytes`. fit_bad_header (at where.byte_offset) when there are fewer bytes
// than the header claims, the size byte is not 12 or 14, or the signature is not ".FIT".
core::Expected<FileHeader> parse_header(std::string_view bytes, const core::Location& where);
// True when the header has no CRC or its CRC matches bytes 0-11.
bool header_crc_matches(const FileHeader& header, std::string_view bytes);
// "2.0" for 0x20.
std::string protocol_text(std::uint8_t protocol_version);
// Appends a 14-byte header with its CRC.
void append_header(std::string& out, std::uint8_t protocol_version, std::uint16_t profile_version,
                   std::uint32_t data_size);

}  // namespace hillcoach::io::fit
