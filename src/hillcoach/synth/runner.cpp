#include "hillcoach/synth/runner.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace hillcoach::synth {
namespace {

constexpr double k_step_s = 0.2;  // integration step; the trajectory keeps every fifth state (1 s)
constexpr int k_steps_per_s = 5;

// Strava's 2017 equal-heart-rate grade factors as reverse-engineered by A. Schroeder (specialsauce,
// strava.py; see ../shared/research/mission-anchors.md 3.2): effort factor F at each grade; the equal-effort
// speed ratio is 1 / F. Only the descending half is used (the climbing half comes from Minetti's energy
// cost).
constexpr std::array<std::pair<double, double>, 11> k_descent_factors{{{-0.45, 2.096},
                                                                       {-0.30, 1.495},
                                                                       {-0.25, 1.273},
                                                                       {-0.20, 1.081},
                                                                       {-0.15, 0.941},
                                                                       {-0.10, 0.876},
                                                                       {-0.08, 0.876},
                                                                       {-0.06, 0.891},
                                                                       {-0.04, 0.918},
                                                                       {-0.02, 0.960},
                                                                       {0.00, 1.000}}};

// Heart rate stays up after hard work (the slow component of recovery): the target never falls below this
// share of the intensity averaged over k_hr_slow_s. Chosen so that a jog down after a hard 60 s rep ends near
// 130 bpm for the default runner, as watches show on hill-repeat sessions.
constexpr double k_hr_slow_share = 0.7;
constexpr double k_hr_slow_s = 180.0;
constexpr double k_hr_noise_bpm = 1.5;
constexpr double k_hr_noise_correlation_s = 20.0;
// Running step frequency: steps/min = base + per_speed x v, times (1 + per_grade x grade). The grade term is
// Padulo et al. 2013 (+4 % step frequency from 0 to +7 %), and lowers cadence downhill as Vernillo et al.
// 2017 describe; base and per_speed give 161 steps/min at 2.95 m/s and 189 at 6.2 m/s (typical recreational
// values).
constexpr double k_run_steps_base = 136.0;
constexpr double k_run_steps_per_m_s = 8.5;
constexpr double k_steps_per_grade = 0.6;
// Walking: 110 steps/min at 1.45 m/s, 100 at 1 m/s.
constexpr double k_walk_steps_base = 78.0;
constexpr double k_walk_steps_per_m_s = 22.0;
constexpr double k_cadence_noise_rpm = 1.0;
constexpr double k_cadence_noise_correlation_s = 5.0;

double polynomial5(const std::array<double, 6>& c, double x) {
    return ((((c[0] * x + c[1]) * x + c[2]) * x + c[3]) * x + c[4]) * x + c[5];
}

struct Target {
    double speed_m_s = 0.0;
    Gait gait = Gait::running;
    double cost_j_kg_m = 0.0;
};

// Runners work harder on climbs than on the flat at the same effort: Strava's equal-heart-rate factors
// (1.337 at +8 %, 1.459 at +10 %) lie below Minetti's cost ratios (1.51, 1.66), i.e. at equal heart rate
// runners climb faster than equal metabolic power allows. Raising power by k_climb_power_per_grade x grade
// (at most k_climb_power_max) brings the model within 5 % of those factors up to +10 %.
constexpr double k_climb_power_per_grade = 2.0;
constexpr double k_climb_power_max = 0.3;

double climb_push(double grade) {
    return 1.0 + std::min(k_climb_power_max, k_climb_power_per_grade * std::max(grade, 0.0));
}

Target target_for(Effort effort, double grade, const RunnerSettings& s) {
    const double v0 = flat_speed_m_s(effort, s);
    if (effort == Effort::walk) {
        const double power = walking_cost_j_kg_m(0.0) * v0 * climb_push(grade);
        double v = power / walking_cost_j_kg_m(grade);
        if (grade < 0.0) v = std::min(v, v0 * descent_speed_ratio(grade));
        return {v, Gait::walking, walking_cost_j_kg_m(grade)};
    }
    const double power = running_cost_j_kg_m(0.0) * v0 * climb_push(grade);
    double v = power / running_cost_j_kg_m(grade);
    if (grade < 0.0)
        return {std::min(v, v0 * descent_speed_ratio(grade)), Gait::running, running_cost_j_kg_m(grade)};
    if (v < k_hike_below_m_s && effort != Effort::sprint) {
        v = std::min(power / walking_cost_j_kg_m(grade), k_hike_below_m_s);
        return {v, Gait::walking, walking_cost_j_kg_m(grade)};
    }
    return {v, Gait::running, running_cost_j_kg_m(grade)};
}

double steps_per_min(Gait gait, double v, double grade) {
    if (gait == Gait::standing || v <= 0.05) return 0.0;
    if (gait == Gait::walking)
        return (k_walk_steps_base + k_walk_steps_per_m_s * v) * (1.0 + k_steps_per_grade * grade);
    return (k_run_steps_base + k_run_steps_per_m_s * v) * (1.0 + k_steps_per_grade * grade);
}

// The simulation state, advanced in steps of k_step_s.
class Simulation {
  public:
    Simulation(const Course& course, const RunnerSettings& settings, const Random& rng)
        : m_course(course),
          m_settings(settings),
          m_rng(rng),
          m_wobble(k_speed_wobble, k_speed_wobble_correlation_s),
          m_hr_noise(k_hr_noise_bpm, k_hr_noise_correlation_s),
          m_cadence_noise(k_cadence_noise_rpm, k_cadence_noise_correlation_s) {
        m_wobble.start(m_rng);
        m_hr_noise.start(m_rng);
        m_cadence_noise.start(m_rng);
        // A watch is started standing, heart rate a little above rest.
        m_hr = settings.rest_heart_rate_bpm + 0.2 * reserve();
        for (const Stretch& s : course.stretches()) {
            if (s.kind == StatementKind::stop) m_stop_queue.push_back(&s);
        }
    }

