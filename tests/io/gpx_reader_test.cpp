// GPX 1.0/1.1 through read_xml_activity: every element the reader takes, the vendor extensions of the corpus,
// and the numbered bad inputs (tests/data/io/bad/1NN-*) with their exact messages.

#include "hillcoach/io/gpx_reader.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/xml_fixture.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

using core::ErrorCode;
using test::count_finite;
using test::read_xml_fixture;
using test::read_xml_text;
using test::warning_messages;
using ::testing::ElementsAre;

// 2024-05-01T06:30:00Z and the others, in seconds since the Unix epoch (computed independently with Python's
// datetime).
constexpr double k_2024_05_01_0630 = 1714545000.0;
constexpr double k_2023_06_01_1000 = 1685613600.0;

const core::Activity& only(const core::Expected<std::vector<core::Activity>>& read) {
    EXPECT_TRUE(read.has_value()) << read.error().message();
    EXPECT_EQ(read->size(), 1U);
    return read->front();
}

TEST(GpxReaderTest, GarminTrackPointExtensionV1) {
    const auto read = read_xml_fixture("io/gpx/garmin_tpx_v1.gpx");
    const core::Activity& a = only(read);
    const auto& s = a.samples;
    ASSERT_EQ(s.size(), 3U);
    EXPECT_EQ(s.latitude_deg, (std::vector<double>{46.2, 46.2001, 46.2002}));
    EXPECT_EQ(s.longitude_deg, (std::vector<double>{6.1, 6.10015, 6.1003}));
    EXPECT_EQ(s.elevation_m, (std::vector<double>{410.4, 411.0, 412.6}));
    EXPECT_EQ(s.time_s, (std::vector<double>{k_2024_05_01_0630, k_2024_05_01_0630 + 1, k_2024_05_01_0630 + 2.5}));
    EXPECT_EQ(s.heart_rate_bpm[0], 120.0);
    EXPECT_TRUE(std::isnan(s.heart_rate_bpm[1])) << "a point without <hr> keeps NaN, not 0";
    EXPECT_EQ(s.heart_rate_bpm[2], 123.0);
    EXPECT_EQ(s.cadence_rpm, (std::vector<double>{80, 81, 82}));
    EXPECT_EQ(s.temperature_c[0], 18.0);
    EXPECT_EQ(s.temperature_c[1], 18.5);
    EXPECT_TRUE(std::isnan(s.temperature_c[2]));
    EXPECT_EQ(count_finite(s.speed_m_s) + count_finite(s.power_w) + count_finite(s.distance_m), 0U);

    const auto& m = a.metadata;
    EXPECT_EQ(m.format, core::FileFormat::gpx);
    EXPECT_EQ(m.format_version, "1.1");
    EXPECT_EQ(m.creator, "Garmin Connect");
    EXPECT_EQ(m.name, "Morning & hills");
    EXPECT_EQ(m.description, "Three points, Garmin Connect style");
    EXPECT_EQ(m.sport_raw, "running");
    EXPECT_EQ(m.sport, core::Sport::running);
    EXPECT_EQ(m.start_time_s, k_2024_05_01_0630) << "the first point's time, not <metadata><time>";
    EXPECT_FALSE(m.utc_offset_s.has_value());
    EXPECT_EQ(a.elevation_source, core::ElevationSource::unknown);
    EXPECT_TRUE(a.laps.empty());
    EXPECT_TRUE(a.warnings.empty()) << warning_messages(a).front();
}

TEST(GpxReaderTest, TrackPointExtensionV2SpeedAndPowerExtension) {
    const auto read = read_xml_fixture("io/gpx/tpx_v2_power.gpx");
    const core::Activity& a = only(read);
    const auto& s = a.samples;
    ASSERT_EQ(s.size(), 2U);
    EXPECT_EQ(s.speed_m_s, (std::vector<double>{7.32, 7.40}));
    EXPECT_EQ(s.power_w, (std::vector<double>{303, 290}));
    EXPECT_EQ(s.heart_rate_bpm, (std::vector<double>{125, 126}));
    EXPECT_EQ(s.cadence_rpm[0], 87.0);
    EXPECT_EQ(s.temperature_c[0], 26.9);
    EXPECT_EQ(s.elevation_m[0], 250.5);
    EXPECT_TRUE(std::isnan(s.elevation_m[1])) << "no <ele>: the point is kept with NaN elevation";
    EXPECT_EQ(s.time_s[1], 1555596739.0 + 2.009);
    EXPECT_EQ(a.metadata.sport, core::Sport::cycling);
    EXPECT_EQ(a.elevation_source, core::ElevationSource::barometric) << "creator says \"with barometer\"";
}

