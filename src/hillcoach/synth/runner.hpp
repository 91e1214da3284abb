#pragma once
// How a runner moves along a course: speed from grade and effort, heart rate, cadence and energy, second by
// second. The model is documented with its constants and sources in docs/synth.md; in short:
//
// Speed. Each effort has a flat speed v0 and so a metabolic power P = C(0) v0 (W/kg). Uphill the runner
// raises that power a little (by 2 x grade, at most 30 %: runners push on climbs, as Strava's
// equal-heart-rate pace shows) and v = P / C(i), C the Minetti et al. (2002) energy cost of running (or of
// walking, for the walk effort and when a climb gets so steep that running would fall below k_hike_below_m_s:
// the runner hikes). Downhill the metabolic curve would let a runner go twice as fast at -20 %; runners brake
// instead, so the speed is capped at v0 times the equal-effort speed ratios reverse-engineered from Strava's
// 2017 grade-adjusted pace (A. Schroeder), which peak at +14 % near -9 % and fall below flat speed beyond -17
// %. Speed follows its target with a first-order lag (k_speed_lag_s) and wobbles by a correlated +-3 %.
//
// Heart rate. The fraction of heart-rate reserve equals the fraction of VO2 reserve (Swain & Leutholtz 1997);
// VO2 = resting + P / k_joules_per_ml_o2; heart rate follows that target with a first-order lag (rising
// k_hr_rise_s, falling k_hr_fall_s) plus a slow cardiovascular drift, capped at the maximum.
//
// Effort. A stretch's own effort word wins; otherwise inside a repeat block the settings' rep efforts apply
// (up / down / flat), elsewhere the default effort. Stops stand still for their duration.

#include <cstddef>
#include <vector>

#include "hillcoach/synth/course.hpp"
#include "hillcoach/synth/random.hpp"

namespace hillcoach::synth {

inline constexpr double k_speed_lag_s = 2.0;    // accelerating to a new pace takes a few seconds
inline constexpr double k_speed_wobble = 0.03;  // relative sd of the pace wobble
inline constexpr double k_speed_wobble_correlation_s = 30.0;
inline constexpr double k_hike_below_m_s = 1.6;         // a runner hikes a climb they could only run slower
inline constexpr double k_joules_per_ml_o2 = 20.9;      // ~5 kcal per litre of O2 (ACSM)
inline constexpr double k_resting_vo2_ml_kg_min = 3.5;  // 1 MET (ACSM)
inline constexpr double k_hr_rise_s = 30.0;             // heart-rate lag when effort rises
inline constexpr double k_hr_fall_s = 50.0;             // and when it falls (recovery is slower)
inline constexpr double k_hr_drift_bpm_per_h = 4.0;     // cardiovascular drift over a long effort

// The runner: speeds per effort and physiology. Defaults: a trained recreational runner (easy 5:40/km).
struct RunnerSettings {
    Effort default_effort = Effort::easy;
    // In repeat blocks, stretches with no effort word: ups, downs and flats.
    Effort rep_up_effort = Effort::easy;
    Effort rep_down_effort = Effort::easy;
    Effort rep_flat_effort = Effort::easy;
    double easy_speed_m_s = 2.95;
    double tempo_speed_m_s = 3.6;
    double hard_speed_m_s = 4.3;
    double sprint_speed_m_s = 6.2;
    double jog_speed_m_s = 2.4;
    double walk_speed_m_s = 1.45;
    double rest_heart_rate_bpm = 52.0;
    double max_heart_rate_bpm = 188.0;
    double vo2max_ml_kg_min = 54.0;
    double mass_kg = 68.0;
};

enum class RunnerPreset : unsigned char { easy, tempo, repeats, walk };
// easy / tempo: everything at that effort; repeats: easy outside blocks, inside them ups hard and downs and
// flats jogged; walk: a hike.
RunnerSettings runner_preset(RunnerPreset preset);

enum class Gait : unsigned char { standing, walking, running };

// The runner's true motion, one entry per second from the start (index = seconds).
struct Trajectory {
    std::vector<double> distance_m;  // course distance
    std::vector<double> speed_m_s;
    std::vector<double> heart_rate_bpm;   // true, unrounded
    std::vector<double> cadence_rpm;      // per foot, unrounded; 0 standing
    std::vector<double> energy_j_per_kg;  // cumulative gross metabolic energy
    std::vector<Gait> gait;
    struct Stop {
        double start_s = 0.0;  // seconds from the start
        double end_s = 0.0;
    };
    std::vector<Stop> stops;  // the course's standing pauses, in order

    std::size_t size() const { return distance_m.size(); }
    double duration_s() const {
        return distance_m.empty() ? 0.0 : static_cast<double>(distance_m.size() - 1);
    }
};

// Minetti et al. 2002 energy cost of running and of walking (J/kg/m, net of resting), i as a fraction,
// clamped to the measured +-0.45.
double running_cost_j_kg_m(double grade);
double walking_cost_j_kg_m(double grade);
// Equal-effort speed ratio on a descent (grade < 0) relative to flat; 1 for grade >= 0.
double descent_speed_ratio(double grade);

// The effort used on a stretch (resolves Effort::automatic).
Effort effort_for(const Stretch& stretch, const RunnerSettings& settings);
double flat_speed_m_s(Effort effort, const RunnerSettings& settings);

// Runs the course from start to finish.
Trajectory run_course(const Course& course, const RunnerSettings& settings, const Random& rng);

}  // namespace hillcoach::synth
