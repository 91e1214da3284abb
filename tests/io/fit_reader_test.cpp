// read_fit on hand-made files: the numbered bad inputs (tests/data/io/bad/2NN-*.fit, made with hillcoach's
// encoder and then cut or damaged by tools/make_fit_fixtures.cpp, which the test tools.fit_fixtures checks
// still remakes them byte for byte) with their exact messages, and activity semantics (sessions, laps,
// pauses, device-relative times, UTC offset) on files built here.
#include "hillcoach/io/fit/fit_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "hillcoach/io/fit/fit_encoder.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io::fit {
namespace {

core::Expected<std::vector<core::Activity>> read_fixture(const std::string& name) {
    core::Location l;
    l.file = name;
    return read_fit(test::read_bytes(test::data_path("io/bad/" + name)), l);
}

bool has_warning(const core::Activity& a, core::ErrorCode code, const std::string& text) {
    for (const auto& w : a.warnings) {
        if (w.code == code && w.message().find(text) != std::string::npos) return true;
    }
    return false;
}

TEST(FitReaderBadInput, RefusesWhatHoldsNoActivity) {
    EXPECT_ERROR(read_fixture("201-empty.fit"), core::ErrorCode::empty_file, "201-empty.fit: byte 0: error");
    EXPECT_ERROR(read_fixture("202-bad-signature.fit"), core::ErrorCode::fit_bad_header,
                 "202-bad-signature.fit: byte 0: error: no \".FIT\" signature in the header");
    EXPECT_ERROR(read_fixture("203-header-size-13.fit"), core::ErrorCode::fit_bad_header,
                 "byte 0: error: FIT header size is 13, not 12 or 14");
    EXPECT_ERROR(read_fixture("211-not-activity-settings.fit"), core::ErrorCode::fit_not_activity,
                 "byte 32: error: the FIT file is a settings file (file_id.type 2), not an activity");
    EXPECT_ERROR(read_fixture("212-header-only.fit"), core::ErrorCode::fit_truncated,
                 "byte 14: error: the header says 0 data bytes and nothing follows it");
    EXPECT_ERROR(read_fixture("213-cut-in-header.fit"), core::ErrorCode::fit_bad_header,
                 "byte 0: error: FIT header needs 14 bytes, only 10 left");
}

TEST(FitReaderBadInput, KeepsEveryCompleteMessageOfABrokenFile) {
    // 10 records were written; the file is cut inside the 10th.
    const auto cut = read_fixture("204-truncated-record.fit");
    ASSERT_TRUE(cut.has_value());
    EXPECT_EQ(cut->at(0).samples.size(), 9U);
    EXPECT_TRUE(has_warning(
        cut->at(0), core::ErrorCode::fit_truncated,
        "byte 264: warning: the data ends inside a message (a 22-byte message of global type 20"));
    const auto undefined = read_fixture("205-undefined-local-type.fit");
    ASSERT_TRUE(undefined.has_value());
    EXPECT_EQ(undefined->at(0).samples.size(), 3U);
    EXPECT_TRUE(has_warning(undefined->at(0), core::ErrorCode::fit_undefined_message,
                            "byte 132: warning: a data message for local type 9"));
    const auto bad_definition = read_fixture("206-bad-architecture.fit");
    ASSERT_TRUE(bad_definition.has_value());
    EXPECT_EQ(bad_definition->at(0).samples.size(), 3U);
    EXPECT_TRUE(has_warning(bad_definition->at(0), core::ErrorCode::fit_bad_definition,
                            "byte 132: warning: a definition message gives architecture 7"));
}

TEST(FitReaderBadInput, CrcMismatchesAreWarningsNotRefusals) {
    const auto header = read_fixture("207-header-crc.fit");
    ASSERT_TRUE(header.has_value());
    EXPECT_EQ(header->at(0).samples.size(), 10U);
    ASSERT_EQ(header->at(0).warnings.size(), 1U);
    EXPECT_TRUE(
        has_warning(header->at(0), core::ErrorCode::fit_header_crc, "byte 12: warning: header CRC is"));
    const auto file = read_fixture("208-file-crc.fit");
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->at(0).samples.size(), 10U);
    EXPECT_TRUE(
        has_warning(file->at(0), core::ErrorCode::fit_file_crc, "byte 341: warning: file CRC is 0xB482"));
}

TEST(FitReaderBadInput, RecoversChainsAndUnfinalisedHeaders) {
    const auto chained = read_fixture("209-chained-corrupt-second.fit");
    ASSERT_TRUE(chained.has_value());
    ASSERT_EQ(chained->size(), 1U);
    EXPECT_EQ(chained->at(0).samples.size(), 10U);
    EXPECT_TRUE(
        has_warning(chained->at(0), core::ErrorCode::fit_bad_header,
                    "byte 343: warning: no \".FIT\" signature in the header; the 22 bytes from here on"));
    const auto unfinalised = read_fixture("210-unfinalised-header.fit");
    ASSERT_TRUE(unfinalised.has_value());
    EXPECT_EQ(unfinalised->at(0).samples.size(), 10U);
    EXPECT_TRUE(unfinalised->at(0).device.distance_m.has_value());
    EXPECT_TRUE(has_warning(unfinalised->at(0), core::ErrorCode::fit_bad_header,
                            "byte 0: warning: the header says 0 data bytes but 327 bytes follow"));
}

