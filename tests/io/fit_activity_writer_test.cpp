// write_fit_activity, then read_fit: the same samples (to FIT's resolution), pauses, laps and totals.
#include "hillcoach/io/fit/fit_activity_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "hillcoach/io/fit/fit_crc.hpp"
#include "hillcoach/io/fit/fit_profile.hpp"
#include "hillcoach/io/fit/fit_reader.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

core::Activity sample_activity() {
    core::Activity a;
    a.metadata.sport = core::Sport::trail_running;
    a.metadata.utc_offset_s = -5 * 3600;
    const double t0 = 1718000000.0;  // 2024-06-10
    for (int i = 0; i < 120; ++i) {
        a.samples.push_empty();
        const auto k = a.samples.size() - 1;
        a.samples.time_s[k] = t0 + i + (i >= 60 ? 30 : 0);  // a 30 s pause after the 60th sample
        a.samples.latitude_deg[k] = 46.0 + i * 1.0e-5;
        a.samples.longitude_deg[k] = -122.5 - i * 2.0e-5;
        a.samples.elevation_m[k] = 312.3 + 0.37 * i;
        a.samples.distance_m[k] = 2.71 * i;
        a.samples.speed_m_s[k] = 2.713;
        a.samples.heart_rate_bpm[k] = i % 7 == 0 ? k_nan : 140.0 + i % 9;
        a.samples.cadence_rpm[k] = 85.5;
        a.samples.power_w[k] = 250.0;
        a.samples.temperature_c[k] = 18.0;
    }
    a.pauses.push_back({t0 + 59.5, t0 + 89.5});
    core::Lap l1;
    l1.first_sample = 0;
    l1.end_sample = 60;
    l1.totals.distance_m = 159.89;
    l1.totals.elapsed_s = 59.0;
    l1.trigger = "manual";
    l1.intensity = "warmup";
    core::Lap l2 = l1;
    l2.first_sample = 60;
    l2.end_sample = 120;
    l2.trigger = "session_end";
    l2.intensity = "active";
    a.laps = {l1, l2};
    a.device.start_time_s = t0;
    a.device.distance_m = 322.49;
    a.device.ascent_m = 44.0;
    a.device.descent_m = 0.0;
    a.device.timer_s = 119.0;
    a.device.elapsed_s = 149.0;
    a.device.calories_kcal = 31.0;
    a.device.avg_heart_rate_bpm = 144.0;
    a.device.max_heart_rate_bpm = 148.0;
    a.device.max_speed_m_s = 2.713;
    return a;
}

TEST(FitActivityWriter, WritesAValidFileThatReadsBackTheSame) {
    const core::Activity in = sample_activity();
    const std::string bytes = write_fit_activity(in);
    EXPECT_EQ(crc16(bytes), 0) << "a file with its CRC appended checks to zero";
    const auto r = read_fit(bytes, core::Location{});
    ASSERT_TRUE(r.has_value()) << r.error().message();
    ASSERT_EQ(r->size(), 1U);
    const core::Activity& out = r->at(0);
    EXPECT_TRUE(out.warnings.empty());
    ASSERT_EQ(out.samples.size(), in.samples.size());
    for (std::size_t i = 0; i < in.samples.size(); ++i) {
        const auto& a = in.samples;
        const auto& b = out.samples;
        EXPECT_DOUBLE_EQ(b.time_s[i], a.time_s[i]);
        EXPECT_NEAR(b.latitude_deg[i], a.latitude_deg[i], k_degrees_per_semicircle);
        EXPECT_NEAR(b.longitude_deg[i], a.longitude_deg[i], k_degrees_per_semicircle);
        EXPECT_NEAR(b.elevation_m[i], a.elevation_m[i], 0.1 + 1e-9);  // 1/5 m steps: half a step
        EXPECT_NEAR(b.distance_m[i], a.distance_m[i], 0.005);         // cm
        EXPECT_NEAR(b.speed_m_s[i], a.speed_m_s[i], 0.0005);          // mm/s
        EXPECT_NEAR(b.cadence_rpm[i], a.cadence_rpm[i], 1.0 / 256.0);
        EXPECT_DOUBLE_EQ(b.power_w[i], a.power_w[i]);
        EXPECT_DOUBLE_EQ(b.temperature_c[i], a.temperature_c[i]);
        if (std::isnan(a.heart_rate_bpm[i])) {
            EXPECT_TRUE(std::isnan(b.heart_rate_bpm[i])) << i;
        } else {
            EXPECT_DOUBLE_EQ(b.heart_rate_bpm[i], a.heart_rate_bpm[i]);
        }
    }
    ASSERT_EQ(out.pauses.size(), 1U);  // whole seconds in FIT
    EXPECT_DOUBLE_EQ(out.pauses[0].start_s, std::round(in.pauses[0].start_s));
    EXPECT_DOUBLE_EQ(out.pauses[0].end_s, std::round(in.pauses[0].end_s));
    ASSERT_EQ(out.laps.size(), 2U);
    EXPECT_EQ(out.laps[1].first_sample, 60U);
    EXPECT_EQ(out.laps[1].end_sample, 120U);
    EXPECT_EQ(out.laps[0].trigger, "manual");
    EXPECT_EQ(out.laps[0].intensity, "warmup");
    EXPECT_EQ(out.laps[0].totals.distance_m, std::optional<double>(159.89));
    EXPECT_EQ(out.device.start_time_s, in.device.start_time_s);
    EXPECT_EQ(out.device.distance_m, in.device.distance_m);
    EXPECT_EQ(out.device.ascent_m, in.device.ascent_m);
    EXPECT_EQ(out.device.descent_m, in.device.descent_m);
    EXPECT_EQ(out.device.timer_s, in.device.timer_s);
    EXPECT_EQ(out.device.elapsed_s, in.device.elapsed_s);
    EXPECT_EQ(out.device.calories_kcal, in.device.calories_kcal);
    EXPECT_EQ(out.device.avg_heart_rate_bpm, in.device.avg_heart_rate_bpm);
    EXPECT_EQ(out.device.max_heart_rate_bpm, in.device.max_heart_rate_bpm);
    EXPECT_EQ(out.device.max_speed_m_s, in.device.max_speed_m_s);
    EXPECT_EQ(out.metadata.sport, core::Sport::trail_running);
    EXPECT_EQ(out.metadata.sport_raw, "running");
    EXPECT_EQ(out.metadata.sub_sport, "trail");
    EXPECT_EQ(out.metadata.utc_offset_s, in.metadata.utc_offset_s);
    EXPECT_EQ(out.metadata.creator, "development hillcoach");
}

TEST(FitActivityWriter, LeavesOutChannelsWithoutValues) {
    core::Activity a;
    for (int i = 0; i < 3; ++i) {
        a.samples.push_empty();
        a.samples.time_s.back() = 1700000000.0 + i;
        a.samples.heart_rate_bpm.back() = 100.0;
    }
    const std::string bytes = write_fit_activity(a);
    const auto r = read_fit(bytes, core::Location{});
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->at(0).channels(), (std::vector<std::string>{"time", "heart_rate"}));
    EXPECT_EQ(r->at(0).elevation_source, core::ElevationSource::none);
    // Without device totals the session carries none.
    EXPECT_FALSE(r->at(0).device.distance_m.has_value());
}

}  // namespace
}  // namespace hillcoach::io::fit
