#include "hillcoach/plan/session_text.hpp"

#include <cmath>

#include <fmt/format.h>

namespace hillcoach::plan {
namespace {

std::string seconds_or_minutes(double s) {
    if (s < 90.0) return fmt::format("{:.0f} s", s);
    return minutes_text(s);
}

}  // namespace

std::string minutes_text(double s) {
    const long minutes = std::lround(s / 60.0);
    if (minutes < 60) return fmt::format("{} min", minutes);
    return fmt::format("{}:{:02} h", minutes / 60, minutes % 60);
}

std::string metres_text(double m) {
    return m >= 1000.0 ? fmt::format("{:.1f} km", m / 1000.0) : fmt::format("{:.0f} m", m);
}

std::string effort_word(Effort e) {
    switch (e) {
        case Effort::walk:
            return "walk";
        case Effort::easy:
            return "easy";
        case Effort::steady:
            return "steady";
        case Effort::marathon:
            return "marathon pace";
        case Effort::threshold:
            return "threshold";
        case Effort::hard:
            return "hard";
        case Effort::sprint:
            return "sprint";
    }
    return "";
}

std::string step_text(const Step& s, const LengthText& length) {
    const std::string amount =
        s.distance_m ? length(*s.distance_m) : seconds_or_minutes(s.duration_s.value_or(0.0));
    std::string text = amount + " " + effort_word(s.effort);
    if (s.kind == StepKind::warmup) text += " warm-up";
    if (s.kind == StepKind::cooldown) text += " cool-down";
    if (s.kind == StepKind::strides) text += " stride";
    if (s.grade > 0.0) text += fmt::format(" up {:.0f} %", s.grade * 100.0);
    if (s.grade < 0.0) text += fmt::format(" down {:.0f} %", -s.grade * 100.0);
    return text;
}

std::string steps_text(const Session& s, const LengthText& length) {
    if (s.kind == SessionKind::race && !s.steps.empty()) {
        // The race's steps are one climb and one descent of its height, which is how its time and load are
        // estimated; written out they would read as one hill of 21 km at 11 %. Its length and effort are what
        // the runner needs (its climbing is on the session's numbers line).
        return fmt::format("{} at {}", length(s.distance_m),
                           effort_word(s.steps.front().steps.front().effort));
    }
    std::string out;
    for (const StepBlock& b : s.steps) {
        std::string block;
        for (const Step& st : b.steps) block += (block.empty() ? "" : ", ") + step_text(st, length);
        if (b.repeats > 1) block = fmt::format("{} x [{}]", b.repeats, block);
        out += (out.empty() ? "" : "; ") + block;
    }
    return out;
}

std::string exercise_text(const Exercise& e) {
    std::string text = fmt::format("{} x {}", e.sets, e.reps);
    if (!e.tempo.empty()) text += fmt::format(", tempo {} (down-pause-up s)", e.tempo);
    if (!e.load.empty()) text += ", " + e.load;
    return text;
}

std::string session_numbers_text(const Session& s) {
    if (s.kind == SessionKind::rest) return "";
    if (s.kind == SessionKind::strength) return minutes_text(s.duration_s);
    std::string text = fmt::format("{}, {}", minutes_text(s.duration_s), metres_text(s.distance_m));
    if (s.ascent_m >= 1.0) text += fmt::format(", +{:.0f} m", s.ascent_m);
    return text;
}

}  // namespace hillcoach::plan
