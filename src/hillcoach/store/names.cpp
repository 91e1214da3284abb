#include "hillcoach/store/names.hpp"

namespace hillcoach::store {
namespace {

// Every value from the first to `last` (the enums are contiguous from 0 and end with `last`).
template <class Enum>
std::optional<Enum> find_name(std::string_view name, Enum last) {
    for (int v = 0; v <= static_cast<int>(last); ++v) {
        const auto value = static_cast<Enum>(v);
        if (to_string(value) == name) return value;
    }
    return std::nullopt;
}

}  // namespace

std::optional<core::Sport> sport_from_name(std::string_view name) {
    return find_name(name, core::Sport::unknown);
}

std::optional<analysis::SessionType> session_type_from_name(std::string_view name) {
    return find_name(name, analysis::SessionType::unknown);
}

std::optional<physiology::MuscleGroup> muscle_group_from_name(std::string_view name) {
    for (physiology::MuscleGroup g : physiology::k_muscle_groups)
        if (physiology::to_string(g) == name) return g;
    return std::nullopt;
}

}  // namespace hillcoach::store
