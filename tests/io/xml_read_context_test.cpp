// The checks shared by the GPX and TCX readers: channel ranges, time order, repeated-warning summaries, the
// elevation source hint.

#include "hillcoach/io/xml_read_context.hpp"

#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::io {
namespace {

using core::ErrorCode;

class ReadContextTest : public ::testing::Test {
protected:
    // Pointers into m_text stand for element text, as pugixml's would: each value ends with '\0', one a line.
    const char* at(std::string_view needle) const { return m_text.c_str() + m_text.find(needle); }
    static std::string lines(std::initializer_list<std::string_view> values) {
        std::string out;
        for (const auto v : values) {
            out += v;
            out += '\0';
            out += '\n';
        }
        return out;
    }
    std::vector<std::string> messages() const {
        std::vector<core::Warning> w;
        m_ctx.flush_warnings(w);
        std::vector<std::string> out;
        for (const auto& x : w) out.push_back(x.message());
        return out;
    }

    std::string m_text = lines({"2024-01-01T00:00:10Z", "2024-01-01T00:00:05Z", "2024-01-01T00:00:10Z",
                                "2024-01-01T00:00:20", "255", "-4", "abc"});
    XmlPositions m_positions{m_text, core::Location{.file = "t.gpx"}};
    ReadContext m_ctx{m_positions};
};

TEST_F(ReadContextTest, SampleTimesInOrder) {
    double t = 0;
    ASSERT_TRUE(m_ctx.sample_time(at("2024-01-01T00:00:10Z"), t));
    EXPECT_EQ(t, 1704067210.0);
    ASSERT_TRUE(m_ctx.sample_time(at("2024-01-01T00:00:05Z"), t));
    EXPECT_TRUE(std::isnan(t)) << "earlier than the one before: no time";
    ASSERT_TRUE(m_ctx.sample_time(m_text.c_str() + 44, t));  // the second "…00:10Z", on line 3
    EXPECT_EQ(t, 1704067210.0) << "equal to the latest kept time: kept";
    ASSERT_TRUE(m_ctx.sample_time(at("2024-01-01T00:00:20"), t));
    EXPECT_EQ(t, 1704067220.0);
    EXPECT_EQ(m_ctx.warning_count("time_backwards"), 1U);
    EXPECT_EQ(m_ctx.warning_count("duplicate_time"), 1U);
    EXPECT_EQ(m_ctx.warning_count("time_without_zone"), 1U);
    EXPECT_FALSE(m_ctx.failed());
    const auto m = messages();
    ASSERT_EQ(m.size(), 3U);
    EXPECT_EQ(m[0],
              "t.gpx:2:1: warning: time \"2024-01-01T00:00:05Z\" is earlier than the sample before "
              "(\"2024-01-01T00:00:10Z\"): the sample is kept without a time");
    EXPECT_EQ(m[1], "t.gpx:3:1: warning: time \"2024-01-01T00:00:10Z\" repeats the sample before");
    EXPECT_EQ(m[2], "t.gpx:4:1: warning: time \"2024-01-01T00:00:20\" has no time zone: read as UTC");
}

TEST_F(ReadContextTest, ChannelValuesOutOfRangeAreDroppedAndCounted) {
    double hr = 0;
    ASSERT_TRUE(m_ctx.channel_value(Channel::heart_rate, "hr", at("255"), hr));
    EXPECT_TRUE(std::isnan(hr));
    ASSERT_TRUE(m_ctx.channel_value(Channel::heart_rate, "hr", at("255"), hr));
    double speed = 0;
    ASSERT_TRUE(m_ctx.channel_value(Channel::speed, "speed", at("-4"), speed));
    EXPECT_TRUE(std::isnan(speed));
    double empty = 0;
    ASSERT_TRUE(m_ctx.channel_value(Channel::cadence, "cad", "  ", empty));
    EXPECT_TRUE(std::isnan(empty)) << "empty text is a missing value, no warning";
    const auto m = messages();
    ASSERT_EQ(m.size(), 2U);
    EXPECT_EQ(m[0],
              "t.gpx:5:1: warning: heart rate 255 bpm is outside [1, 254] bpm: dropped (2 times in this file; the "
              "first is shown)");
    EXPECT_EQ(m[1], "t.gpx:6:1: warning: speed -4 m/s is outside [0, 100] m/s: dropped");
}

TEST_F(ReadContextTest, TextThatIsNotANumberFailsOnlyForFormatElements) {
    double v = 0;
    ASSERT_TRUE(m_ctx.channel_value(Channel::temperature, "temp", at("abc"), v, ReadContext::Strictness::extension));
    EXPECT_TRUE(std::isnan(v));
    EXPECT_FALSE(m_ctx.failed());
    EXPECT_FALSE(m_ctx.channel_value(Channel::elevation, "ele", at("abc"), v));
    ASSERT_TRUE(m_ctx.failed());
    const core::Error e = m_ctx.take_error();
    EXPECT_EQ(e.code, ErrorCode::bad_number);
    EXPECT_EQ(e.message(), "t.gpx:7:1: error: cannot read <ele> \"abc\" as a number");
}

TEST_F(ReadContextTest, OnlyTheFirstErrorIsKept) {
    double v = 0;
    EXPECT_FALSE(m_ctx.coordinate(true, at("abc"), v));
    EXPECT_FALSE(m_ctx.coordinate(true, at("255"), v));
    EXPECT_EQ(m_ctx.take_error().message(), "t.gpx:7:1: error: cannot read latitude \"abc\"");
}

TEST_F(ReadContextTest, CoordinatesInRange) {
    double lon = 0;
    EXPECT_TRUE(m_ctx.coordinate(false, "-180", lon));
    EXPECT_EQ(lon, -180.0);
    EXPECT_FALSE(m_ctx.coordinate(false, at("255"), lon));
    EXPECT_EQ(m_ctx.take_error().message(), "t.gpx:5:1: error: longitude 255 is outside [-180, 180]");
}

TEST(ChannelRangeTest, InvalidMarkersFallOutside) {
    EXPECT_GT(255.0, channel_range(Channel::heart_rate).max) << "ANT+ invalid heart rate";
    EXPECT_LT(0.0, channel_range(Channel::heart_rate).min) << "no strap contact";
    EXPECT_GT(255.0, channel_range(Channel::cadence).max);
    EXPECT_LE(channel_range(Channel::cadence).min, 0.0) << "standing still is cadence 0";
    EXPECT_GT(129.0, channel_range(Channel::temperature).max);
    EXPECT_LE(channel_range(Channel::elevation).min, -430.0) << "the Dead Sea shore is real";
    EXPECT_GE(channel_range(Channel::elevation).max, 8849.0) << "so is Everest";
}

TEST(ElevationSourceHintTest, CreatorsAndDevices) {
    using core::ElevationSource;
    EXPECT_EQ(elevation_source_hint("Urban Biker - with barometer"), ElevationSource::barometric);
    EXPECT_EQ(elevation_source_hint("Forerunner 945"), ElevationSource::barometric);
    EXPECT_EQ(elevation_source_hint("EDGE305"), ElevationSource::barometric);
    EXPECT_EQ(elevation_source_hint("vívoactive HR"), ElevationSource::barometric);
    EXPECT_EQ(elevation_source_hint("Polar V800"), ElevationSource::barometric);
    EXPECT_EQ(elevation_source_hint("Suunto Spartan Ultra"), ElevationSource::barometric);
    EXPECT_EQ(elevation_source_hint("Forerunner305 (Unit ID 3815748186)"), ElevationSource::unknown);
    EXPECT_EQ(elevation_source_hint("Garmin Connect"), ElevationSource::unknown);
    EXPECT_EQ(elevation_source_hint(""), ElevationSource::unknown);
}

}  // namespace
}  // namespace hillcoach::io
