#pragma once
// Muscle load: how much concentric (shortening) and eccentric (lengthening, braking) work each muscle group
// did on a run, from the mechanics of running on a grade. The full model, every constant with its source and
// the limits are in docs/models.md, "Muscle load"; in short, per moving step (per kg of body mass):
//
//   stride work    level running at constant speed does equal positive and negative work each stride.
//                  stance:  k_stance_work_j_per_kg_m per metre, speed-independent (the bounce of the body on
//                           the leg; half of the joint work, the other half returned by tendons);
//                  swing:   k_swing_work_j_per_kg_m per metre at 3 m/s, growing in proportion to speed (moving
//                           the legs relative to the body: hip flexors pull the leg through, hamstrings brake
//                           the shank before landing).
//   lifting        g x rise, concentric: only muscles can add energy to the body.
//   lowering       k_lowering_muscle_fraction x g x drop, eccentric: the joints absorb 71 % of the energy lost on
//                  a descent, soft tissue and shoe the rest (DeVita et al. 2008).
//   braking        the quadriceps' share of lowering is multiplied by 1 + 0.635 x (vertical descent speed /
//                  0.469 m/s): Gottschall & Kram (2005) measured +54 % impact and +73 % braking force peaks at
//                  -9 deg and 3 m/s (0.469 m/s down), and peaks grow with how fast the body drops. So downhill
//                  quadriceps eccentric load grows more than linearly with steepness and with speed.
//
// Each kind of work is shared among the six groups by a fixed table (muscle_load.cpp) informed by joint-work
// and EMG studies (Roberts & Belliveau 2005; Schache et al. 2015; Vernillo et al. 2017; Maeo et al. 2017;
// Yokozawa et al. 2007; Telhan et al. 2010). These shares are modelling choices, not measurements of one
// runner; the eccentric signal is negative mechanical work, not EMG amplitude (eccentric contractions need less
// activation for the same force, so EMG under-reads them).
//
// Unit: load points. 100 = the work a flat 10 km at 3.0 m/s (5:33/km, an easy run) asks of that muscle group in
// that contraction. So a flat easy 10 km reads 100 everywhere, a flat 5 km 50, and "quadriceps eccentric 240"
// means 2.4 times what a flat easy 10 km asks of the quadriceps eccentrically.
//
// Grades are clamped to +-0.45 (Minetti's measured range; steeper readings are more often noise than terrain).

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "hillcoach/physiology/course_steps.hpp"
#include "hillcoach/terrain/course.hpp"
#include "hillcoach/terrain/segments.hpp"

namespace hillcoach::physiology {

enum class MuscleGroup : unsigned char { quadriceps, hamstrings, glutes, calves, hip_flexors, trunk };
inline constexpr std::size_t k_muscle_group_count = 6;
inline constexpr std::array<MuscleGroup, k_muscle_group_count> k_muscle_groups{
    MuscleGroup::quadriceps, MuscleGroup::hamstrings,  MuscleGroup::glutes,
    MuscleGroup::calves,     MuscleGroup::hip_flexors, MuscleGroup::trunk};

// JSON key: "quadriceps", "hamstrings", "glutes", "calves", "hip_flexors", "trunk".
std::string_view to_string(MuscleGroup group);
// For sentences: "quadriceps", "hamstring", "glute", "calf", "hip flexor", "trunk" (as in "calf work").
std::string_view adjective(MuscleGroup group);
// For tables: the JSON key in words ("hip flexors").
std::string_view label(MuscleGroup group);

inline constexpr double k_gravity_m_s2 = 9.80665;
inline constexpr double k_stance_work_j_per_kg_m = 0.5;
inline constexpr double k_swing_work_j_per_kg_m = 0.4;        // at k_reference_speed_m_s
inline constexpr double k_reference_speed_m_s = 3.0;          // the easy flat run that defines 100 points
inline constexpr double k_reference_distance_m = 10000.0;
inline constexpr double k_lifting_muscle_fraction = 1.0;
inline constexpr double k_lowering_muscle_fraction = 0.71;    // DeVita et al. 2008, decline running
inline constexpr double k_braking_gain = 0.635;               // mean of +54 % impact and +73 % braking peaks
inline constexpr double k_braking_reference_descent_m_s = 0.4693;  // 3 m/s x sin(9 deg)
inline constexpr double k_muscle_max_grade = 0.45;

// Work or load per group, one number for each contraction.
struct MuscleProfile {
    std::array<double, k_muscle_group_count> concentric{};
    std::array<double, k_muscle_group_count> eccentric{};

