#include "hillcoach/synth/examples.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

#include "hillcoach/core/time.hpp"

namespace hillcoach::synth {
namespace {

const std::vector<ExampleActivity>& examples() {
    static const std::vector<ExampleActivity> all = example_activities();
    return all;
}

Synthesis make(const ExampleActivity& e) {
    auto s = synthesize(e.request);
    if (!s) throw std::runtime_error(e.file_name + ": " + s.error().message());
    return std::move(*s);
}

const ExampleActivity& find(std::string_view file_name) {
    for (const auto& e : examples()) {
        if (e.file_name == file_name) return e;
    }
    throw std::runtime_error("no example " + std::string(file_name));
}

// Seconds from the start until the runner reaches a course distance, and until the runner last stands there
// (the sprints start after a standing rest at the foot).
double time_reaching(const Trajectory& t, double distance_m) {
    const auto it = std::lower_bound(t.distance_m.begin(), t.distance_m.end(), distance_m);
    return static_cast<double>(it - t.distance_m.begin());
}
double time_leaving(const Trajectory& t, double distance_m) {
    const auto it = std::upper_bound(t.distance_m.begin(), t.distance_m.end(), distance_m);
    return static_cast<double>(it - t.distance_m.begin()) - 1.0;
}

TEST(Examples, AreAFewWeeksOfOneRunnerInEveryFormat) {
    const auto& all = examples();
    EXPECT_GE(all.size(), 12u);
    EXPECT_LE(all.size(), 20u);
    std::set<std::string> names;
    std::set<core::FileFormat> formats;
    int gzipped = 0;
    for (const auto& e : all) {
        EXPECT_TRUE(names.insert(e.file_name).second) << e.file_name;
        formats.insert(e.kind.format);
        gzipped += e.kind.gzip ? 1 : 0;
        EXPECT_EQ(file_kind_from_name(e.file_name)->format, e.kind.format);
    }
    EXPECT_EQ(formats.size(), 3u);
    EXPECT_EQ(gzipped, 1);
    const double first = all.front().request.start_time_s;
    const double last = all.back().request.start_time_s;
    const double weeks = (last - first) / (7 * 86400.0);
    EXPECT_GE(weeks, 4.0);
    EXPECT_LE(weeks, 6.0);
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.request.start_time_s < b.request.start_time_s;
    }));
}

// Central European Time: +01:00 until 2026-03-29T01:00Z, +02:00 (summer time) from then on.
TEST(Examples, StartInLocalTimeWithTheRightOffset) {
    const double summer_time = core::parse_iso8601("2026-03-29T01:00:00Z")->unix_s;
    for (const auto& e : examples()) {
        const int expected = e.request.start_time_s < summer_time ? 3600 : 7200;
        EXPECT_EQ(e.request.utc_offset_s, expected) << e.file_name;
        const auto parsed = core::parse_iso8601(e.local_start);
        ASSERT_TRUE(parsed) << e.local_start;
        EXPECT_EQ(parsed->unix_s, e.request.start_time_s);
        EXPECT_EQ(parsed->utc_offset_s, expected);
    }
}

// One week has far more downhill than the others (the guidance rules need it), and every week has a hill
// session or a hilly long run.
TEST(Examples, OneWeekHasFarMoreDownhill) {
    const double monday = core::parse_iso8601("2026-03-09T00:00:00+01:00")->unix_s;
    std::map<int, double> descent;
    std::map<int, double> ascent;
    for (const auto& e : examples()) {
        const Synthesis s = make(e);
        const int week = static_cast<int>(std::floor((e.request.start_time_s - monday) / (7 * 86400.0)));
        descent[week] += s.truth.descent_m;
        ascent[week] += s.truth.ascent_m;
    }
    ASSERT_EQ(descent.size(), 5u);
    const auto biggest = std::max_element(descent.begin(), descent.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });
    EXPECT_EQ(biggest->first, 3);  // the week of 30 March
    for (const auto& [week, metres] : descent) {
        if (week != biggest->first) {
            EXPECT_GT(biggest->second, 1.8 * metres) << "week " << week;
        }
        EXPECT_GT(ascent[week], 200.0) << "week " << week;
    }
}

// Both hill-repeat sessions climb the very same hill: six 150 m reps at 7 % whose foot and top are the same
// coordinates in both files.
TEST(Examples, HillRepeatSessionsRunTheSameHill) {
    const Synthesis first = make(find("2026-03-17-hill-repeats.fit"));
    const Synthesis second = make(find("2026-04-07-hill-repeats.fit"));
    for (const Synthesis* s : {&first, &second}) {
        ASSERT_EQ(s->truth.climbs.size(), 6u);
        for (const TrueHill& c : s->truth.climbs) {
            EXPECT_EQ(c.repeat_block, 0);
            EXPECT_EQ(c.length_m, 150.0);
            EXPECT_NEAR(c.avg_grade, 0.07, 1e-12);
        }
    }
    const auto& geodesic = GeographicLib::Geodesic::WGS84();
    for (const double d : {first.truth.climbs[0].start_m, first.truth.climbs[0].end_m}) {
        double lat1 = 0.0;
        double lon1 = 0.0;
        double lat2 = 0.0;
        double lon2 = 0.0;
        // Nearest true sample to the foot/top in each file.
        const auto nearest = [d](const Synthesis& s, double& lat, double& lon) {
            std::size_t best = 0;
            for (std::size_t i = 0; i < s.truth.course_distance_m.size(); ++i) {
                if (std::abs(s.truth.course_distance_m[i] - d) < std::abs(s.truth.course_distance_m[best] - d)) best = i;
            }
            lat = s.truth.latitude_deg[best];
            lon = s.truth.longitude_deg[best];
        };
        nearest(first, lat1, lon1);
        nearest(second, lat2, lon2);
        double metres = 0.0;
        geodesic.Inverse(lat1, lon1, lat2, lon2, metres);
        EXPECT_LT(metres, 5.0);  // samples a second apart at most: a few metres
    }
}

TEST(Examples, HillSprintsLastTenToTwelveSeconds) {
    const Synthesis s = make(find("2026-03-24-hill-sprints.fit"));
    ASSERT_EQ(s.truth.climbs.size(), 8u);
    for (const TrueHill& c : s.truth.climbs) {
        const double seconds = time_reaching(s.trajectory, c.end_m) - time_leaving(s.trajectory, c.start_m);
        EXPECT_GE(seconds, 9.0);
        EXPECT_LE(seconds, 13.0);
        EXPECT_NEAR(c.avg_grade, 0.12, 1e-12);
    }
    EXPECT_GE(*s.activity.device.max_heart_rate_bpm, 145.0);
}

TEST(Examples, ReadmeNamesEveryFileAndTheCommand) {
    const std::string readme = examples_readme(examples());
    EXPECT_NE(readme.find("hillcoach synth --examples examples"), std::string::npos);
    for (const auto& e : examples()) {
        EXPECT_NE(readme.find("`" + e.file_name + "`"), std::string::npos) << e.file_name;
        EXPECT_NE(readme.find(e.request.course), std::string::npos) << e.file_name;
    }
}

}  // namespace
}  // namespace hillcoach::synth