TEST(FitReaderBadInput, DeviceRelativeTimesAreKeptButFlagged) {
    const auto r = read_fixture("214-device-relative-times.fit");
    ASSERT_TRUE(r.has_value());
    const core::Activity& a = r->at(0);
    EXPECT_TRUE(has_warning(a, core::ErrorCode::fit_bad_time, "timestamps are device-relative"));
    EXPECT_FALSE(a.metadata.start_time_s.has_value());
    ASSERT_EQ(a.samples.size(), 10U);
    EXPECT_DOUBLE_EQ(a.samples.time_s[9] - a.samples.time_s[0], 9.0);
}

// --- semantics on files built here -------------------------------------------------------------------------

constexpr std::uint32_t k_t0 = 1000000000;  // 2021-09-08T01:46:40Z

void add_record(Encoder& e, std::uint32_t t, double hr) {
    const FieldValue v[] = {field_raw(record::timestamp, t), field(record::heart_rate, hr)};
    e.add(mesg::record, v);
}

void add_session(Encoder& e, std::uint32_t start, std::uint32_t end, std::uint8_t sport_value) {
    const FieldValue v[] = {field_raw(session::timestamp, end), field_raw(session::start_time, start),
                            field_raw(session::sport, sport_value), field(session::total_distance, 1234.56),
                            field(session::total_elapsed_time, end - start)};
    e.add(mesg::session, v);
}

core::Expected<std::vector<core::Activity>> read_bytes(const std::string& bytes) {
    core::Location l;
    l.file = "built.fit";
    return read_fit(bytes, l);
}

TEST(FitReader, MakesOneActivityPerSessionWithItsOwnRecords) {
    Encoder e;
    const FieldValue id[] = {field_raw(file_id::type, file_type::activity),
                             field_raw(file_id::manufacturer, 1), field_raw(file_id::product, 1765)};
    e.add(mesg::file_id, id);
    for (std::uint32_t i = 0; i < 10; ++i) add_record(e, k_t0 + i, 100 + i);   // swim
    for (std::uint32_t i = 10; i < 25; ++i) add_record(e, k_t0 + i, 100 + i);  // ride
    add_session(e, k_t0, k_t0 + 9, 5);
    add_session(e, k_t0 + 10, k_t0 + 24, 2);
    const FieldValue act[] = {field_raw(activity::timestamp, k_t0 + 24),
                              field_raw(activity::local_timestamp, k_t0 + 24 + 7200)};
    e.add(mesg::activity, act);
    const auto r = read_bytes(e.finish());
    ASSERT_TRUE(r.has_value()) << r.error().message();
    ASSERT_EQ(r->size(), 2U);
    EXPECT_EQ(r->at(0).metadata.sport, core::Sport::swimming);
    EXPECT_EQ(r->at(0).samples.size(), 10U);
    EXPECT_EQ(r->at(1).metadata.sport, core::Sport::cycling);
    EXPECT_EQ(r->at(1).samples.size(), 15U);
    EXPECT_DOUBLE_EQ(r->at(1).samples.heart_rate_bpm[0], 110.0);
    EXPECT_EQ(r->at(1).metadata.creator, "garmin fr920xt");
    EXPECT_EQ(r->at(1).metadata.utc_offset_s, std::optional<int>(7200));
    EXPECT_EQ(r->at(1).metadata.start_time_s, std::optional<double>(fit_time_to_unix(k_t0 + 10)));
    EXPECT_EQ(r->at(1).device.distance_m, std::optional<double>(1234.56));
    EXPECT_EQ(r->at(0).metadata.format, core::FileFormat::fit);
    EXPECT_EQ(r->at(0).metadata.format_version, "2.0");
}

