// The one-line leg-load summary: words chosen from the numbers, anchored to the typical downhill protocol.

#include "hillcoach/physiology/leg_load_summary.hpp"

#include <gtest/gtest.h>

#include "course_fixture.hpp"

namespace hillcoach::physiology {
namespace {

using test::make_course;

MuscleLoad load_of(const std::vector<test::Stretch>& stretches) { return *muscle_load(make_course(stretches)); }

TEST(LegLoadSummaryTest, TheProtocolIsOneProtocol) {
    // 40 min at -12 % and 11.3 km/h along the slope: 897.6 m of descent, quadriceps load about 154 points.
    const double horizontal = 11.3 / 3.6 / std::sqrt(1.0144);
    const auto course = make_course({{.length_m = horizontal * 2400, .grade = -0.12, .speed_m_s = horizontal}});
    const auto load = *muscle_load(course);
    const auto s = summarize_leg_load(load, {.descent_m = course.descent_m});
    EXPECT_NEAR(s.protocol_fraction, 1.0, 1e-9);
    EXPECT_NEAR(damage_protocol_quadriceps_load(), 154.0, 1.0);
    EXPECT_EQ(s.quadriceps_eccentric, DescentLoadLevel::high);
}

TEST(LegLoadSummaryTest, FlatRunSaysFlat) {
    const auto s = summarize_leg_load(load_of({{.length_m = 8000, .grade = 0.0}}), {.ascent_m = 0.0, .descent_m = 0.0});
    EXPECT_FALSE(s.hilly);
    EXPECT_EQ(s.quadriceps_eccentric, DescentLoadLevel::none);
    EXPECT_NE(s.text.find("flat-running load"), std::string::npos) << s.text;
    EXPECT_NE(s.text.find("little eccentric load"), std::string::npos) << s.text;
}

TEST(LegLoadSummaryTest, HillyRunNamesTheClimbersAndTheDescent) {
    // 3.8 km up at 10 % (380 m), 3.8 km down at -10 % at 3 m/s: 380 m of descent is about 0.4 of the protocol.
    const auto load = load_of({{.length_m = 3800, .grade = 0.10, .speed_m_s = 2.2},
                               {.length_m = 3800, .grade = -0.10, .speed_m_s = 3.0}});
    const auto s = summarize_leg_load(load, {.climb_count = 4, .ascent_m = 380.0, .descent_m = 380.0});
    EXPECT_TRUE(s.hilly);
    EXPECT_EQ(s.main_concentric[0], MuscleGroup::glutes);
    EXPECT_EQ(s.main_concentric[1], MuscleGroup::hamstrings);
    EXPECT_EQ(s.quadriceps_eccentric, DescentLoadLevel::high);
    EXPECT_NEAR(s.protocol_fraction, 0.39, 0.02);
    EXPECT_EQ(s.text,
              "mostly concentric glute and hamstring work on 4 climbs (380 m up); 380 m of descent gave a high "
              "eccentric quadriceps load (0.40 of a typical muscle-damage protocol): expect soreness in 1-3 days if "
              "this is new");
}

TEST(LegLoadSummaryTest, ShortDescentIsModerateOrLow) {
    const auto moderate = summarize_leg_load(load_of({{.length_m = 1500, .grade = -0.08, .speed_m_s = 3.0}}),
                                             {.descent_m = 120.0});
    EXPECT_EQ(moderate.quadriceps_eccentric, DescentLoadLevel::moderate) << moderate.protocol_fraction;
    const auto low = summarize_leg_load(load_of({{.length_m = 500, .grade = -0.05, .speed_m_s = 3.0}}),
                                        {.descent_m = 25.0});
    EXPECT_EQ(low.quadriceps_eccentric, DescentLoadLevel::low) << low.protocol_fraction;
}

}  // namespace
}  // namespace hillcoach::physiology
