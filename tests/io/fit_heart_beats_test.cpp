// Heart rate from FIT hr messages (132): beats placed in UTC from an anchor, the 12-bit packed event times
// accumulated across the 4096-tick and the 2^32-tick wraps, and merged into records that lack heart rate.
// Files are made with hillcoach's encoder, the hr messages in a chained file after the activity as the
// FR920XT writes them.
#include "hillcoach/io/fit/fit_heart_beats.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "hillcoach/io/fit/fit_encoder.hpp"
#include "hillcoach/io/fit/fit_reader.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

TEST(FillHeartRate, MeanOfTheBeatsSinceThePreviousSampleElseTheLastRecentBeat) {
    const std::vector<HeartBeat> beats{{0.2, 100}, {0.6, 110}, {1.5, 120}, {2.9, 130}, {8.0, 140}};
    core::Samples s;
    for (double t : {0.0, 1.0, 2.0, 3.0, 10.0, 11.0, 20.0}) {
        s.push_empty();
        s.time_s.back() = t;
    }
    s.heart_rate_bpm[3] = 150;  // the watch's own value is kept
    EXPECT_EQ(fill_heart_rate(s, beats), 4U);
    EXPECT_TRUE(std::isnan(s.heart_rate_bpm[0]));  // no beat at or before 0 s
    EXPECT_DOUBLE_EQ(s.heart_rate_bpm[1], 105.0);  // beats at 0.2 and 0.6 s
    EXPECT_DOUBLE_EQ(s.heart_rate_bpm[2], 120.0);  // the beat at 1.5 s
    EXPECT_DOUBLE_EQ(s.heart_rate_bpm[3], 150.0);  // kept
    EXPECT_DOUBLE_EQ(s.heart_rate_bpm[4], 140.0);  // (5, 10]: window capped at 5 s, the beat at 8 s
    EXPECT_DOUBLE_EQ(s.heart_rate_bpm[5], 140.0);  // no beat in (10, 11]: the one at 8 s, 3 s before
    EXPECT_TRUE(std::isnan(s.heart_rate_bpm[6]));  // the last beat is 12 s before: too old
    EXPECT_EQ(fill_heart_rate(s, {}), 0U);
}

constexpr std::uint32_t k_t0 = 1000000000;  // FIT time: 2021-09-08T01:46:40Z
// The strap's clock, 1024 ticks to the second, one second before its 32-bit wrap.
constexpr std::uint32_t k_anchor_ticks = 0xFFFFFC00;
constexpr std::uint32_t k_ticks_per_beat = 512;  // 0.5 s: 120 beats a minute

std::string activity_without_heart_rate() {
    Encoder e;
    const FieldValue id[] = {field_raw(file_id::type, file_type::activity),
                             field_raw(file_id::manufacturer, 1), field_raw(file_id::product, 1765)};
    e.add(mesg::file_id, id);
    for (std::uint32_t i = 0; i < 6; ++i) {
        const FieldValue v[] = {field_raw(record::timestamp, k_t0 + i), field(record::distance, 1.5 * i),
                                field(record::heart_rate, i == 5 ? 150.0 : k_nan)};
        e.add(mesg::record, v);
    }
    const FieldValue session_fields[] = {field_raw(session::timestamp, k_t0 + 5),
                                         field_raw(session::start_time, k_t0), field_raw(session::sport, 5)};
    e.add(mesg::session, session_fields);
    return e.finish();
}

// 12-bit values packed little-endian, 8 to 12 bytes.
std::string pack_12(const std::vector<std::uint32_t>& values) {
    std::string out((values.size() * 12 + 7) / 8, '\0');
    for (std::size_t i = 0; i < values.size(); ++i) {
        for (std::size_t bit = 0; bit < 12; ++bit) {
            if ((values[i] >> bit) & 1U) {
                const std::size_t at = 12 * i + bit;
                out[at / 8] = static_cast<char>(static_cast<unsigned char>(out[at / 8]) | (1U << (at % 8)));
            }
        }
    }
    return out;
}