TEST(GpxReaderTest, TracksAndSegmentsJoinInDocumentOrder) {
    const auto read = read_xml_fixture("io/gpx/multi_segment.gpx");
    const core::Activity& a = only(read);
    const auto& s = a.samples;
    ASSERT_EQ(s.size(), 5U) << "two tracks, three segments (one empty); the waypoint and the route are not read";
    EXPECT_EQ(s.latitude_deg, (std::vector<double>{45.0, 45.0001, 45.0010, 45.0020, 45.0021}));
    const double t0 = k_2023_06_01_1000;
    EXPECT_EQ(s.time_s[0], t0);
    EXPECT_EQ(s.time_s[1], t0 + 1);
    EXPECT_EQ(s.time_s[2], t0 + 300) << "a new segment is only a gap in time";
    EXPECT_EQ(s.time_s[3], t0 + 1200);
    EXPECT_TRUE(std::isnan(s.time_s[4])) << "a point without <time> keeps its position and elevation";
    EXPECT_EQ(s.elevation_m[4], 111.0);
    EXPECT_TRUE(std::isnan(s.elevation_m[2]));
    EXPECT_EQ(a.metadata.name, "first track") << "the first track's name wins over <metadata><name>";
    EXPECT_EQ(a.metadata.description, "metadata description");
    EXPECT_EQ(a.metadata.sport, core::Sport::unknown);
    EXPECT_EQ(a.elapsed_s(), 1200.0);
    EXPECT_TRUE(a.warnings.empty());
}

TEST(GpxReaderTest, Gpx10SpeedAndTimeOffsets) {
    const auto read = read_xml_fixture("io/gpx/gpx10_speed_offsets.gpx");
    const core::Activity& a = only(read);
    const auto& s = a.samples;
    ASSERT_EQ(s.size(), 3U);
    const double t0 = 1449844993.0;  // 2015-12-11T14:43:13Z
    EXPECT_EQ(s.time_s[0], t0) << "15:43:13.000+01:00 is 14:43:13Z";
    EXPECT_DOUBLE_EQ(s.time_s[1], t0 + 0.994);
    EXPECT_DOUBLE_EQ(s.time_s[2], t0 + 2.25);
    EXPECT_EQ(s.speed_m_s[0], 1.2);
    EXPECT_EQ(s.speed_m_s[1], 2.25);
    EXPECT_TRUE(std::isnan(s.speed_m_s[2]));
    EXPECT_EQ(s.elevation_m[1], 23.5536);
    EXPECT_EQ(a.metadata.format_version, "1.0");
    EXPECT_EQ(a.metadata.name, "GPX 1.0 top-level name");
    EXPECT_EQ(a.metadata.description, "GPX 1.0 top-level desc");
    EXPECT_EQ(a.metadata.utc_offset_s, 3600);
    EXPECT_EQ(a.metadata.sport, core::Sport::running);
    EXPECT_EQ(a.metadata.sport_raw, "run");
}

TEST(GpxReaderTest, RouteIsReadOnlyWithoutTrack) {
    const auto read = read_xml_fixture("io/gpx/route_only.gpx");
    const core::Activity& a = only(read);
    const auto& s = a.samples;
    ASSERT_EQ(s.size(), 3U) << "three route points; the waypoint is not one";
    EXPECT_EQ(s.latitude_deg, (std::vector<double>{45.10, 45.11, 45.12}));
    EXPECT_EQ(s.elevation_m[0], 500.0);
    EXPECT_EQ(s.elevation_m[1], 520.0);
    EXPECT_TRUE(std::isnan(s.elevation_m[2]));
    EXPECT_EQ(count_finite(s.time_s), 0U);
    EXPECT_FALSE(a.metadata.start_time_s.has_value());
    EXPECT_EQ(a.metadata.name, "Planned loop");
    EXPECT_EQ(a.metadata.sport, core::Sport::trail_running);
}

