#include "hillcoach/plan/session_numbers.hpp"

#include <algorithm>
#include <cmath>

#include "hillcoach/physiology/energy_cost.hpp"

namespace hillcoach::plan {
namespace {

constexpr double k_walk_down_speed_m_s = 1.2;       // walking down a slope, careful
constexpr double k_strength_warmup_s = 8.0 * 60.0;  // mobility and air squats before the sets
constexpr double k_seconds_per_rep_default = 3.0;   // where an exercise states no tempo

double flat_running_power(double threshold_speed_m_s) {
    return threshold_speed_m_s * physiology::running_cost_j_per_kg_m(0.0);
}

// "1-0-3" or "3-1-1": the sum of the numbers, seconds per rep.
double tempo_seconds(const std::string& tempo) {
    double sum = 0.0;
    bool any = false;
    for (char c : tempo) {
        if (c >= '0' && c <= '9') {
            sum += c - '0';
            any = true;
        }
    }
    return any ? std::max(sum, 1.0) : k_seconds_per_rep_default;
}

}  // namespace

double effort_speed_fraction(Effort effort) {
    switch (effort) {
        case Effort::walk:
            return 0.0;  // walking has its own speed
        case Effort::easy:
            return 0.78;
        case Effort::steady:
            return 0.86;
        case Effort::marathon:
            return 0.93;
        case Effort::threshold:
            return 1.0;
        case Effort::hard:
            return 1.05;
        case Effort::sprint:
            return 1.25;
    }
    return 0.78;
}

double step_speed_m_s(const Step& step, double threshold_speed_m_s) {
    if (step.effort == Effort::walk) {
        if (step.grade < 0.0) return k_walk_down_speed_m_s;
        const double ratio =
            physiology::walking_cost_j_per_kg_m(0.0) / physiology::walking_cost_j_per_kg_m(step.grade);
        return std::max(k_min_walk_speed_m_s, k_walk_speed_m_s * ratio);
    }
    const double flat = threshold_speed_m_s * effort_speed_fraction(step.effort);
    if (step.grade <= 0.0) return flat;  // descents held back to the flat speed: controlled, not free-falling
    return flat * physiology::running_cost_j_per_kg_m(0.0) / physiology::running_cost_j_per_kg_m(step.grade);
}

double step_duration_s(const Step& step, double threshold_speed_m_s) {
    if (step.duration_s) return *step.duration_s;
    if (step.distance_m) return *step.distance_m / step_speed_m_s(step, threshold_speed_m_s);
    return 0.0;
}

double step_distance_m(const Step& step, double threshold_speed_m_s) {
    if (step.distance_m) return *step.distance_m;
    if (step.duration_s) return *step.duration_s * step_speed_m_s(step, threshold_speed_m_s);
    return 0.0;
}

double step_intensity_factor(const Step& step, double threshold_speed_m_s) {
    const double speed = step_speed_m_s(step, threshold_speed_m_s);
    const double cost = step.effort == Effort::walk ? physiology::walking_cost_j_per_kg_m(step.grade)
                                                    : physiology::running_cost_j_per_kg_m(step.grade);
    const double factor = speed * cost / flat_running_power(threshold_speed_m_s);
    return std::clamp(factor, 0.3, k_max_step_intensity_factor);
}

double strength_duration_s(const std::vector<Exercise>& exercises, double rest_between_sets_s) {
    double total = k_strength_warmup_s;
    for (const Exercise& e : exercises) {
        const double per_set = e.hold_s ? *e.hold_s : e.reps_count.value_or(10) * tempo_seconds(e.tempo);
        // "each leg": both sides are worked
        const double sides = e.reps.find("each") != std::string::npos ? 2.0 : 1.0;
        total += e.sets * (per_set * sides + rest_between_sets_s);
    }
    return total;
}

void compute_numbers(Session& s, double threshold_speed_m_s) {
    s.distance_m = s.ascent_m = s.descent_m = s.downhill_run_m = s.load = 0.0;
    if (s.kind == SessionKind::strength) {
        s.load = 100.0 * (s.duration_s / 3600.0) * k_strength_intensity_factor * k_strength_intensity_factor;
        s.warmup_s = 0.0;
        return;
    }
    double duration = 0.0;
    double warmup = 0.0;
    bool leading = true;
    for (const StepBlock& block : s.steps) {
        for (const Step& step : block.steps) {
            const double t = step_duration_s(step, threshold_speed_m_s) * block.repeats;
            const double d = step_distance_m(step, threshold_speed_m_s) * block.repeats;
            const double f = step_intensity_factor(step, threshold_speed_m_s);
            duration += t;
            s.distance_m += d;
            s.load += 100.0 * (t / 3600.0) * f * f;
            if (step.grade > 0.0) s.ascent_m += d * step.grade;
            if (step.grade < 0.0) {
                s.descent_m += d * -step.grade;
                if (step.effort != Effort::walk) s.downhill_run_m += d * -step.grade;
            }
            if (leading && step.kind == StepKind::warmup) {
                warmup += t;
            } else {
                leading = false;
            }
        }
    }
    s.duration_s = duration;
    s.warmup_s = warmup;
}

}  // namespace hillcoach::plan
