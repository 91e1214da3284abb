#include "hillcoach/io/sniff.hpp"

#include <string>

#include <gtest/gtest.h>

namespace hillcoach::io {
namespace {

using namespace std::string_literals;

TEST(SniffTest, FitHeaderSignature) {
    // 14-byte header: size, protocol, profile (2), data size (4), ".FIT", CRC (2).
    const std::string header = "\x0e\x20\x5c\x08\x10\x00\x00\x00.FIT\x00\x00"s;
    EXPECT_EQ(sniff_content(header), Content::fit);
    const std::string twelve = "\x0c\x10\x5c\x08\x10\x00\x00\x00.FIT"s;
    EXPECT_EQ(sniff_content(twelve), Content::fit);
    EXPECT_EQ(sniff_content(header.substr(0, 11)), Content::unknown);  // too short to hold the signature
    EXPECT_EQ(sniff_content("\x05\x20\x5c\x08\x10\x00\x00\x00.FIT\x00\x00"s), Content::unknown);
}

TEST(SniffTest, GzipAndZipMagic) {
    EXPECT_EQ(sniff_content("\x1f\x8b\x08\x00"s), Content::gzip);
    EXPECT_EQ(sniff_content("PK\x03\x04rest"s), Content::zip);
    EXPECT_EQ(sniff_content("PK\x05\x06"s), Content::zip);
    EXPECT_EQ(sniff_content("PK\x07\x08"s), Content::unknown);
}

TEST(SniffTest, XmlRootAfterBomDeclarationCommentsAndDoctype) {
    EXPECT_EQ(sniff_content("<gpx version=\"1.1\">"), Content::gpx);
    EXPECT_EQ(sniff_content("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<gpx>"), Content::gpx);
    // sports-lib/6281425038.tcx: whitespace before the XML declaration.
    EXPECT_EQ(sniff_content("\r\n  <?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"x\">"), Content::tcx);
    EXPECT_EQ(sniff_content("<?xml version=\"1.0\"?><!-- <gpx> in a comment --><?pi x?>\n<tcx:TrainingCenterDatabase>"),
              Content::tcx);
    EXPECT_EQ(sniff_content("<!DOCTYPE gpx [ <!ENTITY a \">\"> ]><gpx/>"), Content::gpx);
    EXPECT_EQ(sniff_content("<?xml version=\"1.0\"?><kml>"), Content::xml_other);
    EXPECT_EQ(sniff_content("<gpxdata>"), Content::xml_other);
    EXPECT_EQ(sniff_content("<?xml version=\"1.0\"?><!-- never closed"), Content::xml_other);
}

TEST(SniffTest, StravaActivitiesCsv) {
    EXPECT_EQ(sniff_content("Activity ID,Activity Date,Activity Name\n"), Content::strava_csv);
    EXPECT_EQ(sniff_content("\xEF\xBB\xBF\"Activity ID\",\"Activity Date\"\n"), Content::strava_csv);
    EXPECT_EQ(sniff_content("timestamp,position_lat\n"), Content::unknown);
}

TEST(SniffTest, AnythingElseIsUnknown) {
    EXPECT_EQ(sniff_content(""), Content::unknown);
    EXPECT_EQ(sniff_content("\x89PNG\r\n\x1a\n"), Content::unknown);
    EXPECT_EQ(sniff_content("{\"json\": true}"), Content::unknown);
}

TEST(SniffTest, NamesAreHintsByExtension) {
    EXPECT_EQ(content_from_name("runs/a.GPX"), Content::gpx);
    EXPECT_EQ(content_from_name("a.tcx"), Content::tcx);
    EXPECT_EQ(content_from_name("activities/123.fit.gz"), Content::gzip);
    EXPECT_EQ(content_from_name("export.zip"), Content::zip);
    EXPECT_EQ(content_from_name("photo.jpg"), Content::unknown);
    EXPECT_EQ(strip_gz_suffix("activities/123.fit.gz"), "activities/123.fit");
    EXPECT_EQ(strip_gz_suffix("run.gpx"), "run.gpx");
    EXPECT_TRUE(named_like_activity("a.fit"));
    EXPECT_TRUE(named_like_activity("a.gpx.gz"));
    EXPECT_FALSE(named_like_activity("a.zip"));
    EXPECT_FALSE(named_like_activity("activities.csv"));
}

TEST(SniffTest, DescribesTheStartForErrorMessages) {
    EXPECT_EQ(describe_start("hello world, this is long"), "starts with \"hello wo\"");
    EXPECT_EQ(describe_start("\x89PNG\r\n\x1a\n"), "starts with bytes 89 50 4e 47 0d 0a 1a 0a");
    EXPECT_EQ(describe_start("a\nb"), "starts with \"a\\nb\"");
}

}  // namespace
}  // namespace hillcoach::io
