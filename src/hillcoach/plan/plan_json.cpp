#include "hillcoach/plan/plan_json.hpp"

#include <cmath>

#include <fmt/format.h>

namespace hillcoach::plan {
namespace {

using core::ErrorCode;
using nlohmann::json;

// Rounded to what the numbers mean: tenths of seconds, metres and load points; grades to 1e-4.
double tenth(double x) {
    return std::round(x * 10.0) / 10.0;
}
double grade_round(double g) {
    return std::round(g * 10000.0) / 10000.0;
}
json optional_tenth(const std::optional<double>& x) {
    return x ? json(tenth(*x)) : json(nullptr);
}

json step_json(const Step& s) {
    return json{{"kind", to_string(s.kind)},
                {"effort", to_string(s.effort)},
                {"duration_s", optional_tenth(s.duration_s)},
                {"distance_m", optional_tenth(s.distance_m)},
                {"grade", grade_round(s.grade)},
                {"note", s.note}};
}

json session_json(const Session& s) {
    json steps = json::array();
    for (const StepBlock& b : s.steps) {
        json inner = json::array();
        for (const Step& st : b.steps) inner.push_back(step_json(st));
        steps.push_back(json{{"repeats", b.repeats}, {"steps", std::move(inner)}});
    }
    json exercises = json::array();
    for (const Exercise& e : s.exercises) {
        json x{{"name", e.name},   {"sets", e.sets}, {"reps", e.reps},
               {"tempo", e.tempo}, {"load", e.load}, {"progression", e.progression}};
        x["reps_count"] = e.reps_count ? json(*e.reps_count) : json(nullptr);
        x["hold_s"] = e.hold_s ? json(*e.hold_s) : json(nullptr);
        exercises.push_back(std::move(x));
    }
    json climb = nullptr;
    if (s.climb) {
        const ClimbUse& c = *s.climb;
        climb = json{{"id", c.id},
                     {"name", c.name},
                     {"length_m", tenth(c.length_m)},
                     {"grade", grade_round(c.grade)},
                     {"times_run", c.times_run},
                     {"used_m", tenth(c.used_m)}};
    }
    return json{{"date", format_date(s.date)},
                {"kind", to_string(s.kind)},
                {"title", s.title},
                {"focus_hill", s.focus_hill},
                {"hard", s.hard},
                {"warmup", s.warmup_s > 0.0},
                {"warmup_s", tenth(s.warmup_s)},
                {"duration_s", tenth(s.duration_s)},
                {"distance_m", tenth(s.distance_m)},
                {"ascent_m", tenth(s.ascent_m)},
                {"descent_m", tenth(s.descent_m)},
                {"downhill_run_m", tenth(s.downhill_run_m)},
                {"load", tenth(s.load)},
                {"steps", std::move(steps)},
                {"exercises", std::move(exercises)},
                {"climb", std::move(climb)},
                {"where", s.where},
                {"why", s.why},
                {"status", s.status}};
}

json profile_json(const Runner& r) {
    json j{{"level", to_string(r.level)},
           {"goal", to_string(r.goal)},
           {"race_date", r.race_date ? json(format_date(*r.race_date)) : json(nullptr)},
           {"race_distance_m", r.race_date ? json(tenth(r.race_distance_m)) : json(nullptr)},
           {"race_ascent_m", r.race_date ? json(tenth(r.race_ascent_m)) : json(nullptr)},
           {"days_per_week", r.days_per_week},
           {"minutes_per_week", r.minutes_per_week},
           {"long_run_day", weekday_name(r.long_run_day)},
           {"hills", r.hills},
           {"treadmill", r.treadmill},
           {"stadium", r.stadium},
           {"gym", r.gym},
           {"injuries", r.injuries},
           {"start", format_date(r.start)},
           {"weeks", r.weeks},
           {"defaults", r.defaults}};
    j["mass_kg"] = r.athlete.mass_kg ? json(*r.athlete.mass_kg) : json(nullptr);
    j["threshold_speed_m_s"] =
        r.athlete.threshold_speed_m_s ? json(*r.athlete.threshold_speed_m_s) : json(nullptr);
    return j;
}

json start_json(const StartingPoint& p) {
    return json{{"source", p.source},
                {"weekly_duration_s", tenth(p.weekly_duration_s)},
                {"weekly_distance_m", tenth(p.weekly_distance_m)},
                {"weekly_ascent_m", tenth(p.weekly_ascent_m)},
                {"weekly_downhill_run_m", tenth(p.weekly_downhill_run_m)},
                {"weekly_load", tenth(p.weekly_load)},
                {"long_run_s", tenth(p.long_run_s)},
                {"threshold_speed_m_s", std::round(p.threshold_speed_m_s * 1000.0) / 1000.0},
                {"hill_sessions_per_week", p.hill_sessions_per_week}};
}

// --- reading back ---------------------------------------------------------------------------------------

class Reader {
  public:
    explicit Reader(const std::string& source) : m_source(source) {}

    core::Error error(const std::string& path, const std::string& what) const {
        return core::make_error(ErrorCode::invalid_argument, core::Location{.file = m_source},
                                fmt::format("{}: {}", path, what));
    }

