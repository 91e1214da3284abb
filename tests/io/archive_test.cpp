#include "hillcoach/io/archive.hpp"

#include <string>

#include <gtest/gtest.h>

#include "io/archive_builder.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

using core::ErrorCode;

const core::Location k_gz{.file = "run.gpx.gz"};

std::string text_of(std::size_t n) {
    std::string s;
    s.reserve(n);
    for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + (i * 7 + i / 13) % 26);
    return s;
}

TEST(GunzipTest, RoundTrip) {
    const std::string original = text_of(300'000);
    ByteBuffer out;
    ASSERT_TRUE(gunzip(test::make_gzip(original), k_gz, 1 << 20, out).has_value());
    EXPECT_EQ(out.view(), original);
}

TEST(GunzipTest, ConcatenatedMembersAreOneStream) {
    // gzip(1): "multiple compressed files can be concatenated"; the result is their concatenation.
    const std::string both = test::make_gzip("first,") + test::make_gzip("second");
    ByteBuffer out;
    ASSERT_TRUE(gunzip(both, k_gz, 1 << 20, out).has_value());
    EXPECT_EQ(out.view(), "first,second");
}

TEST(GunzipTest, OutputPastTheLimitStopsTheBomb) {
    // 64 MiB of zeros deflate to about 64 KiB; with a 1 MiB limit inflation stops just past 1 MiB.
    const std::string bomb = test::make_gzip(std::string(64U << 20, '\0'));
    ASSERT_LT(bomb.size(), 200'000U);
    ByteBuffer out;
    EXPECT_ERROR(gunzip(bomb, k_gz, 1 << 20, out), ErrorCode::file_too_large,
                 "run.gpx.gz: error: decompresses to more than the size limit of 1 MiB; not loaded");
    EXPECT_LE(out.capacity(), (2U << 20));
}

TEST(GunzipTest, CorruptDataSaysHowFarItGot) {
    std::string gz = test::make_gzip(text_of(100'000));
    gz[gz.size() / 2] ^= 0x5a;
    gz[gz.size() / 2 + 1] ^= 0x33;
    ByteBuffer out;
    const auto result = gunzip(gz, k_gz, 1 << 20, out);
    EXPECT_ERROR(result, ErrorCode::gzip_corrupt, "error: gzip data is corrupt after ");
    // The position is a byte of the compressed file, at or after the damage.
    ASSERT_TRUE(result.error().where.byte_offset.has_value());
    EXPECT_GE(*result.error().where.byte_offset, gz.size() / 2);
    EXPECT_LE(*result.error().where.byte_offset, gz.size());
}

TEST(GunzipTest, TruncatedStream) {
    const std::string gz = test::make_gzip(text_of(100'000));
    ByteBuffer out;
    EXPECT_ERROR(gunzip(gz.substr(0, gz.size() / 2), k_gz, 1 << 20, out), ErrorCode::gzip_corrupt,
                 "run.gpx.gz: byte " + std::to_string(gz.size() / 2) + ": error: gzip data is truncated: the stream ends");
}

TEST(GunzipTest, HeaderOnlyIsCorruptAndEmptyStreamIsEmpty) {
    ByteBuffer out;
    EXPECT_ERROR(gunzip(std::string("\x1f\x8b\x08", 3), k_gz, 1 << 20, out), ErrorCode::gzip_corrupt, "gzip");
    EXPECT_ERROR(gunzip(test::make_gzip(""), k_gz, 1 << 20, out), ErrorCode::empty_file,
                 "run.gpx.gz: error: gzip stream inflates to 0 bytes");
}

TEST(UnsafeMemberPathTest, AbsoluteAndParentPathsAreUnsafe) {
    EXPECT_TRUE(is_unsafe_member_path("../x.gpx"));
    EXPECT_TRUE(is_unsafe_member_path("a/../../x.gpx"));
    EXPECT_TRUE(is_unsafe_member_path("a/.."));
    EXPECT_TRUE(is_unsafe_member_path("/etc/passwd"));
    EXPECT_TRUE(is_unsafe_member_path("\\windows\\x"));
    EXPECT_TRUE(is_unsafe_member_path("a\\..\\x"));
    EXPECT_TRUE(is_unsafe_member_path("C:x.gpx"));
    EXPECT_FALSE(is_unsafe_member_path("activities/123.fit.gz"));
    EXPECT_FALSE(is_unsafe_member_path("a..b/..c/x..gpx"));
    EXPECT_FALSE(is_unsafe_member_path("./x.gpx"));
}

TEST(ZipReaderTest, WalksMembersInArchiveOrderAndReadsTheirData) {
    const std::string zip = test::make_zip({{"b.gpx", "second"}, {"a/c.fit", "third"}, {"a.txt", ""}});
    auto reader = ZipReader::open_memory(zip, {.file = "x.zip"});
    ASSERT_TRUE(reader.has_value()) << reader.error().message();
    std::vector<std::string> seen;
    while (true) {
        auto member = reader->next();
        ASSERT_TRUE(member.has_value()) << member.error().message();
        if (!*member) break;
        ByteBuffer data;
        ASSERT_TRUE(reader->read(data, 1 << 20).has_value());
        EXPECT_TRUE((*member)->is_regular_file);
        seen.push_back((*member)->name + "=" + std::string(data.view()));
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"b.gpx=second", "a/c.fit=third", "a.txt="}));
}

TEST(ZipReaderTest, ReadsAHeadFirstThenTheRest) {
    const std::string body = text_of(50'000);
    const std::string zip = test::make_zip({{"big.gpx", body}});
    auto reader = ZipReader::open_memory(zip, {.file = "x.zip"});
    ASSERT_TRUE(reader.has_value());
    ASSERT_TRUE(reader->next().has_value());
    ByteBuffer data;
    ASSERT_TRUE(reader->read(data, 1 << 20, 4096).has_value());
    EXPECT_GE(data.size(), 4096U);
    EXPECT_FALSE(reader->member_done());
    ASSERT_TRUE(reader->read(data, 1 << 20).has_value());
    EXPECT_TRUE(reader->member_done());
    EXPECT_EQ(data.view(), body);
}

TEST(ZipReaderTest, MemberPastTheLimit) {
    const std::string zip = test::make_zip({{"huge.gpx", std::string(3U << 20, ' ')}});
    auto reader = ZipReader::open_memory(zip, {.file = "x.zip"});
    ASSERT_TRUE(reader.has_value());
    ASSERT_TRUE(reader->next().has_value());
    ByteBuffer data;
    EXPECT_ERROR(reader->read(data, 1 << 20), ErrorCode::file_too_large,
                 "x.zip(huge.gpx): error: decompresses to more than the size limit of 1 MiB");
}

TEST(ZipReaderTest, NotAZip) {
    const std::string junk = "PK\x03\x04 but nothing a zip reader can use";
    auto reader = ZipReader::open_memory(junk, {.file = "x.zip"});
    if (!reader) {
        EXPECT_EQ(reader.error().code, ErrorCode::archive_corrupt);
        return;
    }
    EXPECT_ERROR(reader->next(), ErrorCode::archive_corrupt, "x.zip: error: zip archive is corrupt");
}

}  // namespace
}  // namespace hillcoach::io
