#pragma once
// Training load of one run: Banister's TRIMP, a heart-rate stress score against threshold heart rate, and a
// pace stress score from grade-adjusted pace against threshold pace.
//
// TRIMP (training impulse), exponential form:
//     TRIMP = sum over moving steps of  dt_min * x * a * exp(b * x),   x = (HR - HRrest) / (HRmax - HRrest)
//   men a = 0.64, b = 1.92; women a = 0.86, b = 1.67: the weightings that follow the blood-lactate rise with
//   heart-rate reserve (R. H. Morton, J. R. Fitz-Clarke, E. W. Banister, "Modeling human performance in
//   running", J Appl Physiol 69(3), 1171-1177, 1990). x is clamped to
//   [0, 1]: a sensor spike above the maximum must not weigh exponentially, and a heart rate below resting
//   (a sensor dropout read as 0) adds nothing. Sex unknown: the mean of the two weightings (the women's and the
//   men's curves differ by at most 19 %; the mean is within 10 % of either).
//   Open choice settled: women's a = 0.86 (as published by Morton et al.), not GoldenCheetah's 0.64 for both
//   sexes nor Runalyze's unexplained 0.8218; see docs/models.md.
//
// Heart-rate stress score (hr_tss): 100 x TRIMP / TRIMP(60 min at threshold heart rate). One hour at LTHR
// scores 100, as an hour at threshold power scores 100 TSS; the exponential weighting carries over. This is
// the open "HRSS" form (Elevate and others); TrainingPeaks' hrTSS uses unpublished per-zone rates, so the two
// differ somewhat.
//
// Pace stress score (pace_tss, rTSS-like): 100 x hours x IF^2 with IF = GAP speed / threshold speed, the form
// TrainingPeaks publishes for rTSS. TrainingPeaks' "normalized graded pace" is unpublished; here IF uses the
// run's average GAP over moving time (grade_adjusted_pace.hpp), so 30 min at 5:00/km GAP with threshold
// 4:30/km gives IF 0.9 and 40.5. Limit: averaging under-weights hard intervals in a session with long
// recoveries (an IF from a 4th-power mean of short windows would weigh them more; none is published for pace).

#include <optional>

#include "hillcoach/physiology/athlete_profile.hpp"
#include "hillcoach/physiology/course_steps.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology {

struct TrimpCoefficients {
    double a = 0.0;
    double b = 0.0;
};
inline constexpr TrimpCoefficients k_trimp_men{.a = 0.64, .b = 1.92};
inline constexpr TrimpCoefficients k_trimp_women{.a = 0.86, .b = 1.67};

// a * exp(b * x) for the sex (the mean of both for unknown); x clamped to [0, 1].
double trimp_weight(double heart_rate_reserve_fraction, Sex sex);

struct HeartRateAnchors {
    double rest_hr_bpm = 0.0;
    double max_hr_bpm = 0.0;
};

// (HR - rest) / (max - rest), clamped to [0, 1]; NaN for a NaN heart rate or max <= rest.
double heart_rate_reserve_fraction(double heart_rate_bpm, const HeartRateAnchors& anchors);

struct SteadyEffort {
    double duration_s = 0.0;
    double heart_rate_bpm = 0.0;
};

// TRIMP of a steady effort (one heart rate held for a duration).
double banister_trimp(const SteadyEffort& effort, const HeartRateAnchors& anchors, Sex sex);

// TRIMP of a run, summed over its moving steps with heart rate; nullopt when no step has one.
std::optional<double> banister_trimp(const terrain::Course& course, const HeartRateAnchors& anchors, Sex sex);
std::optional<double> banister_trimp(const CourseSteps& steps, const HeartRateAnchors& anchors, Sex sex);

// 100 * trimp / TRIMP(60 min at threshold_hr_bpm).
double heart_rate_stress_score(double trimp, double threshold_hr_bpm, const HeartRateAnchors& anchors, Sex sex);

struct PaceStressInput {
    double duration_s = 0.0;            // moving time
    double gap_speed_m_s = 0.0;         // average grade-adjusted speed
    double threshold_speed_m_s = 0.0;   // speed at threshold pace
};

// Intensity factor: GAP speed / threshold speed.
double pace_intensity_factor(const PaceStressInput& input);
// 100 * hours * IF^2.
double pace_stress_score(const PaceStressInput& input);

}  // namespace hillcoach::physiology
