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

// The kinds of work a step does, J/kg, before they are shared among the groups. Sharing is linear, so a run's
// steps are summed kind by kind and shared once at the end: five additions a step instead of forty.
struct WorkKinds {
    double stance = 0.0;
    double swing = 0.0;
    double lift = 0.0;
    double lower = 0.0;
    double braking = 0.0;  // the quadriceps' extra eccentric work on top of its share of `lower`

    WorkKinds& operator+=(const WorkKinds& o) {
        stance += o.stance;
        swing += o.swing;
        lift += o.lift;
        lower += o.lower;
        braking += o.braking;
        return *this;
    }
};

void add_kinds(const StepMechanics& step, WorkKinds& kinds) {
    const double d = step.distance_m;
    const double speed = std::isfinite(step.speed_m_s) ? std::max(step.speed_m_s, 0.0) : 0.0;
    kinds.stance += k_stance_work_j_per_kg_m * d;
    kinds.swing += k_swing_work_j_per_kg_m * (speed / k_reference_speed_m_s) * d;
    const double grade = clamp_grade(step.grade);
    const double rise = grade * d;
    if (rise > 0.0) {
        kinds.lift += k_lifting_muscle_fraction * k_gravity_m_s2 * rise;
    } else if (rise < 0.0) {
        const double lower = k_lowering_muscle_fraction * k_gravity_m_s2 * -rise;
        kinds.lower += lower;
        kinds.braking += k_lowering[k_quadriceps] * lower * (braking_factor(speed * -grade) - 1.0);
    }
}

void spread_lifting(const WorkKinds& kinds, MuscleProfile& work) {
    add_shares(work.concentric, k_lifting, kinds.lift);
}

void spread_lowering(const WorkKinds& kinds, MuscleProfile& work) {
    add_shares(work.eccentric, k_lowering, kinds.lower);
    work.eccentric[k_quadriceps] += kinds.braking;
}

void spread(const WorkKinds& kinds, MuscleProfile& work) {
    add_shares(work.concentric, k_stance_concentric, kinds.stance);
    add_shares(work.eccentric, k_stance_eccentric, kinds.stance);
    add_shares(work.concentric, k_swing_concentric, kinds.swing);
    add_shares(work.eccentric, k_swing_eccentric, kinds.swing);
    spread_lifting(kinds, work);
    spread_lowering(kinds, work);
}

MuscleProfile profile_of(const WorkKinds& kinds) {
    MuscleProfile work;
    spread(kinds, work);
    return work;
}

// The load (points) of a run of steps.
MuscleProfile load_of(std::span<const CourseStep> steps) {
    WorkKinds kinds;
    for (const CourseStep& step : steps) {
        add_kinds({.distance_m = step.distance_m, .grade = step.grade, .speed_m_s = step.speed_m_s}, kinds);
    }
    return to_load_points(profile_of(kinds));
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

std::string_view label(MuscleGroup group) {
    return group == MuscleGroup::hip_flexors ? "hip flexors" : to_string(group);
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
    WorkKinds kinds;
    add_kinds(step, kinds);
    spread(kinds, work);
    if (lifting_work) spread_lifting(kinds, *lifting_work);
    if (lowering_work) spread_lowering(kinds, *lowering_work);
}

const MuscleProfile& reference_work_j_per_kg() {
    static const MuscleProfile reference = compute_reference_work();
    return reference;
}

MuscleProfile to_load_points(const MuscleProfile& work_j_per_kg) {
    return scaled(work_j_per_kg, reference_work_j_per_kg(), k_load_points_per_reference);
}

std::optional<MuscleLoad> muscle_load(const terrain::Course& course) {
    return muscle_load(CourseSteps(course));
}

std::optional<MuscleLoad> muscle_load(const CourseSteps& steps) {
    if (!steps.has_grade()) return std::nullopt;
    WorkKinds up, down, flat;
    double distance = 0.0;
    bool any = false;
    for (const CourseStep& step : steps.all()) {
        const double grade = std::isfinite(step.grade) ? step.grade : 0.0;
        WorkKinds& band = grade >= k_hill_band_grade ? up : (grade <= -k_hill_band_grade ? down : flat);
        add_kinds({.distance_m = step.distance_m, .grade = grade, .speed_m_s = step.speed_m_s}, band);
        distance += step.distance_m;
        any = true;
    }
    if (!any) return std::nullopt;
    WorkKinds all = up;
    all += down;
    all += flat;
    const MuscleProfile total = profile_of(all);
    MuscleProfile lifting, lowering;
    spread_lifting(all, lifting);
    spread_lowering(all, lowering);
    MuscleLoad load;
    load.work_j_per_kg = total;
    load.total = to_load_points(total);
    load.uphill = to_load_points(profile_of(up));
    load.downhill = to_load_points(profile_of(down));
    load.flat = to_load_points(profile_of(flat));
    load.lifting = to_load_points(lifting);
    load.lowering = to_load_points(lowering);
    load.distance_m = distance;
    return load;
}

MuscleProfile muscle_load_between(const terrain::Course& course, std::size_t first, std::size_t last) {
    return load_of(CourseSteps(course).between(first, last));
}

std::vector<StretchLoad> muscle_load_by_stretch(const terrain::Course& course,
                                                const std::vector<terrain::Segment>& stretches) {
    return muscle_load_by_stretch(CourseSteps(course), stretches);
}

std::vector<StretchLoad> muscle_load_by_stretch(const CourseSteps& steps,
                                                const std::vector<terrain::Segment>& stretches) {
    std::vector<StretchLoad> out;
    out.reserve(stretches.size());
    for (const terrain::Segment& s : stretches) {
        out.push_back(StretchLoad{.kind = s.kind,
                                  .first = s.first,
                                  .last = s.last,
                                  .start_m = s.start_m,
                                  .end_m = s.end_m,
                                  .load = load_of(steps.between(s.first, s.last))});
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
