// Hill repeats on whole courses built from recorded-looking activities (terrain::build_course, then
// find_course_repeats as analyze runs it): 1 s samples, positions along a meridian and a barometric-like
// elevation channel (white jitter of 0.1 m, 0.2 m quantisation, a slow random-walk drift of the air
// pressure), drawn from a fixed seed with a portable generator, so every run sees the same noise.
//   - 8 hill sprints of 50 m at 8 % (4 m each, 10 s up, walked back down) are found as 8 reps, although the
//     ascent profile's 30 m window halves each rise (under k_min_rep_height_m's 2 m on that profile);
//   - flat shuttles over the same 100 m with the same noise (the worst case for the position match), and a
//     rolling flat-ish run (1 m swells every 200 m), show no repeats.

#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/terrain/climbs.hpp"
#include "hillcoach/terrain/course_builder.hpp"
#include "hillcoach/terrain/repeats.hpp"
#include "hillcoach/terrain/segments.hpp"

namespace hillcoach::terrain {
namespace {

constexpr double k_metres_per_degree = 111'150.0;  // meridian arc near 46 N (only relative positions matter)
constexpr double k_start_latitude_deg = 46.0;
constexpr double k_start_time_s = 1'700'000'000.0;

// Barometric-like noise: jitter, quantisation and drift. std::mt19937_64's output is fixed by the standard;
// the normal deviates are drawn by Box-Muller here because std::normal_distribution's are not.
class BarometerNoise {
  public:
    explicit BarometerNoise(std::uint64_t seed) : m_random(seed) {}
    double read(double true_elevation_m) {
        m_drift_m += 0.02 * normal();  // 0.02 m per second: about 0.5 m over 10 minutes
        const double e = true_elevation_m + m_drift_m + 0.1 * normal();
        return std::round(e / 0.2) * 0.2;
    }

  private:
    double uniform() { return (static_cast<double>(m_random() >> 11) + 0.5) * 0x1.0p-53; }
    double normal() { return std::sqrt(-2.0 * std::log(uniform())) * std::cos(2.0 * M_PI * uniform()); }
    std::mt19937_64 m_random;
    double m_drift_m = 0.0;
};

// An activity recorded every second while running `length_m` at `speed_m_s` (north for heading +1, south for
// -1) over ground whose elevation changes by `rise_m` along it; speed 0 stands for `rest_s`.
class Recording {
  public:
    explicit Recording(std::uint64_t seed) : m_noise(seed) {
        m_activity.metadata.sport = core::Sport::running;
    }
    Recording& run(double length_m, double rise_m, double speed_m_s, int heading = 1) {
        const double seconds = length_m / speed_m_s;
        const int steps = static_cast<int>(std::ceil(seconds));
        const double north0 = m_north_m;
        const double elevation0 = m_elevation_m;
        for (int k = 1; k <= steps; ++k) {
            const double f = std::min(1.0, k * speed_m_s / length_m);
            m_north_m = north0 + heading * f * length_m;
            m_elevation_m = elevation0 + f * rise_m;
            record();
        }
        return *this;
    }
    // A shape along the way: `elevation(d)` over the next `length_m` metres going north.
    template <class F>
    Recording& run_over(double length_m, double speed_m_s, F elevation) {
        const double north0 = m_north_m;
        const double base = m_elevation_m;
        for (double d = speed_m_s; d <= length_m; d += speed_m_s) {
            m_north_m = north0 + d;
            m_elevation_m = base + elevation(d);
            record();
        }
        return *this;
    }
    Recording& rest(double seconds) {
        for (int k = 0; k < static_cast<int>(seconds); ++k) record();
        return *this;
    }
    const core::Activity& activity() {
        if (m_activity.samples.empty()) record();
        return m_activity;
    }