TEST(GpxReaderTest, VendorExtensionsUndeclaredPrefixesAndByteOrderMark) {
    const auto read = read_xml_fixture("io/gpx/vendor_extensions.gpx");
    const core::Activity& a = only(read);
    const auto& s = a.samples;
    ASSERT_EQ(s.size(), 3U);
    EXPECT_EQ(s.heart_rate_bpm[0], 89.0) << "Amazfit writes HR twice: the first one is kept";
    EXPECT_EQ(s.heart_rate_bpm[1], 101.25) << "gpxdata:hr (Movescount)";
    EXPECT_TRUE(std::isnan(s.heart_rate_bpm[2]));
    EXPECT_EQ(s.cadence_rpm[1], 87.0);
    EXPECT_EQ(s.cadence_rpm[2], 43.0) << "Strava writes cadence twice: the first one is kept";
    EXPECT_EQ(s.temperature_c[1], 20.8);
    EXPECT_EQ(s.temperature_c[2], 22.0) << "gpxx:Temperature";
    EXPECT_EQ(s.distance_m[1], 17.5);
    EXPECT_EQ(s.speed_m_s[1], 2.6);
    EXPECT_EQ(a.metadata.sport_raw, "9");
    EXPECT_EQ(a.metadata.sport, core::Sport::running) << "Strava's numeric type 9 is a run";
    EXPECT_EQ(a.metadata.creator, "StravaGPX");
    EXPECT_TRUE(a.warnings.empty());
}

TEST(GpxReaderTest, TimesWithoutZoneAreUtcWithOneWarning) {
    const auto read = read_xml_fixture("io/gpx/no_zone.gpx");
    const core::Activity& a = only(read);
    EXPECT_EQ(a.samples.time_s, (std::vector<double>{1357041604.0, 1357041605.0, 1357041606.0}));
    EXPECT_THAT(warning_messages(a),
                ElementsAre("no_zone.gpx:4:36: warning: time \"2013-01-01T12:00:04\" has no time zone: read as "
                            "UTC (3 times in this file; the first is shown)"));
    EXPECT_EQ(a.warnings[0].code, ErrorCode::bad_time);
}

TEST(GpxReaderTest, CharacterReferencesAndCdata) {
    const auto read = read_xml_fixture("io/gpx/character_references.gpx");
    const core::Activity& a = only(read);
    EXPECT_EQ(a.samples.latitude_deg[0], 45.5) << "lat=\"&#52;5.5\" is valid XML for 45.5";
    EXPECT_EQ(a.samples.elevation_m[0], 100.0);
    EXPECT_EQ(a.metadata.creator, "Café \"writer\"");
    EXPECT_EQ(a.metadata.name, "Run <with> CDATA");
}

TEST(GpxReaderTest, PrefixedGpxElementsAreReadByLocalName) {
    const auto read = read_xml_fixture("io/bad/126-unknown-root-prefix.gpx");
    const core::Activity& a = only(read);
    ASSERT_EQ(a.samples.size(), 1U);
    EXPECT_EQ(a.samples.elevation_m[0], 12.0);
    EXPECT_EQ(a.metadata.creator, "prefixed");
}

TEST(GpxReaderTest, AllZeroElevationIsMissing) {
    const auto read = read_xml_text(R"(<gpx version="1.0"><trk><trkseg>
<trkpt lat="45" lon="7"><ele>0</ele></trkpt><trkpt lat="45.1" lon="7"><ele>0.000</ele></trkpt>
<trkpt lat="45.2" lon="7"><ele>0</ele></trkpt></trkseg></trk></gpx>)",
                                    "zero.gpx");
    const core::Activity& a = only(read);
    EXPECT_EQ(count_finite(a.samples.elevation_m), 0U);
    EXPECT_EQ(a.elevation_source, core::ElevationSource::none);
    EXPECT_THAT(warning_messages(a),
                ElementsAre("zero.gpx: warning: all 3 elevations are exactly 0 m: read as missing elevation"));
}

TEST(GpxReaderTest, OneZeroElevationAmongOthersIsKept) {
    const auto read = read_xml_text(
        R"(<gpx><trk><trkseg><trkpt lat="52" lon="4"><ele>0</ele></trkpt><trkpt lat="52" lon="4.1"><ele>1.5</ele></trkpt></trkseg></trk></gpx>)",
        "sea.gpx");
    const core::Activity& a = only(read);
    EXPECT_EQ(a.samples.elevation_m, (std::vector<double>{0.0, 1.5}));
    EXPECT_TRUE(a.warnings.empty());
}

