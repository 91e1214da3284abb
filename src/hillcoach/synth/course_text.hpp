#pragma once
// The course description language: a course written as a short line of text, so that a test or an example
// says what it runs ("flat 1000; up 1500 +120; down 600 -80; flat 500") and its truth is known exactly.
//
//   course     = [statement {";" statement}]          newlines separate statements too; "#" starts a comment
//   statement  = "flat" length [effort]
//              | "up" length rise [effort]             rise  = "+12" (metres) or "7%" (grade)
//              | "down" length drop [effort]           drop  = "-80" (metres) or "-7%" / "7%" (grade)
//              | "stop" duration                       a standing pause: "stop 60", "stop 2min"
//              | "turn" angle                          "turn 90" (right), "turn -90", "turn
//              left|right|around" | "repeat" count "{" course "}"          the body run `count` times, on the
//              same ground
//   length     = number ["m" | "km"]                   horizontal distance
//   effort     = "easy" | "tempo" | "hard" | "sprint" | "jog" | "walk"
//
// docs/synth.md describes the language, the layout on the ground and the limits with examples.

#include <cstddef>
#include <string_view>
#include <vector>

#include "hillcoach/core/expected.hpp"

namespace hillcoach::synth {

// How hard the runner goes on a stretch; `automatic` leaves it to the runner's settings (runner.hpp).
enum class Effort : unsigned char { automatic, easy, tempo, hard, sprint, jog, walk };
std::string_view to_string(Effort effort);

enum class StatementKind : unsigned char { flat, up, down, stop, turn, repeat };
std::string_view to_string(StatementKind kind);

// One statement as written. Only the fields of its kind are set.
struct Statement {
    StatementKind kind = StatementKind::flat;
    double length_m = 0.0;    // flat, up, down: horizontal length (> 0)
    double rise_m = 0.0;      // up: > 0; down: < 0; flat: 0
    double duration_s = 0.0;  // stop: > 0
    double turn_deg = 0.0;    // turn: clockwise (to the right) positive, in (-360, 360)
    Effort effort = Effort::automatic;
    int count = 0;                  // repeat: 1..k_max_repeat_count
    std::vector<Statement> body{};  // repeat: the statements repeated (never empty)
    std::size_t line = 0;           // where the statement starts in the text, 1-based
    std::size_t column = 0;
};

// Limits that keep a description from asking for more than a real activity (and more memory than sensible).
inline constexpr int k_max_repeat_count = 1000;
inline constexpr int k_max_repeat_depth = 4;
inline constexpr double k_max_course_length_m = 1.0e6;  // 1000 km
inline constexpr double k_max_stop_s = 24.0 * 3600.0;
inline constexpr double k_max_grade = 0.5;              // 50 %: past Minetti's measured +-0.45
inline constexpr std::size_t k_max_stretches = 100000;  // statements after repeats are unrolled

// Parses a description. Errors are ErrorCode::invalid_argument located in a file named "course" with the
// line and column of the offending word: "course:1:17: error: 'up' needs a rise like +120 or a grade like
// 7%".
core::Expected<std::vector<Statement>> parse_course_text(std::string_view text);

}  // namespace hillcoach::synth
