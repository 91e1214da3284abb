#pragma once
// What the runner's injuries change in the plan, as a table of words to restrictions: how many weeks every
// descent is walked, how many weeks without sprints, how slowly the load grows, and which exercises change.
// The words are matched in the runner's own text ("sore left knee", "achilles 2025"), any case; an injury
// the table does not know still gets the general caution. Not medical advice: the plan says to follow a
// physiotherapist's guidance where there is one.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hillcoach::plan {

struct InjuryRule {
    std::string_view word = {};  // matched inside the text, lower case
    std::string_view area = {};  // "knee"
    int no_downhill_weeks = 0;   // every descent walked
    int no_downhill_repeats_weeks = 0;
    int no_sprints_weeks = 0;  // no hill sprints or all-out efforts
    bool knee = false;         // strength: lunges out, single-leg squats to a high box
    bool achilles = false;     // strength: calf raises as slow heel drops
    std::string_view advice = {};
};

std::span<const InjuryRule> injury_rules();

// The weeks a return-after-injury plan keeps every descent walked, whatever the injury.
inline constexpr int k_return_no_downhill_weeks = 4;
inline constexpr int k_return_no_downhill_repeats_weeks = 8;
// Weekly load growth with an injury named: half the usual.
inline constexpr double k_injury_growth = 0.05;

struct InjuryLimits {
    int no_downhill_weeks = 0;
    int no_downhill_repeats_weeks = 0;
    int no_sprints_weeks = 0;
    bool knee = false;
    bool achilles = false;
    bool any = false;
    std::vector<std::string> advice{};
};

// The strictest of every rule that matches any of the texts; a text no rule matches gives the general one.
InjuryLimits injury_limits(const std::vector<std::string>& injuries);

}  // namespace hillcoach::plan