TEST(GpxReaderTest, TimeGoingBackwardsKeepsTheSampleWithoutTime) {
    const auto read = read_xml_fixture("io/bad/111-time-backwards.gpx");
    const core::Activity& a = only(read);
    const double t0 = k_2023_06_01_1000;
    const auto& t = a.samples.time_s;
    ASSERT_EQ(t.size(), 5U);
    EXPECT_EQ(t[0], t0);
    EXPECT_EQ(t[1], t0 + 10);
    EXPECT_TRUE(std::isnan(t[2]));
    EXPECT_EQ(t[3], t0 + 20);
    EXPECT_TRUE(std::isnan(t[4])) << "compared with the latest time so far, not with the dropped one";
    EXPECT_EQ(count_finite(a.samples.latitude_deg), 5U);
    EXPECT_THAT(warning_messages(a),
                ElementsAre("111-time-backwards.gpx:6:35: warning: time \"2023-06-01T09:59:00Z\" is earlier than "
                            "the sample before (\"2023-06-01T10:00:10Z\"): the sample is kept without a time (2 "
                            "times in this file; the first is shown)"));
    EXPECT_EQ(a.warnings[0].code, ErrorCode::time_backwards);
}

TEST(GpxReaderTest, DuplicateTimesAreKeptAndCounted) {
    const auto read = read_xml_fixture("io/bad/112-duplicate-times.gpx");
    const core::Activity& a = only(read);
    EXPECT_EQ(count_finite(a.samples.time_s), 5U);
    EXPECT_THAT(warning_messages(a),
                ElementsAre("112-duplicate-times.gpx:5:35: warning: time \"2023-06-01T10:00:00Z\" repeats the "
                            "sample before (3 times in this file; the first is shown)"));
    EXPECT_EQ(a.warnings[0].code, ErrorCode::duplicate_time);
}

TEST(GpxReaderTest, MissingLongitudeKeepsThePointWithoutPosition) {
    const auto read = read_xml_fixture("io/bad/118-missing-longitude.gpx");
    const core::Activity& a = only(read);
    ASSERT_EQ(a.samples.size(), 2U);
    EXPECT_TRUE(std::isnan(a.samples.latitude_deg[1])) << "half a position is none";
    EXPECT_TRUE(std::isnan(a.samples.longitude_deg[1]));
    EXPECT_EQ(a.samples.elevation_m[1], 101.0);
    EXPECT_EQ(a.samples.time_s[1], k_2023_06_01_1000 + 1);
    EXPECT_THAT(warning_messages(a),
                ElementsAre("118-missing-longitude.gpx:5:1: warning: <trkpt> has no lon attribute: kept without "
                            "a position"));
}

TEST(GpxReaderTest, ExtensionValueThatIsNotANumberIsIgnored) {
    const auto read = read_xml_fixture("io/bad/122-extension-not-a-number.gpx");
    const core::Activity& a = only(read);
    EXPECT_EQ(a.samples.heart_rate_bpm, (std::vector<double>{150, 151})) << "the other extensions still count";
    EXPECT_EQ(count_finite(a.samples.temperature_c), 0U);
    EXPECT_THAT(warning_messages(a),
                ElementsAre("122-extension-not-a-number.gpx:4:59: warning: cannot read <Temperature> \"null\" as "
                            "a number: ignored (2 times in this file; the first is shown)"));
}

TEST(GpxReaderTest, ImplausibleValuesAreDroppedWithWarnings) {
    const auto read = read_xml_fixture("io/bad/123-values-out-of-range.gpx");
    const core::Activity& a = only(read);
    const auto& s = a.samples;
    EXPECT_TRUE(std::isnan(s.elevation_m[0]));
    EXPECT_EQ(s.elevation_m[1], 250.0);
    EXPECT_TRUE(std::isnan(s.heart_rate_bpm[0])) << "0 bpm is a lost strap contact, not a heart rate";
    EXPECT_EQ(s.heart_rate_bpm[1], 140.0);
    EXPECT_EQ(count_finite(s.temperature_c), 0U) << "129 °C (gpsbabel/energympro.gpx) is not an air temperature";
    EXPECT_THAT(warning_messages(a),
                ElementsAre("123-values-out-of-range.gpx:4:34: warning: elevation -99999 m is outside [-1000, 9000] "
                            "m: dropped",
                            "123-values-out-of-range.gpx:4:100: warning: temperature 129 °C is outside [-90, 70] °C: "
                            "dropped (2 times in this file; the first is shown)",
                            "123-values-out-of-range.gpx:4:136: warning: heart rate 0 bpm is outside [1, 254] bpm: "
                            "dropped"));
}

