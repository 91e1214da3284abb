#pragma once
// Grade-adjusted pace (GAP) and equivalent flat distance.
//
// What: the level-ground speed that would have cost the same effort as the speed actually run on a grade.
// Each horizontal metre at grade i counts as f(i) metres of level running; GAP speed = speed * f(i), and the
// equivalent flat distance of a run is the sum of f(i) * (horizontal step length) over its moving steps. The
// activity's GAP is that distance over the moving time. Grade is a fraction; speeds m/s; f dimensionless.
//
// Two curves f, because the published ones disagree on steep descents (docs/models.md, "Grade-adjusted pace"):
//
// - heart_rate (the default): equal heart rate. Strava's 2017 model, fitted on ~6 million outdoor runs
//   (D. Robb, "An improved GAP model", Strava Engineering, 3 Oct 2017): the level pace that gives the same heart
//   rate. Strava publishes only a plot; the factors here are the points reconstructed by A. Schroeder
//   (specialsauce, strava.py), which agree within ~1 % with an independent reading of the plot (sports-lib),
//   interpolated linearly, clamped at +-45 %. Descents help most near -9 % (f = 0.876) and beyond about -17 %
//   cost MORE than level running at the same speed (f(-0.20) = 1.081): braking, impact and footing.
// - metabolic: equal energy. f(i) = Cr(i) sqrt(1 + i^2) / Cr(0) with Minetti's running cost (energy_cost.hpp):
//   slowest GAP near the cost minimum, i = -0.18 (f = 0.50), less slow beyond it; f(+0.10) = 1.66.
//
// Why heart_rate is the default: GAP is read as "how hard was this", and pace-based stress (training_load.hpp)
// is built on it. Minetti's curve is the cost of steady treadmill running by trained runners; on real descents
// runners brake, and Strava found the metabolic model wrong on downhill race performance by up to a factor of 3.
// Under it a fast -20 % descent looks like an easy jog (GAP twice the actual pace). The equal-heart-rate curve
// was fitted on outdoor running and is the convention runners compare against (Strava, intervals.icu). Energy
// (calories.hpp) always uses the metabolic curve: energy is what it measures.
//
// Limits: both curves are population averages, blind to terrain technicality, fatigue and the runner's skill
// on descents; the heart-rate curve carries the heart-rate lag of 60 s windows (a descent right after a climb
// inherits the climb's heart rate). Without elevation there is no GAP (nullopt), not GAP = pace.

#include <optional>
#include <string_view>
#include <vector>

#include "hillcoach/physiology/course_steps.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology {

enum class GapModel : unsigned char { heart_rate, metabolic };
inline constexpr GapModel k_default_gap_model = GapModel::heart_rate;

// "heart-rate", "metabolic".
std::string_view to_string(GapModel model);
// Accepts "heart-rate", "heart_rate", "hr", "metabolic"; nullopt otherwise.
std::optional<GapModel> gap_model_from_text(std::string_view text);

// GAP speed over actual speed on a grade (fraction). 1 on the level; NaN grade gives 1 (taken as level).
double gap_speed_factor(double grade, GapModel model);

struct GradeAdjustedPace {
    GapModel model = k_default_gap_model;
    double flat_equivalent_distance_m = 0.0;
    double moving_s = 0.0;                  // the moving time the GAP is averaged over
    double gap_speed_m_s = 0.0;             // flat_equivalent_distance_m / moving_s
    double gap_s_per_km = 0.0;
    // Per sample (the Course's indexing): GAP speed of the step ending there; NaN where the step does not
    // count (not moving, no time) and at sample 0.
    std::vector<double> gap_speed_per_sample_m_s;
};

// nullopt when the course has no elevation (no finite grade) or no moving time.
std::optional<GradeAdjustedPace> grade_adjusted_pace(const terrain::Course& course, GapModel model);
std::optional<GradeAdjustedPace> grade_adjusted_pace(const CourseSteps& steps, GapModel model);

// The best average GAP speed over any stretch with at least `window_s` of moving time (the fastest equivalent
// flat distance per moving second); nullopt when the run has less moving time than that or no elevation.
// O(n): one forward sweep with two indices.
std::optional<double> best_gap_speed_m_s(const terrain::Course& course, GapModel model, double window_s);
std::optional<double> best_gap_speed_m_s(const CourseSteps& steps, GapModel model, double window_s);

}  // namespace hillcoach::physiology
