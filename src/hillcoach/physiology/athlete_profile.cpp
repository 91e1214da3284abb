#include "hillcoach/physiology/athlete_profile.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "hillcoach/physiology/toml_profile.hpp"

namespace hillcoach::physiology {
namespace {

using core::ErrorCode;

// Reads one [athlete] key into the profile; an error names the key, the value and what was expected.
class AthleteTableReader {
public:
    AthleteTableReader(const std::string& source_name, ProfileRead& out) : m_source(source_name), m_out(out) {}

    core::Expected<void> read(const toml::table& table) {
        for (auto&& [key, node] : table) {
            auto done = read_key(std::string(key.str()), node);
            if (!done) return done;
        }
        return {};
    }

private:
    core::Expected<void> read_key(const std::string& key, const toml::node& node) {
        AthleteProfile& a = m_out.athlete;
        if (key == "mass_kg") return number(key, node, k_min_mass_kg, k_max_mass_kg, a.mass_kg);
        if (key == "age_years") return number(key, node, k_min_age_years, k_max_age_years, a.age_years);
        if (key == "max_hr_bpm") return heart_rate(key, node, a.max_hr_bpm);
        if (key == "rest_hr_bpm") return heart_rate(key, node, a.rest_hr_bpm);
        if (key == "threshold_hr_bpm") return heart_rate(key, node, a.threshold_hr_bpm);
        if (key == "threshold_pace") return pace_text(key, node);
        if (key == "threshold_pace_s_per_km") return pace_number(key, node);
        if (key == "sex") return word(key, node, sex_from_text, "\"female\" or \"male\"", a.sex);
        if (key == "hr_zones") return word(key, node, zone_model_from_text, "\"max\", \"reserve\" or \"threshold\"", a.zone_model);
        if (key == "gap_model") return word(key, node, gap_model_from_text, "\"heart-rate\" or \"metabolic\"", a.gap_model);
        m_out.warnings.push_back(core::make_warning(
            ErrorCode::invalid_argument, toml_location(m_source, node.source()),
            fmt::format("[athlete] has no setting '{}': ignored (docs/profile.md lists them)", key)));
        return {};
    }

    core::Expected<void> number(const std::string& key, const toml::node& node, double lo, double hi,
                                std::optional<double>& field) {
        const std::optional<double> value = node.is_number() ? node.value<double>() : std::nullopt;
        if (!value) return toml_value_error(m_source, node, fmt::format("[athlete] {} must be a number", key));
        if (!(*value >= lo && *value <= hi)) {
            return toml_value_error(m_source, node, fmt::format("[athlete] {} = {} is outside {}..{}", key, *value, lo, hi));
        }
        field = *value;
        return {};
    }

    core::Expected<void> heart_rate(const std::string& key, const toml::node& node, std::optional<double>& field) {
        return number(key, node, k_min_heart_rate_bpm, k_max_heart_rate_bpm, field);
    }

    core::Expected<void> pace_text(const std::string& key, const toml::node& node) {
        const auto text = node.value<std::string>();
        const auto pace = text ? parse_pace_s_per_km(*text) : std::nullopt;
        if (!pace) {
            return toml_value_error(m_source, node, fmt::format("[athlete] {} must be a pace per km like \"4:30\"", key));
        }
        return store_pace(key, node, *pace);
    }

    core::Expected<void> pace_number(const std::string& key, const toml::node& node) {
        const std::optional<double> value = node.is_number() ? node.value<double>() : std::nullopt;
        if (!value) return toml_value_error(m_source, node, fmt::format("[athlete] {} must be a number", key));
        return store_pace(key, node, *value);
    }

    core::Expected<void> store_pace(const std::string& key, const toml::node& node, double s_per_km) {
        if (!(s_per_km >= k_min_pace_s_per_km && s_per_km <= k_max_pace_s_per_km)) {
            return toml_value_error(m_source, node,
                               fmt::format("[athlete] {} is outside 2:00..20:00 per km", key));
        }
        m_out.athlete.threshold_speed_m_s = 1000.0 / s_per_km;
        return {};
    }

    template <typename T, typename Parse>
    core::Expected<void> word(const std::string& key, const toml::node& node, Parse parse, const char* expected,
                              std::optional<T>& field) {
        const auto text = node.value<std::string>();
        const std::optional<T> value = text ? parse(lower_ascii(*text)) : std::nullopt;
        if (!value) return toml_value_error(m_source, node, fmt::format("[athlete] {} must be {}", key, expected));
        field = *value;
        return {};
    }

