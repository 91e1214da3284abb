#include "hillcoach/physiology/heart_rate_zones.hpp"

#include <cmath>

#include "hillcoach/physiology/course_steps.hpp"

namespace hillcoach::physiology {
namespace {

constexpr std::array<double, k_zone_count - 1> k_max_fractions{0.60, 0.70, 0.80, 0.90};      // of max
constexpr std::array<double, k_zone_count - 1> k_reserve_fractions{0.60, 0.70, 0.80, 0.90};  // of reserve
constexpr std::array<double, k_zone_count - 1> k_threshold_fractions{0.85, 0.90, 0.95, 1.00};  // of LTHR (Friel)

}  // namespace

std::string_view to_string(ZoneModel model) {
    switch (model) {
        case ZoneModel::max_hr: return "max";
        case ZoneModel::reserve: return "reserve";
        case ZoneModel::threshold: return "threshold";
    }
    return "reserve";
}

std::optional<ZoneModel> zone_model_from_text(std::string_view text) {
    if (text == "max") return ZoneModel::max_hr;
    if (text == "reserve" || text == "karvonen") return ZoneModel::reserve;
    if (text == "threshold" || text == "lthr") return ZoneModel::threshold;
    return std::nullopt;
}

HeartRateZones heart_rate_zones(ZoneModel model, const ZoneAnchors& anchors) {
    HeartRateZones zones;
    zones.model = model;
    for (std::size_t z = 0; z < zones.lower_bounds_bpm.size(); ++z) {
        switch (model) {
            case ZoneModel::max_hr: zones.lower_bounds_bpm[z] = k_max_fractions[z] * anchors.max_hr_bpm; break;
            case ZoneModel::reserve:
                zones.lower_bounds_bpm[z] =
                    anchors.rest_hr_bpm + k_reserve_fractions[z] * (anchors.max_hr_bpm - anchors.rest_hr_bpm);
                break;
            case ZoneModel::threshold:
                zones.lower_bounds_bpm[z] = k_threshold_fractions[z] * anchors.threshold_hr_bpm;
                break;
        }
    }
    return zones;
}

int zone_of(const HeartRateZones& zones, double heart_rate_bpm) {
    int zone = 1;
    for (double bound : zones.lower_bounds_bpm) {
        if (heart_rate_bpm >= bound) ++zone;
    }
    return zone;
}

std::optional<std::array<double, k_zone_count>> time_in_zones_s(const terrain::Course& course,
                                                                const HeartRateZones& zones) {
    return time_in_zones_s(CourseSteps(course), zones);
}

std::optional<std::array<double, k_zone_count>> time_in_zones_s(const CourseSteps& steps,
                                                                const HeartRateZones& zones) {
    std::array<double, k_zone_count> seconds{};
    bool any = false;
    for (const CourseStep& step : steps.all()) {
        if (!std::isfinite(step.heart_rate_bpm)) continue;
        seconds[static_cast<std::size_t>(zone_of(zones, step.heart_rate_bpm) - 1)] += step.duration_s;
        any = true;
    }
    if (!any) return std::nullopt;
    return seconds;
}

}  // namespace hillcoach::physiology
