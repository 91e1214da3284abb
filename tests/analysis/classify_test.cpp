// Session types, each on a synthetic activity written to be that session (tests/support/course_builder.hpp),
// through barometric noise unless the case needs otherwise. Sessions of repeats turn back over their warm-up
// ground afterwards, as a runner would (straight on, synth would lay a flat over the hill's ground).

#include "hillcoach/analysis/classify.hpp"

#include <cmath>
#include <string_view>

#include <gtest/gtest.h>

#include "hillcoach/analysis/analyze.hpp"
#include "support/course_builder.hpp"

namespace hillcoach::analysis {
namespace {

using test::build_course;
using test::CourseBuildOptions;
using test::Noise;
using test::Runner;

SessionClassification session_of(std::string_view course,
                                 CourseBuildOptions options = {.noise = Noise::barometric}) {
    const auto run = build_course(course, options);
    return analyze(run.activity).session;
}

TEST(ClassifyTest, FlatEasyRun) {
    const auto s = session_of("flat 6000");
    EXPECT_EQ(s.type, SessionType::flat_easy_run) << s.reason;
}

TEST(ClassifyTest, HillyRun) {
    // 120 m over 7.6 km: 16 m per km, below any mountain threshold.
    const auto s =
        session_of("flat 1000; up 1500 +80; down 1500 -80; flat 1000; up 800 +40; down 800 -40; flat 1000");
    EXPECT_EQ(s.type, SessionType::hilly_run) << s.reason;
}

TEST(ClassifyTest, HillRepeats) {
    const auto s = session_of("flat 1500; repeat 6 { up 150 +12; down 150 -12 }; turn around; flat 1500",
                              {.noise = Noise::barometric, .runner = Runner::repeats});
    EXPECT_EQ(s.type, SessionType::hill_repeats) << s.reason;
    EXPECT_NE(s.reason.find("6 x 1"), std::string::npos) << s.reason;
}

TEST(ClassifyTest, HillSprints) {
    // 8 x 60 m at 10 % flat out (about 16 s), jogged down, 100 m walked at the bottom.
    const auto s = session_of(
        "flat 2000; repeat 8 { up 60 +6 sprint; down 60 -6 jog; flat 100 walk }; turn around; flat 2000");
    EXPECT_EQ(s.type, SessionType::hill_sprints) << s.reason;
}

TEST(ClassifyTest, DownhillRepeatsAreDownhillFocused) {
    // Walk up, run down hard.
    const auto s =
        session_of("flat 1000; repeat 6 { up 200 +16 walk; down 200 -16 hard }; turn around; flat 1000");
    EXPECT_EQ(s.type, SessionType::downhill_focused) << s.reason;
}

TEST(ClassifyTest, APointToPointDescentIsDownhillFocused) {
    const auto s = session_of("flat 500; down 5000 -300; flat 500");
    EXPECT_EQ(s.type, SessionType::downhill_focused) << s.reason;
}

TEST(ClassifyTest, LongRun) {
    // 20 km at 2.95 m/s: 113 min.
    const auto s = session_of("flat 20000");
    EXPECT_EQ(s.type, SessionType::long_run) << s.reason;
}

TEST(ClassifyTest, MountainRun) {
    // 400 m up and down over 9 km: 44 m per km.
    const auto s = session_of("flat 500; up 4000 +400; down 4000 -400; flat 500");
    EXPECT_EQ(s.type, SessionType::trail_or_mountain_run) << s.reason;
}

TEST(ClassifyTest, TheFileSayingTrailMakesATrailRun) {
    const auto s = session_of("flat 2000; up 500 +20; down 500 -20; flat 2000",
                              {.noise = Noise::barometric, .sport = core::Sport::trail_running});
    EXPECT_EQ(s.type, SessionType::trail_or_mountain_run) << s.reason;
}

TEST(ClassifyTest, AHikeIsRecognisedByItsSpeed) {
    const auto s = session_of("flat 1000; up 2000 +150; down 2000 -150; flat 1000",
                              {.noise = Noise::barometric, .runner = Runner::walk});
    EXPECT_EQ(s.type, SessionType::hike_or_walk) << s.reason;
    EXPECT_NE(s.reason.find("km/h"), std::string::npos) << s.reason;
}

TEST(ClassifyTest, AFileSayingHikingIsAHike) {
    const auto s = session_of("flat 3000", {.noise = Noise::barometric, .sport = core::Sport::hiking});
    EXPECT_EQ(s.type, SessionType::hike_or_walk) << s.reason;
}

TEST(ClassifyTest, CyclingIsAnotherSport) {
    const auto s = session_of("flat 3000", {.noise = Noise::barometric, .sport = core::Sport::cycling});
    EXPECT_EQ(s.type, SessionType::other_sport) << s.reason;
}

TEST(ClassifyTest, WithoutElevationAShortRunIsUnknownAndALongOneIsLong) {
    for (const auto& [course, expected] :
         {std::pair{"flat 5000", SessionType::unknown}, std::pair{"flat 20000", SessionType::long_run}}) {
        auto run = build_course(course);
        run.activity.samples.elevation_m.assign(run.activity.samples.size(), std::nan(""));
        run.activity.elevation_source = core::ElevationSource::none;
        const auto s = analyze(run.activity).session;
        EXPECT_EQ(s.type, expected) << course << ": " << s.reason;
    }
}

TEST(ClassifyTest, TypeNames) {
    EXPECT_EQ(to_string(SessionType::hill_repeats), "hill_repeats");
    EXPECT_EQ(session_type_label(SessionType::hill_repeats), "hill repeats");
    EXPECT_EQ(to_string(SessionType::trail_or_mountain_run), "trail_or_mountain_run");
    EXPECT_EQ(session_type_label(SessionType::flat_easy_run), "flat easy run");
}

TEST(ClassifyTest, TypicalSpeedIsTheTimeWeightedMedian) {
    terrain::Course c;
    // 100 s at 2 m/s, then 50 s at 4 m/s, then 60 s at 3 m/s, one step per second, all flat.
    double d = 0.0;
    double t = 0.0;
    const auto push = [&](double v) {
        d += v;
        t += 1.0;
        c.distance_m.push_back(d);
        c.time_s.push_back(t);
        c.grade.push_back(0.0);
    };
    c.distance_m.push_back(0.0);
    c.time_s.push_back(0.0);
    c.grade.push_back(0.0);
    for (int i = 0; i < 100; ++i) push(2.0);
    for (int i = 0; i < 50; ++i) push(4.0);
    for (int i = 0; i < 60; ++i) push(3.0);
    // 210 s: 100 at 2, 60 at 3, 50 at 4: the 105th second is at 3 m/s.
    const auto v = typical_speed_m_s(c, 0.03);
    ASSERT_TRUE(v);
    EXPECT_NEAR(*v, 3.0, 0.01);
}

}  // namespace
}  // namespace hillcoach::analysis
