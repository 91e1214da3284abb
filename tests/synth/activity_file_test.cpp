#include "hillcoach/synth/activity_file.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "hillcoach/io/read.hpp"
#include "hillcoach/synth/synthesize.hpp"

namespace hillcoach::synth {
namespace {

using core::FileFormat;

TEST(ActivityFile, KindComesFromTheFileName) {
    EXPECT_EQ(file_kind_from_name("run.gpx")->format, FileFormat::gpx);
    EXPECT_FALSE(file_kind_from_name("run.gpx")->gzip);
    EXPECT_EQ(file_kind_from_name("dir.v2/RUN.TCX")->format, FileFormat::tcx);
    const auto fit_gz = file_kind_from_name("2026-03-21-run.FIT.gz");
    ASSERT_TRUE(fit_gz);
    EXPECT_EQ(fit_gz->format, FileFormat::fit);
    EXPECT_TRUE(fit_gz->gzip);
    EXPECT_FALSE(file_kind_from_name("run.txt"));
    EXPECT_FALSE(file_kind_from_name("gpx"));
    EXPECT_FALSE(file_kind_from_name("run.gz"));
    EXPECT_EQ(file_format_from_text("Fit"), FileFormat::fit);
    EXPECT_FALSE(file_format_from_text("kml"));
}

// RFC 1952 header: 1f 8b, method 8 (deflate), no flags (no name), mtime 0: the same bytes every time.
TEST(ActivityFile, GzipIsReproducible) {
    const std::string text(10000, 'x');
    const std::string a = gzip_bytes(text);
    EXPECT_EQ(a, gzip_bytes(text));
    ASSERT_GT(a.size(), 18u);
    EXPECT_EQ(static_cast<unsigned char>(a[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(a[1]), 0x8b);
    EXPECT_EQ(a[2], 8);
    EXPECT_EQ(a[3], 0);
    EXPECT_EQ(a.substr(4, 4), std::string(4, '\0'));
    EXPECT_LT(a.size(), 100u);
}

SynthesisRequest request() {
    SynthesisRequest r;
    r.course = "flat 800; up 600 +45; stop 30; down 600 -45 tempo; flat 400";
    r.recorder.altitude = AltitudeSensor::barometric;
    r.recorder.temperature = true;
    r.seed = 21;
    r.start_time_s = 1777615200.0;
    r.utc_offset_s = 7200;
    r.name = "Round trip";
    return r;
}

core::Activity read_back(std::string bytes, const char* name) {
    std::vector<char> buffer(bytes.begin(), bytes.end());
    auto read = io::read_bytes(buffer, core::Location{.file = name});
    if (!read) throw std::runtime_error(read.error().message());
    if (read->size() != 1) throw std::runtime_error("expected one activity");
    return std::move(read->front());
}

// What a file keeps of the activity: every sample with its time, position, elevation, heart rate and cadence.
void expect_same_samples(const core::Activity& written, const core::Activity& read, double elevation_tolerance) {
    const auto& w = written.samples;
    const auto& r = read.samples;
    ASSERT_EQ(r.size(), w.size());
    for (std::size_t i = 0; i < w.size(); ++i) {
        EXPECT_NEAR(r.time_s[i], w.time_s[i], 1e-3) << i;
        EXPECT_NEAR(r.latitude_deg[i], w.latitude_deg[i], 1e-7) << i;
        EXPECT_NEAR(r.longitude_deg[i], w.longitude_deg[i], 1e-7) << i;
        EXPECT_NEAR(r.elevation_m[i], w.elevation_m[i], elevation_tolerance) << i;
        EXPECT_EQ(r.heart_rate_bpm[i], w.heart_rate_bpm[i]) << i;
        EXPECT_EQ(r.cadence_rpm[i], w.cadence_rpm[i]) << i;
    }
}

class ActivityFileRoundTrip : public testing::TestWithParam<const char*> {};

TEST_P(ActivityFileRoundTrip, ReadsBackWhatWasWritten) {
    const auto s = synthesize(request());
    ASSERT_TRUE(s) << s.error().message();
    const auto kind = file_kind_from_name(GetParam());
    ASSERT_TRUE(kind);
    const std::string bytes = encode_activity(s->activity, *kind);
    EXPECT_EQ(bytes, encode_activity(s->activity, *kind));  // reproducible
    const core::Activity back = read_back(bytes, GetParam());
    EXPECT_EQ(back.metadata.format, kind->format);
    // Barometric values are whole 0.2 m steps, which FIT's altitude scale (1/5 m) keeps exactly.
    expect_same_samples(s->activity, back, 0.006);
    if (kind->format != FileFormat::gpx) {
        // TCX and FIT carry the distance channel and the laps with their totals.
        for (std::size_t i = 0; i < back.samples.size(); ++i) {
            EXPECT_NEAR(back.samples.distance_m[i], s->activity.samples.distance_m[i], 0.006) << i;
        }
        ASSERT_EQ(back.laps.size(), s->activity.laps.size());
        for (std::size_t k = 0; k < back.laps.size(); ++k) {
            EXPECT_NEAR(*back.laps[k].totals.distance_m, *s->activity.laps[k].totals.distance_m, 0.01);
        }
    }
    if (kind->format == FileFormat::fit) {
        EXPECT_EQ(back.device.ascent_m, 45.0);
        EXPECT_EQ(back.device.descent_m, 45.0);
        EXPECT_NEAR(*back.device.distance_m, 2400.0, 0.01);
        EXPECT_NEAR(*back.device.timer_s, *s->activity.device.timer_s, 0.002);
        ASSERT_EQ(back.pauses.size(), 1u);
        EXPECT_NEAR(back.pauses[0].end_s - back.pauses[0].start_s, 30.0, 1.0);
        EXPECT_EQ(back.metadata.utc_offset_s, 7200);
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, ActivityFileRoundTrip,
                         testing::Values("run.gpx", "run.tcx", "run.fit", "run.gpx.gz", "run.fit.gz"));

}  // namespace
}  // namespace hillcoach::synth
