// Fuzz target for the athlete profile reader (physiology/athlete_profile.hpp: TOML through toml++, then the
// [athlete] keys) and the pace text it and the command-line flags accept ("4:30"). Any text gives a profile
// or an error naming the profile, never a crash or undefined behaviour; a profile that passes validation
// has every value in range.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "hillcoach/physiology/athlete_profile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto read = physiology::parse_athlete_profile(text, "profile.toml");
    if (!read) {
        if (read.error().where.file != "profile.toml") std::abort();  // an error always names the profile
    } else if (physiology::validate_athlete_profile(read->athlete)) {
        const auto& a = read->athlete;
        for (const auto& v :
             {a.mass_kg, a.max_hr_bpm, a.rest_hr_bpm, a.threshold_hr_bpm, a.threshold_speed_m_s}) {
            if (v && !(std::isfinite(*v) && *v > 0.0)) std::abort();
        }
    }
    if (const auto pace = physiology::parse_pace_s_per_km(text);
        pace && !(std::isfinite(*pace) && *pace > 0.0)) {
        std::abort();
    }
    return 0;
}
