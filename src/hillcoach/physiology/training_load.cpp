#include "hillcoach/physiology/training_load.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "hillcoach/physiology/course_steps.hpp"

namespace hillcoach::physiology {
namespace {

constexpr double k_seconds_per_minute = 60.0;
constexpr double k_stress_reference_s = 3600.0;  // one hour at threshold scores 100
constexpr double k_stress_full_score = 100.0;

double weight_for(double x, const TrimpCoefficients& c) { return c.a * std::exp(c.b * x); }

// A step's heart rate is the mean of its two ends, and heart rate is recorded in whole beats: a run has a few
// hundred distinct values. Their reserve fractions and exponential weights are kept by value in a small
// direct-mapped table (the same numbers as computed afresh, without two exp calls a step).
class WeightCache {
  public:
    struct Entry {
        double heart_rate_bpm = std::numeric_limits<double>::quiet_NaN();  // never equal: empty
        double x = 0.0;
        double weight = 0.0;
    };

    WeightCache(const HeartRateAnchors& anchors, Sex sex) : m_anchors(anchors), m_sex(sex) {}

    const Entry& at(double heart_rate_bpm) {
        // Half beats apart land in different slots; beyond 0..1000 bpm every value shares the last one.
        const double half_beats = std::clamp(2.0 * heart_rate_bpm, 0.0, 2000.0);
        Entry& e = m_entries[static_cast<std::size_t>(half_beats) % m_entries.size()];
        if (e.heart_rate_bpm != heart_rate_bpm) {
            e.heart_rate_bpm = heart_rate_bpm;
            e.x = heart_rate_reserve_fraction(heart_rate_bpm, m_anchors);
            e.weight = trimp_weight(e.x, m_sex);
        }
        return e;
    }

  private:
    HeartRateAnchors m_anchors;
    Sex m_sex;
    std::array<Entry, 512> m_entries{};
};

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
    WeightCache cache(anchors, sex);
    for (const CourseStep& step : steps.all()) {
        if (!std::isfinite(step.heart_rate_bpm)) continue;
        const WeightCache::Entry& e = cache.at(step.heart_rate_bpm);
        trimp += step.duration_s / k_seconds_per_minute * e.x * e.weight;
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
