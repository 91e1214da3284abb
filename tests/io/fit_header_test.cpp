// FIT file headers: 12 and 14 bytes, signature, sizes, header CRC.
#include "hillcoach/io/fit/fit_header.hpp"

#include <gtest/gtest.h>

#include "hillcoach/io/fit/fit_crc.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io::fit {
namespace {

core::Location here() {
    core::Location l;
    l.file = "h.fit";
    l.byte_offset = 0;
    return l;
}

TEST(FitHeader, WritesAndReadsA14ByteHeaderWithItsCrc) {
    std::string out;
    append_header(out, 0x20, 2132, 1234);
    ASSERT_EQ(out.size(), 14U);
    EXPECT_EQ(out.substr(8, 4), ".FIT");
    const auto h = parse_header(out, here());
    ASSERT_TRUE(h.has_value());
    EXPECT_EQ(h->size, 14);
    EXPECT_EQ(h->protocol_version, 0x20);
    EXPECT_EQ(h->profile_version, 2132);
    EXPECT_EQ(h->data_size, 1234U);
    ASSERT_TRUE(h->crc.has_value());
    EXPECT_EQ(*h->crc, crc16(std::string_view(out).substr(0, 12)));
    EXPECT_TRUE(header_crc_matches(*h, out));
    EXPECT_EQ(protocol_text(h->protocol_version), "2.0");
}

TEST(FitHeader, Reads12ByteHeadersAndTreatsCrcZeroAsNotComputed) {
    std::string out;
    append_header(out, 0x10, 100, 7);
    std::string short_header = out.substr(0, 12);
    short_header[0] = 12;
    const auto h12 = parse_header(short_header, here());
    ASSERT_TRUE(h12.has_value());
    EXPECT_EQ(h12->size, 12);
    EXPECT_FALSE(h12->crc.has_value());
    EXPECT_EQ(protocol_text(h12->protocol_version), "1.0");

    out[12] = 0;
    out[13] = 0;
    const auto h14 = parse_header(out, here());
    ASSERT_TRUE(h14.has_value());
    EXPECT_FALSE(h14->crc.has_value());
    EXPECT_TRUE(header_crc_matches(*h14, out));
}

TEST(FitHeader, ADamagedHeaderCrcDoesNotMatch) {
    std::string out;
    append_header(out, 0x20, 2132, 10);
    out[13] = static_cast<char>(out[13] ^ 0x10);
    const auto h = parse_header(out, here());
    ASSERT_TRUE(h.has_value());
    EXPECT_FALSE(header_crc_matches(*h, out));
}

TEST(FitHeader, RefusesWhatIsNotAFitHeader) {
    std::string out;
    append_header(out, 0x20, 2132, 10);
    std::string bad_size = out;
    bad_size[0] = 13;
    EXPECT_ERROR(parse_header(bad_size, here()), core::ErrorCode::fit_bad_header,
                 "h.fit: byte 0: error: FIT header size is 13, not 12 or 14");
    std::string bad_signature = out;
    bad_signature[8] = 'x';
    EXPECT_ERROR(parse_header(bad_signature, here()), core::ErrorCode::fit_bad_header,
                 "no \".FIT\" signature");
    EXPECT_ERROR(parse_header(out.substr(0, 9), here()), core::ErrorCode::fit_bad_header,
                 "FIT header needs 14 bytes, only 9 left");
}

}  // namespace
}  // namespace hillcoach::io::fit
