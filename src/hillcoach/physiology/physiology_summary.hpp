#pragma once
// Everything the physiology module says about one run, from one call: the athlete settings used (and which
// were estimated), grade-adjusted pace, energy, heart-rate zones and load, pace load, and muscle load with its
// one-line summary. Each part is nullopt where its input is missing (no elevation: no GAP, no muscle load; no
// heart rate: no zones, TRIMP or hr_tss); `notes` says why in plain words.
//
// Cost: a handful of passes over the samples, O(n), one allocation for the per-sample GAP series.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/physiology/athlete_profile.hpp"
#include "hillcoach/physiology/athlete_settings.hpp"
#include "hillcoach/physiology/calories.hpp"
#include "hillcoach/physiology/grade_adjusted_pace.hpp"
#include "hillcoach/physiology/heart_rate_zones.hpp"
#include "hillcoach/physiology/leg_load_summary.hpp"
#include "hillcoach/physiology/muscle_load.hpp"
#include "hillcoach/physiology/training_load.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology {

struct PaceLoad {
    double moving_s = 0.0;
    double speed_m_s = 0.0;            // average GAP speed (plain speed without elevation)
    double threshold_speed_m_s = 0.0;
    double intensity_factor = 0.0;
    double pace_tss = 0.0;
    bool grade_adjusted = true;        // false: no elevation, plain pace used
};

struct PhysiologyResult {
    AthleteSettings athlete{};
    std::optional<GradeAdjustedPace> gap{};
    std::optional<EnergyEstimate> energy{};
    HeartRateZones zones{};
    std::optional<std::array<double, k_zone_count>> time_in_zones_s{};
    std::optional<double> trimp{};
    std::optional<double> hr_tss{};
    std::optional<PaceLoad> pace{};
    std::optional<MuscleLoad> muscle_load{};
    std::optional<LegLoadSummary> leg_load{};
    std::vector<std::string> notes{};

    // The names of the settings that were estimated or defaulted ("mass_kg", "max_hr_bpm", ...).
    std::vector<std::string> estimated_settings() const;
    std::vector<std::string> defaulted_settings() const;
};

PhysiologyResult analyze_physiology(const terrain::Course& course, const AthleteProfile& profile,
                                    const LegLoadContext& leg_context = {});
// The same from the course's steps already read (a caller that also wants muscle_load_by_stretch).
PhysiologyResult analyze_physiology(const CourseSteps& steps, const AthleteProfile& profile,
                                    const LegLoadContext& leg_context = {});

}  // namespace hillcoach::physiology
