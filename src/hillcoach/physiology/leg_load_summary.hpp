#pragma once
// One line that says what a run did to the legs, generated from the muscle-load numbers (muscle_load.hpp):
//
//   "mostly concentric glute and hamstring work on 4 climbs (380 m up); 380 m of descent gave a high eccentric
//    quadriceps load (0.60 of a typical muscle-damage protocol): expect soreness in 1-3 days if this is new"
//
// Climbing part: when the run climbed at least k_hilly_m_per_km on average (or the analysis found climbs), the
// two groups (trunk aside) with the most concentric load on the uphill band; otherwise a flat-running load.
// Descent part: the quadriceps' eccentric load from lowering the body, as a fraction of what the typical
// downhill protocol of muscle-damage studies gives it (40 min at -12 % and 11.3 km/h: the medians of the
// protocols reviewed by Bontemps et al. 2020, Sports Med 50:2083). At a third of that dose or more the load is
// "high": downhill running at such doses makes unaccustomed runners sore, and the first bout protects against
// soreness for up to 6 weeks (Byrnes et al. 1985, J Appl Physiol 59:710), hence "if this is new". A tenth or
// more is "moderate". These two cut-offs are modelling choices anchored to that protocol, not measured limits.

#include <array>
#include <optional>
#include <string>

#include "hillcoach/physiology/muscle_load.hpp"

namespace hillcoach::physiology {

inline constexpr double k_hilly_m_per_km = 10.0;
inline constexpr double k_protocol_grade = -0.12;
inline constexpr double k_protocol_duration_s = 40.0 * 60.0;
inline constexpr double k_protocol_speed_along_slope_m_s = 11.3 / 3.6;
inline constexpr double k_high_protocol_fraction = 1.0 / 3.0;
inline constexpr double k_moderate_protocol_fraction = 0.1;

enum class DescentLoadLevel : unsigned char { none, low, moderate, high };
std::string_view to_string(DescentLoadLevel level);

struct LegLoadContext {
    std::optional<std::size_t> climb_count{};   // from the analysis' climbs, when known
    std::optional<double> ascent_m{};
    std::optional<double> descent_m{};
};

struct LegLoadSummary {
    std::string text{};
    bool hilly = false;
    std::array<MuscleGroup, 2> main_concentric{MuscleGroup::calves, MuscleGroup::quadriceps};
    DescentLoadLevel quadriceps_eccentric = DescentLoadLevel::none;
    double protocol_fraction = 0.0;   // quadriceps lowering load / the protocol's
};

// The quadriceps lowering load (points) of the reference damage protocol.
double damage_protocol_quadriceps_load();

LegLoadSummary summarize_leg_load(const MuscleLoad& load, const LegLoadContext& context);

}  // namespace hillcoach::physiology
