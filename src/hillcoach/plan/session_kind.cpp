#include "hillcoach/plan/session_kind.hpp"

#include <array>

namespace hillcoach::plan {
namespace {

// Hill sprints are short and fully recovered, yet they are a focused hill session and load the calves and
// hamstrings near their maximum, so they count as hard too: the 48 h rule applies to them.
constexpr std::array k_kinds{
    SessionKindInfo{SessionKind::rest, "rest", "Rest", false, false, false},
    SessionKindInfo{SessionKind::easy, "easy", "Easy run", true, false, false},
    SessionKindInfo{SessionKind::long_run, "long", "Long run", true, false, true},
    SessionKindInfo{SessionKind::flat_quality, "flat_quality", "Flat quality run", true, false, true},
    SessionKindInfo{SessionKind::hill_sprints, "hill_sprints", "Hill sprints", true, true, true},
    SessionKindInfo{SessionKind::short_hill_repeats, "short_hill_repeats", "Short hill repeats", true, true,
                    true},
    SessionKindInfo{SessionKind::long_hill_repeats, "long_hill_repeats", "Long hill repeats", true, true,
                    true},
    SessionKindInfo{SessionKind::hill_circuit, "hill_circuit", "Hill circuit", true, true, true},
    SessionKindInfo{SessionKind::hilly_long, "hilly_long", "Hilly long run", true, false, true},
    SessionKindInfo{SessionKind::downhill_repeats, "downhill_repeats", "Controlled downhill repeats", true,
                    true, true},
    SessionKindInfo{SessionKind::stadium, "stadium", "Stadium steps", true, true, true},
    SessionKindInfo{SessionKind::treadmill_hills, "treadmill_hills", "Treadmill hills", true, true, true},
    SessionKindInfo{SessionKind::strength, "strength", "Strength", false, false, false},
    SessionKindInfo{SessionKind::race, "race", "Race", true, false, true},
};

}  // namespace

std::span<const SessionKindInfo> session_kinds() {
    return k_kinds;
}

const SessionKindInfo& info(SessionKind kind) {
    return k_kinds[static_cast<std::size_t>(kind)];
}

std::string_view to_string(SessionKind kind) {
    return info(kind).name;
}

std::optional<SessionKind> session_kind_from_text(std::string_view name) {
    for (const SessionKindInfo& k : k_kinds) {
        if (k.name == name) return k.kind;
    }
    return std::nullopt;
}

}  // namespace hillcoach::plan
