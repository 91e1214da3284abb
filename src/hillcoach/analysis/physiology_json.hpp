#pragma once
// The physiology of an analysis as JSON keys, in this order (analysis_json.hpp's conventions: SI units named in the key,
// null where an input is missing, numbers rounded to what they mean). analysis_json() merges these keys into
// the activity's object; docs/cli.md lists them. The keys:
//
//   gap_s_per_km, gap_speed_m_s, flat_equivalent_distance_m, gap_model     (null without elevation)
//   energy_kj, kcal, acsm_kcal                                           (net of rest; Minetti and ACSM)
//   trimp, hr_tss, time_in_zones_s [z1..z5], hr_zones {model, zones: [{zone, from_bpm, to_bpm}]}
//   pace_tss, intensity_factor, threshold_pace_s_per_km
//   muscle_load {group: {concentric, eccentric}} for quadriceps, hamstrings, glutes, calves, hip_flexors,
//   trunk
//     (load points: 100 = a flat 10 km at 3.0 m/s), muscle_load_bands {uphill|downhill|flat: {group: {...}}},
//     muscle_load_stretches [{kind, start_m, end_m, load: {group: {...}}}], leg_load (the one-line summary),
//     quadriceps_descent_load {level, protocol_fraction}
//   athlete {setting: {value, source, how}}, estimated_settings [...], defaulted_settings [...],
//   physiology_notes

#include <nlohmann/json.hpp>

#include "hillcoach/physiology/muscle_load.hpp"
#include "hillcoach/physiology/physiology_summary.hpp"

namespace hillcoach::analysis {

nlohmann::ordered_json physiology_json(const physiology::PhysiologyResult& result,
                               const std::vector<physiology::StretchLoad>& stretches = {});

nlohmann::ordered_json muscle_profile_json(const physiology::MuscleProfile& profile);

}  // namespace hillcoach::analysis
