#include "hillcoach/plan/injuries.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace hillcoach::plan {
namespace {

// Downhill running raises impact peaks by about half and braking forces by three quarters at -9 degrees
// (Gottschall & Kram 2005, J Biomech 38, 445), and the quadriceps' eccentric work loads the knee: knee and
// shin injuries keep descents walked for the first month. Sprinting is the classic hamstring and calf strain
// mechanism, so those injuries keep sprints out for the first month.
constexpr InjuryRule k_rules[] = {
    {"knee", "knee", 4, 8, 0, true, false, "knee: every descent walked for 4 weeks, no lunges"},
    {"patell", "knee", 4, 8, 0, true, false, "knee: every descent walked for 4 weeks, no lunges"},
    {"itb", "knee", 4, 8, 0, true, false, "iliotibial band: every descent walked for 4 weeks"},
    {"it band", "knee", 4, 8, 0, true, false, "iliotibial band: every descent walked for 4 weeks"},
    {"shin", "shin", 4, 8, 0, false, false, "shin: every descent walked for 4 weeks, slow growth"},
    {"tibia", "shin", 4, 8, 0, false, false, "shin: every descent walked for 4 weeks, slow growth"},
    {"stress fracture", "bone", 6, 10, 4, false, false, "stress fracture: 6 weeks without running descents"},
    {"achilles", "achilles", 0, 4, 4, false, true, "Achilles: no sprints for 4 weeks, slow heel drops"},
    {"calf", "calf", 0, 4, 4, false, true, "calf: no sprints for 4 weeks, slow heel drops"},
    {"plantar", "foot", 0, 4, 4, false, true, "plantar fascia: no sprints for 4 weeks, slow heel drops"},
    {"hamstring", "hamstring", 0, 0, 4, false, false, "hamstring: no sprints for 4 weeks"},
    {"ankle", "ankle", 2, 6, 2, false, false, "ankle: smooth descents only, walked for 2 weeks"},
    {"hip", "hip", 2, 4, 0, false, false, "hip: descents walked for 2 weeks"},
    {"back", "back", 0, 4, 0, false, false, "back: no heavy deadlifts until pain-free"},
};

constexpr InjuryRule k_general{"", "injury", 2, 6, 2, false, false, "injury: descents walked for 2 weeks"};

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

void apply(InjuryLimits& l, const InjuryRule& r) {
    l.no_downhill_weeks = std::max(l.no_downhill_weeks, r.no_downhill_weeks);
    l.no_downhill_repeats_weeks = std::max(l.no_downhill_repeats_weeks, r.no_downhill_repeats_weeks);
    l.no_sprints_weeks = std::max(l.no_sprints_weeks, r.no_sprints_weeks);
    l.knee = l.knee || r.knee;
    l.achilles = l.achilles || r.achilles;
    l.any = true;
}

}  // namespace

std::span<const InjuryRule> injury_rules() {
    return k_rules;
}

InjuryLimits injury_limits(const std::vector<std::string>& injuries) {
    InjuryLimits limits;
    for (const std::string& text : injuries) {
        const std::string t = lower(text);
        if (t.find_first_not_of(" \t") == std::string::npos) continue;
        bool matched = false;
        for (const InjuryRule& r : k_rules) {
            if (t.find(r.word) == std::string::npos) continue;
            apply(limits, r);
            limits.advice.push_back(fmt::format("\"{}\": {}.", text, r.advice));
            matched = true;
            break;  // one rule per text: the first, most specific
        }
        if (!matched) {
            apply(limits, k_general);
            limits.advice.push_back(fmt::format("\"{}\": {}.", text, k_general.advice));
        }
    }
    return limits;
}

}  // namespace hillcoach::plan
