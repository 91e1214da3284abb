// write_gpx: the exact document for a small activity, escaping, channels left out where NaN, and the round trip
// through read_xml_activity within the written precision.

#include "hillcoach/io/gpx_writer.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "io/xml_fixture.hpp"

namespace hillcoach::io {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_t0 = 1714545000.0;  // 2024-05-01T06:30:00Z

// Four samples: full, without heart rate, without position (GPX cannot carry it), with a fractional time.
core::Activity sample_activity() {
    core::Activity a;
    a.metadata.name = "Hill & <dale>";
    a.metadata.description = "repeats \"x5\"";
    a.metadata.sport = core::Sport::running;
    a.metadata.sport_raw = "9";
    a.metadata.start_time_s = k_t0;
    auto& s = a.samples;
    s.resize(4);
    s.time_s = {k_t0, k_t0 + 1, k_t0 + 2, k_t0 + 2.5};
    s.latitude_deg = {46.2, 46.20012345678, k_nan, -46.2};
    s.longitude_deg = {6.1, 6.1001, k_nan, -179.99999994};
    s.elevation_m = {410.44, 411.0, 412.0, k_nan};
    s.heart_rate_bpm = {120.0, k_nan, 125.0, 130.4};
    s.cadence_rpm = {80.0, 81.0, 82.0, k_nan};
    s.temperature_c = {18.25, k_nan, k_nan, -2.0};
    s.speed_m_s = {3.0, 3.1, 3.2, 3.3};
    return a;
}

TEST(GpxWriterTest, ExactDocument) {
    const std::string expected =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gpx version=\"1.1\" creator=\"hillcoach\" xmlns=\"http://www.topografix.com/GPX/1/1\"\n"
        "     xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "     xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"\n"
        "     xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd "
        "http://www.garmin.com/xmlschemas/TrackPointExtension/v1 "
        "http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd\">\n"
        " <metadata>\n"
        "  <name>Hill &amp; &lt;dale&gt;</name>\n"
        "  <desc>repeats &quot;x5&quot;</desc>\n"
        "  <time>2024-05-01T06:30:00Z</time>\n"
        " </metadata>\n"
        " <trk>\n"
        "  <name>Hill &amp; &lt;dale&gt;</name>\n"
        "  <type>9</type>\n"
        "  <trkseg>\n"
        "   <trkpt lat=\"46.2000000\" lon=\"6.1000000\">\n"
        "    <ele>410.44</ele>\n"
        "    <time>2024-05-01T06:30:00Z</time>\n"
        "    <extensions><gpxtpx:TrackPointExtension><gpxtpx:atemp>18.2</gpxtpx:atemp><gpxtpx:hr>120</gpxtpx:hr>"
        "<gpxtpx:cad>80</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>\n"
        "   </trkpt>\n"
        "   <trkpt lat=\"46.2001235\" lon=\"6.1001000\">\n"
        "    <ele>411</ele>\n"
        "    <time>2024-05-01T06:30:01Z</time>\n"
        "    <extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>81</gpxtpx:cad></gpxtpx:TrackPointExtension>"
        "</extensions>\n"
        "   </trkpt>\n"
        "   <trkpt lat=\"-46.2000000\" lon=\"-179.9999999\">\n"
        "    <time>2024-05-01T06:30:02.500Z</time>\n"
        "    <extensions><gpxtpx:TrackPointExtension><gpxtpx:atemp>-2</gpxtpx:atemp><gpxtpx:hr>130</gpxtpx:hr>"
        "</gpxtpx:TrackPointExtension></extensions>\n"
        "   </trkpt>\n"
        "  </trkseg>\n"
        " </trk>\n"
        "</gpx>\n";
    EXPECT_EQ(write_gpx(sample_activity()), expected);
}

TEST(GpxWriterTest, RoundTripWithinTheWrittenPrecision) {
    const core::Activity original = sample_activity();
    const auto read = test::read_xml_text(write_gpx(original), "round.gpx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    const core::Activity& back = read->front();
    EXPECT_TRUE(back.warnings.empty());
    EXPECT_EQ(back.metadata.name, original.metadata.name);
    EXPECT_EQ(back.metadata.description, original.metadata.description);
    EXPECT_EQ(back.metadata.sport, core::Sport::running);
    EXPECT_EQ(back.metadata.sport_raw, "9");
    EXPECT_EQ(back.metadata.creator, "hillcoach");
    EXPECT_EQ(back.metadata.start_time_s, k_t0);

    const auto& s = original.samples;
    const auto& r = back.samples;
    const std::size_t kept[] = {0, 1, 3};  // sample 2 has no position
    ASSERT_EQ(r.size(), 3U);
    auto near_or_both_nan = [](double a, double b, double tolerance) {
        return (std::isnan(a) && std::isnan(b)) || std::fabs(a - b) <= tolerance;
    };
    for (std::size_t j = 0; j < 3; ++j) {
        const std::size_t i = kept[j];
        SCOPED_TRACE(i);
        EXPECT_NEAR(r.latitude_deg[j], s.latitude_deg[i], 0.5e-7);
        EXPECT_NEAR(r.longitude_deg[j], s.longitude_deg[i], 0.5e-7);
        EXPECT_TRUE(near_or_both_nan(r.elevation_m[j], s.elevation_m[i], 0.005));
        EXPECT_TRUE(near_or_both_nan(r.time_s[j], s.time_s[i], 0.0005));
        EXPECT_TRUE(near_or_both_nan(r.heart_rate_bpm[j], s.heart_rate_bpm[i], 0.5));
        EXPECT_TRUE(near_or_both_nan(r.cadence_rpm[j], s.cadence_rpm[i], 0.5));
        EXPECT_TRUE(near_or_both_nan(r.temperature_c[j], s.temperature_c[i], 0.0501));
        EXPECT_TRUE(std::isnan(r.speed_m_s[j])) << "TrackPointExtension v1 has no speed";
    }
}

TEST(GpxWriterTest, EmptyActivityIsStillAValidDocument) {
    const std::string gpx = write_gpx(core::Activity{});
    EXPECT_NE(gpx.find("<trkseg>\n  </trkseg>"), std::string::npos);
    EXPECT_EQ(gpx.find("<time>"), std::string::npos);
    EXPECT_EQ(gpx.find("<type>"), std::string::npos);
    EXPECT_ERROR(test::read_xml_text(gpx, "empty.gpx"), core::ErrorCode::no_points, "no track or route point");
}

TEST(GpxWriterTest, ControlCharactersAreLeftOutOfText) {
    core::Activity a = sample_activity();
    a.metadata.name = std::string("bell\x07 tab\t");
    const std::string gpx = write_gpx(a);
    EXPECT_NE(gpx.find("<name>bell tab\t</name>"), std::string::npos);
}

}  // namespace
}  // namespace hillcoach::io
