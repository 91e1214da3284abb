// read_bytes / read_file: the dispatch from content to reader, gzip on the way, and the metadata every
// activity gets (source path, content hash).

#include "hillcoach/io/read.hpp"

#include <gtest/gtest.h>

#include "hillcoach/core/hash.hpp"
#include "io/archive_builder.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

using core::ErrorCode;

core::Expected<std::vector<core::Activity>> read_text(std::string bytes, const std::string& name) {
    return read_bytes(std::span<char>(bytes.data(), bytes.size()), core::Location{.file = name});
}

TEST(ReadTest, GpxIsSniffedWhateverTheName) {
    const std::string gpx = test::read_bytes(test::data_path("io/containers/hill-run.gpx"));
    auto read = read_text(gpx, "download.dat");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    const auto& a = read->front();
    EXPECT_EQ(a.metadata.format, core::FileFormat::gpx);
    EXPECT_EQ(a.samples.size(), 4U);
    EXPECT_EQ(a.metadata.source_path, "download.dat");
    EXPECT_EQ(a.metadata.content_hash, core::content_hash(gpx));
}

TEST(ReadTest, TcxFile) {
    auto read = read_file(test::data_path("io/containers/flat-run.tcx"));
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    EXPECT_EQ(read->front().metadata.format, core::FileFormat::tcx);
    EXPECT_EQ(read->front().samples.size(), 3U);
}

TEST(ReadTest, GzipIsInflatedAndHashedAsThePlainFile) {
    const std::string gpx = test::read_bytes(test::data_path("io/containers/hill-run.gpx"));
    auto read = read_text(test::make_gzip(gpx), "run.gpx.gz");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    EXPECT_EQ(read->front().samples.size(), 4U);
    EXPECT_EQ(read->front().metadata.content_hash, core::content_hash(gpx));
    EXPECT_EQ(read->front().metadata.source_path, "run.gpx.gz");
}

TEST(ReadTest, ArchiveMemberSourceNamesTheMember) {
    std::string gpx = test::read_bytes(test::data_path("io/containers/hill-run.gpx"));
    auto read = read_bytes(std::span<char>(gpx.data(), gpx.size()),
                           core::Location{.file = "export.zip", .entry = "activities/1.gpx"});
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->front().metadata.source_path, "export.zip(activities/1.gpx)");
}

TEST(ReadTest, GzipLimitAppliesToTheInflatedSize) {
    const std::string gpx = test::read_bytes(test::data_path("io/containers/hill-run.gpx"));
    std::string gz = test::make_gzip(gpx);
    ReadOptions small;
    small.limits.max_decompressed_bytes = 1000;
    EXPECT_ERROR(read_bytes(std::span<char>(gz.data(), gz.size()), {.file = "run.gpx.gz"}, small),
                 ErrorCode::file_too_large, "run.gpx.gz: error: decompresses to more than the size limit of 1000 bytes");
}

TEST(ReadTest, UnknownContentIsDescribed) {
    EXPECT_ERROR(read_text("{\"not\": \"an activity\"}", "a.json"), ErrorCode::unknown_format,
                 "a.json: error: content is not GPX, TCX or FIT (starts with \"{\"not\": \")");
}

TEST(ReadTest, TheNameSendsUnrecognisedContentToItsReader) {
    // Garbage named .fit goes to the FIT reader, which can say what is wrong with the header.
    auto fit = read_text("this is not a FIT file at all", "run.fit");
    ASSERT_FALSE(fit.has_value());
    EXPECT_EQ(fit.error().code, ErrorCode::fit_bad_header) << fit.error().message();
    // Garbage named .gpx goes to the XML reader.
    auto gpx = read_text("this is not XML", "run.gpx");
    ASSERT_FALSE(gpx.has_value());
    EXPECT_EQ(gpx.error().code, ErrorCode::xml_malformed) << gpx.error().message();
}

TEST(ReadTest, XmlThatIsNeitherGpxNorTcx) {
    auto kml = read_text("<?xml version=\"1.0\"?><kml><Document/></kml>", "route.kml");
    ASSERT_FALSE(kml.has_value());
    EXPECT_EQ(kml.error().code, ErrorCode::xml_not_activity) << kml.error().message();
}

TEST(ReadTest, ZipAndStravaTableAreNotOneActivity) {
    EXPECT_ERROR(read_text(test::make_zip({{"a.gpx", "x"}}), "export.zip"), ErrorCode::not_supported,
                 "export.zip: error: a zip archive, not one activity file");
    EXPECT_ERROR(read_text("Activity ID,Activity Name\n", "activities.csv"), ErrorCode::not_supported,
                 "a Strava export's activities.csv, not an activity");
}

TEST(ReadTest, GzipInsideGzip) {
    EXPECT_ERROR(read_text(test::make_gzip(test::make_gzip("<gpx/>")), "x.gz"), ErrorCode::unknown_format,
                 "a gzip file inside a gzip file");
}

TEST(ReadTest, EmptyBytes) {
    EXPECT_ERROR(read_text("", "x.gpx"), ErrorCode::empty_file, "x.gpx: error: file is empty (0 bytes)");
}

}  // namespace
}  // namespace hillcoach::io
