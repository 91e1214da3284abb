// Every file of ../shared/corpus/MANIFEST.tsv through io::read_file, the way `hillcoach info` reads it: each is
// read or rejected as its manifest notes say, under ASan+UBSan in `make test`. Files not listed in the table
// below must read cleanly (at least one activity with samples); the listed ones are the broken, odd or
// non-activity files, each with what we expect and why.

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "corpus/corpus_tables.hpp"
#include "hillcoach/io/read.hpp"
#include "support/test_data.hpp"

namespace hillcoach::test {
namespace {

using core::ErrorCode;

struct Expectation {
    std::string_view path;                      // relative to the corpus folder
    std::optional<ErrorCode> error{};           // the file is rejected with this code
    std::size_t activities = 1;                 // otherwise: how many activities it gives
    std::vector<ErrorCode> warnings{};          // warning codes that must appear (on any of its activities)
    std::string_view why{};
};

const std::vector<Expectation>& expectations() {
    static const std::vector<Expectation> table{
        {.path = "public/python-fitparse/garmin-fenix-5-run-records.csv", .error = ErrorCode::unknown_format,
         .why = "a per-record CSV decode made by python-fitparse's maintainers, not an activity file"},
        {.path = "public/python-fitparse/strava-android-app-201.10-b1218918.fit",
         .warnings = {ErrorCode::fit_undefined_message},
         .why = "a data message for a local type never defined: the messages before it are kept"},
        {.path = "public/python-fitparse/compressed-speed-distance.fit", .warnings = {ErrorCode::fit_bad_time},
         .why = "FR70 device-relative timestamps (1990 dates) with no anchor to real time"},
        {.path = "public/python-fitparse/antfs-dump.63.fit", .warnings = {ErrorCode::fit_bad_time},
         .why = "FR70 device-relative timestamps (1990 dates) with no anchor to real time"},
        {.path = "public/python-fitparse/activity-unexpected-eof.fit", .warnings = {ErrorCode::fit_truncated},
         .why = "truncated on purpose: complete messages kept"},
        {.path = "public/python-fitparse/activity-filecrc.fit", .warnings = {ErrorCode::fit_file_crc},
         .why = "bad file CRC on purpose: a warning, not a refusal"},
        {.path = "public/python-fitparse/activity-activity-filecrc.fit", .activities = 2,
         .warnings = {ErrorCode::fit_file_crc}, .why = "two chained FIT files, the second with a bad CRC"},
        {.path = "public/python-fitparse/activity-settings-corruptheader.fit",
         .warnings = {ErrorCode::fit_bad_header}, .why = "chained: the second file's header is corrupt"},
        {.path = "public/python-fitparse/activity-settings-nodata.fit", .warnings = {ErrorCode::fit_truncated},
         .why = "chained: the second file's header promises data that is not there"},
        {.path = "public/python-fitparse/sample_mulitple_header.fit", .activities = 5,
         .why = "triathlon: swim, T1, bike, T2, run sessions"},
        {.path = "public/python-fitparse/nick.fit", .warnings = {ErrorCode::fit_truncated},
         .why = "Sigma ride cut off inside the data, before any session"},
        {.path = "public/python-fitparse/MonitoringFile.fit", .error = ErrorCode::fit_not_activity,
         .why = "a monitoring_b file, not an activity"},
        {.path = "public/sports-lib/empty-sessions.fit", .error = ErrorCode::empty_file, .why = "0 bytes"},
        {.path = "public/sports-lib/empty-activities.fit", .warnings = {ErrorCode::fit_truncated},
         .why = "header data_size 0 never written back: the records after it are recovered"},
        {.path = "public/gpxpy/unicode_with_bom.gpx", .error = ErrorCode::no_points,
         .why = "a waypoint only: nothing to read as an activity"},
        {.path = "public/goldencheetah/MetadataOnly.gpx", .error = ErrorCode::no_points,
         .why = "Strava GPX with metadata and no track point"},
        {.path = "public/goldencheetah/activity_165850259_multi-session.tcx", .activities = 4,
         .why = "four <Activity> elements (run, bike, run, bike)"},
        {.path = "public/gpsbabel/lezyne_super_gps-garmin_fit-sample-bad-endian.fit",
         .warnings = {ErrorCode::fit_file_crc}, .why = "wrong endianness flags and a bad CRC: read as far as it goes"},
    };
    return table;
}

const Expectation* find_expectation(const std::string& path) {
    for (const auto& e : expectations()) {
        if (e.path == path) return &e;
    }
    return nullptr;
}

std::set<ErrorCode> warning_codes(const std::vector<core::Activity>& activities) {
    std::set<ErrorCode> codes;
    for (const auto& a : activities) {
        for (const auto& w : a.warnings) codes.insert(w.code);
    }
    return codes;
}

TEST(CorpusManifestTest, EveryFileIsReadOrRejectedAsItsNotesSay) {
    HILLCOACH_REQUIRE_CORPUS(root);
    const auto manifest = read_tsv(root / "MANIFEST.tsv");
    ASSERT_GE(manifest.size(), 97U);
    std::size_t read_count = 0;
    for (const auto& row : manifest) {
        const std::string path = tsv_text(row, "path");
        SCOPED_TRACE(path + " (" + tsv_text(row, "notes") + ")");
        const auto result = io::read_file(root / path);
        const Expectation* expected = find_expectation(path);
        if (expected && expected->error) {
            ASSERT_FALSE(result.has_value()) << "expected " << core::error_code_id(*expected->error) << ": "
                                             << expected->why;
            EXPECT_EQ(result.error().code, *expected->error) << result.error().message();
            EXPECT_NE(result.error().message().find(path), std::string::npos) << result.error().message();
            continue;
        }
        ASSERT_TRUE(result.has_value()) << result.error().message();
        ++read_count;
        EXPECT_EQ(result->size(), expected ? expected->activities : 1U);
        for (const auto& a : *result) {
            EXPECT_FALSE(a.samples.empty());
            EXPECT_EQ(a.metadata.source_path, (root / path).string());
            EXPECT_EQ(a.metadata.content_hash.size(), 32U);
        }
        const auto codes = warning_codes(*result);
        if (expected) {
            for (ErrorCode code : expected->warnings) {
                EXPECT_TRUE(codes.count(code)) << "expected warning " << core::error_code_id(code) << ": "
                                               << expected->why;
            }
        }
    }
    EXPECT_EQ(read_count, manifest.size() - 5);  // the five rejected files of the table above
}

TEST(CorpusManifestTest, EveryExpectationNamesAManifestFile) {
    HILLCOACH_REQUIRE_CORPUS(root);
    const auto manifest = read_tsv(root / "MANIFEST.tsv");
    for (const auto& e : expectations()) {
        const bool listed = std::any_of(manifest.begin(), manifest.end(),
                                        [&](const TsvRow& row) { return tsv_text(row, "path") == e.path; });
        EXPECT_TRUE(listed) << e.path;
    }
}

TEST(CorpusManifestTest, TheGzippedFitIsReadThroughGzipLikeItsContent) {
    HILLCOACH_REQUIRE_CORPUS(root);
    const auto gz = io::read_file(root / "public/goldencheetah/14582164182.fit.gz");
    ASSERT_TRUE(gz.has_value()) << gz.error().message();
    ASSERT_EQ(gz->size(), 1U);
    const auto oracle = read_tsv(root / "oracles-fit.tsv");
    const auto row = std::find_if(oracle.begin(), oracle.end(), [](const TsvRow& r) {
        return tsv_text(r, "path") == "public/goldencheetah/14582164182.fit.gz";
    });
    ASSERT_NE(row, oracle.end());
    const auto& a = gz->front();
    EXPECT_EQ(static_cast<double>(a.samples.size()), *tsv_number(*row, "n_records"));
    ASSERT_TRUE(a.device.distance_m.has_value());
    EXPECT_DOUBLE_EQ(*a.device.distance_m, *tsv_number(*row, "total_distance_m"));
}

}  // namespace
}  // namespace hillcoach::test
