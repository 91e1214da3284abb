#pragma once
// Heart-rate zones and the time spent in each.
//
// Five zones, from one of three anchors (the runner chooses; docs/models.md, "Heart-rate zones"):
//
//   max        zones 2..5 start at 60, 70, 80, 90 % of maximum heart rate (the five 10 % bands from 50 % that
//              Garmin and Polar watches use by default).
//   reserve    the same fractions of heart-rate reserve above resting: rest + f (max - rest). M. J. Karvonen,
//              E. Kentala, O. Mustala, "The effects of training on heart rate; a longitudinal study", Ann Med
//              Exp Biol Fenn 35(3), 307-315 (1957). Preferred when resting heart rate is known: the same
//              fraction of reserve is about the same fraction of VO2 reserve (Swain & Leutholtz 1997).
//   threshold  J. Friel's running zones from lactate-threshold heart rate (LTHR, the average of the last 20 min
//              of a 30-min solo time trial): zones 2..5 start at 85, 90, 95, 100 % of LTHR (Friel's 5a-5c are
//              one zone 5 here). J. Friel, "Quick guide to setting zones", TrainingPeaks.
//
// Zone 1 has no lower bound and zone 5 no upper bound: every second with a heart rate lands in a zone, so the
// zone times add up to the time with heart rate (a warm-up walk below 50 % counts as zone 1, easy).
// Time in zones counts moving steps only (course_steps.hpp): the device's timer time, not its pauses.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "hillcoach/physiology/course_steps.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology {

enum class ZoneModel : unsigned char { max_hr, reserve, threshold };
inline constexpr ZoneModel k_default_zone_model = ZoneModel::reserve;

// "max", "reserve", "threshold".
std::string_view to_string(ZoneModel model);
std::optional<ZoneModel> zone_model_from_text(std::string_view text);

inline constexpr std::size_t k_zone_count = 5;

struct ZoneAnchors {
    double max_hr_bpm = 0.0;
    double rest_hr_bpm = 0.0;
    double threshold_hr_bpm = 0.0;
};

struct HeartRateZones {
    ZoneModel model = k_default_zone_model;
    // Lower bound of zones 2, 3, 4 and 5, beats/min, ascending.
    std::array<double, k_zone_count - 1> lower_bounds_bpm{};
};

HeartRateZones heart_rate_zones(ZoneModel model, const ZoneAnchors& anchors);

// 1..5.
int zone_of(const HeartRateZones& zones, double heart_rate_bpm);

// Seconds in zones 1..5 (index 0..4); nullopt when no moving step has a heart rate.
std::optional<std::array<double, k_zone_count>> time_in_zones_s(const terrain::Course& course,
                                                                const HeartRateZones& zones);
std::optional<std::array<double, k_zone_count>> time_in_zones_s(const CourseSteps& steps,
                                                                const HeartRateZones& zones);

}  // namespace hillcoach::physiology