    template <typename T>
    bool get(const json& j, const char* key, T& out, const std::string& path) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return fail(path + "." + key, "missing");
        try {
            out = it->get<T>();
        } catch (const json::exception&) {
            return fail(path + "." + key, "has the wrong type");
        }
        return true;
    }

    template <typename T>
    bool get_optional(const json& j, const char* key, std::optional<T>& out, const std::string& path) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) {
            out.reset();
            return true;
        }
        T value{};
        if (!get(j, key, value, path)) return false;
        out = value;
        return true;
    }

    template <typename T, typename Parse>
    bool word(const json& j, const char* key, T& out, Parse parse, const std::string& path) {
        std::string text;
        if (!get(j, key, text, path)) return false;
        const auto value = parse(text);
        if (!value) return fail(path + "." + key, fmt::format("'{}' is not a known value", text));
        out = *value;
        return true;
    }

    bool fail(std::string path, std::string what) {
        if (m_path.empty()) {
            m_path = std::move(path);
            m_what = std::move(what);
        }
        return false;
    }

    core::Error first_error() const { return error(m_path, m_what); }

  private:
    const std::string& m_source;
    std::string m_path{};
    std::string m_what{};
};

bool read_step(Reader& rd, const json& j, Step& s, const std::string& path) {
    return rd.word(j, "kind", s.kind, step_kind_from_text, path) &&
           rd.word(j, "effort", s.effort, effort_from_text, path) &&
           rd.get_optional(j, "duration_s", s.duration_s, path) &&
           rd.get_optional(j, "distance_m", s.distance_m, path) && rd.get(j, "grade", s.grade, path) &&
           rd.get(j, "note", s.note, path);
}

bool read_session(Reader& rd, const json& j, Session& s, const std::string& path) {
    std::string date;
    if (!rd.get(j, "date", date, path)) return false;
    const auto d = parse_date(date);
    if (!d) return rd.fail(path + ".date", "is not a date");
    s.date = *d;
    if (!rd.word(j, "kind", s.kind, session_kind_from_text, path) || !rd.get(j, "title", s.title, path) ||
        !rd.get(j, "focus_hill", s.focus_hill, path) || !rd.get(j, "hard", s.hard, path) ||
        !rd.get(j, "warmup_s", s.warmup_s, path) || !rd.get(j, "duration_s", s.duration_s, path) ||
        !rd.get(j, "distance_m", s.distance_m, path) || !rd.get(j, "ascent_m", s.ascent_m, path) ||
        !rd.get(j, "descent_m", s.descent_m, path) || !rd.get(j, "downhill_run_m", s.downhill_run_m, path) ||
        !rd.get(j, "load", s.load, path) || !rd.get(j, "where", s.where, path) ||
        !rd.get(j, "why", s.why, path) || !rd.get(j, "status", s.status, path)) {
        return false;
    }
    const json& steps = j.value("steps", json::array());
    for (std::size_t b = 0; b < steps.size(); ++b) {
        const std::string bp = fmt::format("{}.steps[{}]", path, b);
        StepBlock block;
        if (!rd.get(steps[b], "repeats", block.repeats, bp)) return false;
        const json& inner = steps[b].value("steps", json::array());
        for (std::size_t k = 0; k < inner.size(); ++k) {
            Step st;
            if (!read_step(rd, inner[k], st, fmt::format("{}.steps[{}]", bp, k))) return false;
            block.steps.push_back(std::move(st));
        }
        s.steps.push_back(std::move(block));
    }
    const json& exercises = j.value("exercises", json::array());
    for (std::size_t e = 0; e < exercises.size(); ++e) {
        const std::string ep = fmt::format("{}.exercises[{}]", path, e);
        Exercise x;
        if (!rd.get(exercises[e], "name", x.name, ep) || !rd.get(exercises[e], "sets", x.sets, ep) ||
            !rd.get(exercises[e], "reps", x.reps, ep) || !rd.get(exercises[e], "tempo", x.tempo, ep) ||
            !rd.get(exercises[e], "load", x.load, ep) ||
            !rd.get(exercises[e], "progression", x.progression, ep) ||
            !rd.get_optional(exercises[e], "reps_count", x.reps_count, ep) ||
            !rd.get_optional(exercises[e], "hold_s", x.hold_s, ep)) {
            return false;
        }
        s.exercises.push_back(std::move(x));
    }
    const auto climb = j.find("climb");
    if (climb != j.end() && !climb->is_null()) {
        ClimbUse c;
        const std::string cp = path + ".climb";
        if (!rd.get(*climb, "id", c.id, cp) || !rd.get(*climb, "name", c.name, cp) ||
            !rd.get(*climb, "length_m", c.length_m, cp) || !rd.get(*climb, "grade", c.grade, cp) ||
            !rd.get(*climb, "times_run", c.times_run, cp) || !rd.get(*climb, "used_m", c.used_m, cp)) {
            return false;
        }
        s.climb = std::move(c);
    }
    return true;
}