    double concentric_of(MuscleGroup g) const { return concentric[static_cast<std::size_t>(g)]; }
    double eccentric_of(MuscleGroup g) const { return eccentric[static_cast<std::size_t>(g)]; }
    MuscleProfile& operator+=(const MuscleProfile& other);
};

struct StepMechanics {
    double distance_m = 0.0;   // horizontal
    double grade = 0.0;        // fraction; NaN taken as level
    double speed_m_s = 0.0;    // horizontal
};

// Adds one step's work, J/kg, to `work`; `lowering_work` and `lifting_work` (optional) receive the part that
// comes from the change of height alone (with the braking gain), for the descent and climb summaries.
void add_step_work(const StepMechanics& step, MuscleProfile& work, MuscleProfile* lifting_work = nullptr,
                   MuscleProfile* lowering_work = nullptr);

// The work, J/kg, of the reference run (flat 10 km at 3.0 m/s): the divisor of load points.
const MuscleProfile& reference_work_j_per_kg();

// Work (J/kg) to load points.
MuscleProfile to_load_points(const MuscleProfile& work_j_per_kg);

// The bands a run's load is broken down by: grades of at least +3 % (up), at most -3 % (down), the rest flat
// (the -3..3 % band of the grade histogram, docs/models.md "Grade").
inline constexpr double k_hill_band_grade = 0.03;

struct MuscleLoad {
    MuscleProfile total{};        // load points
    MuscleProfile uphill{};       // the part done on grades >= +3 %
    MuscleProfile downhill{};     // <= -3 %
    MuscleProfile flat{};
    MuscleProfile lifting{};      // concentric load from raising the body alone
    MuscleProfile lowering{};     // eccentric load from lowering the body alone, braking included
    MuscleProfile work_j_per_kg{};  // total, in J/kg, for those who want the mechanics
    double distance_m = 0.0;      // horizontal distance of the steps counted
};

// The load of the whole run; nullopt without elevation (a hilly run must not be shown as flat) or without a
// moving step.
std::optional<MuscleLoad> muscle_load(const terrain::Course& course);
std::optional<MuscleLoad> muscle_load(const CourseSteps& steps);

// The load (points) of the steps first+1 .. last (a stretch [first, last] as terrain's intervals count it).
MuscleProfile muscle_load_between(const terrain::Course& course, std::size_t first, std::size_t last);

// One up, down or flat stretch of the course (terrain/segments.hpp) and its load in points.
struct StretchLoad {
    terrain::SegmentKind kind = terrain::SegmentKind::flat;
    std::size_t first = 0;
    std::size_t last = 0;
    double start_m = 0.0;
    double end_m = 0.0;
    MuscleProfile load{};
};

// The load of each stretch, in the stretches' order; the stretches' loads add up to the run's total when the
// stretches cover the course (terrain's segments do). O(n) over all stretches together.
std::vector<StretchLoad> muscle_load_by_stretch(const terrain::Course& course,
                                                const std::vector<terrain::Segment>& stretches);
std::vector<StretchLoad> muscle_load_by_stretch(const CourseSteps& steps,
                                                const std::vector<terrain::Segment>& stretches);

// The quadriceps' eccentric lowering load (points) of a steady descent: `drop_m` of height lost at `grade`
// (negative) and horizontal `speed_m_s`. Used to anchor the words of the leg-load summary to the downhill
// protocols of muscle-damage studies.
double quadriceps_lowering_load(double drop_m, double grade, double speed_m_s);

}  // namespace hillcoach::physiology
