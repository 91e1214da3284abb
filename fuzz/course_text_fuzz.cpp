// Fuzz target for the course description language (synth/course_text.hpp) and the course built from it
// (synth::Course::parse): any text gives a course within the documented limits, or an error located in
// "course" with a line and column, never a crash, a hang or undefined behaviour.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hillcoach/synth/course.hpp"
#include "hillcoach/synth/course_text.hpp"

namespace {

using namespace hillcoach;

void check_statements(const std::vector<synth::Statement>& statements, int depth) {
    if (depth > synth::k_max_repeat_depth) std::abort();
    for (const auto& s : statements) {
        if (s.line == 0 || s.column == 0) std::abort();
        switch (s.kind) {
            case synth::StatementKind::flat:
            case synth::StatementKind::up:
            case synth::StatementKind::down:
                if (!(s.length_m > 0.0) || !std::isfinite(s.rise_m)) std::abort();
                break;
            case synth::StatementKind::stop:
                if (!(s.duration_s > 0.0 && s.duration_s <= synth::k_max_stop_s)) std::abort();
                break;
            case synth::StatementKind::turn:
                if (!(std::abs(s.turn_deg) < 360.0)) std::abort();
                break;
            case synth::StatementKind::repeat:
                if (s.count < 1 || s.count > synth::k_max_repeat_count || s.body.empty()) std::abort();
                check_statements(s.body, depth + 1);
                break;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto statements = synth::parse_course_text(text);
    if (!statements) {
        const auto& where = statements.error().where;
        if (statements.error().code != core::ErrorCode::invalid_argument || where.file != "course" ||
            !where.line || !where.column) {
            std::abort();  // every course error is an invalid_argument that says where
        }
        return 0;
    }
    check_statements(*statements, 1);
    const auto course = synth::Course::parse(text);
    if (!course) return 0;  // a limit on the unrolled course (length, stretches) may still refuse it
    if (!(course->length_m() >= 0.0 && course->length_m() <= synth::k_max_course_length_m)) std::abort();
    if (!std::isfinite(course->ascent_m()) || !std::isfinite(course->descent_m())) std::abort();
    if (course->stretches().size() > synth::k_max_stretches) std::abort();
    return 0;
}
