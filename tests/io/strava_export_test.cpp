#include "hillcoach/io/strava_export.hpp"

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

using core::ErrorCode;

TEST(StravaExportTest, IndexesRowsByFilename) {
    const auto csv_path = test::data_path("io/containers/strava-export/activities.csv");
    auto index = StravaExportIndex::parse(test::read_bytes(csv_path), {.file = "activities.csv"});
    ASSERT_TRUE(index.has_value()) << index.error().message();
    EXPECT_EQ(index->size(), 2U);  // the third row is a manual entry without a file
    const auto* hill = index->find("activities/1001.gpx");
    ASSERT_NE(hill, nullptr);
    EXPECT_EQ(hill->id, "1001");
    EXPECT_EQ(hill->name, "Hill repeats, 4 x 400 m");
    EXPECT_EQ(hill->type, "Trail Run");
    EXPECT_EQ(hill->description, "Up the \"big\" hill\r\nthen home");
    EXPECT_EQ(index->find("activities/1002.tcx.gz")->type, "Run");
    EXPECT_EQ(index->find("activities/9999.gpx"), nullptr);
}

TEST(StravaExportTest, TypeWinsOverTheDevicesSport) {
    core::Activity a;
    a.metadata.sport = core::Sport::unknown;
    a.metadata.sport_raw = "generic";
    a.metadata.name = "Morning Run";
    apply_strava_info({.id = "77", .name = "Col du Galibier", .type = "Trail Run", .description = ""}, a);
    EXPECT_EQ(a.metadata.sport, core::Sport::trail_running);
    EXPECT_EQ(a.metadata.sport_raw, "Trail Run");
    EXPECT_EQ(a.metadata.name, "Col du Galibier");
    EXPECT_EQ(a.metadata.external_id, "77");
}

TEST(StravaExportTest, AnEmptyOrUnknownTypeKeepsTheFilesSport) {
    core::Activity a;
    a.metadata.sport = core::Sport::running;
    a.metadata.name = "From the file";
    apply_strava_info({.id = "5", .name = "", .type = "", .description = ""}, a);
    EXPECT_EQ(a.metadata.sport, core::Sport::running);
    EXPECT_EQ(a.metadata.name, "From the file");
}

TEST(StravaExportTest, MissingColumnsAreNamed) {
    EXPECT_ERROR(StravaExportIndex::parse("Activity ID,Activity Name\n1,x\n", {.file = "activities.csv"}),
                 ErrorCode::csv_malformed,
                 "activities.csv:1:1: error: no \"Filename\" column: not a Strava export's activities.csv");
}

}  // namespace
}  // namespace hillcoach::io