bool read_profile(Reader& rd, const json& j, Runner& r) {
    const std::string path = "profile";
    std::string start;
    std::string long_day;
    std::optional<std::string> race_date;
    std::optional<double> race_distance;
    std::optional<double> race_ascent;
    if (!rd.word(j, "level", r.level, level_from_text, path) ||
        !rd.word(j, "goal", r.goal, goal_from_text, path) ||
        !rd.get(j, "days_per_week", r.days_per_week, path) ||
        !rd.get(j, "minutes_per_week", r.minutes_per_week, path) ||
        !rd.word(j, "long_run_day", r.long_run_day, weekday_from_text, path) ||
        !rd.get(j, "hills", r.hills, path) || !rd.get(j, "treadmill", r.treadmill, path) ||
        !rd.get(j, "stadium", r.stadium, path) || !rd.get(j, "gym", r.gym, path) ||
        !rd.get(j, "injuries", r.injuries, path) || !rd.get(j, "start", start, path) ||
        !rd.get(j, "weeks", r.weeks, path) || !rd.get_optional(j, "race_date", race_date, path) ||
        !rd.get_optional(j, "race_distance_m", race_distance, path) ||
        !rd.get_optional(j, "race_ascent_m", race_ascent, path) ||
        !rd.get_optional(j, "mass_kg", r.athlete.mass_kg, path) ||
        !rd.get_optional(j, "threshold_speed_m_s", r.athlete.threshold_speed_m_s, path)) {
        return false;
    }
    const auto s = parse_date(start);
    if (!s) return rd.fail(path + ".start", "is not a date");
    r.start = *s;
    if (race_date) {
        r.race_date = parse_date(*race_date);
        if (!r.race_date) return rd.fail(path + ".race_date", "is not a date");
    }
    r.race_distance_m = race_distance.value_or(0.0);
    r.race_ascent_m = race_ascent.value_or(0.0);
    if (j.contains("defaults")) rd.get(j, "defaults", r.defaults, path);
    return true;
}

bool read_start(Reader& rd, const json& j, StartingPoint& p) {
    const std::string path = "start";
    return rd.get(j, "source", p.source, path) && rd.get(j, "weekly_duration_s", p.weekly_duration_s, path) &&
           rd.get(j, "weekly_distance_m", p.weekly_distance_m, path) &&
           rd.get(j, "weekly_ascent_m", p.weekly_ascent_m, path) &&
           rd.get(j, "weekly_downhill_run_m", p.weekly_downhill_run_m, path) &&
           rd.get(j, "weekly_load", p.weekly_load, path) && rd.get(j, "long_run_s", p.long_run_s, path) &&
           rd.get(j, "threshold_speed_m_s", p.threshold_speed_m_s, path) &&
           rd.get(j, "hill_sessions_per_week", p.hill_sessions_per_week, path);
}

}  // namespace

json plan_json(const Plan& plan) {
    json weeks = json::array();
    for (const Week& w : plan.weeks) {
        json sessions = json::array();
        for (const Session& s : w.sessions) sessions.push_back(session_json(s));
        weeks.push_back(json{{"start_date", format_date(w.start)},
                             {"phase", to_string(w.phase)},
                             {"deload", w.deload},
                             {"focus", w.focus},
                             {"sessions", std::move(sessions)}});
    }
    return json{{"profile", profile_json(plan.runner)},
                {"start", start_json(plan.start)},
                {"notes", plan.notes},
                {"weeks", std::move(weeks)}};
}

core::Expected<Plan> plan_from_json(const json& j, const std::string& source) {
    Reader rd(source);
    Plan plan;
    if (!j.is_object() || !j.contains("profile") || !j.contains("weeks") || !j.contains("start")) {
        return rd.error("$", "not a hillcoach plan (profile, start and weeks are needed)");
    }
    if (!read_profile(rd, j["profile"], plan.runner) || !read_start(rd, j["start"], plan.start))
        return rd.first_error();
    if (j.contains("notes") && !rd.get(j, "notes", plan.notes, "$")) return rd.first_error();
    const json& weeks = j["weeks"];
    if (!weeks.is_array()) return rd.error("weeks", "must be a list");
    for (std::size_t w = 0; w < weeks.size(); ++w) {
        const std::string path = fmt::format("weeks[{}]", w);
        Week week;
        std::string start;
        if (!rd.get(weeks[w], "start_date", start, path) ||
            !rd.word(weeks[w], "phase", week.phase, phase_from_text, path) ||
            !rd.get(weeks[w], "deload", week.deload, path) || !rd.get(weeks[w], "focus", week.focus, path)) {
            return rd.first_error();
        }
        const auto d = parse_date(start);
        if (!d) return rd.error(path + ".start_date", "is not a date");
        week.start = *d;
        const json& sessions = weeks[w].value("sessions", json::array());
        for (std::size_t s = 0; s < sessions.size(); ++s) {
            Session session;
            if (!read_session(rd, sessions[s], session, fmt::format("{}.sessions[{}]", path, s)))
                return rd.first_error();
            week.sessions.push_back(std::move(session));
        }
        plan.weeks.push_back(std::move(week));
    }
    return plan;
}

}  // namespace hillcoach::plan
