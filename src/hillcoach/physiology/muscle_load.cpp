#include "hillcoach/physiology/muscle_load.hpp"

#include <algorithm>
#include <cmath>

#include "hillcoach/physiology/course_steps.hpp"

namespace hillcoach::physiology {
namespace {

// How each kind of work is shared among the groups, in the order of MuscleGroup:
//                                    quadriceps hamstrings glutes calves hip_flexors trunk
using Shares = std::array<double, k_muscle_group_count>;

// Stance, positive: the ankle does most of it (65 % of stance positive work when switching to running, Schache et
// al. 2015, J Exp Biol 218:2472), knee extensors next, hip little on the level.
constexpr Shares k_stance_concentric{0.20, 0.05, 0.10, 0.60, 0.00, 0.05};
// Stance, negative: the knee extensors absorb the landing, the calves most of the rest.
constexpr Shares k_stance_eccentric{0.50, 0.02, 0.05, 0.38, 0.00, 0.05};
// Swing, positive: hip positive work peaks in swing (Schache 2015): hip flexors pull the leg through, hip
// extensors pull it back before landing.
constexpr Shares k_swing_concentric{0.00, 0.25, 0.20, 0.00, 0.50, 0.05};
// Swing, negative: the hamstrings brake the shank in late swing (knee negative work in swing grows with speed,
// Schache 2015), hip flexors and rectus femoris brake hip extension and knee flexion.
constexpr Shares k_swing_eccentric{0.20, 0.55, 0.00, 0.00, 0.20, 0.05};
// Lifting: almost all the extra work of incline is done at the hip (Roberts & Belliveau 2005, J Exp Biol
// 208:1963: net hip work -0.25 -> 0.88 J/kg per step from 0 to 12 deg, knee and ankle
// unchanged), with the ankle joining at steeper grades and higher speeds (Vernillo et al. 2017); iliopsoas and
// rectus femoris work harder in swing uphill (Yokozawa et al. 2007); vasti torque falls uphill.
constexpr Shares k_lifting{0.04, 0.18, 0.30, 0.29, 0.14, 0.05};
// Lowering: the knee extensors dominate (largest knee share of the support moment downhill, Shih & Ho 2023;
// knee absorption up on declines, Telhan et al. 2010); quadriceps vs calf 0.54 : 0.24 = 2.25, the ratio of
// strength lost after 45 min at -15 % (knee extensors -14..-17 %, plantar flexors -6..-8 %, Maeo et al. 2017,
// Sci Rep 7:5769).
constexpr Shares k_lowering{0.54, 0.06, 0.06, 0.24, 0.04, 0.06};

constexpr std::size_t k_quadriceps = static_cast<std::size_t>(MuscleGroup::quadriceps);
constexpr double k_load_points_per_reference = 100.0;

void add_shares(std::array<double, k_muscle_group_count>& into, const Shares& shares, double work) {
    for (std::size_t g = 0; g < k_muscle_group_count; ++g) into[g] += shares[g] * work;
}

double braking_factor(double descent_speed_m_s) {
    return 1.0 + k_braking_gain * descent_speed_m_s / k_braking_reference_descent_m_s;
}

double clamp_grade(double grade) {
    return std::isfinite(grade) ? std::clamp(grade, -k_muscle_max_grade, k_muscle_max_grade) : 0.0;
}

MuscleProfile scaled(const MuscleProfile& p, const MuscleProfile& divisor, double factor) {
    MuscleProfile out;
    for (std::size_t g = 0; g < k_muscle_group_count; ++g) {
        out.concentric[g] = factor * p.concentric[g] / divisor.concentric[g];
        out.eccentric[g] = factor * p.eccentric[g] / divisor.eccentric[g];
    }
    return out;
}

MuscleProfile compute_reference_work() {
    MuscleProfile ref;
    add_step_work({.distance_m = k_reference_distance_m, .grade = 0.0, .speed_m_s = k_reference_speed_m_s}, ref);
    return ref;
}

}  // namespace

std::string_view to_string(MuscleGroup group) {
    switch (group) {
        case MuscleGroup::quadriceps: return "quadriceps";
        case MuscleGroup::hamstrings: return "hamstrings";
        case MuscleGroup::glutes: return "glutes";
        case MuscleGroup::calves: return "calves";
        case MuscleGroup::hip_flexors: return "hip_flexors";
        case MuscleGroup::trunk: return "trunk";
    }
    return "trunk";
}

std::string_view adjective(MuscleGroup group) {
    switch (group) {
        case MuscleGroup::quadriceps: return "quadriceps";
        case MuscleGroup::hamstrings: return "hamstring";
        case MuscleGroup::glutes: return "glute";
        case MuscleGroup::calves: return "calf";
        case MuscleGroup::hip_flexors: return "hip flexor";
        case MuscleGroup::trunk: return "trunk";
    }
    return "trunk";
}

MuscleProfile& MuscleProfile::operator+=(const MuscleProfile& other) {
    for (std::size_t g = 0; g < k_muscle_group_count; ++g) {
        concentric[g] += other.concentric[g];
        eccentric[g] += other.eccentric[g];
    }
    return *this;
}

void add_step_work(const StepMechanics& step, MuscleProfile& work, MuscleProfile* lifting_work,
                   MuscleProfile* lowering_work) {
    const double d = step.distance_m;
    const double speed = std::isfinite(step.speed_m_s) ? std::max(step.speed_m_s, 0.0) : 0.0;
    const double stance = k_stance_work_j_per_kg_m * d;
    const double swing = k_swing_work_j_per_kg_m * (speed / k_reference_speed_m_s) * d;
    add_shares(work.concentric, k_stance_concentric, stance);
    add_shares(work.eccentric, k_stance_eccentric, stance);
    add_shares(work.concentric, k_swing_concentric, swing);
    add_shares(work.eccentric, k_swing_eccentric, swing);

    const double grade = clamp_grade(step.grade);
    const double rise = grade * d;
    if (rise > 0.0) {
        const double lift = k_lifting_muscle_fraction * k_gravity_m_s2 * rise;
        add_shares(work.concentric, k_lifting, lift);
        if (lifting_work) add_shares(lifting_work->concentric, k_lifting, lift);
    } else if (rise < 0.0) {
        const double lower = k_lowering_muscle_fraction * k_gravity_m_s2 * -rise;
        const double extra_quadriceps = k_lowering[k_quadriceps] * lower * (braking_factor(speed * -grade) - 1.0);
        add_shares(work.eccentric, k_lowering, lower);
        work.eccentric[k_quadriceps] += extra_quadriceps;
        if (lowering_work) {
            add_shares(lowering_work->eccentric, k_lowering, lower);
            lowering_work->eccentric[k_quadriceps] += extra_quadriceps;
        }
    }
}

const MuscleProfile& reference_work_j_per_kg() {
    static const MuscleProfile reference = compute_reference_work();
    return reference;
}

MuscleProfile to_load_points(const MuscleProfile& work_j_per_kg) {
    return scaled(work_j_per_kg, reference_work_j_per_kg(), k_load_points_per_reference);
}

std::optional<MuscleLoad> muscle_load(const terrain::Course& course) {
    const bool has_grade =
        std::any_of(course.grade.begin(), course.grade.end(), [](double g) { return std::isfinite(g); });
    if (!has_grade) return std::nullopt;
    MuscleProfile total, up, down, flat, lifting, lowering;
    double distance = 0.0;
    bool any = false;
    CourseStep step;
    for (std::size_t k = 1; k < course.size(); ++k) {
        if (!course_step(course, k, step)) continue;
        const double grade = std::isfinite(step.grade) ? step.grade : 0.0;
        MuscleProfile& band = grade >= k_hill_band_grade ? up : (grade <= -k_hill_band_grade ? down : flat);
        add_step_work({.distance_m = step.distance_m, .grade = grade, .speed_m_s = step.speed_m_s}, band, &lifting,
                      &lowering);
        distance += step.distance_m;
        any = true;
    }
    if (!any) return std::nullopt;
    total += up;
    total += down;
    total += flat;
    MuscleLoad load;
    load.work_j_per_kg = total;
    load.total = to_load_points(total);
    load.uphill = to_load_points(up);
    load.downhill = to_load_points(down);
    load.flat = to_load_points(flat);
    load.lifting = to_load_points(lifting);
    load.lowering = to_load_points(lowering);
    load.distance_m = distance;
    return load;
}

MuscleProfile muscle_load_between(const terrain::Course& course, std::size_t first, std::size_t last) {
    MuscleProfile work;
    CourseStep step;
    for (std::size_t k = first + 1; k <= last && k < course.size(); ++k) {
        if (!course_step(course, k, step)) continue;
        add_step_work({.distance_m = step.distance_m, .grade = step.grade, .speed_m_s = step.speed_m_s}, work);
    }
    return to_load_points(work);
}

std::vector<StretchLoad> muscle_load_by_stretch(const terrain::Course& course,
                                                const std::vector<terrain::Segment>& stretches) {
    std::vector<StretchLoad> out;
    out.reserve(stretches.size());
    for (const terrain::Segment& s : stretches) {
        out.push_back(StretchLoad{.kind = s.kind,
                                  .first = s.first,
                                  .last = s.last,
                                  .start_m = s.start_m,
                                  .end_m = s.end_m,
                                  .load = muscle_load_between(course, s.first, s.last)});
    }
    return out;
}

double quadriceps_lowering_load(double drop_m, double grade, double speed_m_s) {
    MuscleProfile lowering;
    MuscleProfile ignored;
    const double g = std::min(grade, -1e-9);
    add_step_work({.distance_m = drop_m / -g, .grade = g, .speed_m_s = speed_m_s}, ignored, nullptr, &lowering);
    return to_load_points(lowering).eccentric_of(MuscleGroup::quadriceps);
}

}  // namespace hillcoach::physiology
