// TCX through read_xml_activity: activities, multi-sport sessions, courses, laps with their totals, every
// trackpoint channel, the corpus oddities (whitespace before the declaration, km/h in MaximumSpeed, HR 255),
// and the numbered bad inputs with their exact messages.

#include "hillcoach/io/tcx_reader.hpp"

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

constexpr double k_2019_06_15_0942 = 1560591720.0;  // 2019-06-15T09:42:00Z (Python datetime)

TEST(TcxReaderTest, ActivityWithTwoLapsAndEveryChannel) {
    const auto read = read_xml_fixture("io/tcx/two_laps_run.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    const core::Activity& a = read->front();
    const auto& s = a.samples;
    ASSERT_EQ(s.size(), 4U) << "two trackpoints in lap 1, one in each of the two tracks of lap 2";
    const double t0 = k_2019_06_15_0942;
    EXPECT_EQ(s.time_s, (std::vector<double>{t0, t0 + 1, t0 + 600, t0 + 630}));
    EXPECT_EQ(s.latitude_deg[0], 41.1630395706743);
    EXPECT_EQ(s.longitude_deg[0], -74.17961918748915);
    EXPECT_TRUE(std::isnan(s.latitude_deg[1])) << "no <Position>: kept, with its time, HR and distance";
    EXPECT_EQ(s.heart_rate_bpm[1], 72.0);
    EXPECT_EQ(s.distance_m[1], 2.23);
    EXPECT_EQ(s.elevation_m[0], 147.1999969482422);
    EXPECT_EQ(s.speed_m_s[0], 1.446);
    EXPECT_EQ(s.power_w[0], 210.0);
    EXPECT_EQ(s.cadence_rpm[0], 49.0) << "TPX RunCadence";
    EXPECT_EQ(s.cadence_rpm[2], 88.0) << "Trackpoint Cadence";
    EXPECT_EQ(count_finite(s.time_s), 4U);
    EXPECT_EQ(count_finite(s.heart_rate_bpm), 2U);

    ASSERT_EQ(a.laps.size(), 2U);
    const core::Lap& l1 = a.laps[0];
    EXPECT_EQ(l1.first_sample, 0U);
    EXPECT_EQ(l1.end_sample, 2U);
    EXPECT_EQ(l1.totals.start_time_s, t0);
    EXPECT_EQ(l1.totals.timer_s, 600.0);
    EXPECT_EQ(l1.totals.distance_m, 1800.5);
    EXPECT_EQ(l1.totals.max_speed_m_s, 4.32);
    EXPECT_EQ(l1.totals.calories_kcal, 120.0);
    EXPECT_EQ(l1.totals.avg_heart_rate_bpm, 130.0);
    EXPECT_EQ(l1.totals.max_heart_rate_bpm, 150.0);
    EXPECT_EQ(l1.intensity, "Active");
    EXPECT_EQ(l1.trigger, "Distance");
    const core::Lap& l2 = a.laps[1];
    EXPECT_EQ(l2.first_sample, 2U);
    EXPECT_EQ(l2.end_sample, 4U);
    EXPECT_EQ(l2.totals.start_time_s, t0 + 600);
    EXPECT_EQ(l2.intensity, "Resting");
    EXPECT_EQ(l2.trigger, "Manual");

    const auto& d = a.device;
    EXPECT_EQ(d.start_time_s, t0) << "the Activity Id";
    EXPECT_EQ(d.distance_m, 2800.5);
    EXPECT_EQ(d.timer_s, 900.0);
    EXPECT_EQ(d.calories_kcal, 180.0);
    EXPECT_DOUBLE_EQ(d.avg_heart_rate_bpm.value(), 140.0) << "(130 x 600 s + 160 x 300 s) / 900 s";
    EXPECT_EQ(d.max_heart_rate_bpm, 167.0);
    EXPECT_EQ(d.max_speed_m_s, 4.69);

    const auto& m = a.metadata;
    EXPECT_EQ(m.format, core::FileFormat::tcx);
    EXPECT_EQ(m.format_version, "2");
    EXPECT_EQ(m.sport_raw, "Running");
    EXPECT_EQ(m.sport, core::Sport::running);
    EXPECT_EQ(m.creator, "Forerunner 945") << "the device, not the <Author> application";
    EXPECT_EQ(m.product, "Forerunner 945");
    EXPECT_EQ(m.description, "Hill repeats & a cool-down");
    EXPECT_EQ(m.start_time_s, t0);
    EXPECT_EQ(a.elevation_source, core::ElevationSource::barometric) << "a Forerunner 945 has a barometer";
    EXPECT_TRUE(a.warnings.empty());
}

TEST(TcxReaderTest, MultiSportSessionGivesOneActivityPerSport) {
    const auto read = read_xml_fixture("io/tcx/multisport.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 2U);
    const core::Activity& run = (*read)[0];
    const core::Activity& ride = (*read)[1];
    EXPECT_EQ(run.metadata.sport, core::Sport::running);
    EXPECT_EQ(run.samples.distance_m, (std::vector<double>{0.0, 30.0}));
    EXPECT_EQ(run.device.calories_kcal, 2.0);
    EXPECT_EQ(ride.metadata.sport, core::Sport::cycling);
    ASSERT_EQ(ride.samples.size(), 1U);
    EXPECT_EQ(ride.samples.cadence_rpm[0], 90.0);
    EXPECT_EQ(ride.laps.at(0).totals.calories_kcal, 0.0) << "a lap keeps what it says";
    EXPECT_EQ(ride.laps.at(0).totals.max_speed_m_s, 0.0);
    EXPECT_FALSE(ride.device.calories_kcal.has_value()) << "0 kcal for a whole activity means not counted";
    EXPECT_EQ(ride.elevation_source, core::ElevationSource::none);
}

TEST(TcxReaderTest, CourseIsReadWhenThereIsNoActivity) {
    const auto read = read_xml_fixture("io/tcx/course.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    const core::Activity& c = read->front();
    EXPECT_EQ(c.metadata.name, "Hill loop");
    EXPECT_EQ(c.metadata.sport, core::Sport::unknown);
    ASSERT_EQ(c.samples.size(), 4U) << "the CoursePoint is not a sample";
    EXPECT_EQ(c.samples.elevation_m, (std::vector<double>{300, 310, 320, 325}));
    ASSERT_EQ(c.laps.size(), 2U);
    EXPECT_EQ(c.laps[0].first_sample, 0U);
    EXPECT_EQ(c.laps[0].end_sample, 2U) << "lap 2 begins at the sample nearest its BeginPosition";
    EXPECT_EQ(c.laps[1].first_sample, 2U);
    EXPECT_EQ(c.laps[1].end_sample, 4U);
    EXPECT_EQ(c.device.distance_m, 600.0);
    EXPECT_EQ(c.device.timer_s, 180.0);
    EXPECT_EQ(c.device.start_time_s, 1262304000.0) << "no Id, no lap start: the first sample's time";
}

TEST(TcxReaderTest, WhitespaceBeforeDeclarationAndMaximumSpeedInKmPerHour) {
    // sports-lib/6281425038.tcx (Polar V800): strict parsers reject the leading blanks; the lap's
    // MaximumSpeed 14.3 is km/h (a 1 km lap in 402 s), impossible as m/s on foot.
    const auto read = read_xml_fixture("io/tcx/polar_leading_space.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    const core::Activity& a = read->front();
    ASSERT_EQ(a.laps.size(), 1U);
    EXPECT_FALSE(a.laps[0].totals.max_speed_m_s.has_value());
    EXPECT_EQ(a.laps[0].totals.timer_s, 402.0);
    EXPECT_EQ(a.samples.cadence_rpm[0], 80.0);
    EXPECT_EQ(a.metadata.creator, "Polar V800");
    EXPECT_THAT(warning_messages(a),
                ElementsAre("polar_leading_space.tcx:3:201: warning: lap MaximumSpeed 14.29999828338623 m/s is "
                            "over 12.5 m/s, impossible on foot: dropped (a wrong unit)"));
}

TEST(TcxReaderTest, HeartRate255IsTheInvalidMarker) {
    const auto read = read_xml_fixture("io/bad/125-hr-invalid-255.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    const core::Activity& a = read->front();
    EXPECT_EQ(count_finite(a.samples.heart_rate_bpm), 0U);
    EXPECT_EQ(count_finite(a.samples.time_s), 3U) << "the samples stay";
    EXPECT_FALSE(a.laps.at(0).totals.avg_heart_rate_bpm.has_value());
    EXPECT_FALSE(a.device.avg_heart_rate_bpm.has_value());
    EXPECT_EQ(a.device.distance_m, 5.5);
    EXPECT_THAT(
        warning_messages(a),
        ElementsAre("125-hr-invalid-255.tcx:11:37: warning: <AverageHeartRateBpm> 255 bpm is outside [1, 254] bpm: "
                    "dropped",
                    "125-hr-invalid-255.tcx:12:37: warning: <MaximumHeartRateBpm> 255 bpm is outside [1, 254] bpm: "
                    "dropped",
                    "125-hr-invalid-255.tcx:16:77: warning: heart rate 255 bpm is outside [1, 254] bpm: dropped (3 "
                    "times in this file; the first is shown)"));
}

TEST(TcxReaderTest, ActivityWithoutTrackpointsIsLeftOutBesideOthers) {
    const auto read = read_xml_text(R"(<TrainingCenterDatabase><Activities>
<Activity Sport="Running"><Id>2020-01-01T00:00:00Z</Id><Lap StartTime="2020-01-01T00:00:00Z"><Track/></Lap></Activity>
<Activity Sport="Running"><Id>2020-01-02T00:00:00Z</Id><Lap StartTime="2020-01-02T00:00:00Z"><Track>
<Trackpoint><Time>2020-01-02T00:00:00Z</Time></Trackpoint></Track></Lap></Activity>
</Activities></TrainingCenterDatabase>)",
                                    "two.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    EXPECT_EQ(read->front().device.start_time_s, 1577923200.0);
    EXPECT_THAT(warning_messages(read->front()),
                ElementsAre("two.tcx:2:1: warning: a TCX Activity without any Trackpoint is left out"));
}

TEST(TcxReaderTest, ActivityIdThatIsNotATimeFallsBackToTheFirstLap) {
    const auto read = read_xml_text(R"(<TrainingCenterDatabase><Activities><Activity Sport="Biking">
<Id>ride-42</Id><Lap StartTime="2020-01-01T00:00:05Z"><Track><Trackpoint><Time>2020-01-01T00:00:06Z</Time>
<Position><LatitudeDegrees>45</LatitudeDegrees></Position></Trackpoint></Track></Lap></Activity></Activities>
</TrainingCenterDatabase>)",
                                    "id.tcx");
    ASSERT_TRUE(read.has_value()) << read.error().message();
    const core::Activity& a = read->front();
    EXPECT_EQ(a.device.start_time_s, 1577836805.0);
    EXPECT_EQ(a.metadata.start_time_s, 1577836805.0);
    EXPECT_TRUE(std::isnan(a.samples.latitude_deg[0]));
    EXPECT_THAT(warning_messages(a),
                ElementsAre("id.tcx:2:5: warning: Activity Id \"ride-42\" is not a time: the first lap's start is used",
                            "id.tcx:3:1: warning: <Position> has no <LongitudeDegrees>: kept without a position"));
}

TEST(TcxReaderTest, TotalsFromLaps) {
    std::vector<core::Lap> laps(3);
    auto& a = laps[0].totals;
    a.distance_m = 1000.0;
    a.timer_s = 300.0;
    a.calories_kcal = 0.0;
    a.avg_heart_rate_bpm = 150.0;
    a.max_heart_rate_bpm = 170.0;
    a.max_speed_m_s = 4.0;
    auto& b = laps[1].totals;  // a 0 s lap (Suunto) weighs nothing in the average
    b.timer_s = 0.0;
    b.avg_heart_rate_bpm = 200.0;
    auto& c = laps[2].totals;
    c.distance_m = 500.5;
    c.timer_s = 100.0;
    c.calories_kcal = 0.0;
    c.avg_heart_rate_bpm = 110.0;
    c.max_heart_rate_bpm = 180.0;
    const core::DeviceTotals t = totals_from_laps(laps);
    EXPECT_EQ(t.distance_m, 1500.5);
    EXPECT_EQ(t.timer_s, 400.0);
    EXPECT_FALSE(t.calories_kcal.has_value()) << "0 kcal in every lap: not counted";
    EXPECT_DOUBLE_EQ(t.avg_heart_rate_bpm.value(), 140.0) << "(150 x 300 + 110 x 100) / 400";
    EXPECT_EQ(t.max_heart_rate_bpm, 180.0);
    EXPECT_EQ(t.max_speed_m_s, 4.0);
    EXPECT_FALSE(t.start_time_s.has_value());
    EXPECT_FALSE(t.ascent_m.has_value());

    const core::DeviceTotals none = totals_from_laps({});
    EXPECT_FALSE(none.distance_m.has_value());
    EXPECT_FALSE(none.avg_heart_rate_bpm.has_value());
}

struct BadInput {
    const char* file;
    ErrorCode code;
    const char* message;
};

class TcxBadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(TcxBadInputTest, FailsWithTheExactMessage) {
    const BadInput& bad = GetParam();
    const auto read = read_xml_fixture(std::string("io/bad/") + bad.file);
    ASSERT_FALSE(read.has_value()) << bad.file << " was read";
    EXPECT_EQ(core::error_code_id(read.error().code), core::error_code_id(bad.code));
    EXPECT_EQ(read.error().message(), bad.message);
}

INSTANTIATE_TEST_SUITE_P(
    Numbered, TcxBadInputTest,
    ::testing::Values(
        // Line 16, although pugixml overwrote three line breaks before it ("<TrainingCenterDatabase\n").
        BadInput{"113-bad-time-after-name-newline.tcx", ErrorCode::bad_time,
                 "113-bad-time-after-name-newline.tcx:16:19: error: cannot read time \"2019-06-15 at 09:42\""},
        BadInput{"114-bad-heart-rate.tcx", ErrorCode::bad_number,
                 "114-bad-heart-rate.tcx:10:34: error: cannot read <HeartRateBpm> \"1 2 0\" as a number"},
        BadInput{"115-no-trackpoints.tcx", ErrorCode::no_points,
                 "115-no-trackpoints.tcx:4:5: error: the TCX Activity has no Trackpoint"},
        BadInput{"116-workouts-only.tcx", ErrorCode::no_points,
                 "116-workouts-only.tcx:2:1: error: the TCX file has no Activity or Course"},
        BadInput{"119-bad-lap-start.tcx", ErrorCode::bad_time,
                 "119-bad-lap-start.tcx:6:23: error: cannot read StartTime \"21/08/2008 13:08\" as a time"},
        BadInput{"127-truncated.tcx", ErrorCode::xml_malformed,
                 "127-truncated.tcx:9:34: error: malformed XML: start-end tags mismatch"}),
    [](const ::testing::TestParamInfo<BadInput>& param) { return "case" + std::string(param.param.file, 3); });

}  // namespace
}  // namespace hillcoach::io
