#pragma once
// The athlete settings an analysis runs with: each one given (profile file or flag), estimated from the run,
// or defaulted, and the output says which and how (docs/models.md, "Athlete settings, defaults and estimates").
//
//   mass        given, else 70 kg (defaulted). Energy scales with it in proportion.
//   sex         given, else unknown: TRIMP uses the mean of the men's and women's weightings.
//   max HR      given, else the larger of this run's highest heart rate held for 60 s (a lower bound on the
//               true maximum: nobody exceeds it) and 208 - 0.7 x age (H. Tanaka, K. D. Monahan, D. R. Seals,
//               "Age-predicted maximal heart rate revisited", J Am Coll Cardiol 37(1), 153-156, 2001,
//               doi:10.1016/S0735-1097(00)01054-8; SD about 10 beats/min), age 40 when unknown (180).
//   rest HR     given, else 60 beats/min (defaulted): a run never shows resting heart rate.
//   threshold HR  given, else the larger of rest + 0.85 (max - rest) and this run's best 20-min average heart
//               rate (J. Friel's field test takes the last 20 min of a 30-min all-out effort as LTHR, so a
//               sustained 20-min average is about threshold or below it).
//   threshold pace  given, else, with heart rate, the GAP speed the run's heart rate points to: the fraction of
//               heart-rate reserve tracks the fraction of VO2 reserve (D. P. Swain, B. C. Leutholtz, Med Sci
//               Sports Exerc 29(3), 410-414, 1997) and net VO2 grows in proportion to speed (Minetti: cost per
//               metre independent of speed), so v_threshold = v_gap x (HRthr - rest) / (HRavg - rest).
//               Without heart rate, the best 30-min GAP effort of this run (Friel's 30-min test): right for a
//               hard run, too slow for an easy one (pace-TSS then reads high; the note says so).
//   zones       given, else "threshold" when only the threshold heart rate is given, "reserve" otherwise.
//   GAP model   given, else heart-rate (grade_adjusted_pace.hpp says why).

#include <optional>
#include <string>
#include <string_view>

#include "hillcoach/physiology/athlete_profile.hpp"
#include "hillcoach/physiology/course_steps.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology {

inline constexpr double k_default_mass_kg = 70.0;
inline constexpr double k_default_rest_hr_bpm = 60.0;
inline constexpr double k_default_age_years = 40.0;
inline constexpr double k_tanaka_intercept_bpm = 208.0;
inline constexpr double k_tanaka_slope_bpm_per_year = 0.7;
inline constexpr double k_sustained_peak_window_s = 60.0;     // a heart rate "held", not a sensor spike
inline constexpr double k_threshold_reserve_fraction = 0.85;  // LTHR estimate from reserve (Elevate's default)
inline constexpr double k_threshold_hr_window_s = 20.0 * 60.0;
inline constexpr double k_threshold_pace_window_s = 30.0 * 60.0;
// The run's average heart rate must be this far above resting for the reserve extrapolation to mean anything.
inline constexpr double k_min_reserve_for_pace_estimate_bpm = 15.0;

enum class SettingSource : unsigned char { given, estimated, defaulted };
// "given", "estimated", "defaulted".
std::string_view to_string(SettingSource source);

struct Setting {
    double value = 0.0;
    SettingSource source = SettingSource::defaulted;
    std::string how{};       // one line: where the value came from ("this run's highest 60-s heart rate")
};

struct AthleteSettings {
    Setting mass_kg{};
    Sex sex = Sex::unknown;
    SettingSource sex_source = SettingSource::defaulted;
    std::optional<double> age_years{};
    Setting max_hr_bpm{};
    Setting rest_hr_bpm{};
    Setting threshold_hr_bpm{};
    std::optional<Setting> threshold_speed_m_s{};   // nullopt: neither given nor estimable (pace-TSS is null)
    ZoneModel zone_model = k_default_zone_model;
    SettingSource zone_model_source = SettingSource::defaulted;
    GapModel gap_model = k_default_gap_model;
    SettingSource gap_model_source = SettingSource::defaulted;
};

// Fills every setting the profile leaves open, from the course where it can (see above).
AthleteSettings resolve_athlete_settings(const AthleteProfile& profile, const terrain::Course& course);
AthleteSettings resolve_athlete_settings(const AthleteProfile& profile, const CourseSteps& steps);

// The highest average heart rate held over `window_s` of moving time; nullopt without heart rate or when the
// run is shorter.
std::optional<double> best_average_heart_rate_bpm(const terrain::Course& course, double window_s);

}  // namespace hillcoach::physiology