    Trajectory run() {
        record();
        while (!m_finished) {
            for (int i = 0; i < k_steps_per_s; ++i) step();
            record();
        }
        if (m_standing) m_out.stops.back().end_s = m_time_s;
        return std::move(m_out);
    }

  private:
    double reserve() const { return m_settings.max_heart_rate_bpm - m_settings.rest_heart_rate_bpm; }

    void record() {
        m_out.distance_m.push_back(m_s);
        m_out.speed_m_s.push_back(m_v);
        m_out.heart_rate_bpm.push_back(std::min(m_hr + m_hr_noise.value(), m_settings.max_heart_rate_bpm));
        const double steps = steps_per_min(m_gait, m_v, m_course.grade_at(m_s));
        m_out.cadence_rpm.push_back(steps > 0.0 ? steps / 2.0 + m_cadence_noise.value() : 0.0);
        m_out.energy_j_per_kg.push_back(m_energy_j_kg);
        m_out.gait.push_back(m_gait);
    }

    void step() {
        m_time_s += k_step_s;
        m_wobble.step(k_step_s, m_rng);
        m_hr_noise.step(k_step_s, m_rng);
        m_cadence_noise.step(k_step_s, m_rng);
        double power = 0.0;
        if (m_finished) {
            m_v = 0.0;
        } else if (m_standing || start_stop_if_reached()) {
            stand();
        } else {
            power = move();
        }
        update_heart_rate(power);
        m_energy_j_kg += (power + k_resting_vo2_ml_kg_min * k_joules_per_ml_o2 / 60.0) * k_step_s;
    }

    bool start_stop_if_reached() {
        if (m_next_stop >= m_stop_queue.size() || m_stop_queue[m_next_stop]->start_m > m_s) return false;
        m_standing = true;
        m_stop_left_s = m_stop_queue[m_next_stop]->duration_s;
        ++m_next_stop;
        m_out.stops.push_back({m_time_s - k_step_s, 0.0});
        return true;
    }

    void stand() {
        m_v = 0.0;
        m_gait = Gait::standing;
        m_stop_left_s -= k_step_s;
        if (m_stop_left_s <= 1e-9) {
            m_standing = false;
            m_out.stops.back().end_s = m_time_s;
        }
    }

    // Moves one step; returns the metabolic power (W/kg, net).
    double move() {
        const Stretch& stretch = m_course.stretches()[m_course.stretch_at(m_s)];
        const double grade = m_course.grade_at(m_s);
        const Target target = target_for(effort_for(stretch, m_settings), grade, m_settings);
        const double wanted = target.speed_m_s * (1.0 + m_wobble.value());
        m_v += (wanted - m_v) * (1.0 - std::exp(-k_step_s / k_speed_lag_s));
        m_gait = target.gait;
        double next = m_s + m_v * k_step_s;
        // Arrive exactly at a stop or the finish instead of running past it.
        if (m_next_stop < m_stop_queue.size()) next = std::min(next, m_stop_queue[m_next_stop]->start_m);
        if (next >= m_course.length_m()) {
            next = m_course.length_m();
            // A course may end with a stop: the runner stands it out before the watch is stopped.
            m_finished = m_next_stop >= m_stop_queue.size();
        }
        m_s = next;
        m_moving_s += k_step_s;
        return target.cost_j_kg_m * m_v;
    }

