#pragma once
// The runner's own hills, as the planner needs them from the climb library (training's ClimbLibrary, or any
// list of places), and the choice of one for a prescription: "6 x 150 m at 5-8 %" is put on a hill the
// runner knows when one fits, else the plan says what hill to look for.

#include <optional>
#include <span>
#include <string>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

struct Hill {
    std::string id{};
    std::string name{};  // how the runner recognises it: "the hill at 3.2 km of your usual loop"
    double length_m = 0.0;
    double grade = 0.0;  // average grade, up positive
    int times_run = 0;
};

// What a session asks of a hill: reps of `rep_m` metres between grade_low and grade_high.
struct HillNeed {
    double rep_m = 0.0;
    double grade_low = 0.0;
    double grade_high = 0.0;
};

// Grades a little outside the wanted range still serve (a 4.6 % hill for 5-8 % repeats): the effort, not the
// grade, is the prescription. Hills shorter than this share of the rep are too short.
inline constexpr double k_hill_grade_tolerance = 0.15;  // relative
inline constexpr double k_hill_min_length_share = 0.9;

// The hill that fits best: long enough and within the grades (with the tolerance), the one run most often
// first (the runner knows it), then the grade nearest the middle of the range, then the shortest (reps start
// at the bottom and a shorter hill wastes less jogging). nullopt when none fits.
std::optional<ClimbUse> choose_hill(std::span<const Hill> hills, const HillNeed& need);

}  // namespace hillcoach::plan
