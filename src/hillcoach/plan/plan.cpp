#include "hillcoach/plan/plan.hpp"

#include <array>

namespace hillcoach::plan {
namespace {

constexpr std::array<std::string_view, 4> k_phases{"base", "hill_strength", "specific", "taper"};
constexpr std::array<std::string_view, 7> k_efforts{"walk",      "easy", "steady", "marathon",
                                                    "threshold", "hard", "sprint"};
constexpr std::array<std::string_view, 7> k_steps{"warmup",  "run",      "climb",  "recover",
                                                  "descend", "cooldown", "strides"};

template <typename E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text) return static_cast<E>(i);
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(Phase phase) {
    return k_phases[static_cast<std::size_t>(phase)];
}
std::optional<Phase> phase_from_text(std::string_view text) {
    return find_name<Phase>(k_phases, text);
}
std::string_view to_string(Effort effort) {
    return k_efforts[static_cast<std::size_t>(effort)];
}
std::optional<Effort> effort_from_text(std::string_view text) {
    return find_name<Effort>(k_efforts, text);
}
std::string_view to_string(StepKind kind) {
    return k_steps[static_cast<std::size_t>(kind)];
}
std::optional<StepKind> step_kind_from_text(std::string_view text) {
    return find_name<StepKind>(k_steps, text);
}

WeekTotals totals(const Week& week) {
    WeekTotals t;
    Date last_day{};
    bool any_day = false;
    for (const Session& s : week.sessions) {
        if (s.kind == SessionKind::rest || s.status == "missed") continue;
        if (!any_day || s.date != last_day) {
            ++t.run_days;  // sessions are in date order; a day with a run and strength counts once
            last_day = s.date;
            any_day = true;
        }
        if (s.kind == SessionKind::race) continue;  // the race is the goal, not training volume
        t.duration_s += s.duration_s;
        t.distance_m += s.distance_m;
        t.ascent_m += s.ascent_m;
        t.descent_m += s.descent_m;
        t.downhill_run_m += s.downhill_run_m;
        if (s.kind == SessionKind::strength) {
            t.strength_load += s.load;
        } else {
            t.load += s.load;
        }
        if (s.focus_hill) ++t.focus_hill_sessions;
        if (s.hard) ++t.hard_sessions;
        if (s.kind == SessionKind::strength) ++t.strength_sessions;
    }
    return t;
}

}  // namespace hillcoach::plan
