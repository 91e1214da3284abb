// The FIT walker and the generic encoder together: arbitrary messages round-trip, both byte orders,
// compressed timestamps (with the 5-bit rollover), developer fields stepped over, invalid values, chained
// files, and every stop reason reported with its byte offset.
#include "hillcoach/io/fit/fit_decoder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "hillcoach/io/fit/fit_encoder.hpp"

namespace hillcoach::io::fit {
namespace {

struct Seen {
    std::uint16_t global = 0;
    std::uint64_t offset = 0;
    std::optional<std::uint32_t> timestamp;
    std::size_t file = 0;
    std::vector<std::optional<double>> numbers;  // fields 0..5 via number()
    std::string text;                            // field 8
};

class Collect final : public MessageSink {
  public:
    void on_file(std::size_t, const FileHeader&, std::uint64_t offset) override {
        file_offsets.push_back(offset);
    }
    void on_message(const Message& m) override {
        Seen s{m.global(), m.byte_offset(), m.timestamp(), m.file_index(), {}, std::string(m.text(8))};
        for (std::uint8_t n = 0; n < 6; ++n) s.numbers.push_back(m.number(n));
        seen.push_back(std::move(s));
    }
    std::vector<Seen> seen;
    std::vector<std::uint64_t> file_offsets;
};

core::Location source() {
    core::Location l;
    l.file = "t.fit";
    return l;
}

DecodeResult decode_ok(const std::string& bytes, Collect& sink) {
    auto r = decode(bytes, sink, source());
    EXPECT_TRUE(r.has_value()) << r.error().message();
    return r.has_value() ? *r : DecodeResult{};
}

// A workout with two steps: message numbers and fields the activity reader never uses.
std::string workout_file(EncoderOptions options = {}) {
    Encoder e(options);
    const FieldValue id[] = {field_raw(file_id::type, file_type::workout),
                             field_raw(file_id::manufacturer, 255)};
    e.add(mesg::file_id, id);
    const FieldValue w[] = {field_raw(workout::sport, 1), field_raw(workout::num_valid_steps, 2),
                            field_text(workout::wkt_name, "Hill repeats", 16)};
    e.add(mesg::workout, w);
    for (int i = 0; i < 2; ++i) {
        const FieldValue step[] = {
            field_raw(workout_step::message_index, i), field_raw(workout_step::duration_type, 0),
            field(workout_step::duration_value, i == 0 ? 600000 : 90000),
            field_raw(workout_step::target_type, 1), field_raw(workout_step::intensity, i == 0 ? 2 : 0)};
        e.add(mesg::workout_step, step);
    }
    return e.finish();
}

TEST(FitDecoder, ArbitraryMessagesRoundTripInBothByteOrders) {
    for (bool big : {false, true}) {
        Collect sink;
        const auto r = decode_ok(workout_file({.big_endian = big}), sink);
        ASSERT_EQ(sink.seen.size(), 4U) << "big endian " << big;
        EXPECT_EQ(r.files.size(), 1U);
        EXPECT_EQ(r.files[0].file_crc_ok, std::optional<bool>(true));
        EXPECT_TRUE(r.warnings.empty());
        EXPECT_EQ(sink.seen[0].global, mesg::file_id);
        EXPECT_EQ(sink.seen[0].numbers[0], std::optional<double>(file_type::workout));
        EXPECT_EQ(sink.seen[0].numbers[1], std::optional<double>(255));
        EXPECT_EQ(sink.seen[1].global, mesg::workout);
        EXPECT_EQ(sink.seen[1].numbers[4], std::optional<double>(1));
        EXPECT_EQ(sink.seen[1].text, "Hill repeats");
        EXPECT_EQ(sink.seen[2].global, mesg::workout_step);
        EXPECT_EQ(sink.seen[2].numbers[2], std::optional<double>(600000));
        EXPECT_EQ(sink.seen[3].numbers[2], std::optional<double>(90000));
        EXPECT_EQ(sink.seen[3].numbers[1], std::optional<double>(0));
        // The file header (14 bytes) and the file_id definition (1 + 5 + 2 fields x 3 bytes) come first.
        EXPECT_EQ(sink.seen[0].offset, 14U + 12U);
    }
}

TEST(FitDecoder, InvalidValuesOfEveryBaseTypeReadAsMissing) {
    Encoder e;
    const FieldValue v[] = {
        FieldValue{.number = 0, .type = BaseType::sint8},
        FieldValue{.number = 1, .type = BaseType::uint16z, .value = std::int64_t{0}},
        FieldValue{.number = 2, .type = BaseType::sint32, .value = std::int64_t{0x7FFFFFFF}},
        FieldValue{.number = 3, .type = BaseType::float32},
        FieldValue{.number = 4, .type = BaseType::sint16, .value = std::int64_t{-5}},
        FieldValue{.number = 5, .type = BaseType::float64, .value = 2.5}};
    e.add(4000, v);
    Collect sink;
    decode_ok(e.finish(), sink);
    ASSERT_EQ(sink.seen.size(), 1U);
    const auto& n = sink.seen[0].numbers;
    EXPECT_FALSE(n[0].has_value());
    EXPECT_FALSE(n[1].has_value());
    EXPECT_FALSE(n[2].has_value());
    EXPECT_FALSE(n[3].has_value());
    EXPECT_EQ(n[4], std::optional<double>(-5));
    EXPECT_EQ(n[5], std::optional<double>(2.5));
}

TEST(FitDecoder, CompressedTimestampsRollOverOnTheLowFiveBits) {
    Encoder e;
    const std::uint32_t t0 = 1000000030;  // low 5 bits: 30
    const FieldValue first[] = {field_raw(record::timestamp, t0), field(record::heart_rate, 100)};
    e.add(mesg::record, first);
    const FieldValue hr[] = {field(record::heart_rate, 101)};
    for (std::uint32_t dt : {1U, 2U, 3U, 31U}) e.add_compressed(mesg::record, t0 + dt, hr);
    Collect sink;
    decode_ok(e.finish(), sink);
    ASSERT_EQ(sink.seen.size(), 5U);
    // Offsets 31, 0 (rolled over: +2), 1, then 29 after t0+3 = ...033 whose low bits are 1: 29 > 1, no
    // rollover.
    EXPECT_EQ(sink.seen[1].timestamp, std::optional<std::uint32_t>(t0 + 1));
    EXPECT_EQ(sink.seen[2].timestamp, std::optional<std::uint32_t>(t0 + 2));
    EXPECT_EQ(sink.seen[3].timestamp, std::optional<std::uint32_t>(t0 + 3));
    EXPECT_EQ(sink.seen[4].timestamp, std::optional<std::uint32_t>(t0 + 31));
    EXPECT_EQ(sink.seen[4].numbers[3], std::optional<double>(101));
}

TEST(FitDecoder, DeveloperFieldsAreSteppedOverBySize) {
    Encoder e;
    for (int i = 0; i < 3; ++i) {
        const FieldValue v[] = {FieldValue{.number = 7,
                                           .type = BaseType::uint32,
                                           .value = std::int64_t{99},
                                           .size = 12,
                                           .developer_data_index = 0},
                                field_raw(record::timestamp, 1000000000 + i),
                                field(record::heart_rate, 140 + i)};
        e.add(mesg::record, v);
    }
    Collect sink;
    const auto r = decode_ok(e.finish(), sink);
    ASSERT_EQ(sink.seen.size(), 3U);
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_EQ(sink.seen[2].numbers[3], std::optional<double>(142));
    EXPECT_EQ(sink.seen[2].timestamp, std::optional<std::uint32_t>(1000000002));
}

TEST(FitDecoder, ChainedFilesAreReadOneAfterTheOther) {
    const std::string a = workout_file();
    const std::string b = workout_file({.big_endian = true});
    Collect sink;
    const auto r = decode_ok(a + b, sink);
    ASSERT_EQ(r.files.size(), 2U);
    EXPECT_EQ(sink.file_offsets, (std::vector<std::uint64_t>{0, a.size()}));
    ASSERT_EQ(sink.seen.size(), 8U);
    EXPECT_EQ(sink.seen[4].file, 1U);
    EXPECT_EQ(sink.seen[4].offset, a.size() + 14 + 12);
}

TEST(FitDecoder, ReportsEachStopWithItsByteOffset) {
    const std::string good = workout_file();
    {  // cut inside the last message
        Collect sink;
        const auto r = decode_ok(good.substr(0, good.size() - 5), sink);
        EXPECT_EQ(sink.seen.size(), 3U);
        EXPECT_TRUE(r.stopped_early);
        ASSERT_FALSE(r.warnings.empty());
        EXPECT_EQ(r.warnings.back().warning.code, core::ErrorCode::fit_truncated);
        // The last message (a workout_step: 2 + 1 + 4 + 1 + 1 content bytes) starts 1 + 9 bytes before the
        // CRC.
        const std::uint64_t last_message = good.size() - 2 - 1 - 9;
        EXPECT_EQ(r.warnings.back().warning.where.byte_offset, std::optional<std::uint64_t>(last_message));
    }
    {  // a damaged file CRC is a warning at the CRC's offset; everything is read
        std::string bad = good;
        bad.back() = static_cast<char>(bad.back() ^ 1);
        Collect sink;
        const auto r = decode_ok(bad, sink);
        EXPECT_EQ(sink.seen.size(), 4U);
        ASSERT_EQ(r.warnings.size(), 1U);
        EXPECT_EQ(r.warnings[0].warning.code, core::ErrorCode::fit_file_crc);
        EXPECT_EQ(r.warnings[0].warning.where.byte_offset, std::optional<std::uint64_t>(good.size() - 2));
        EXPECT_EQ(r.files[0].file_crc_ok, std::optional<bool>(false));
    }
}

TEST(FitDecoder, EmptyInputAndNonFitAreErrors) {
    Collect sink;
    const auto empty = decode("", sink, source());
    ASSERT_FALSE(empty.has_value());
    EXPECT_EQ(empty.error().code, core::ErrorCode::empty_file);
    const auto text = decode("<?xml version='1.0'?><gpx/>", sink, source());
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().code, core::ErrorCode::fit_bad_header);
    EXPECT_EQ(text.error().where.byte_offset, std::optional<std::uint64_t>(0));
}

}  // namespace
}  // namespace hillcoach::io::fit
