#pragma once
// The FIT CRC-16 (FIT protocol, "CRC"): polynomial 0x8005 in reflected form (0xA001), initial value 0, no
// final XOR, i.e. CRC-16/ARC. It guards the 14-byte header (over its first 12 bytes) and the whole file
// (header and data). Computed 8 bytes at a time with slicing tables: the byte-at-a-time loop cost more than
// decoding the file (shared/bench/PEERS.md: 0.42 s against 0.19 s for 1,000 hour-long runs).

#include <cstdint>
#include <span>
#include <string_view>

namespace hillcoach::io::fit {

// CRC of `bytes`, continuing from `crc` (0 to start).
std::uint16_t crc16(std::span<const std::uint8_t> bytes, std::uint16_t crc = 0);
std::uint16_t crc16(std::string_view bytes, std::uint16_t crc = 0);

}  // namespace hillcoach::io::fit