// An anchor at t0 - 0.5 s (bpm 90), then two messages of 8 packed beats, 0.5 s apart, bpm 101 to 116.
std::string strap_file(bool with_anchor) {
    Encoder e;
    if (with_anchor) {
        const std::string bpm("\x5A", 1);
        const FieldValue anchor[] = {field_raw(hr::timestamp, k_t0 - 1), field(hr::fractional_timestamp, 0.5),
                                     field_raw(hr::event_timestamp, k_anchor_ticks),
                                     FieldValue{.number = hr::filtered_bpm.number,
                                                .type = BaseType::uint8,
                                                .value = std::string_view(bpm),
                                                .size = 1}};
        e.add(mesg::hr, anchor);
    } else {
        const FieldValue start[] = {field_raw(hr::event_timestamp, k_anchor_ticks)};
        e.add(mesg::hr, start);
    }
    for (std::uint32_t message = 0; message < 2; ++message) {
        std::vector<std::uint32_t> low_bits;
        std::string bpm;
        for (std::uint32_t k = 8 * message + 1; k <= 8 * message + 8; ++k) {
            low_bits.push_back((k_anchor_ticks + k * k_ticks_per_beat) & 0xFFF);
            bpm.push_back(static_cast<char>(100 + k));
        }
        const std::string packed = pack_12(low_bits);
        const FieldValue v[] = {FieldValue{.number = hr::filtered_bpm.number,
                                           .type = BaseType::uint8,
                                           .value = std::string_view(bpm),
                                           .size = 8},
                                FieldValue{.number = hr::event_timestamp_12.number,
                                           .type = BaseType::byte,
                                           .value = std::string_view(packed),
                                           .size = 12}};
        e.add(mesg::hr, v);
    }
    return e.finish();
}

core::Expected<std::vector<core::Activity>> read(const std::string& bytes) {
    core::Location l;
    l.file = "swim.fit";
    return read_fit(bytes, l);
}

TEST(FitHeartBeats, ChainedStrapFileFillsTheRecordsAcrossTheClockWraps) {
    const auto r = read(activity_without_heart_rate() + strap_file(true));
    ASSERT_TRUE(r.has_value()) << r.error().message();
    ASSERT_EQ(r->size(), 1U);
    const core::Activity& a = r->at(0);
    EXPECT_TRUE(a.warnings.empty());
    ASSERT_EQ(a.samples.size(), 6U);
    // Record at t0: the anchor beat (t0 - 0.5 s, 90) and beat 1 (t0, 101).
    EXPECT_DOUBLE_EQ(a.samples.heart_rate_bpm[0], 95.5);
    // Record at t0 + j: beats 2j (t0 + j - 0.5 s) and 2j + 1 (t0 + j), bpm 100 + 2j and 101 + 2j. Beat 2 is
    // where the strap's 32-bit clock wraps to 0.
    for (std::size_t j = 1; j < 5; ++j)
        EXPECT_DOUBLE_EQ(a.samples.heart_rate_bpm[j], 100.5 + 2.0 * static_cast<double>(j)) << j;
    EXPECT_DOUBLE_EQ(a.samples.heart_rate_bpm[5], 150.0);  // the record's own heart rate is kept
}

TEST(FitHeartBeats, BeatsWithoutAnAnchorAreLeftOutWithAWarning) {
    const auto r = read(activity_without_heart_rate() + strap_file(false));
    ASSERT_TRUE(r.has_value()) << r.error().message();
    const core::Activity& a = r->at(0);
    EXPECT_TRUE(std::isnan(a.samples.heart_rate_bpm[0]));
    ASSERT_EQ(a.warnings.size(), 1U);
    EXPECT_EQ(a.warnings[0].code, core::ErrorCode::fit_bad_time);
    EXPECT_NE(a.warnings[0].message().find("swim.fit: byte "), std::string::npos);
    EXPECT_NE(a.warnings[0].message().find("16 heart beats in hr messages cannot be placed in time"),
              std::string::npos)
        << a.warnings[0].message();
}

TEST(FitHeartBeats, CollectorPlacesEveryBeatOfTheStrapFile) {
    // Walk the strap file alone through the decoder into the collector.
    struct Sink final : MessageSink {
        HeartBeatCollector beats;
        void on_message(const Message& m) override {
            if (m.global() == mesg::hr) beats.add(m);
        }
    } sink;
    core::Location l;
    l.file = "strap.fit";
    ASSERT_TRUE(decode(strap_file(true), sink, l).has_value());
    const auto beats = sink.beats.beats();
    ASSERT_EQ(beats.size(), 17U);
    EXPECT_EQ(sink.beats.unplaced(), 0U);
    for (std::size_t k = 0; k < beats.size(); ++k) {
        EXPECT_DOUBLE_EQ(beats[k].time_s, fit_time_to_unix(k_t0) - 0.5 + 0.5 * static_cast<double>(k)) << k;
        EXPECT_DOUBLE_EQ(beats[k].bpm, k == 0 ? 90.0 : 100.0 + static_cast<double>(k)) << k;
    }
}

}  // namespace
}  // namespace hillcoach::io::fit
