#include "hillcoach/physiology/leg_load_summary.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace hillcoach::physiology {
namespace {

// The two groups, trunk aside, with the most concentric load on the uphill band.
std::array<MuscleGroup, 2> top_uphill_groups(const MuscleLoad& load) {
    std::array<MuscleGroup, 5> legs{MuscleGroup::quadriceps, MuscleGroup::hamstrings, MuscleGroup::glutes,
                                    MuscleGroup::calves, MuscleGroup::hip_flexors};
    std::stable_sort(legs.begin(), legs.end(), [&](MuscleGroup a, MuscleGroup b) {
        return load.uphill.concentric_of(a) > load.uphill.concentric_of(b);
    });
    return {legs[0], legs[1]};
}

std::string climbing_part(const LegLoadSummary& s, const LegLoadContext& c) {
    if (!s.hilly) {
        return fmt::format("a flat-running load: calf and quadriceps work in every stride, nothing hill-specific "
                           "(under {:.0f} m of climbing per km)",
                           k_hilly_m_per_km);
    }
    // "climbs" only when the analysis counted some; hills too small to be climbs are still uphill stretches.
    std::string where = "on the uphill stretches";
    if (c.climb_count && *c.climb_count > 0) {
        where = fmt::format("on {} climb{}", *c.climb_count, *c.climb_count == 1 ? "" : "s");
    }
    const std::string up = c.ascent_m ? fmt::format(" ({:.0f} m up)", *c.ascent_m) : std::string{};
    return fmt::format("mostly concentric {} and {} work {}{}", adjective(s.main_concentric[0]),
                       adjective(s.main_concentric[1]), where, up);
}

std::string descent_part(const LegLoadSummary& s, const LegLoadContext& c) {
    if (s.quadriceps_eccentric == DescentLoadLevel::none) return "no descent to speak of: little eccentric load";
    const std::string drop = c.descent_m ? fmt::format("{:.0f} m of descent", *c.descent_m) : "the descents";
    const std::string head = fmt::format("{} gave a {} eccentric quadriceps load ({:.2f} of a typical "
                                         "muscle-damage protocol)",
                                         drop, to_string(s.quadriceps_eccentric), s.protocol_fraction);
    switch (s.quadriceps_eccentric) {
        case DescentLoadLevel::high: return head + ": expect soreness in 1-3 days if this is new";
        case DescentLoadLevel::moderate: return head + ": some stiffness if you have not run downhill lately";
        default: return head;
    }
}

}  // namespace

std::string_view to_string(DescentLoadLevel level) {
    switch (level) {
        case DescentLoadLevel::none: return "none";
        case DescentLoadLevel::low: return "low";
        case DescentLoadLevel::moderate: return "moderate";
        case DescentLoadLevel::high: return "high";
    }
    return "no";
}

double damage_protocol_quadriceps_load() {
    const double horizontal_speed =
        k_protocol_speed_along_slope_m_s / std::sqrt(1.0 + k_protocol_grade * k_protocol_grade);
    const double drop = horizontal_speed * k_protocol_duration_s * -k_protocol_grade;
    return quadriceps_lowering_load(drop, k_protocol_grade, horizontal_speed);
}

LegLoadSummary summarize_leg_load(const MuscleLoad& load, const LegLoadContext& context) {
    LegLoadSummary s;
    const double km = load.distance_m / 1000.0;
    const bool climbed = context.ascent_m && km > 0.0 && *context.ascent_m / km >= k_hilly_m_per_km;
    s.hilly = climbed || (context.climb_count && *context.climb_count > 0);
    if (s.hilly) s.main_concentric = top_uphill_groups(load);

    const double quadriceps = load.lowering.eccentric_of(MuscleGroup::quadriceps);
    s.protocol_fraction = quadriceps / damage_protocol_quadriceps_load();
    // Under one point (about 5 m of descent) there is nothing to say.
    if (quadriceps < 1.0) {
        s.quadriceps_eccentric = DescentLoadLevel::none;
    } else if (s.protocol_fraction >= k_high_protocol_fraction) {
        s.quadriceps_eccentric = DescentLoadLevel::high;
    } else if (s.protocol_fraction >= k_moderate_protocol_fraction) {
        s.quadriceps_eccentric = DescentLoadLevel::moderate;
    } else {
        s.quadriceps_eccentric = DescentLoadLevel::low;
    }
    s.text = climbing_part(s, context) + "; " + descent_part(s, context);
    return s;
}

}  // namespace hillcoach::physiology
