#include "hillcoach/plan/plan_profile.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "hillcoach/physiology/toml_profile.hpp"

namespace hillcoach::plan {
namespace {

using core::ErrorCode;
namespace chr = std::chrono;

// Reads the keys of one table ([runner], [goal] or [plan]) into the profile; errors name table, key and
// value.
class TableReader {
  public:
    TableReader(const std::string& source, std::string_view table, PlanProfileRead& out)
        : m_source(source), m_table(table), m_out(out) {}

    core::Expected<void> read(const toml::table& table) {
        for (auto&& [key, node] : table) {
            auto done = read_key(std::string(key.str()), node);
            if (!done) return done;
        }
        return {};
    }

  private:
    core::Expected<void> read_key(const std::string& key, const toml::node& node) {
        PlanProfile& p = m_out.profile;
        if (m_table == "runner") {
            if (key == "level")
                return word(key, node, level_from_text, "\"new\", \"regular\" or \"advanced\"", p.level);
            if (key == "days_per_week")
                return integer(key, node, k_min_days_per_week, k_max_days_per_week, p.days_per_week);
            if (key == "minutes_per_week") {
                return number(key, node, k_min_minutes_per_week, k_max_minutes_per_week, 1.0,
                              p.minutes_per_week);
            }
            if (key == "long_run_day")
                return word(key, node, weekday_from_text, "a day of the week", p.long_run_day);
            if (key == "hills") return boolean(key, node, p.hills);
            if (key == "treadmill") return boolean(key, node, p.treadmill);
            if (key == "stadium") return boolean(key, node, p.stadium);
            if (key == "gym") return boolean(key, node, p.gym);
            if (key == "injuries" || key == "injury") return injuries(key, node);
        } else if (m_table == "goal") {
            if (key == "type" || key == "kind") {  // "kind": as training's profile reader accepts it
                return word(
                    key, node, goal_from_text,
                    "\"strength\", \"muscle\", \"hilly-race\", \"flat-race\", \"fitness\" or \"return\"",
                    p.goal);
            }
            if (key == "race_date") return date(key, node, p.race_date);
            if (key == "race_distance_km") {
                return number(key, node, k_min_race_distance_m / 1000.0, k_max_race_distance_m / 1000.0,
                              1000.0, p.race_distance_m);
            }
            if (key == "race_ascent_m")
                return number(key, node, 0.0, k_max_race_ascent_m, 1.0, p.race_ascent_m);
        } else if (m_table == "plan") {
            if (key == "start") return date(key, node, p.start);
            if (key == "weeks") return integer(key, node, k_min_plan_weeks, k_max_plan_weeks, p.weeks);
        }
        m_out.warnings.push_back(core::make_warning(
            ErrorCode::invalid_argument, physiology::toml_location(m_source, node.source()),
            fmt::format("[{}] has no setting '{}': ignored (docs/profile.md lists them)", m_table, key)));
        return {};
    }

    core::Expected<void> number(const std::string& key, const toml::node& node, double lo, double hi,
                                double scale, std::optional<double>& field) {
        const std::optional<double> value = node.is_number() ? node.value<double>() : std::nullopt;
        if (!value) return physiology::toml_value_error(m_source, node, fmt::format("[{}] {} must be a number", m_table, key));
        if (!(*value >= lo && *value <= hi)) {
            return physiology::toml_value_error(m_source, node,
                               fmt::format("[{}] {} = {} is outside {}..{}", m_table, key, *value, lo, hi));
        }
        field = *value * scale;
        return {};
    }

    core::Expected<void> integer(const std::string& key, const toml::node& node, int lo, int hi,
                                 std::optional<int>& field) {
        const std::optional<std::int64_t> value =
            node.is_integer() ? node.value<std::int64_t>() : std::nullopt;
        if (!value)
            return physiology::toml_value_error(m_source, node, fmt::format("[{}] {} must be a whole number", m_table, key));
        if (*value < lo || *value > hi) {
            return physiology::toml_value_error(m_source, node,
                               fmt::format("[{}] {} = {} is outside {}..{}", m_table, key, *value, lo, hi));
        }
        field = static_cast<int>(*value);
        return {};
    }

    core::Expected<void> boolean(const std::string& key, const toml::node& node, std::optional<bool>& field) {
        if (!node.is_boolean()) {
            return physiology::toml_value_error(m_source, node, fmt::format("[{}] {} must be true or false", m_table, key));
        }
        field = node.value<bool>();
        return {};
    }

