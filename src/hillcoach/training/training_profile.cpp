#include "hillcoach/training/training_profile.hpp"

#include <toml++/toml.h>

#include <array>
#include <cmath>
#include <variant>

#include <fmt/format.h>

#include "hillcoach/physiology/toml_profile.hpp"
#include "hillcoach/training/calendar.hpp"

namespace hillcoach::training {
namespace {

using core::ErrorCode;

struct GuidanceKey {
    std::string_view name;
    std::variant<int GuidanceThresholds::*, double GuidanceThresholds::*> member;
};

constexpr std::array<GuidanceKey, 24> k_guidance_keys{{
    {"max_hill_sessions_per_week", &GuidanceThresholds::max_hill_sessions_per_week},
    {"min_hours_between_hill_sessions", &GuidanceThresholds::min_hours_between_hill_sessions},
    {"max_eccentric_acwr", &GuidanceThresholds::max_eccentric_acwr},
    {"min_eccentric_acute_load", &GuidanceThresholds::min_eccentric_acute_load},
    {"long_descent_m", &GuidanceThresholds::long_descent_m},
    {"steep_descent_grade", &GuidanceThresholds::steep_descent_grade},
    {"steep_descent_min_drop_m", &GuidanceThresholds::steep_descent_min_drop_m},
    {"descent_break_days", &GuidanceThresholds::descent_break_days},
    {"balance_weeks", &GuidanceThresholds::balance_weeks},
    {"balance_min_m", &GuidanceThresholds::balance_min_m},
    {"balance_ratio", &GuidanceThresholds::balance_ratio},
    {"ramp_fraction", &GuidanceThresholds::ramp_fraction},
    {"ramp_weeks", &GuidanceThresholds::ramp_weeks},
    {"ramp_min_ascent_m", &GuidanceThresholds::ramp_min_ascent_m},
    {"ramp_min_stress", &GuidanceThresholds::ramp_min_stress},
    {"min_warmup_easy_s", &GuidanceThresholds::min_warmup_easy_s},
    {"flat_race_weeks", &GuidanceThresholds::flat_race_weeks},
    {"min_flat_race_sessions", &GuidanceThresholds::min_flat_race_sessions},
    {"race_pace_session_min_s", &GuidanceThresholds::race_pace_session_min_s},
    {"mountain_weeks", &GuidanceThresholds::mountain_weeks},
    {"min_weekly_ascent_m", &GuidanceThresholds::min_weekly_ascent_m},
    {"race_ascent_fraction", &GuidanceThresholds::race_ascent_fraction},
    {"flat_only_weeks", &GuidanceThresholds::flat_only_weeks},
    {"flat_only_min_runs", &GuidanceThresholds::flat_only_min_runs},
}};
// flat_only_max_m_per_km is read separately (the array's size is checked by the compiler above).

class Reader {
public:
    Reader(const std::string& source, TrainingProfile& out) : m_source(source), m_out(out) {}

    core::Expected<void> training(const toml::table& t) {
        for (auto&& [k, node] : t) {
            const std::string key(k.str());
            core::Expected<void> done{};
            if (key == "time_zone") done = zone(node);
            else if (key == "week_start") done = week_start(node);
            else if (key == "acute_days") done = days(key, node, m_out.load.acute_days);
            else if (key == "chronic_days") done = days(key, node, m_out.load.chronic_days);
            else if (key == "ratio_acute_days") done = days(key, node, m_out.load.ratio_acute_days);
            else if (key == "ratio_chronic_days") done = days(key, node, m_out.load.ratio_chronic_days);
            else unknown("training", key, node);
            if (!done) return done;
        }
        if (m_out.load.ratio_chronic_days < m_out.load.ratio_acute_days) {
            return core::make_error(ErrorCode::invalid_argument, core::Location{.file = m_source},
                                    "[training] ratio_chronic_days must be at least ratio_acute_days");
        }
        return {};
    }

    core::Expected<void> guidance(const toml::table& t) {
        for (auto&& [k, node] : t) {
            const std::string key(k.str());
            if (key == "flat_only_max_m_per_km") {
                auto done = positive(key, node, m_out.guidance.flat_only_max_m_per_km);
                if (!done) return done;
                continue;
            }
            const GuidanceKey* found = nullptr;
            for (const GuidanceKey& g : k_guidance_keys)
                if (g.name == key) found = &g;
            if (found == nullptr) {
                unknown("guidance", key, node);
                continue;
            }
            core::Expected<void> done{};
            if (const auto* as_int = std::get_if<int GuidanceThresholds::*>(&found->member))
                done = count(key, node, m_out.guidance.**as_int);
            else
                done = positive(key, node, m_out.guidance.*std::get<double GuidanceThresholds::*>(found->member));
            if (!done) return done;
        }
        return {};
    }

