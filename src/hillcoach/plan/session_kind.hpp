#pragma once
// The kinds of session a plan holds, with what each is (a focused hill session, a hard day, a run at all) as
// one table, so the planner, the checks and every export read the same facts. docs/plan.md lists the names.

#include <optional>
#include <span>
#include <string_view>

namespace hillcoach::plan {

enum class SessionKind : unsigned char {
    rest,
    easy,
    long_run,
    flat_quality,
    hill_sprints,
    short_hill_repeats,
    long_hill_repeats,
    hill_circuit,
    hilly_long,
    downhill_repeats,
    stadium,
    treadmill_hills,
    strength,
    race,
};

struct SessionKindInfo {
    SessionKind kind = SessionKind::rest;
    std::string_view name = {};   // as in JSON: "short_hill_repeats"
    std::string_view title = {};  // as a runner reads it: "Short hill repeats"
    bool run = false;             // a run (or hike) rather than rest or gym work
    bool focus_hill = false;      // a focused hill session: the climbing is the point (at most two a week)
    bool hard = false;            // a hard day: no other hard day right before or after it
};

std::span<const SessionKindInfo> session_kinds();
const SessionKindInfo& info(SessionKind kind);
std::string_view to_string(SessionKind kind);
std::optional<SessionKind> session_kind_from_text(std::string_view name);

}  // namespace hillcoach::plan