    // A TOML date (race_date = 2026-09-12) or the same as a string.
    core::Expected<void> date(const std::string& key, const toml::node& node, std::optional<Date>& field) {
        std::optional<Date> value;
        if (const auto* d = node.as_date()) {
            const toml::date& t = d->get();
            const chr::year_month_day ymd{chr::year{t.year}, chr::month{t.month}, chr::day{t.day}};
            if (ymd.ok()) value = Date{ymd};
        } else if (const auto text = node.value<std::string>()) {
            value = parse_date(*text);
        }
        if (!value) {
            return physiology::toml_value_error(m_source, node,
                               fmt::format("[{}] {} must be a date like 2026-09-12", m_table, key));
        }
        field = value;
        return {};
    }

    core::Expected<void> injuries(const std::string& key, const toml::node& node) {
        std::vector<std::string> list;
        if (const auto text = node.value<std::string>()) {
            list.push_back(*text);
        } else if (const toml::array* array = node.as_array()) {
            for (const toml::node& item : *array) {
                const auto t = item.value<std::string>();
                if (!t)
                    return physiology::toml_value_error(m_source, item, fmt::format("[{}] {} must hold text", m_table, key));
                list.push_back(*t);
            }
        } else {
            return physiology::toml_value_error(m_source, node,
                               fmt::format("[{}] {} must be text or a list of texts", m_table, key));
        }
        m_out.profile.injuries = std::move(list);
        return {};
    }

    template <typename T, typename Parse>
    core::Expected<void> word(const std::string& key, const toml::node& node, Parse parse,
                              const char* expected, std::optional<T>& field) {
        const auto text = node.value<std::string>();
        const std::optional<T> value = text ? parse(*text) : std::nullopt;
        if (!value)
            return physiology::toml_value_error(m_source, node, fmt::format("[{}] {} must be {}", m_table, key, expected));
        field = *value;
        return {};
    }

    const std::string& m_source;
    std::string_view m_table;
    PlanProfileRead& m_out;
};

struct Named {
    std::string_view name;
    int value;
};
constexpr Named k_levels[] = {{"new", 0}, {"regular", 1}, {"advanced", 2}};
constexpr Named k_goals[] = {{"strength", 0},  {"muscle", 1},  {"hilly-race", 2},
                             {"flat-race", 3}, {"fitness", 4}, {"return", 5}};
constexpr std::string_view k_weekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                           "thursday", "friday", "saturday"};

}  // namespace

std::string_view to_string(Level level) {
    return k_levels[static_cast<int>(level)].name;
}
std::string_view to_string(Goal goal) {
    return k_goals[static_cast<int>(goal)].name;
}

std::optional<Level> level_from_text(std::string_view text) {
    const std::string w = physiology::lower_ascii(text);
    if (w == "beginner" || w == "new-runner") return Level::new_runner;
    for (const Named& n : k_levels) {
        if (n.name == w) return static_cast<Level>(n.value);
    }
    return std::nullopt;
}

std::optional<Goal> goal_from_text(std::string_view text) {
    std::string w = physiology::lower_ascii(text);
    std::replace(w.begin(), w.end(), '_', '-');
    if (w == "return-after-injury") return Goal::return_after_injury;
    if (w == "mountain-race" || w == "trail-race") return Goal::hilly_race;
    for (const Named& n : k_goals) {
        if (n.name == w) return static_cast<Goal>(n.value);
    }
    return std::nullopt;
}

