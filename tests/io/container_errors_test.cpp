// Bad containers (tests/data/io/bad/3NN-*): each gives one error or warning that names the file, the archive
// member where there is one, the position where there is one, and the reason; and reading goes on.

#include <fstream>

#include <gtest/gtest.h>

#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/io/read.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;

std::vector<ReadOutcome> read_all(const fs::path& path, const ReadOptions& options = {}) {
    std::vector<ReadOutcome> outcomes;
    read_paths(std::vector<fs::path>{path}, options, [&](ReadOutcome&& o) { outcomes.push_back(std::move(o)); });
    return outcomes;
}

TEST(ContainerErrorsTest, E301EmptyFile) {
    const auto path = test::data_path("io/bad/301-empty.gpx");
    EXPECT_ERROR(read_file(path), ErrorCode::empty_file, "301-empty.gpx: error: file is empty (0 bytes)");
}

TEST(ContainerErrorsTest, E302CorruptGzipData) {
    const auto path = test::data_path("io/bad/302-corrupt-data.gpx.gz");
    // The damage ends the deflate stream early; the 8 bytes after it, read as the trailer, fail the CRC check.
    EXPECT_ERROR(read_file(path), ErrorCode::gzip_corrupt,
                 "302-corrupt-data.gpx.gz: byte 221: error: gzip data is corrupt after 257 inflated bytes: incorrect "
                 "data check");
}

TEST(ContainerErrorsTest, E303TruncatedGzip) {
    const auto path = test::data_path("io/bad/303-truncated.gpx.gz");
    EXPECT_ERROR(read_file(path), ErrorCode::gzip_corrupt,
                 "303-truncated.gpx.gz: byte 288: error: gzip data is truncated: the stream ends after ");
}

TEST(ContainerErrorsTest, E304UnsafeZipPathsAreReportedAndNeverWritten) {
    // Run from an empty folder, so that anything written relative to it (or its parent) would show.
    const fs::path work = test::temp_dir("zip-slip") / "inside";
    fs::create_directories(work);
    const fs::path before = fs::current_path();
    fs::current_path(work);
    const auto outcomes = read_all(test::data_path("io/bad/304-unsafe-paths.zip"), {});
    fs::current_path(before);

    ASSERT_EQ(outcomes.size(), 3U);
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(outcomes[i].warnings.size(), 1U);
        EXPECT_FALSE(outcomes[i].failed());
        EXPECT_TRUE(outcomes[i].activities.empty());
        EXPECT_EQ(outcomes[i].warnings[0].code, ErrorCode::zip_unsafe_path);
    }
    EXPECT_NE(outcomes[0].warnings[0].message().find(
                  "304-unsafe-paths.zip(../escaped.gpx): warning: member path leaves the archive's folder; skipped"),
              std::string::npos)
        << outcomes[0].warnings[0].message();
    EXPECT_NE(outcomes[1].warnings[0].message().find("304-unsafe-paths.zip(/absolute.gpx): warning:"),
              std::string::npos);
    EXPECT_EQ(outcomes[2].activities.size(), 1U);  // runs/kept.gpx is read, in memory
    EXPECT_TRUE(fs::is_empty(work));
    EXPECT_FALSE(fs::exists(work.parent_path() / "escaped.gpx"));
    EXPECT_FALSE(fs::exists("/absolute.gpx"));
}

TEST(ContainerErrorsTest, E305UnknownFormat) {
    const auto path = test::data_path("io/bad/305-not-an-activity.png");
    EXPECT_ERROR(read_file(path), ErrorCode::unknown_format,
                 "305-not-an-activity.png: error: content is not GPX, TCX or FIT (starts with bytes 89 50 4e 47 0d 0a "
                 "1a 0a)");
}

TEST(ContainerErrorsTest, E306TruncatedZip) {
    const auto outcomes = read_all(test::data_path("io/bad/306-truncated.zip"));
    ASSERT_FALSE(outcomes.empty());
    const auto& last = outcomes.back();
    ASSERT_TRUE(last.failed());
    EXPECT_EQ(last.error->code, ErrorCode::archive_corrupt) << last.error->message();
    EXPECT_NE(last.error->message().find("306-truncated.zip"), std::string::npos) << last.error->message();
}

TEST(ContainerErrorsTest, E307FileOverTheSizeLimit) {
    ReadOptions small;
    small.limits.max_file_bytes = 1000;
    const auto path = test::data_path("io/containers/hill-run.gpx");
    EXPECT_ERROR(read_file(path, small), ErrorCode::file_too_large,
                 "hill-run.gpx: error: file is 1319 bytes, over the size limit of 1000 bytes; not loaded");
}

TEST(ContainerErrorsTest, E308StravaTableThatDoesNotParse) {
    // The export's table is broken: its error is reported in its place, and the activities are still read.
    const fs::path dir = test::temp_dir("strava-bad-csv");
    fs::create_directories(dir / "activities");
    fs::copy_file(test::data_path("io/containers/hill-run.gpx"), dir / "activities/1001.gpx");
    std::ofstream(dir / "activities.csv") << "Activity ID,Activity Name,Filename\n1001,\"unclosed,activities/1001.gpx\n";
    const auto outcomes = read_all(dir);
    ASSERT_EQ(outcomes.size(), 2U);
    ASSERT_TRUE(outcomes[0].failed());
    EXPECT_EQ(outcomes[0].error->message(), (dir / "activities.csv").string() +
                                                 ":2:6: error: quoted field is never closed");
    ASSERT_EQ(outcomes[1].activities.size(), 1U);
    EXPECT_TRUE(outcomes[1].activities[0].metadata.external_id.empty());
}

TEST(ContainerErrorsTest, E310FolderImportGoesOnPastBadFiles) {
    const auto outcomes = read_all(test::data_path("io/bad/310-mixed-folder"));
    ASSERT_EQ(outcomes.size(), 4U);
    EXPECT_EQ(outcomes[0].activities.size(), 1U);
    ASSERT_TRUE(outcomes[1].failed());
    EXPECT_EQ(outcomes[1].error->code, ErrorCode::xml_malformed);
    EXPECT_NE(outcomes[1].error->message().find("b-broken.gpx:"), std::string::npos) << outcomes[1].error->message();
    EXPECT_EQ(outcomes[2].activities.size(), 1U);
    ASSERT_TRUE(outcomes[3].failed());
    EXPECT_NE(outcomes[3].error->message().find("f-empty.fit: error: file is empty (0 bytes)"), std::string::npos);
}

}  // namespace
}  // namespace hillcoach::io
