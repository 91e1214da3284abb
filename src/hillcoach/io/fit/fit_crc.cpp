#include "hillcoach/io/fit/fit_crc.hpp"

#include <array>

namespace hillcoach::io::fit {
namespace {

constexpr std::uint16_t k_polynomial_reflected = 0xA001;
constexpr std::size_t k_slice = 8;

using Tables = std::array<std::array<std::uint16_t, 256>, k_slice>;

// tables[0][b] is the CRC of the byte b; tables[k][b] the CRC of b followed by k zero bytes. The CRC of 8
// bytes (with the running CRC XORed into the first two) is then the XOR of one lookup per byte.
constexpr Tables make_tables() {
    Tables t{};
    for (unsigned b = 0; b < 256; ++b) {
        unsigned c = b;
        for (int bit = 0; bit < 8; ++bit) c = (c & 1U) ? (c >> 1) ^ k_polynomial_reflected : c >> 1;
        t[0][b] = static_cast<std::uint16_t>(c);
    }
    for (std::size_t k = 1; k < k_slice; ++k) {
        for (unsigned b = 0; b < 256; ++b) {
            const std::uint16_t prev = t[k - 1][b];
            t[k][b] = static_cast<std::uint16_t>((prev >> 8) ^ t[0][prev & 0xFF]);
        }
    }
    return t;
}

constexpr Tables k_tables = make_tables();

inline std::uint16_t step(std::uint16_t crc, std::uint8_t byte) {
    return static_cast<std::uint16_t>((crc >> 8) ^ k_tables[0][(crc ^ byte) & 0xFF]);
}

}  // namespace

std::uint16_t crc16(std::span<const std::uint8_t> bytes, std::uint16_t crc) {
    const std::uint8_t* p = bytes.data();
    std::size_t n = bytes.size();
    while (n >= k_slice) {
        const unsigned b0 = p[0] ^ (crc & 0xFFU);
        const unsigned b1 = p[1] ^ (crc >> 8);
        crc = static_cast<std::uint16_t>(k_tables[7][b0] ^ k_tables[6][b1] ^ k_tables[5][p[2]] ^
                                         k_tables[4][p[3]] ^ k_tables[3][p[4]] ^ k_tables[2][p[5]] ^
                                         k_tables[1][p[6]] ^ k_tables[0][p[7]]);
        p += k_slice;
        n -= k_slice;
    }
    while (n-- > 0) crc = step(crc, *p++);
    return crc;
}

std::uint16_t crc16(std::string_view bytes, std::uint16_t crc) {
    return crc16(
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()),
        crc);
}

}  // namespace hillcoach::io::fit