bool is_race(Goal goal) {
    return goal == Goal::hilly_race || goal == Goal::flat_race;
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const auto parse = [&](std::size_t at, std::size_t len, auto& out) {
        const auto [end, err] = std::from_chars(text.data() + at, text.data() + at + len, out);
        return err == std::errc{} && end == text.data() + at + len;
    };
    if (!parse(0, 4, y) || !parse(5, 2, m) || !parse(8, 2, d)) return std::nullopt;
    const chr::year_month_day ymd{chr::year{y}, chr::month{m}, chr::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

std::string format_date(Date date) {
    const chr::year_month_day ymd{date};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::optional<chr::weekday> weekday_from_text(std::string_view text) {
    const std::string w = physiology::lower_ascii(text);
    if (w.size() < 3) return std::nullopt;
    for (unsigned i = 0; i < 7; ++i) {
        if (k_weekdays[i] == w || k_weekdays[i].substr(0, 3) == w) return chr::weekday{i};
    }
    return std::nullopt;
}

std::string_view weekday_name(chr::weekday day) {
    return k_weekdays[day.c_encoding()];
}

PlanProfile merge(const PlanProfile& base, const PlanProfile& over) {
    PlanProfile m = base;
    m.athlete = physiology::merge(base.athlete, over.athlete);
    const auto take = [](auto& into, const auto& from) {
        if (from) into = from;
    };
    take(m.level, over.level);
    take(m.goal, over.goal);
    take(m.race_date, over.race_date);
    take(m.race_distance_m, over.race_distance_m);
    take(m.race_ascent_m, over.race_ascent_m);
    take(m.days_per_week, over.days_per_week);
    take(m.minutes_per_week, over.minutes_per_week);
    take(m.long_run_day, over.long_run_day);
    take(m.hills, over.hills);
    take(m.treadmill, over.treadmill);
    take(m.stadium, over.stadium);
    take(m.gym, over.gym);
    take(m.start, over.start);
    take(m.weeks, over.weeks);
    if (!over.injuries.empty()) m.injuries = over.injuries;
    return m;
}

core::Expected<PlanProfileRead> parse_plan_profile(std::string_view toml_text,
                                                   const std::string& source_name) {
    auto athlete = physiology::parse_athlete_profile(toml_text, source_name);
    if (!athlete) return athlete.error();
    PlanProfileRead out;
    out.profile.athlete = athlete->athlete;
    out.warnings = athlete->warnings;
    auto parsed = physiology::parse_toml_profile(toml_text, source_name);
    if (!parsed) return parsed.error();
    const toml::table& root = *parsed;
    for (const std::string_view name : {"runner", "goal", "plan"}) {
        const toml::node* node = root.get(name);
        if (node == nullptr) continue;
        const toml::table* table = node->as_table();
        if (table == nullptr) {
            return physiology::toml_value_error(source_name, *node, fmt::format("'{}' must be a table: [{}]", name, name));
        }
        TableReader reader(source_name, name, out);
        auto done = reader.read(*table);
        if (!done) return done.error();
    }
    return out;
}

core::Expected<PlanProfileRead> read_plan_profile(const std::filesystem::path& path) {
    const auto text = physiology::read_profile_text(path);
    if (!text) return text.error();
    return parse_plan_profile(*text, path.string());
}

std::string to_toml(const PlanProfile& p) {
    std::string out;
    const auto line = [&out](std::string_view key, const std::string& value) {
        out += fmt::format("{} = {}\n", key, value);
    };
    const auto quoted = [](std::string_view text) {
        std::string q = "\"";
        for (const char c : text) {
            if (c == '"' || c == '\\') q += '\\';
            q += c;
        }
        return q + "\"";
    };
    const physiology::AthleteProfile& a = p.athlete;
    if (a.mass_kg || a.sex || a.age_years || a.max_hr_bpm || a.rest_hr_bpm || a.threshold_hr_bpm ||
        a.threshold_speed_m_s) {
        out += "[athlete]\n";
        if (a.mass_kg) line("mass_kg", fmt::format("{}", *a.mass_kg));
        if (a.sex && *a.sex != physiology::Sex::unknown) line("sex", quoted(physiology::to_string(*a.sex)));
        if (a.age_years) line("age_years", fmt::format("{}", *a.age_years));
        if (a.max_hr_bpm) line("max_hr_bpm", fmt::format("{}", *a.max_hr_bpm));
        if (a.rest_hr_bpm) line("rest_hr_bpm", fmt::format("{}", *a.rest_hr_bpm));
        if (a.threshold_hr_bpm) line("threshold_hr_bpm", fmt::format("{}", *a.threshold_hr_bpm));
        if (a.threshold_speed_m_s)
            line("threshold_pace_s_per_km", fmt::format("{}", 1000.0 / *a.threshold_speed_m_s));
        out += "\n";
    }
    out += "[runner]\n";
    if (p.level) line("level", quoted(to_string(*p.level)));
    if (p.days_per_week) line("days_per_week", fmt::format("{}", *p.days_per_week));
    if (p.minutes_per_week) line("minutes_per_week", fmt::format("{}", *p.minutes_per_week));
    if (p.long_run_day) line("long_run_day", quoted(weekday_name(*p.long_run_day)));
    const auto flag = [&line](std::string_view key, const std::optional<bool>& value) {
        if (value) line(key, *value ? "true" : "false");
    };
    flag("hills", p.hills);
    flag("treadmill", p.treadmill);
    flag("stadium", p.stadium);
    flag("gym", p.gym);
    if (!p.injuries.empty()) {
        std::string list;
        for (const std::string& i : p.injuries) list += (list.empty() ? "" : ", ") + quoted(i);
        line("injuries", "[" + list + "]");
    }
    out += "\n[goal]\n";
    if (p.goal) line("type", quoted(to_string(*p.goal)));
    if (p.race_date) line("race_date", format_date(*p.race_date));
    if (p.race_distance_m) line("race_distance_km", fmt::format("{}", *p.race_distance_m / 1000.0));
    if (p.race_ascent_m) line("race_ascent_m", fmt::format("{}", *p.race_ascent_m));
    out += "\n[plan]\n";
    if (p.start) line("start", format_date(*p.start));
    if (p.weeks) line("weeks", fmt::format("{}", *p.weeks));
    return out;
}

}  // namespace hillcoach::plan