  private:
    void record() {
        core::Samples& s = m_activity.samples;
        if (s.empty()) {
            push(m_elevation_m);
        }
        m_time_s += 1.0;
        push(m_elevation_m);
    }
    void push(double elevation_m) {
        core::Samples& s = m_activity.samples;
        s.push_empty();
        s.time_s.back() = m_time_s;
        s.latitude_deg.back() = k_start_latitude_deg + m_north_m / k_metres_per_degree;
        s.longitude_deg.back() = 7.0;
        s.elevation_m.back() = m_noise.read(elevation_m);
        s.heart_rate_bpm.back() = 140.0;
    }
    core::Activity m_activity;
    BarometerNoise m_noise;
    double m_time_s = k_start_time_s;
    double m_north_m = 0.0;
    double m_elevation_m = 300.0;
};

std::vector<RepeatGroup> repeats_of(const core::Activity& a, Course& course) {
    course = build_course(a);
    const auto segments = find_segments(course, segment_options_for(course.elevation_source));
    return find_course_repeats(course, segments, a.samples, hill_options_for(course.elevation_source));
}

std::string notes(const Course& c) {
    std::string out;
    for (const auto& n : c.notes) out += n + "\n";
    return out;
}

TEST(CourseRepeatsTest, EightSprintsOf50MetresAt8PercentAreEightReps) {
    Recording r(20260324);
    r.run(1000.0, 0.0, 3.0);
    for (int k = 0; k < 8; ++k) {
        r.run(50.0, 4.0, 5.0).rest(5.0).run(50.0, -4.0, 1.2, -1).rest(30.0);
    }
    r.run(1000.0, 0.0, 3.0);
    Course course;
    const auto groups = repeats_of(r.activity(), course);
    ASSERT_EQ(course.elevation_source, core::ElevationSource::barometric) << notes(course);
    ASSERT_EQ(course.repeat_elevation_m.size(), course.size()) << "a clean channel has the sharper profile";
    ASSERT_EQ(groups.size(), 1U) << notes(course);
    const RepeatGroup& g = groups[0];
    EXPECT_EQ(g.reps.size(), 8U);
    EXPECT_TRUE(g.matched_by_position);
    EXPECT_TRUE(g.back_to_back);
    EXPECT_NEAR(g.length_m, 50.0, 10.0);
    EXPECT_NEAR(g.height_m, 4.0, 0.8);
    EXPECT_NEAR(g.avg_grade, 0.08, 0.02);
    ASSERT_TRUE(g.rep_time_s);
    EXPECT_NEAR(*g.rep_time_s, 10.0, 3.0);

    // The same session on the ascent profile alone: its 30 m window leaves each rep under 3 m, so the
    // stretches (3 m reversal) see no rep. This is what the sharper profile is for.
    Course ascent_only = course;
    ascent_only.repeat_elevation_m.clear();
    const auto segments = find_segments(ascent_only, segment_options_for(ascent_only.elevation_source));
    EXPECT_TRUE(find_course_repeats(ascent_only, segments, r.activity().samples,
                                    hill_options_for(ascent_only.elevation_source))
                    .empty());
}

TEST(CourseRepeatsTest, FlatShuttlesWithBarometricNoiseAreNoRepeats) {
    // 10 x 100 m out fast and back slowly over the same flat ground: bottoms and tops would match by
    // position, so only the elevation can keep the noise from making reps.
    Recording r(7);
    r.run(800.0, 0.0, 3.0);
    for (int k = 0; k < 10; ++k) r.run(100.0, 0.0, 5.0).rest(5.0).run(100.0, 0.0, 1.5, -1).rest(20.0);
    r.run(800.0, 0.0, 3.0);
    Course course;
    const auto groups = repeats_of(r.activity(), course);
    ASSERT_EQ(course.elevation_source, core::ElevationSource::barometric) << notes(course);
    EXPECT_TRUE(groups.empty()) << groups.size() << " group(s), the first of " << groups.front().reps.size()
                                << " reps";
}

TEST(CourseRepeatsTest, ARollingFlatishRunIsNoRepeats) {
    // 6 km of 1 m swells every 200 m (up to 3 % for a few tens of metres) and a 2 m rise over 300 m.
    Recording r(11);
    r.run_over(6000.0, 3.0, [](double d) {
        return 1.0 * std::sin(2.0 * M_PI * d / 200.0) +
               (d > 3000.0 ? std::min(2.0, (d - 3000.0) / 150.0) : 0.0);
    });
    Course course;
    const auto groups = repeats_of(r.activity(), course);
    ASSERT_EQ(course.elevation_source, core::ElevationSource::barometric) << notes(course);
    EXPECT_TRUE(groups.empty()) << groups.size() << " group(s)";
}

}  // namespace
}  // namespace hillcoach::terrain