    const std::string& m_source;
    ProfileRead& m_out;
};

core::Error range_error(std::string reason) {
    return core::make_error(ErrorCode::invalid_argument, core::Location{}, std::move(reason));
}

}  // namespace

std::string_view to_string(Sex sex) {
    switch (sex) {
        case Sex::female: return "female";
        case Sex::male: return "male";
        case Sex::unknown: break;
    }
    return "unknown";
}

std::optional<Sex> sex_from_text(std::string_view text) {
    const std::string word = lower_ascii(text);
    if (word == "female" || word == "f" || word == "woman") return Sex::female;
    if (word == "male" || word == "m" || word == "man") return Sex::male;
    return std::nullopt;
}

AthleteProfile merge(const AthleteProfile& base, const AthleteProfile& over) {
    AthleteProfile m = base;
    if (over.mass_kg) m.mass_kg = over.mass_kg;
    if (over.sex) m.sex = over.sex;
    if (over.age_years) m.age_years = over.age_years;
    if (over.max_hr_bpm) m.max_hr_bpm = over.max_hr_bpm;
    if (over.rest_hr_bpm) m.rest_hr_bpm = over.rest_hr_bpm;
    if (over.threshold_hr_bpm) m.threshold_hr_bpm = over.threshold_hr_bpm;
    if (over.threshold_speed_m_s) m.threshold_speed_m_s = over.threshold_speed_m_s;
    if (over.zone_model) m.zone_model = over.zone_model;
    if (over.gap_model) m.gap_model = over.gap_model;
    return m;
}

std::optional<double> parse_pace_s_per_km(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    int minutes = 0;
    const auto [m_end, m_err] = std::from_chars(text.data(), text.data() + colon, minutes);
    if (m_err != std::errc{} || m_end != text.data() + colon || minutes < 0) return std::nullopt;
    const std::string_view sec = text.substr(colon + 1);
    // Two digits of seconds, optionally a fraction: "4:05", "4:05.5"; "4:5" and "4:75" are refused.
    if (sec.size() < 2 || !std::isdigit(static_cast<unsigned char>(sec[0])) ||
        !std::isdigit(static_cast<unsigned char>(sec[1])) || (sec.size() > 2 && sec[2] != '.')) {
        return std::nullopt;
    }
    double seconds = 0.0;
    const auto [s_end, s_err] = std::from_chars(sec.data(), sec.data() + sec.size(), seconds);
    if (s_err != std::errc{} || s_end != sec.data() + sec.size() || !(seconds < 60.0)) return std::nullopt;
    return minutes * 60.0 + seconds;
}

core::Expected<ProfileRead> parse_athlete_profile(std::string_view toml_text, const std::string& source_name) {
    ProfileRead out;
    auto parsed = parse_toml_profile(toml_text, source_name);
    if (!parsed) return parsed.error();
    const toml::table& root = *parsed;
    const toml::node* athlete = root.get("athlete");
    if (athlete == nullptr) return out;
    const toml::table* table = athlete->as_table();
    if (table == nullptr) return toml_value_error(source_name, *athlete, "'athlete' must be a table: [athlete]");
    AthleteTableReader reader(source_name, out);
    auto done = reader.read(*table);
    if (!done) return done.error();
    auto valid = validate_athlete_profile(out.athlete);
    if (!valid) {
        core::Error e = valid.error();
        e.where.file = source_name;
        return e;
    }
    return out;
}

core::Expected<ProfileRead> read_athlete_profile(const std::filesystem::path& path) {
    const auto text = read_profile_text(path);
    if (!text) return text.error();
    return parse_athlete_profile(*text, path.string());
}

core::Expected<void> validate_athlete_profile(const AthleteProfile& p) {
    const auto check = [](const std::optional<double>& v, double lo, double hi, const char* what) -> std::optional<core::Error> {
        if (v && !(*v >= lo && *v <= hi)) return range_error(fmt::format("{} {} is outside {}..{}", what, *v, lo, hi));
        return std::nullopt;
    };
    if (auto e = check(p.mass_kg, k_min_mass_kg, k_max_mass_kg, "body mass (kg)")) return *e;
    if (auto e = check(p.age_years, k_min_age_years, k_max_age_years, "age (years)")) return *e;
    if (auto e = check(p.max_hr_bpm, k_min_heart_rate_bpm, k_max_heart_rate_bpm, "maximum heart rate")) return *e;
    if (auto e = check(p.rest_hr_bpm, k_min_heart_rate_bpm, k_max_heart_rate_bpm, "resting heart rate")) return *e;
    if (auto e = check(p.threshold_hr_bpm, k_min_heart_rate_bpm, k_max_heart_rate_bpm, "threshold heart rate")) {
        return *e;
    }
    if (p.threshold_speed_m_s && !(*p.threshold_speed_m_s >= 1000.0 / k_max_pace_s_per_km &&
                                   *p.threshold_speed_m_s <= 1000.0 / k_min_pace_s_per_km)) {
        return range_error("threshold pace is outside 2:00..20:00 per km");
    }
    if (p.rest_hr_bpm && p.max_hr_bpm && !(*p.rest_hr_bpm < *p.max_hr_bpm)) {
        return range_error(fmt::format("resting heart rate {} must be below maximum heart rate {}", *p.rest_hr_bpm,
                                       *p.max_hr_bpm));
    }
    if (p.threshold_hr_bpm && p.max_hr_bpm && !(*p.threshold_hr_bpm <= *p.max_hr_bpm)) {
        return range_error(fmt::format("threshold heart rate {} must not exceed maximum heart rate {}",
                                       *p.threshold_hr_bpm, *p.max_hr_bpm));
    }
    if (p.threshold_hr_bpm && p.rest_hr_bpm && !(*p.threshold_hr_bpm > *p.rest_hr_bpm)) {
        return range_error(fmt::format("threshold heart rate {} must be above resting heart rate {}",
                                       *p.threshold_hr_bpm, *p.rest_hr_bpm));
    }
    return {};
}

}  // namespace hillcoach::physiology