    void update_heart_rate(double power) {
        const double vo2_reserve = m_settings.vo2max_ml_kg_min - k_resting_vo2_ml_kg_min;
        const double intensity = power * 60.0 / k_joules_per_ml_o2 / vo2_reserve;
        m_slow_intensity += (intensity - m_slow_intensity) * (1.0 - std::exp(-k_step_s / k_hr_slow_s));
        const double fraction = std::min(1.0, std::max(intensity, k_hr_slow_share * m_slow_intensity));
        const double drift = k_hr_drift_bpm_per_h * m_moving_s / 3600.0;
        const double target = std::min(m_settings.rest_heart_rate_bpm + fraction * reserve() + drift,
                                       m_settings.max_heart_rate_bpm);
        const double lag = target > m_hr ? k_hr_rise_s : k_hr_fall_s;
        m_hr += (target - m_hr) * (1.0 - std::exp(-k_step_s / lag));
    }

    const Course& m_course;
    const RunnerSettings& m_settings;
    Random m_rng;
    CorrelatedNoise m_wobble;
    CorrelatedNoise m_hr_noise;
    CorrelatedNoise m_cadence_noise;
    std::vector<const Stretch*> m_stop_queue;
    std::size_t m_next_stop = 0;
    double m_time_s = 0.0;
    double m_s = 0.0;
    double m_v = 0.0;
    double m_hr = 0.0;
    double m_slow_intensity = 0.0;
    double m_energy_j_kg = 0.0;
    double m_moving_s = 0.0;
    double m_stop_left_s = 0.0;
    bool m_standing = false;
    bool m_finished = false;
    Gait m_gait = Gait::standing;
    Trajectory m_out;
};

}  // namespace

double running_cost_j_kg_m(double grade) {
    // Minetti et al. 2002, J Appl Physiol 93:1039, doi:10.1152/japplphysiol.01177.2001: the fitted
    // polynomial.
    static constexpr std::array<double, 6> k_running{155.4, -30.4, -43.3, 46.3, 19.5, 3.6};
    return polynomial5(k_running, std::clamp(grade, -0.45, 0.45));
}

double walking_cost_j_kg_m(double grade) {
    static constexpr std::array<double, 6> k_walking{280.5, -58.7, -76.8, 51.9, 19.6, 2.5};
    return polynomial5(k_walking, std::clamp(grade, -0.45, 0.45));
}

double descent_speed_ratio(double grade) {
    if (grade >= 0.0) return 1.0;
    if (grade <= k_descent_factors.front().first) return 1.0 / k_descent_factors.front().second;
    for (std::size_t i = 1; i < k_descent_factors.size(); ++i) {
        const auto [g1, f1] = k_descent_factors[i];
        if (grade <= g1) {
            const auto [g0, f0] = k_descent_factors[i - 1];
            return 1.0 / (f0 + (f1 - f0) * (grade - g0) / (g1 - g0));
        }
    }
    return 1.0;
}

Effort effort_for(const Stretch& stretch, const RunnerSettings& settings) {
    if (stretch.effort != Effort::automatic) return stretch.effort;
    Effort e = settings.default_effort;
    if (stretch.repeat_block >= 0) {
        e = stretch.rise_m > 0.0   ? settings.rep_up_effort
            : stretch.rise_m < 0.0 ? settings.rep_down_effort
                                   : settings.rep_flat_effort;
    }
    return e == Effort::automatic ? Effort::easy : e;
}

double flat_speed_m_s(Effort effort, const RunnerSettings& settings) {
    switch (effort) {
        case Effort::automatic:
        case Effort::easy:
            return settings.easy_speed_m_s;
        case Effort::tempo:
            return settings.tempo_speed_m_s;
        case Effort::hard:
            return settings.hard_speed_m_s;
        case Effort::sprint:
            return settings.sprint_speed_m_s;
        case Effort::jog:
            return settings.jog_speed_m_s;
        case Effort::walk:
            return settings.walk_speed_m_s;
    }
    return settings.easy_speed_m_s;
}

RunnerSettings runner_preset(RunnerPreset preset) {
    RunnerSettings s;
    switch (preset) {
        case RunnerPreset::easy:
            break;
        case RunnerPreset::tempo:
            s.default_effort = s.rep_up_effort = s.rep_down_effort = s.rep_flat_effort = Effort::tempo;
            break;
        case RunnerPreset::repeats:
            s.rep_up_effort = Effort::hard;
            s.rep_down_effort = Effort::jog;
            s.rep_flat_effort = Effort::jog;
            break;
        case RunnerPreset::walk:
            s.default_effort = s.rep_up_effort = s.rep_down_effort = s.rep_flat_effort = Effort::walk;
            break;
    }
    return s;
}

Trajectory run_course(const Course& course, const RunnerSettings& settings, const Random& rng) {
    return Simulation(course, settings, rng).run();
}

}  // namespace hillcoach::synth