TEST(FitReader, TimerEventsBecomePausesAndLapsTileTheSamples) {
    Encoder e;
    const FieldValue id[] = {field_raw(file_id::type, file_type::activity)};
    e.add(mesg::file_id, id);
    auto timer = [&e](std::uint32_t t, std::uint8_t type) {
        const FieldValue v[] = {field_raw(event::timestamp, t), field_raw(event::event, event_value::timer),
                                field_raw(event::event_type, type)};
        e.add(mesg::event, v);
    };
    timer(k_t0, event_type_value::start);
    for (std::uint32_t i = 0; i < 5; ++i) add_record(e, k_t0 + i, 120);
    timer(k_t0 + 4, event_type_value::stop_all);
    timer(k_t0 + 60, event_type_value::start);
    for (std::uint32_t i = 60; i < 65; ++i) add_record(e, k_t0 + i, 130);
    timer(k_t0 + 64, event_type_value::stop_all);  // the end of the activity: not a pause
    for (std::uint32_t lap_start : {k_t0, k_t0 + 62}) {
        const FieldValue lap_fields[] = {field_raw(lap::timestamp, lap_start == k_t0 ? k_t0 + 62 : k_t0 + 64),
                                         field_raw(lap::start_time, lap_start),
                                         field_raw(lap::lap_trigger, 2), field_raw(lap::intensity, 0),
                                         field(lap::total_distance, 500.0)};
        e.add(mesg::lap, lap_fields);
    }
    const auto r = read_bytes(e.finish());
    ASSERT_TRUE(r.has_value()) << r.error().message();
    const core::Activity& a = r->at(0);
    ASSERT_EQ(a.pauses.size(), 1U);
    EXPECT_DOUBLE_EQ(a.pauses[0].start_s, fit_time_to_unix(k_t0 + 4));
    EXPECT_DOUBLE_EQ(a.pauses[0].end_s, fit_time_to_unix(k_t0 + 60));
    ASSERT_EQ(a.laps.size(), 2U);
    EXPECT_EQ(a.laps[0].first_sample, 0U);
    EXPECT_EQ(a.laps[0].end_sample, 7U);  // samples at t0+0..4, 60, 61 come before the second lap's start
    EXPECT_EQ(a.laps[1].first_sample, 7U);
    EXPECT_EQ(a.laps[1].end_sample, 10U);
    EXPECT_EQ(a.laps[1].trigger, "distance");
    EXPECT_EQ(a.laps[1].intensity, "active");
    EXPECT_EQ(a.laps[1].totals.distance_m, std::optional<double>(500.0));
    // No session: the activity is made from the records, without device totals.
    EXPECT_FALSE(a.device.distance_m.has_value());
    EXPECT_EQ(a.metadata.start_time_s, std::optional<double>(fit_time_to_unix(k_t0)));
}

TEST(FitReader, PlacesDeviceRelativeTimesWithATimestampCorrelation) {
    Encoder e;
    const FieldValue id[] = {field_raw(file_id::type, file_type::activity)};
    e.add(mesg::file_id, id);
    const FieldValue correlation[] = {field_raw(timestamp_correlation::timestamp, k_t0),
                                      field_raw(timestamp_correlation::system_timestamp, 5000)};
    e.add(mesg::timestamp_correlation, correlation);
    for (std::uint32_t i = 0; i < 3; ++i) add_record(e, 5000 + i, 90);
    add_session(e, 5000, 5002, 1);
    const auto r = read_bytes(e.finish());
    ASSERT_TRUE(r.has_value()) << r.error().message();
    const core::Activity& a = r->at(0);
    EXPECT_TRUE(a.warnings.empty());
    EXPECT_DOUBLE_EQ(a.samples.time_s[2], fit_time_to_unix(k_t0 + 2));
    EXPECT_EQ(a.metadata.start_time_s, std::optional<double>(fit_time_to_unix(k_t0)));
}

TEST(FitReader, ReadsPositionsAltitudeAndTheForerunner70sCompressedSpeedDistance) {
    Encoder e;
    const FieldValue id[] = {field_raw(file_id::type, file_type::activity)};
    e.add(mesg::file_id, id);
    // speed 3.54 m/s (354 = 0x162), distance 4095/16 m, then 5/16 m after the 12-bit counter wraps.
    const std::string first("\x62\xF1\xFF", 3);
    const std::string second("\x62\x51\x00", 3);
    for (const std::string* csd : {&first, &second}) {
        const FieldValue v[] = {
            field_raw(record::timestamp, k_t0), field_raw(record::position_lat, -536870912),  // -45 degrees
            field_raw(record::position_long, 1073741824),                                     // 90 degrees
            field(record::altitude, 123.4),
            FieldValue{.number = 8, .type = BaseType::byte, .value = std::string_view(*csd), .size = 3}};
        e.add(mesg::record, v);
    }
    const auto r = read_bytes(e.finish());
    ASSERT_TRUE(r.has_value()) << r.error().message();
    const core::Samples& s = r->at(0).samples;
    EXPECT_DOUBLE_EQ(s.latitude_deg[0], -45.0);
    EXPECT_DOUBLE_EQ(s.longitude_deg[0], 90.0);
    EXPECT_DOUBLE_EQ(s.elevation_m[0], 123.4);
    EXPECT_DOUBLE_EQ(s.speed_m_s[0], 3.54);
    EXPECT_DOUBLE_EQ(s.distance_m[0], 4095.0 / 16.0);
    EXPECT_DOUBLE_EQ(s.distance_m[1], (4095.0 + 6.0) / 16.0);
    EXPECT_TRUE(std::isnan(s.heart_rate_bpm[0]));
}

}  // namespace
}  // namespace hillcoach::io::fit
