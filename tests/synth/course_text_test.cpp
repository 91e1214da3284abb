#include "hillcoach/synth/course_text.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "hillcoach/synth/course.hpp"
#include "hillcoach/synth/random.hpp"
#include "support/test_data.hpp"

namespace hillcoach::synth {
namespace {

using core::ErrorCode;

TEST(CourseText, ReadsTheStatementsOfAPlainCourse) {
    const auto parsed = parse_course_text("flat 1000; up 1500 +120; down 600 -80; flat 500");
    ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
    const auto& s = *parsed;
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(s[0].kind, StatementKind::flat);
    EXPECT_EQ(s[0].length_m, 1000.0);
    EXPECT_EQ(s[1].kind, StatementKind::up);
    EXPECT_EQ(s[1].length_m, 1500.0);
    EXPECT_EQ(s[1].rise_m, 120.0);
    EXPECT_EQ(s[2].kind, StatementKind::down);
    EXPECT_EQ(s[2].rise_m, -80.0);
    EXPECT_EQ(s[3].length_m, 500.0);
    EXPECT_EQ(s[1].line, 1u);
    EXPECT_EQ(s[1].column, 12u);
}

TEST(CourseText, ReadsUnitsGradesEffortsTurnsAndStops) {
    const auto parsed = parse_course_text(
        "flat 1.5km tempo; up 200m 7% hard; down 300 -6% jog; down 100 5%;\n"
        "stop 2min; stop 30s; turn left; turn 45; turn around; up 50 +4 sprint");
    ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
    const auto& s = *parsed;
    ASSERT_EQ(s.size(), 10u);
    EXPECT_EQ(s[0].length_m, 1500.0);
    EXPECT_EQ(s[0].effort, Effort::tempo);
    EXPECT_DOUBLE_EQ(s[1].rise_m, 14.0);
    EXPECT_EQ(s[1].effort, Effort::hard);
    EXPECT_DOUBLE_EQ(s[2].rise_m, -18.0);
    EXPECT_EQ(s[2].effort, Effort::jog);
    EXPECT_DOUBLE_EQ(s[3].rise_m, -5.0);  // the direction of "down" is enough
    EXPECT_EQ(s[4].duration_s, 120.0);
    EXPECT_EQ(s[5].duration_s, 30.0);
    EXPECT_EQ(s[6].turn_deg, -90.0);
    EXPECT_EQ(s[7].turn_deg, 45.0);
    EXPECT_EQ(s[8].turn_deg, 180.0);
    EXPECT_EQ(s[9].effort, Effort::sprint);
    EXPECT_EQ(s[4].line, 2u);
    EXPECT_EQ(s[4].column, 1u);
}

TEST(CourseText, ReadsNestedRepeatsCommentsAndNewlines) {
    const auto parsed = parse_course_text(
        "# warm up\n"
        "flat 2000\n"
        "repeat 3 {\n"
        "  repeat 2 { up 150 +12; down 150 -12 }   # two reps a set\n"
        "  stop 90\n"
        "}\n"
        "flat 2000;\n");
    ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
    const auto& s = *parsed;
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[1].kind, StatementKind::repeat);
    EXPECT_EQ(s[1].count, 3);
    ASSERT_EQ(s[1].body.size(), 2u);
    EXPECT_EQ(s[1].body[0].kind, StatementKind::repeat);
    EXPECT_EQ(s[1].body[0].count, 2);
    EXPECT_EQ(s[1].body[0].body.size(), 2u);
    EXPECT_EQ(s[1].body[1].duration_s, 90.0);
    EXPECT_EQ(s[1].line, 3u);
}

// Bad descriptions: each names the line and column of the offending word and says what was expected.
struct BadCourse {
    const char* text;
    const char* message;
};

class CourseTextErrors : public testing::TestWithParam<BadCourse> {};

TEST_P(CourseTextErrors, NameThePositionAndTheReason) {
    EXPECT_ERROR(parse_course_text(GetParam().text), ErrorCode::invalid_argument, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CourseTextErrors,
    testing::Values(
        BadCourse{"", "course:1:1: error: the course is empty"},
        BadCourse{
            "fat 1000",
            "course:1:1: error: unknown statement 'fat' (expected flat, up, down, stop, turn or repeat)"},
        BadCourse{"flat", "course:1:5: error: 'flat' needs a length in metres, e.g. 'flat 1000'"},
        BadCourse{"flat -100", "course:1:6: error: 'flat' needs a length in metres"},
        BadCourse{"flat 0", "course:1:6: error: a length must be more than 0"},
        BadCourse{"flat 10mi", "course:1:6: error: unknown unit 'mi' in '10mi' (lengths take m or km)"},
        BadCourse{"flat 1000 +20",
                  "course:1:11: error: 'flat' takes only a length; use 'up' or 'down' for '+20'"},
        BadCourse{"up 1500", "course:1:8: error: 'up' needs a rise like +120 or a grade like 7%"},
        BadCourse{"up 1500 120",
                  "course:1:9: error: 'up' needs a rise like +120 or a grade like 7%, found '120'"},
        BadCourse{"up 1500 -120", "course:1:9: error: 'up' needs a rise like +120"},
        BadCourse{"down 600 +80",
                  "course:1:10: error: 'down' needs a drop like -80 or a grade like -7%, found '+80'"},
        BadCourse{"up 100 +60", "course:1:8: error: 60 m over 100 m is a grade of 60%, steeper than the 50%"},
        BadCourse{"up 100 +0", "course:1:8: error: 'up' needs a rise above 0; use 'flat' for level ground"},
        BadCourse{
            "up 100 +5 fast",
            "course:1:11: error: unknown effort 'fast' (expected easy, tempo, hard, sprint, jog or walk)"},
        BadCourse{"flat 100 up 100 +5", "course:1:10: error: expected ';' before 'up'"},
        BadCourse{"stop", "course:1:5: error: 'stop' needs a duration, e.g. 'stop 60' or 'stop 2min'"},
        BadCourse{"stop 2h", "course:1:6: error: unknown unit 'h' in '2h' (a stop takes s or min)"},
        BadCourse{"turn sideways", "course:1:6: error: unknown direction 'sideways'"},
        BadCourse{"turn 400", "course:1:6: error: a turn must be less than 360 degrees"},
        BadCourse{"repeat { flat 100 }", "course:1:8: error: 'repeat' needs a whole count from 1 to 1000"},
        BadCourse{"repeat 2.5 { flat 100 }", "course:1:8: error: 'repeat' needs a whole count"},
        BadCourse{"repeat 3 flat 100", "course:1:10: error: expected '{' after the repeat count"},
        BadCourse{"repeat 3 {\n  flat 100", "course:2:11: error: missing '}' to close the repeat at 1:1"},
        BadCourse{"repeat 3 { }", "course:1:12: error: a repeat needs at least one statement"},
        BadCourse{"flat 100 }", "course:1:10: error: unexpected '}' with no repeat to close"},
        BadCourse{
            "flat 100;\n  { flat 100 }",
            "course:2:3: error: expected a statement (flat, up, down, stop, turn or repeat), found '{'"},
        BadCourse{"repeat 1 { repeat 1 { repeat 1 { repeat 1 { repeat 1 { flat 1 } } } } }",
                  "course:1:45: error: repeats nest at most 4 deep"},
        BadCourse{"repeat 1000 { flat 1001 }",
                  "course:1:1: error: the course is 1001 km long, more than the 1000 km limit"},
        BadCourse{"stop 60", "course:1:1: error: the course has no distance"},
        BadCourse{"repeat 500 { stop 200 }; flat 100",
                  "course:1:1: error: the stops add up to more than 24 h"},
        BadCourse{"repeat 1000 { repeat 200 { flat 1 } }",
                  "course:1:1: error: the repeats unroll to more than 100000 statements"}));

// Never a crash, whatever is typed: 20000 seeded mutations of valid descriptions (characters and words of the
// language inserted, deleted and replaced) either parse into a course with finite totals or give an
// invalid_argument error placed inside the text. Run under ASan+UBSan by `make test`.
TEST(CourseText, SurvivesMutatedDescriptions) {
    const std::vector<std::string> seeds{"flat 1000; up 1500 +120; down 600 -80; flat 500",
                                         "repeat 6 { up 150 7% hard; down 150 -7% jog }; stop 60; turn left",
                                         "# c\nflat 1.5km\nrepeat 2 { repeat 3 { up 40 +4.8 sprint } }"};
    const std::vector<std::string> pieces{
        "{",      "}",    ";",         "\n", "#",   "+",   "-",  "%",    ".",    "0",    "9",
        "1e9",    "km",   "m",         "s",  "min", " ",   "up", "down", "flat", "stop", "turn",
        "repeat", "hard", "999999999", "-0", "nan", "inf", "\t", "\r",   "\x80", "\xff"};
    Random rng(2024);
    int parsed = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string text = seeds[static_cast<std::size_t>(rng.integer(0, 2))];
        const int edits = static_cast<int>(rng.integer(1, 4));
        for (int e = 0; e < edits; ++e) {
            const auto at = static_cast<std::size_t>(rng.integer(0, static_cast<long long>(text.size())));
            const std::string& piece = pieces[static_cast<std::size_t>(rng.integer(0, 31))];
            switch (rng.integer(0, 2)) {
                case 0:
                    text.insert(at, piece);
                    break;
                case 1:
                    text.erase(at, static_cast<std::size_t>(rng.integer(1, 5)));
                    break;
                default:
                    text.replace(at, piece.size(), piece);
                    break;
            }
        }
        const auto result = parse_course_text(text);
        if (result) {
            ++parsed;
            const Course c = Course::from_statements(*result);
            ASSERT_TRUE(std::isfinite(c.length_m()) && c.length_m() > 0.0) << text;
            ASSERT_TRUE(std::isfinite(c.ascent_m()) && std::isfinite(c.descent_m())) << text;
            ASSERT_LE(c.length_m(), k_max_course_length_m) << text;
        } else {
            ASSERT_EQ(result.error().code, core::ErrorCode::invalid_argument) << text;
            ASSERT_EQ(result.error().where.file, "course");
            ASSERT_TRUE(result.error().where.line.has_value());
        }
    }
    // Both outcomes are exercised.
    EXPECT_GT(parsed, 500);
    EXPECT_LT(parsed, 19000);
}

}  // namespace
}  // namespace hillcoach::synth
