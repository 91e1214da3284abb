// write_tcx: the exact document for a small activity, laps and their totals, the one-lap fallback, and the
// round trip through read_xml_activity within the written precision.

#include "hillcoach/io/tcx_writer.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "io/xml_fixture.hpp"

namespace hillcoach::io {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_t0 = 1714545000.0;  // 2024-05-01T06:30:00Z

core::Activity one_point_run() {
    core::Activity a;
    a.metadata.sport = core::Sport::trail_running;
    a.metadata.description = "Notes & more";
    auto& s = a.samples;
    s.resize(1);
    s.time_s[0] = k_t0 + 0.25;
    s.latitude_deg[0] = 46.2;
    s.longitude_deg[0] = 6.1;
    s.elevation_m[0] = 410.456;
    s.distance_m[0] = 12.345;
    s.heart_rate_bpm[0] = 120.0;
    s.cadence_rpm[0] = 84.6;
    s.speed_m_s[0] = 3.14159;
    s.power_w[0] = 250.2;
    return a;
}

TEST(TcxWriterTest, ExactDocument) {
    const std::string expected =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"\n"
        "  xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"\n"
        "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "  xsi:schemaLocation=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 "
        "http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd\">\n"
        " <Activities>\n"
        "  <Activity Sport=\"Running\">\n"
        "   <Id>2024-05-01T06:30:00.250Z</Id>\n"
        "   <Lap StartTime=\"2024-05-01T06:30:00.250Z\">\n"
        "    <TotalTimeSeconds>0</TotalTimeSeconds>\n"
        "    <DistanceMeters>12.35</DistanceMeters>\n"
        "    <Calories>0</Calories>\n"
        "    <Intensity>Active</Intensity>\n"
        "    <TriggerMethod>Manual</TriggerMethod>\n"
        "    <Track>\n"
        "     <Trackpoint>\n"
        "      <Time>2024-05-01T06:30:00.250Z</Time>\n"
        "      <Position><LatitudeDegrees>46.2000000</LatitudeDegrees>"
        "<LongitudeDegrees>6.1000000</LongitudeDegrees></Position>\n"
        "      <AltitudeMeters>410.46</AltitudeMeters>\n"
        "      <DistanceMeters>12.35</DistanceMeters>\n"
        "      <HeartRateBpm><Value>120</Value></HeartRateBpm>\n"
        "      <Extensions><ns3:TPX><ns3:Speed>3.142</ns3:Speed><ns3:RunCadence>85</ns3:RunCadence>"
        "<ns3:Watts>250</ns3:Watts></ns3:TPX></Extensions>\n"
        "     </Trackpoint>\n"
        "    </Track>\n"
        "   </Lap>\n"
        "   <Notes>Notes &amp; more</Notes>\n"
        "  </Activity>\n"
        " </Activities>\n"
        "</TrainingCenterDatabase>\n";
    EXPECT_EQ(write_tcx(one_point_run()), expected);
}

// Two laps of two samples; sample 1 has no position, sample 3 no heart rate.
core::Activity two_lap_run() {
    core::Activity a;
    a.metadata.sport = core::Sport::running;
    a.device.start_time_s = k_t0;
    auto& s = a.samples;
    s.resize(4);
    s.time_s = {k_t0, k_t0 + 599.5, k_t0 + 600, k_t0 + 601};
    s.latitude_deg = {45.0, k_nan, 45.01, 45.0101};
    s.longitude_deg = {7.0, k_nan, 7.01, 7.0101};
    s.elevation_m = {300.12, 300.5, 320.0, 320.25};
    s.distance_m = {0.0, 1798.0, 1800.0, 1803.5};
    s.heart_rate_bpm = {100, 101, 150, k_nan};
    s.cadence_rpm = {80, 81, 90, 91};
    s.speed_m_s = {2.8, 2.9, 3.5, 3.6};
    s.power_w = {200, 210, 300, k_nan};
    a.laps.resize(2);
    a.laps[0].first_sample = 0;
    a.laps[0].end_sample = 2;
    a.laps[0].totals.start_time_s = k_t0;
    a.laps[0].totals.timer_s = 599.5;
    a.laps[0].totals.distance_m = 1800.0;
    a.laps[0].totals.calories_kcal = 80.0;
    a.laps[0].totals.avg_heart_rate_bpm = 120.0;
    a.laps[0].totals.max_heart_rate_bpm = 149.0;
    a.laps[0].totals.max_speed_m_s = 4.25;
    a.laps[0].intensity = "active";
    a.laps[0].trigger = "distance";
    a.laps[1].first_sample = 2;
    a.laps[1].end_sample = 4;
    a.laps[1].intensity = "Resting";
    a.laps[1].trigger = "position_lap";
    return a;
}

TEST(TcxWriterTest, RoundTripWithLaps) {
    const core::Activity original = two_lap_run();
    const auto read = test::read_xml_text(write_tcx(original), "round.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    const core::Activity& back = read->front();
    EXPECT_TRUE(back.warnings.empty());
    EXPECT_EQ(back.metadata.sport, core::Sport::running);
    EXPECT_EQ(back.device.start_time_s, k_t0);

    const auto& s = original.samples;
    const auto& r = back.samples;
    ASSERT_EQ(r.size(), 4U);
    for (std::size_t i = 0; i < 4; ++i) {
        SCOPED_TRACE(i);
        auto same = [](double a, double b, double tolerance) {
            return (std::isnan(a) && std::isnan(b)) || std::fabs(a - b) <= tolerance;
        };
        EXPECT_TRUE(same(r.time_s[i], s.time_s[i], 0.0005));
        EXPECT_TRUE(same(r.latitude_deg[i], s.latitude_deg[i], 0.5e-7));
        EXPECT_TRUE(same(r.longitude_deg[i], s.longitude_deg[i], 0.5e-7));
        EXPECT_TRUE(same(r.elevation_m[i], s.elevation_m[i], 0.005));
        EXPECT_TRUE(same(r.distance_m[i], s.distance_m[i], 0.005));
        EXPECT_TRUE(same(r.heart_rate_bpm[i], s.heart_rate_bpm[i], 0.5));
        EXPECT_TRUE(same(r.cadence_rpm[i], s.cadence_rpm[i], 0.5));
        EXPECT_TRUE(same(r.speed_m_s[i], s.speed_m_s[i], 0.0005));
        EXPECT_TRUE(same(r.power_w[i], s.power_w[i], 0.5));
    }

    ASSERT_EQ(back.laps.size(), 2U);
    const core::Lap& l1 = back.laps[0];
    EXPECT_EQ(l1.first_sample, 0U);
    EXPECT_EQ(l1.end_sample, 2U);
    EXPECT_EQ(l1.totals.timer_s, 599.5);
    EXPECT_EQ(l1.totals.distance_m, 1800.0);
    EXPECT_EQ(l1.totals.calories_kcal, 80.0);
    EXPECT_EQ(l1.totals.avg_heart_rate_bpm, 120.0);
    EXPECT_EQ(l1.totals.max_heart_rate_bpm, 149.0);
    EXPECT_EQ(l1.totals.max_speed_m_s, 4.25);
    EXPECT_EQ(l1.intensity, "Active");
    EXPECT_EQ(l1.trigger, "Distance");
    const core::Lap& l2 = back.laps[1];
    EXPECT_EQ(l2.first_sample, 2U);
    EXPECT_EQ(l2.end_sample, 4U);
    EXPECT_EQ(l2.totals.start_time_s, k_t0 + 600) << "no lap start: its first sample's time";
    EXPECT_EQ(l2.totals.timer_s, 1.0) << "no timer total: the lap's time span";
    EXPECT_EQ(l2.totals.distance_m, 5.5) << "no distance total: what the distance channel adds after lap 1";
    EXPECT_EQ(l2.intensity, "Resting");
    EXPECT_EQ(l2.trigger, "Location");
    EXPECT_EQ(back.device.distance_m, 1805.5);
}

TEST(TcxWriterTest, LapsThatDoNotCoverTheSamplesBecomeOneLap) {
    core::Activity a = two_lap_run();
    a.laps.pop_back();  // lap 1 covers samples 0-1; 2-3 would be lost
    a.device.timer_s = 601.0;
    a.device.distance_m = 1803.5;
    a.device.calories_kcal = 99.0;
    const auto read = test::read_xml_text(write_tcx(a), "one.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    const core::Activity& back = read->front();
    EXPECT_EQ(back.samples.size(), 4U);
    ASSERT_EQ(back.laps.size(), 1U);
    EXPECT_EQ(back.laps[0].end_sample, 4U);
    EXPECT_EQ(back.laps[0].totals.timer_s, 601.0) << "the device totals";
    EXPECT_EQ(back.laps[0].totals.calories_kcal, 99.0);
}

TEST(TcxWriterTest, CyclingCadenceAndSamplesWithoutTime) {
    core::Activity a = two_lap_run();
    a.metadata.sport = core::Sport::cycling;
    a.samples.time_s[1] = k_nan;
    const std::string tcx = write_tcx(a);
    EXPECT_NE(tcx.find("<Activity Sport=\"Biking\">"), std::string::npos);
    EXPECT_NE(tcx.find("<Cadence>80</Cadence>"), std::string::npos) << "a bike's cadence is the Trackpoint's";
    EXPECT_EQ(tcx.find("RunCadence"), std::string::npos);
    const auto read = test::read_xml_text(tcx, "ride.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    EXPECT_EQ(read->front().samples.size(), 3U) << "a Trackpoint needs a Time";
    EXPECT_EQ(read->front().samples.cadence_rpm[0], 80.0);
    EXPECT_EQ(read->front().laps[0].end_sample, 1U);
}

}  // namespace
}  // namespace hillcoach::io
