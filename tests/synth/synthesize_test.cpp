#include "hillcoach/synth/synthesize.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::synth {
namespace {

// Bitwise equality of two channels (NaN equal to NaN).
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

SynthesisRequest hilly_request(std::uint64_t seed) {
    SynthesisRequest r;
    r.course = "flat 1000; up 1500 +120; down 600 -80; flat 500";
    r.recorder.altitude = AltitudeSensor::barometric;
    r.seed = seed;
    r.start_time_s = 1778000000.0;  // 2026-05-05T16:53:20Z
    r.utc_offset_s = 7200;
    r.name = "Hilly run";
    return r;
}

TEST(Synthesize, GivesTheActivityAndItsTruth) {
    const auto s = synthesize(hilly_request(7));
    ASSERT_TRUE(s.has_value()) << s.error().message();
    const core::Activity& a = s->activity;
    EXPECT_EQ(s->truth.distance_m, 3600.0);
    EXPECT_EQ(s->truth.ascent_m, 120.0);
    EXPECT_EQ(s->truth.descent_m, 80.0);
    ASSERT_EQ(s->truth.climbs.size(), 1u);
    EXPECT_EQ(s->truth.climbs[0].start_m, 1000.0);
    EXPECT_EQ(s->truth.climbs[0].height_m, 120.0);
    ASSERT_EQ(s->truth.descents.size(), 1u);
    EXPECT_EQ(s->truth.descents[0].height_m, 80.0);
    EXPECT_EQ(s->truth.course_distance_m.size(), a.samples.size());
    EXPECT_EQ(s->truth.course_distance_m.back(), 3600.0);
    EXPECT_EQ(s->truth.elevation_m.back(), 540.0);
    EXPECT_EQ(s->truth.elapsed_s, *a.device.elapsed_s);
    EXPECT_EQ(s->truth.moving_s, *a.device.timer_s);

    EXPECT_EQ(a.metadata.name, "Hilly run");
    EXPECT_EQ(a.metadata.sport, core::Sport::running);
    EXPECT_EQ(a.metadata.start_time_s, 1778000000.0);
    EXPECT_EQ(a.metadata.utc_offset_s, 7200);
    EXPECT_EQ(a.samples.time_s.front(), 1778000000.0);
    EXPECT_EQ(a.elevation_source, core::ElevationSource::barometric);
    EXPECT_EQ(a.device.distance_m, 3600.0);
    EXPECT_EQ(a.device.ascent_m, 120.0);
    const auto channels = a.channels();
    for (const char* c : {"time", "position", "elevation", "distance", "speed", "heart_rate", "cadence"}) {
        EXPECT_NE(std::find(channels.begin(), channels.end(), c), channels.end()) << c;
    }
}

TEST(Synthesize, IsDeterministicForASeed) {
    const auto a = synthesize(hilly_request(7));
    const auto b = synthesize(hilly_request(7));
    const auto c = synthesize(hilly_request(8));
    ASSERT_TRUE(a && b && c);
    EXPECT_TRUE(same_bits(a->activity.samples.time_s, b->activity.samples.time_s));
    EXPECT_TRUE(same_bits(a->activity.samples.latitude_deg, b->activity.samples.latitude_deg));
    EXPECT_TRUE(same_bits(a->activity.samples.longitude_deg, b->activity.samples.longitude_deg));
    EXPECT_TRUE(same_bits(a->activity.samples.elevation_m, b->activity.samples.elevation_m));
    EXPECT_TRUE(same_bits(a->activity.samples.heart_rate_bpm, b->activity.samples.heart_rate_bpm));
    EXPECT_TRUE(same_bits(a->activity.samples.cadence_rpm, b->activity.samples.cadence_rpm));
    EXPECT_EQ(a->activity.device.calories_kcal, b->activity.device.calories_kcal);
    EXPECT_FALSE(same_bits(a->activity.samples.latitude_deg, c->activity.samples.latitude_deg));
    EXPECT_FALSE(same_bits(a->activity.samples.heart_rate_bpm, c->activity.samples.heart_rate_bpm));
}

// Two runs on one route: the hills are at the same coordinates, whatever the runner and the GPS did.
TEST(Synthesize, TheSameRouteSeedRunsTheSameRoute) {
    SynthesisRequest first = hilly_request(1);
    SynthesisRequest second = hilly_request(2);
    first.route_seed = second.route_seed = 555;
    const auto a = synthesize(first);
    const auto b = synthesize(second);
    ASSERT_TRUE(a && b);
    // The true position at the top of the climb (course distance 2500 m), found in each truth.
    const auto top = [](const Synthesis& s) {
        std::size_t best = 0;
        for (std::size_t i = 0; i < s.truth.course_distance_m.size(); ++i) {
            if (std::abs(s.truth.course_distance_m[i] - 2500.0) <
                std::abs(s.truth.course_distance_m[best] - 2500.0))
                best = i;
        }
        return best;
    };
    const std::size_t ia = top(*a);
    const std::size_t ib = top(*b);
    EXPECT_NEAR(a->truth.latitude_deg[ia], b->truth.latitude_deg[ib], 4e-5);  // within a few metres
    EXPECT_NEAR(a->truth.longitude_deg[ia], b->truth.longitude_deg[ib], 6e-5);
    EXPECT_FALSE(same_bits(a->activity.samples.heart_rate_bpm, b->activity.samples.heart_rate_bpm));
}

TEST(Synthesize, NamesTheSportAndItsWords) {
    SynthesisRequest r = hilly_request(3);
    r.sport = core::Sport::trail_running;
    const auto trail = synthesize(r);
    ASSERT_TRUE(trail);
    EXPECT_EQ(trail->activity.metadata.sport, core::Sport::trail_running);
    EXPECT_EQ(trail->activity.metadata.sport_raw, "running");
    EXPECT_EQ(trail->activity.metadata.sub_sport, "trail");
    r.sport = core::Sport::hiking;
    r.runner = runner_preset(RunnerPreset::walk);
    const auto hike = synthesize(r);
    ASSERT_TRUE(hike);
    EXPECT_EQ(hike->activity.metadata.sport_raw, "hiking");
    EXPECT_GT(hike->truth.elapsed_s, 2.0 * trail->truth.elapsed_s);
}

TEST(Synthesize, ReportsABadCourseWithItsPosition) {
    SynthesisRequest r = hilly_request(1);
    r.course = "flat 1000; up 1500 +120; dwn 600 -80";
    EXPECT_ERROR(synthesize(r), core::ErrorCode::invalid_argument,
                 "course:1:26: error: unknown statement 'dwn'");
}

TEST(Synthesize, LaysALoopThatEndsAtTheStart) {
    SynthesisRequest r = hilly_request(4);
    r.path.layout = Layout::loop;
    r.recorder = exact_recorder();
    const auto s = synthesize(r);
    ASSERT_TRUE(s);
    EXPECT_NEAR(s->truth.latitude_deg.front(), s->truth.latitude_deg.back(), 1e-7);
    EXPECT_NEAR(s->truth.longitude_deg.front(), s->truth.longitude_deg.back(), 1e-7);
}

}  // namespace
}  // namespace hillcoach::synth