TEST(GpxReaderTest, EntitiesDeclaredInTheDoctypeAreNeverExpanded) {
    // A "billion laughs" document: expanding &lol3; would multiply its size. The DTD is skipped and the
    // reference kept as written, so memory stays bounded by the file.
    const auto read = read_xml_fixture("io/bad/124-entity-expansion.gpx");
    const core::Activity& a = only(read);
    EXPECT_EQ(a.metadata.name, "&lol3;");
    EXPECT_EQ(a.samples.size(), 1U);
}

struct BadInput {
    const char* file;
    ErrorCode code;
    const char* message;
};

class GpxBadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(GpxBadInputTest, FailsWithTheExactMessage) {
    const BadInput& bad = GetParam();
    const auto read = read_xml_fixture(std::string("io/bad/") + bad.file);
    ASSERT_FALSE(read.has_value()) << bad.file << " was read";
    EXPECT_EQ(core::error_code_id(read.error().code), core::error_code_id(bad.code));
    EXPECT_EQ(read.error().message(), bad.message);
    EXPECT_EQ(read.error().where.file, bad.file);
}

INSTANTIATE_TEST_SUITE_P(
    Numbered, GpxBadInputTest,
    ::testing::Values(
        BadInput{"101-empty.gpx", ErrorCode::empty_file, "101-empty.gpx: error: the file is empty"},
        BadInput{"102-not-xml.gpx", ErrorCode::xml_malformed,
                 "102-not-xml.gpx:1:23: error: malformed XML: no document element found"},
        BadInput{"103-unclosed-trkpt.gpx", ErrorCode::xml_malformed,
                 "103-unclosed-trkpt.gpx:6:7: error: malformed XML: start-end tags mismatch"},
        BadInput{"104-kml-root.xml", ErrorCode::xml_not_activity,
                 "104-kml-root.xml:2:1: error: the root element is <kml>, not <gpx> or <TrainingCenterDatabase>"},
        BadInput{"105-bad-time.gpx", ErrorCode::bad_time, "105-bad-time.gpx:9:15: error: cannot read time \"yesterday\""},
        BadInput{"106-bad-latitude.gpx", ErrorCode::bad_number,
                 "106-bad-latitude.gpx:5:13: error: cannot read latitude \"4x5.1\""},
        BadInput{"107-latitude-out-of-range.gpx", ErrorCode::bad_coordinate,
                 "107-latitude-out-of-range.gpx:4:13: error: latitude 91.5 is outside [-90, 90]"},
        BadInput{"108-bad-elevation.gpx", ErrorCode::bad_number,
                 "108-bad-elevation.gpx:4:34: error: cannot read <ele> \"12,5\" as a number"},
        BadInput{"109-metadata-only.gpx", ErrorCode::no_points,
                 "109-metadata-only.gpx:2:1: error: the GPX file has no track or route point"},
        BadInput{"110-waypoints-only.gpx", ErrorCode::no_points,
                 "110-waypoints-only.gpx:2:1: error: the GPX file has no track or route point"},
        BadInput{"117-bad-month-crlf.gpx", ErrorCode::bad_time,
                 "117-bad-month-crlf.gpx:8:9: error: cannot read time \"2023-13-01T10:00:00Z\""},
        BadInput{"120-whitespace-only.gpx", ErrorCode::xml_malformed,
                 "120-whitespace-only.gpx:2:2: error: malformed XML: no document element found"},
        // The column counts characters: "Übergang über den Säntis" is 24 characters but 27 bytes.
        BadInput{"121-utf8-before-error.gpx", ErrorCode::bad_number,
                 "121-utf8-before-error.gpx:3:86: error: cannot read <ele> \"x2502\" as a number"}),
    [](const ::testing::TestParamInfo<BadInput>& param) { return "case" + std::string(param.param.file, 3); });

TEST(GpxReaderTest, ErrorKeepsTheArchiveEntry) {
    std::string text = "<gpx><trk><trkseg><trkpt lat=\"x\" lon=\"1\"/></trkseg></trk></gpx>";
    const auto read = read_xml_activity(std::span<char>(text.data(), text.size()),
                                        core::Location{.file = "export.zip", .entry = "activities/9.gpx"});
    EXPECT_ERROR(read, ErrorCode::bad_number, "export.zip(activities/9.gpx):1:31: error: cannot read latitude \"x\"");
}

}  // namespace
}  // namespace hillcoach::io
