#include "hillcoach/physiology/athlete_settings.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "hillcoach/physiology/course_steps.hpp"

namespace hillcoach::physiology {
namespace {

Setting given(double value, std::string how = "given") {
    return Setting{.value = value, .source = SettingSource::given, .how = std::move(how)};
}

std::string pace_text(double speed_m_s) {
    const long total = std::lround(1000.0 / speed_m_s);
    return fmt::format("{}:{:02}/km", total / 60, total % 60);
}

// The run's best heart rate held for the sustained-peak window (60 s) and for the threshold window (20 min),
// found in one sweep over the course.
struct HeldHeartRates {
    std::optional<double> peak_bpm;
    std::optional<double> threshold_bpm;
};

HeldHeartRates held_heart_rates(const CourseSteps& steps) {
    const auto best = best_window_averages<2>(
        steps, {k_sustained_peak_window_s, k_threshold_hr_window_s},
        [](const CourseStep& s) { return s.heart_rate_bpm * s.duration_s; },
        [](const CourseStep& s) { return std::isfinite(s.heart_rate_bpm) ? s.duration_s : 0.0; });
    return HeldHeartRates{.peak_bpm = best[0], .threshold_bpm = best[1]};
}

Setting resolve_max_hr(const AthleteProfile& p, const std::optional<double>& held) {
    if (p.max_hr_bpm) return given(*p.max_hr_bpm);
    const double age = p.age_years.value_or(k_default_age_years);
    const double by_age = k_tanaka_intercept_bpm - k_tanaka_slope_bpm_per_year * age;
    if (held && *held > by_age) {
        return Setting{.value = *held,
                       .source = SettingSource::estimated,
                       .how = fmt::format("this run's highest heart rate held for 60 s ({:.0f}), above 208 - 0.7 x "
                                          "age ({:.0f}); set --max-hr if you know it",
                                          *held, by_age)};
    }
    return Setting{.value = by_age,
                   .source = p.age_years ? SettingSource::estimated : SettingSource::defaulted,
                   .how = p.age_years ? fmt::format("208 - 0.7 x age {:.0f} (Tanaka 2001, +-10 beats/min)", age)
                                      : fmt::format("208 - 0.7 x age, age unknown so taken as {:.0f}; set --max-hr",
                                                    age)};
}

Setting resolve_rest_hr(const AthleteProfile& p) {
    if (p.rest_hr_bpm) return given(*p.rest_hr_bpm);
    return Setting{.value = k_default_rest_hr_bpm,
                   .source = SettingSource::defaulted,
                   .how = "a typical adult resting heart rate; a run never shows it: set --rest-hr"};
}

Setting resolve_threshold_hr(const AthleteProfile& p, const std::optional<double>& held, double max_hr,
                             double rest_hr) {
    if (p.threshold_hr_bpm) return given(*p.threshold_hr_bpm);
    const double by_reserve = rest_hr + k_threshold_reserve_fraction * (max_hr - rest_hr);
    if (held && *held > by_reserve && *held <= max_hr) {
        return Setting{.value = *held,
                       .source = SettingSource::estimated,
                       .how = fmt::format("this run's best 20-min average heart rate ({:.0f})", *held)};
    }
    return Setting{.value = by_reserve,
                   .source = SettingSource::estimated,
                   .how = "85 % of heart-rate reserve above resting; set --threshold-hr"};
}

// Mean GAP speed and mean heart rate over the moving steps that have a heart rate.
struct HeartRatePace {
    double speed_m_s = 0.0;
    double heart_rate_bpm = 0.0;
};

std::optional<HeartRatePace> heart_rate_pace(const CourseSteps& steps, GapModel model) {
    double seconds = 0.0;
    double flat_metres = 0.0;
    double beats = 0.0;
    const std::span<const CourseStep> all = steps.all();
    const std::span<const double> factors = steps.gap_factors(model);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const CourseStep& step = all[i];
        if (!std::isfinite(step.heart_rate_bpm)) continue;
        seconds += step.duration_s;
        flat_metres += factors[i] * step.distance_m;
        beats += step.heart_rate_bpm * step.duration_s;
    }
    if (!(seconds > 0.0) || !(flat_metres > 0.0)) return std::nullopt;
    return HeartRatePace{.speed_m_s = flat_metres / seconds, .heart_rate_bpm = beats / seconds};
}

std::optional<Setting> resolve_threshold_speed(const AthleteProfile& p, const CourseSteps& steps,
                                               GapModel model, double threshold_hr, double rest_hr) {
    if (p.threshold_speed_m_s) return given(*p.threshold_speed_m_s);
    const auto hr_pace = heart_rate_pace(steps, model);
    if (hr_pace && hr_pace->heart_rate_bpm - rest_hr >= k_min_reserve_for_pace_estimate_bpm) {
        const double speed = hr_pace->speed_m_s * (threshold_hr - rest_hr) / (hr_pace->heart_rate_bpm - rest_hr);
        return Setting{.value = speed,
                       .source = SettingSource::estimated,
                       .how = fmt::format("from this run's GAP {} at {:.0f} beats/min, scaled to threshold heart "
                                          "rate {:.0f} through heart-rate reserve; set --threshold-pace",
                                          pace_text(hr_pace->speed_m_s), hr_pace->heart_rate_bpm, threshold_hr)};
    }
    const auto best = best_window_average(
        steps, k_threshold_pace_window_s,
        [model](const CourseStep& s) { return gap_speed_factor(s.grade, model) * s.distance_m; },
        [](const CourseStep& s) { return s.duration_s; });
    if (best && *best > 0.0) {
        return Setting{.value = *best,
                       .source = SettingSource::estimated,
                       .how = "this run's best 30-min GAP, as if it were a threshold test: pace-TSS reads high "
                              "unless this run was hard; set --threshold-pace"};
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(SettingSource source) {
    switch (source) {
        case SettingSource::given: return "given";
        case SettingSource::estimated: return "estimated";
        case SettingSource::defaulted: return "defaulted";
    }
    return "defaulted";
}

std::optional<double> best_average_heart_rate_bpm(const terrain::Course& course, double window_s) {
    return best_window_average(
        CourseSteps(course), window_s, [](const CourseStep& s) { return s.heart_rate_bpm * s.duration_s; },
        [](const CourseStep& s) { return std::isfinite(s.heart_rate_bpm) ? s.duration_s : 0.0; });
}

AthleteSettings resolve_athlete_settings(const AthleteProfile& p, const terrain::Course& course) {
    return resolve_athlete_settings(p, CourseSteps(course));
}

AthleteSettings resolve_athlete_settings(const AthleteProfile& p, const CourseSteps& steps) {
    AthleteSettings s;
    s.mass_kg = p.mass_kg ? given(*p.mass_kg)
                          : Setting{.value = k_default_mass_kg,
                                    .source = SettingSource::defaulted,
                                    .how = "a round adult mass; energy scales with it: set --mass-kg"};
    s.sex = p.sex.value_or(Sex::unknown);
    s.sex_source = p.sex ? SettingSource::given : SettingSource::defaulted;
    s.age_years = p.age_years;
    s.gap_model = p.gap_model.value_or(k_default_gap_model);
    s.gap_model_source = p.gap_model ? SettingSource::given : SettingSource::defaulted;
    s.rest_hr_bpm = resolve_rest_hr(p);
    // Only a setting left to estimate needs the sweep.
    const HeldHeartRates held =
        p.max_hr_bpm && p.threshold_hr_bpm ? HeldHeartRates{} : held_heart_rates(steps);
    s.max_hr_bpm = resolve_max_hr(p, held.peak_bpm);
    // A given resting heart rate above an estimated maximum cannot both hold; the estimate yields.
    if (s.max_hr_bpm.source != SettingSource::given && !(s.max_hr_bpm.value > s.rest_hr_bpm.value)) {
        s.max_hr_bpm.value = s.rest_hr_bpm.value + 1.0;
    }
    s.threshold_hr_bpm = resolve_threshold_hr(p, held.threshold_bpm, s.max_hr_bpm.value, s.rest_hr_bpm.value);
    s.threshold_speed_m_s =
        resolve_threshold_speed(p, steps, s.gap_model, s.threshold_hr_bpm.value, s.rest_hr_bpm.value);
    if (p.zone_model) {
        s.zone_model = *p.zone_model;
        s.zone_model_source = SettingSource::given;
    } else {
        const bool only_threshold = p.threshold_hr_bpm && !p.max_hr_bpm;
        s.zone_model = only_threshold ? ZoneModel::threshold : k_default_zone_model;
        s.zone_model_source = SettingSource::defaulted;
    }
    return s;
}

}  // namespace hillcoach::physiology
