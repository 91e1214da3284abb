#include "app/cli/athlete_options.hpp"

#include <string>

namespace hillcoach::app {
namespace {

using physiology::AthleteProfile;

// CLI11 validators return an empty string when the value is fine, the reason otherwise.
std::string check_sex(const std::string& v) {
    return physiology::sex_from_text(v) ? std::string{} : "expected female or male";
}
std::string check_zones(const std::string& v) {
    return physiology::zone_model_from_text(v) ? std::string{} : "expected max, reserve or threshold";
}
std::string check_gap_model(const std::string& v) {
    return physiology::gap_model_from_text(v) ? std::string{} : "expected heart-rate or metabolic";
}
std::string check_pace(const std::string& v) {
    const auto pace = physiology::parse_pace_s_per_km(v);
    if (!pace) return "expected a pace per km like 4:30";
    if (*pace < physiology::k_min_pace_s_per_km || *pace > physiology::k_max_pace_s_per_km) {
        return "expected a pace between 2:00 and 20:00 per km";
    }
    return {};
}

AthleteProfile profile_from_flags(const AthleteFlags& f) {
    AthleteProfile p;
    p.mass_kg = f.mass_kg;
    p.age_years = f.age_years;
    p.max_hr_bpm = f.max_hr_bpm;
    p.rest_hr_bpm = f.rest_hr_bpm;
    p.threshold_hr_bpm = f.threshold_hr_bpm;
    if (!f.sex.empty()) p.sex = physiology::sex_from_text(f.sex);
    if (!f.zones.empty()) p.zone_model = physiology::zone_model_from_text(f.zones);
    if (!f.gap_model.empty()) p.gap_model = physiology::gap_model_from_text(f.gap_model);
    if (!f.threshold_pace.empty()) {
        if (const auto pace = physiology::parse_pace_s_per_km(f.threshold_pace)) p.threshold_speed_m_s = 1000.0 / *pace;
    }
    return p;
}

}  // namespace

void add_athlete_options(CLI::App& command, AthleteFlags& flags) {
    const std::string group = "Athlete (docs/profile.md; flags win over the profile file)";
    command.add_option("--profile", flags.profile_path, "TOML profile file with an [athlete] table")
        ->check(CLI::ExistingFile)
        ->group(group);
    command.add_option("--mass-kg", flags.mass_kg, "body mass, kg")
        ->check(CLI::Range(physiology::k_min_mass_kg, physiology::k_max_mass_kg))
        ->group(group);
    command.add_option("--sex", flags.sex, "female or male (TRIMP weighting)")->check(check_sex)->group(group);
    command.add_option("--age", flags.age_years, "age in years (estimates max heart rate when not given)")
        ->check(CLI::Range(physiology::k_min_age_years, physiology::k_max_age_years))
        ->group(group);
    const auto heart_rate = CLI::Range(physiology::k_min_heart_rate_bpm, physiology::k_max_heart_rate_bpm);
    command.add_option("--max-hr", flags.max_hr_bpm, "maximum heart rate, beats/min")->check(heart_rate)->group(group);
    command.add_option("--rest-hr", flags.rest_hr_bpm, "resting heart rate, beats/min")->check(heart_rate)->group(group);
    command.add_option("--threshold-hr", flags.threshold_hr_bpm, "lactate-threshold heart rate, beats/min")
        ->check(heart_rate)
        ->group(group);
    command.add_option("--threshold-pace", flags.threshold_pace, "threshold pace per km, m:ss")
        ->check(check_pace)
        ->group(group);
    command.add_option("--zones", flags.zones, "heart-rate zones from max, reserve (default) or threshold")
        ->check(check_zones)
        ->group(group);
    command.add_option("--gap-model", flags.gap_model, "grade-adjusted pace: heart-rate (default) or metabolic")
        ->check(check_gap_model)
        ->group(group);
}

core::Expected<AthleteProfile> athlete_profile(const AthleteFlags& flags, std::vector<core::Warning>& warnings) {
    AthleteProfile file;
    if (!flags.profile_path.empty()) {
        auto read = physiology::read_athlete_profile(flags.profile_path);
        if (!read) return read.error();
        file = read->athlete;
        warnings.insert(warnings.end(), read->warnings.begin(), read->warnings.end());
    }
    AthleteProfile merged = physiology::merge(file, profile_from_flags(flags));
    auto valid = physiology::validate_athlete_profile(merged);
    if (!valid) {
        core::Error e = valid.error();
        e.where.file = flags.profile_path.empty() ? "athlete flags" : flags.profile_path + " and flags";
        return e;
    }
    return merged;
}

}  // namespace hillcoach::app
