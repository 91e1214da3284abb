#include "hillcoach/physiology/training_load.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "hillcoach/physiology/course_steps.hpp"

namespace hillcoach::physiology {
namespace {

constexpr double k_seconds_per_minute = 60.0;
constexpr double k_stress_reference_s = 3600.0;  // one hour at threshold scores 100
constexpr double k_stress_full_score = 100.0;

double weight_for(double x, const TrimpCoefficients& c) { return c.a * std::exp(c.b * x); }

}  // namespace

double trimp_weight(double heart_rate_reserve_fraction, Sex sex) {
    const double x = std::clamp(heart_rate_reserve_fraction, 0.0, 1.0);
    switch (sex) {
        case Sex::male: return weight_for(x, k_trimp_men);
        case Sex::female: return weight_for(x, k_trimp_women);
        case Sex::unknown: break;
    }
    return 0.5 * (weight_for(x, k_trimp_men) + weight_for(x, k_trimp_women));
}

double heart_rate_reserve_fraction(double heart_rate_bpm, const HeartRateAnchors& anchors) {
    const double reserve = anchors.max_hr_bpm - anchors.rest_hr_bpm;
    if (std::isnan(heart_rate_bpm) || !(reserve > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    return std::clamp((heart_rate_bpm - anchors.rest_hr_bpm) / reserve, 0.0, 1.0);
}

double banister_trimp(const SteadyEffort& effort, const HeartRateAnchors& anchors, Sex sex) {
    const double x = heart_rate_reserve_fraction(effort.heart_rate_bpm, anchors);
    if (std::isnan(x)) return x;
    return effort.duration_s / k_seconds_per_minute * x * trimp_weight(x, sex);
}

std::optional<double> banister_trimp(const terrain::Course& course, const HeartRateAnchors& anchors, Sex sex) {
    return banister_trimp(CourseSteps(course), anchors, sex);
}

std::optional<double> banister_trimp(const CourseSteps& steps, const HeartRateAnchors& anchors, Sex sex) {
    if (!(anchors.max_hr_bpm > anchors.rest_hr_bpm)) return std::nullopt;
    double trimp = 0.0;
    bool any = false;
    // Heart rate moves by whole beats and often holds from one second to the next: the exponential weight is
    // worked out again only when it changes (the same numbers, a fraction of the exp calls).
    double last_hr = std::numeric_limits<double>::quiet_NaN();
    double x = 0.0;
    double weight = 0.0;
    for (const CourseStep& step : steps.all()) {
        if (!std::isfinite(step.heart_rate_bpm)) continue;
        if (step.heart_rate_bpm != last_hr) {
            last_hr = step.heart_rate_bpm;
            x = heart_rate_reserve_fraction(step.heart_rate_bpm, anchors);
            weight = trimp_weight(x, sex);
        }
        trimp += step.duration_s / k_seconds_per_minute * x * weight;
        any = true;
    }
    if (!any) return std::nullopt;
    return trimp;
}

double heart_rate_stress_score(double trimp, double threshold_hr_bpm, const HeartRateAnchors& anchors, Sex sex) {
    const double hour_at_threshold = banister_trimp(
        SteadyEffort{.duration_s = k_stress_reference_s, .heart_rate_bpm = threshold_hr_bpm}, anchors, sex);
    return k_stress_full_score * trimp / hour_at_threshold;
}

double pace_intensity_factor(const PaceStressInput& input) {
    return input.gap_speed_m_s / input.threshold_speed_m_s;
}

double pace_stress_score(const PaceStressInput& input) {
    const double intensity = pace_intensity_factor(input);
    return k_stress_full_score * input.duration_s / k_stress_reference_s * intensity * intensity;
}

}  // namespace hillcoach::physiology
