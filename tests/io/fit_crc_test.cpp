// The FIT CRC-16 against the published CRC-16/ARC check value and against a bit-at-a-time reference.
#include "hillcoach/io/fit/fit_crc.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace hillcoach::io::fit {
namespace {

// The CRC exactly as the FIT protocol describes it, one bit at a time.
std::uint16_t reference_crc(std::string_view bytes) {
    std::uint16_t crc = 0;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1U) ? static_cast<std::uint16_t>((crc >> 1) ^ 0xA001) : crc >> 1;
    }
    return crc;
}

TEST(FitCrc, MatchesTheCrc16ArcCheckValue) {
    // The catalogue check value of CRC-16/ARC (poly 0x8005 reflected, init 0) for "123456789".
    EXPECT_EQ(crc16(std::string_view("123456789")), 0xBB3D);
    EXPECT_EQ(crc16(std::string_view()), 0);
}

TEST(FitCrc, SlicedLoopAgreesWithTheBitwiseReferenceAtEveryLength) {
    std::string bytes;
    std::uint32_t x = 12345;
    for (int n = 0; n < 300; ++n) {
        ASSERT_EQ(crc16(bytes), reference_crc(bytes)) << "length " << n;
        x = x * 1103515245U + 12345U;
        bytes.push_back(static_cast<char>(x >> 16));
    }
}

TEST(FitCrc, ContinuesFromAPreviousValue) {
    const std::string a = "a FIT header..";
    const std::string b = "and the data that follows it, longer than eight bytes";
    EXPECT_EQ(crc16(b, crc16(a)), crc16(a + b));
}

TEST(FitCrc, AFileWithItsCrcAppendedChecksToZero) {
    std::string bytes = "any bytes at all";
    const std::uint16_t crc = crc16(bytes);
    bytes.push_back(static_cast<char>(crc & 0xFF));
    bytes.push_back(static_cast<char>(crc >> 8));
    EXPECT_EQ(crc16(bytes), 0);
}

}  // namespace
}  // namespace hillcoach::io::fit