    core::Expected<void> goal(const toml::table& t) {
        for (auto&& [k, node] : t) {
            const std::string key(k.str());
            if (key == "type" || key == "kind") {
                const auto* s = node.as_string();
                if (s == nullptr) return physiology::toml_value_error(m_source, node, fmt::format("[goal] {} must be a word", key));
                m_out.goal.kind = goal_kind_from_text(s->get());
            } else if (key == "race_ascent_m") {
                double v = 0.0;
                auto done = positive(key, node, v);
                if (!done) return done;
                m_out.goal.race_ascent_m = v;
            } else if (key == "race_distance_km") {
                double v = 0.0;
                auto done = positive(key, node, v);
                if (!done) return done;
                m_out.goal.race_distance_m = v * 1000.0;
            }
        }
        return {};
    }

private:
    core::Expected<void> zone(const toml::node& node) {
        const auto* s = node.as_string();
        if (s == nullptr) return physiology::toml_value_error(m_source, node, "time_zone must be an IANA name such as \"Europe/Zurich\"");
        auto calendar = Calendar::make(s->get());
        if (!calendar) return physiology::toml_value_error(m_source, node, calendar.error().reason);
        m_out.time_zone = s->get();
        return {};
    }

    core::Expected<void> week_start(const toml::node& node) {
        const auto* s = node.as_string();
        const auto day = s != nullptr ? weekday_from_text(s->get()) : std::nullopt;
        if (!day) return physiology::toml_value_error(m_source, node, "week_start must be a day of the week (\"monday\" ... \"sunday\")");
        m_out.week_start = day;
        return {};
    }

    core::Expected<void> days(const std::string& key, const toml::node& node, int& field) {
        const auto* i = node.as_integer();
        if (i == nullptr || i->get() < 1 || i->get() > 365)
            return physiology::toml_value_error(m_source, node, fmt::format("{} must be a whole number of days, 1 to 365", key));
        field = static_cast<int>(i->get());
        return {};
    }

    core::Expected<void> count(const std::string& key, const toml::node& node, int& field) {
        const auto* i = node.as_integer();
        if (i == nullptr || i->get() < 0 || i->get() > 1000)
            return physiology::toml_value_error(m_source, node, fmt::format("[guidance] {} must be a whole number, 0 to 1000", key));
        field = static_cast<int>(i->get());
        return {};
    }

    core::Expected<void> positive(const std::string& key, const toml::node& node, double& field) {
        const std::optional<double> v = physiology::toml_number(node);
        if (!v || !(*v >= 0.0) || !std::isfinite(*v))
            return physiology::toml_value_error(m_source, node, fmt::format("{} must be a number, 0 or more", key));
        field = *v;
        return {};
    }

    void unknown(std::string_view table, const std::string& key, const toml::node& node) {
        m_out.warnings.push_back(core::make_warning(ErrorCode::invalid_argument, physiology::toml_location(m_source, node.source()),
                                                    fmt::format("unknown key '{}' in [{}] (ignored)", key, table)));
    }

    const std::string& m_source;
    TrainingProfile& m_out;
};

}  // namespace

GoalKind goal_kind_from_text(std::string_view text) {
    if (text == "flat-race") return GoalKind::flat_race;
    if (text == "hilly-race" || text == "mountain-race" || text == "trail-race") return GoalKind::hilly_race;
    return GoalKind::other;
}

core::Expected<TrainingProfile> parse_training_profile(std::string_view toml_text, const std::string& source_name) {
    TrainingProfile out;
    auto parsed = physiology::parse_toml_profile(toml_text, source_name);
    if (!parsed) return parsed.error();
    const toml::table& root = *parsed;
    Reader reader(source_name, out);
    for (std::string_view name : {"training", "guidance", "goal"}) {
        const toml::node* node = root.get(name);
        if (node == nullptr) continue;
        const toml::table* table = node->as_table();
        if (table == nullptr) return physiology::toml_value_error(source_name, *node, fmt::format("'{}' must be a table: [{}]", name, name));
        core::Expected<void> done = name == "training" ? reader.training(*table)
                                    : name == "guidance" ? reader.guidance(*table)
                                                         : reader.goal(*table);
        if (!done) return done.error();
    }
    return out;
}

core::Expected<TrainingProfile> read_training_profile(const std::filesystem::path& path) {
    const auto text = physiology::read_profile_text(path);
    if (!text) return text.error();
    return parse_training_profile(*text, path.string());
}

}  // namespace hillcoach::training
