#include "hillcoach/training/guidance.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "hillcoach/training/weeks.hpp"

namespace hillcoach::training {
namespace {

constexpr double k_hour_s = 3600.0;

const std::vector<RuleInfo> k_rules{
    {"hill-sessions-per-week", Severity::warning,
     "Focused hill sessions are hard work; more than two a week leaves too little recovery and invites "
     "burn-out and overuse injury, and over-develops the hamstrings against the rest of the leg."},
    {"hill-sessions-48h", Severity::warning,
     "Two focused hill sessions within 48 hours leave no time to recover and to grow from the first."},
    {"eccentric-spike", Severity::warning,
     "Downhill (eccentric) load jumped well above what the legs are used to; sudden eccentric load brings "
     "soreness and muscle damage and raises injury risk."},
    {"descent-after-break", Severity::caution,
     "A long or steep descent after weeks without one: the protection earlier downhill running gives the "
     "quadriceps fades within about six weeks, so expect soreness and take the next days easy."},
    {"up-without-down", Severity::caution,
     "Weeks of climbing with little descending: the quadriceps are not being prepared for the eccentric load "
     "of descents, which a hilly race will ask for."},
    {"down-without-up", Severity::caution,
     "Weeks of descending with little climbing: the concentric uphill strength of glutes, hamstrings and "
     "calves is not being trained in balance with the downhill work."},
    {"ramp-ascent", Severity::caution,
     "Weekly climbing has grown by more than about 10 % a week for several weeks; the tissues adapt more "
     "slowly than fitness, and fast build-ups precede overuse injuries."},
    {"ramp-stress", Severity::caution,
     "Weekly training load has grown by more than about 10 % a week for several weeks; fast build-ups "
     "precede overuse injuries and illness."},
    {"no-warm-up", Severity::caution,
     "A hill session started climbing hard without an easy warm-up; cold muscles and tendons take hard "
     "uphill efforts badly."},
    {"flat-race-specificity", Severity::info,
     "The goal is a flat race but few sessions ran at race pace on flat ground; race pace is a skill that "
     "hills alone do not train."},
    {"mountain-climbing", Severity::info,
     "The goal is a hilly or mountain race but recent weeks climbed too little to prepare for it."},
    {"flat-only", Severity::info,
     "Months of flat, easy running only: strength and running economy have likely plateaued; add hills or "
     "strength work."},
};

struct Dated {
    Day day = 0;
    const ActivityDigest* digest = nullptr;
};

bool is_run(const ActivityDigest& d) {
    return d.session_type != analysis::SessionType::other_sport &&
           d.session_type != analysis::SessionType::hike_or_walk;
}

bool big_descent(const ActivityDigest& d, const GuidanceThresholds& t) {
    if (d.longest_descent && d.longest_descent->drop_m >= t.long_descent_m) return true;
    return d.steepest_descent && d.steepest_descent->avg_grade <= -t.steep_descent_grade &&
           d.steepest_descent->drop_m >= t.steep_descent_min_drop_m;
}

Evidence number(std::string key, double value) { return {.key = std::move(key), .number = value, .text = {}}; }
Evidence text(std::string key, std::string value) {
    return {.key = std::move(key), .number = std::nullopt, .text = std::move(value)};
}

const RuleInfo& info(std::string_view id) {
    for (const RuleInfo& r : k_rules)
        if (r.id == id) return r;
    return k_rules.front();
}

// Everything the rules look at, computed once.
class Judge {
public:
    explicit Judge(const GuidanceInput& in) : m_in(in), m_t(in.thresholds), m_cal(*in.calendar) {
        for (const ActivityDigest& d : *in.digests)
            if (d.start_time_s) m_dated.push_back({m_cal.local_day(*d.start_time_s), &d});
        std::sort(m_dated.begin(), m_dated.end(),
                  [](const Dated& a, const Dated& b) { return *a.digest->start_time_s < *b.digest->start_time_s; });
        m_series = load_series(*in.digests, m_cal, in.load);
        m_weeks = weeks(*in.digests, m_cal, m_series);
    }

    bool empty() const { return m_weeks.empty(); }
    Day last_week() const { return m_weeks.back().start; }
    Day first_week() const { return m_weeks.front().start; }

    void judge_week(std::size_t w, std::vector<Finding>& out) const {
        hill_sessions_per_week(w, out);
        hill_sessions_48h(w, out);
        eccentric_spike(w, out);
        descent_after_break(w, out);
        balance(w, out);
        ramp(w, out, "ramp-ascent", &WeekRow::ascent_m, m_t.ramp_min_ascent_m, "ascent_m", "m");
        ramp(w, out, "ramp-stress", &WeekRow::stress, m_t.ramp_min_stress, "stress", "");
        no_warm_up(w, out);
        if (m_in.goal.kind == GoalKind::flat_race) flat_race_specificity(w, out);
        if (m_in.goal.kind == GoalKind::hilly_race) mountain_climbing(w, out);
        flat_only(w, out);
    }

    std::optional<std::size_t> week_index(Day day) const {
        const Day week = m_cal.week_of(day);
        if (m_weeks.empty() || week < first_week() || week > last_week()) return std::nullopt;
        return static_cast<std::size_t>((week - first_week()) / 7);
    }

private:
    Finding finding(std::string_view id, std::size_t w, std::string message) const {
        const RuleInfo& r = info(id);
        return {.rule = std::string(id),
                .week_start = m_weeks[w].start,
                .severity = r.severity,
                .message = std::move(message),
                .evidence = {},
                .activities = {}};
    }

    // The dated activities of week w.
    std::vector<const Dated*> in_week(std::size_t w) const {
        std::vector<const Dated*> out;
        for (const Dated& d : m_dated)
            if (d.day >= m_weeks[w].start && d.day <= m_weeks[w].end()) out.push_back(&d);
        return out;
    }

    // The window of `n` weeks that ends with week w, or nullopt when the history is shorter.
    std::optional<std::pair<std::size_t, std::size_t>> window(std::size_t w, int n) const {
        if (n < 1 || w + 1 < static_cast<std::size_t>(n)) return std::nullopt;
        return std::pair(w + 1 - static_cast<std::size_t>(n), w);
    }

    template <class F>
    void for_each_in(std::size_t from_w, std::size_t to_w, F f) const {
        for (const Dated& d : m_dated)
            if (d.day >= m_weeks[from_w].start && d.day <= m_weeks[to_w].end()) f(d);
    }

    std::string when(const Dated& d) const {
        return fmt::format("{} ({})", format_day(d.day), d.digest->name.empty() ? "unnamed" : d.digest->name);
    }

    void hill_sessions_per_week(std::size_t w, std::vector<Finding>& out) const {
        const WeekRow& row = m_weeks[w];
        if (row.hill_sessions <= m_t.max_hill_sessions_per_week) return;
        Finding f = finding("hill-sessions-per-week", w,
                            fmt::format("{} focused hill sessions in the week of {} (at most {}). {}",
                                        row.hill_sessions, format_day(row.start), m_t.max_hill_sessions_per_week,
                                        info("hill-sessions-per-week").reason));
        f.evidence = {number("hill_sessions", row.hill_sessions),
                      number("max_hill_sessions_per_week", m_t.max_hill_sessions_per_week)};
        for (const Dated* d : in_week(w))
            if (d->digest->focused_hill()) f.activities.push_back(d->digest->id);
        out.push_back(std::move(f));
    }

    void hill_sessions_48h(std::size_t w, std::vector<Finding>& out) const {
        const Dated* previous = nullptr;
        for (const Dated& d : m_dated) {
            if (!d.digest->focused_hill()) continue;
            if (previous != nullptr && d.day >= m_weeks[w].start && d.day <= m_weeks[w].end()) {
                const double hours = (*d.digest->start_time_s - *previous->digest->start_time_s) / k_hour_s;
                if (hours < m_t.min_hours_between_hill_sessions) {
                    Finding f = finding("hill-sessions-48h", w,
                                        fmt::format("Focused hill sessions on {} and {}, {:.0f} hours apart (at "
                                                    "least {:.0f}). {}",
                                                    when(*previous), when(d), hours,
                                                    m_t.min_hours_between_hill_sessions,
                                                    info("hill-sessions-48h").reason));
                    f.evidence = {number("hours_apart", hours),
                                  number("min_hours_between_hill_sessions", m_t.min_hours_between_hill_sessions),
                                  text("first", format_day(previous->day)), text("second", format_day(d.day))};
                    f.activities = {previous->digest->id, d.digest->id};
                    out.push_back(std::move(f));
                }
            }
            previous = &d;
        }
    }

    void eccentric_spike(std::size_t w, std::vector<Finding>& out) const {
        std::optional<Day> worst;
        double worst_ratio = 0.0;
        for (Day day = m_weeks[w].start; day <= m_weeks[w].end(); ++day) {
            const std::optional<double> r = m_series.acwr(Channel::eccentric, day);
            if (!r || *r <= m_t.max_eccentric_acwr || *r <= worst_ratio) continue;
            const double acute = m_series.sum(Channel::eccentric, day - m_in.load.ratio_acute_days + 1, day);
            if (acute < m_t.min_eccentric_acute_load) continue;
            worst = day;
            worst_ratio = *r;
        }
        if (!worst) return;
        const LoadOptions& o = m_in.load;
        const double acute = m_series.sum(Channel::eccentric, *worst - o.ratio_acute_days + 1, *worst);
        const double chronic = m_series.sum(Channel::eccentric, *worst - o.ratio_chronic_days + 1, *worst) *
                               o.ratio_acute_days / o.ratio_chronic_days;
        Finding f = finding("eccentric-spike", w,
                            fmt::format("Downhill eccentric load on {}: {:.0f} points in {} days against {:.0f} "
                                        "usual, a ratio of {:.2f} (above {:.1f}). {}",
                                        format_day(*worst), acute, o.ratio_acute_days, chronic, worst_ratio,
                                        m_t.max_eccentric_acwr, info("eccentric-spike").reason));
        f.evidence = {number("eccentric_acwr", worst_ratio), number("acute_eccentric_load", acute),
                      number("chronic_eccentric_load_per_acute_window", chronic),
                      number("max_eccentric_acwr", m_t.max_eccentric_acwr), text("day", format_day(*worst))};
        out.push_back(std::move(f));
    }

    void descent_after_break(std::size_t w, std::vector<Finding>& out) const {
        if (m_dated.empty()) return;
        const Day history_start = m_dated.front().day;
        std::optional<Day> last_big;
        for (const Dated& d : m_dated) {
            if (!big_descent(*d.digest, m_t)) continue;
            const bool in_w = d.day >= m_weeks[w].start && d.day <= m_weeks[w].end();
            const bool known_break = d.day - history_start >= m_t.descent_break_days;
            const bool after_break = !last_big || d.day - *last_big >= m_t.descent_break_days;
            if (in_w && known_break && after_break) {
                const DescentDigest& x = d.digest->longest_descent ? *d.digest->longest_descent
                                                                  : *d.digest->steepest_descent;
                const std::string since =
                    last_big ? fmt::format("{} days after the last one", d.day - *last_big)
                             : fmt::format("the first in {} days of history", d.day - history_start);
                Finding f = finding("descent-after-break", w,
                                    fmt::format("A descent of {:.0f} m at {:.1f} % on {}, {}. {}", x.drop_m,
                                                std::abs(x.avg_grade) * 100.0, when(d), since,
                                                info("descent-after-break").reason));
                f.evidence = {number("drop_m", x.drop_m), number("avg_grade", x.avg_grade),
                              number("descent_break_days", m_t.descent_break_days)};
                if (last_big) f.evidence.push_back(number("days_since_last", d.day - *last_big));
                f.activities = {d.digest->id};
                out.push_back(std::move(f));
            }
            last_big = d.day;
        }
    }

    void balance(std::size_t w, std::vector<Finding>& out) const {
        const auto win = window(w, m_t.balance_weeks);
        if (!win) return;
        double up = 0.0, down = 0.0;
        for (std::size_t i = win->first; i <= win->second; ++i) {
            up += m_weeks[i].ascent_m;
            down += m_weeks[i].descent_m;
        }
        const auto fire = [&](std::string_view id, double more, double less, std::string_view more_word,
                              std::string_view less_word) {
            Finding f = finding(id, w,
                                fmt::format("{:.0f} m of {} but {:.0f} m of {} over the {} weeks to {} (less "
                                            "than {:.0f} % of it). {}",
                                            more, more_word, less, less_word, m_t.balance_weeks,
                                            format_day(m_weeks[w].end()), m_t.balance_ratio * 100.0,
                                            info(id).reason));
            f.evidence = {number("ascent_m", up), number("descent_m", down), number("weeks", m_t.balance_weeks),
                          number("balance_ratio", m_t.balance_ratio)};
            out.push_back(std::move(f));
        };
        if (up >= m_t.balance_min_m && down < m_t.balance_ratio * up)
            fire("up-without-down", up, down, "climbing", "descending");
        else if (down >= m_t.balance_min_m && up < m_t.balance_ratio * down)
            fire("down-without-up", down, up, "descending", "climbing");
    }

    void ramp(std::size_t w, std::vector<Finding>& out, std::string_view id, double WeekRow::*field, double min,
              std::string_view key, std::string_view unit) const {
        const int n = m_t.ramp_weeks;
        if (n < 1 || w < static_cast<std::size_t>(n)) return;
        const std::size_t base = w - static_cast<std::size_t>(n);
        if (m_weeks[base].*field < min) return;
        for (std::size_t i = base + 1; i <= w; ++i)
            if (!(m_weeks[i].*field > (1.0 + m_t.ramp_fraction) * m_weeks[i - 1].*field)) return;
        std::string values;
        Finding f = finding(id, w, "");
        for (std::size_t i = base; i <= w; ++i) {
            values += fmt::format("{}{:.0f}{}", i == base ? "" : ", ", m_weeks[i].*field, unit);
            f.evidence.push_back(number(fmt::format("{}_week_of_{}", key, format_day(m_weeks[i].start)),
                                        m_weeks[i].*field));
        }
        const double growth = std::pow(m_weeks[w].*field / m_weeks[base].*field, 1.0 / n) - 1.0;
        f.message = fmt::format("Weekly {} {} over {} weeks: {:.0f} % a week (more than {:.0f} %). {}",
                                key == "stress" ? "load" : "ascent", values, n + 1, growth * 100.0,
                                m_t.ramp_fraction * 100.0, info(id).reason);
        f.evidence.push_back(number("weekly_growth", growth));
        f.evidence.push_back(number("ramp_fraction", m_t.ramp_fraction));
        out.push_back(std::move(f));
    }

    void no_warm_up(std::size_t w, std::vector<Finding>& out) const {
        for (const Dated* d : in_week(w)) {
            const ActivityDigest& a = *d->digest;
            if (a.hill_focus != HillFocus::hill_repeats && a.hill_focus != HillFocus::hill_sprints) continue;
            if (!a.warmup || a.warmup->easy_s >= m_t.min_warmup_easy_s) continue;
            Finding f = finding("no-warm-up", w,
                                fmt::format("{}: {:.0f} min of easy running before the first climb (at least "
                                            "{:.0f}). {}",
                                            when(*d), a.warmup->easy_s / 60.0, m_t.min_warmup_easy_s / 60.0,
                                            info("no-warm-up").reason));
            f.evidence = {number("warmup_easy_s", a.warmup->easy_s), number("warmup_moving_s", a.warmup->moving_s),
                          number("min_warmup_easy_s", m_t.min_warmup_easy_s)};
            f.activities = {a.id};
            out.push_back(std::move(f));
        }
    }

    void flat_race_specificity(std::size_t w, std::vector<Finding>& out) const {
        const auto win = window(w, m_t.flat_race_weeks);
        if (!win) return;
        int sessions = 0;
        for_each_in(win->first, win->second, [&](const Dated& d) {
            if (d.digest->flat_race_pace_s.value_or(0.0) >= m_t.race_pace_session_min_s) ++sessions;
        });
        if (sessions >= m_t.min_flat_race_sessions) return;
        Finding f = finding("flat-race-specificity", w,
                            fmt::format("{} session{} with at least {:.0f} min at race pace on flat ground in the "
                                        "{} weeks to {} (at least {}). {}",
                                        sessions, sessions == 1 ? "" : "s", m_t.race_pace_session_min_s / 60.0,
                                        m_t.flat_race_weeks, format_day(m_weeks[w].end()),
                                        m_t.min_flat_race_sessions, info("flat-race-specificity").reason));
        f.evidence = {number("race_pace_sessions", sessions),
                      number("min_flat_race_sessions", m_t.min_flat_race_sessions),
                      number("weeks", m_t.flat_race_weeks)};
        out.push_back(std::move(f));
    }

    void mountain_climbing(std::size_t w, std::vector<Finding>& out) const {
        const auto win = window(w, m_t.mountain_weeks);
        if (!win) return;
        double ascent = 0.0;
        for (std::size_t i = win->first; i <= win->second; ++i) ascent += m_weeks[i].ascent_m;
        const double weekly = ascent / m_t.mountain_weeks;
        double need = m_t.min_weekly_ascent_m;
        if (m_in.goal.race_ascent_m) need = std::max(need, m_t.race_ascent_fraction * *m_in.goal.race_ascent_m);
        if (weekly >= need) return;
        Finding f = finding("mountain-climbing", w,
                            fmt::format("{:.0f} m of climbing a week over the {} weeks to {} (at least {:.0f}{}). "
                                        "{}",
                                        weekly, m_t.mountain_weeks, format_day(m_weeks[w].end()), need,
                                        m_in.goal.race_ascent_m
                                            ? fmt::format(" for a race with {:.0f} m", *m_in.goal.race_ascent_m)
                                            : std::string(),
                                        info("mountain-climbing").reason));
        f.evidence = {number("weekly_ascent_m", weekly), number("needed_weekly_ascent_m", need),
                      number("weeks", m_t.mountain_weeks)};
        if (m_in.goal.race_ascent_m) f.evidence.push_back(number("race_ascent_m", *m_in.goal.race_ascent_m));
        out.push_back(std::move(f));
    }

    void flat_only(std::size_t w, std::vector<Finding>& out) const {
        const auto win = window(w, m_t.flat_only_weeks);
        if (!win) return;
        int runs = 0, hill = 0, race_pace = 0;
        double km = 0.0, ascent = 0.0;
        for_each_in(win->first, win->second, [&](const Dated& d) {
            const ActivityDigest& a = *d.digest;
            if (!is_run(a)) return;
            ++runs;
            if (a.focused_hill()) ++hill;
            if (a.flat_race_pace_s.value_or(0.0) >= m_t.race_pace_session_min_s) ++race_pace;
            km += a.distance_m / 1000.0;
            ascent += a.ascent_m.value_or(0.0);
        });
        if (runs < m_t.flat_only_min_runs || hill > 0 || race_pace > 0 || km <= 0.0) return;
        const double m_per_km = ascent / km;
        if (m_per_km >= m_t.flat_only_max_m_per_km) return;
        Finding f = finding("flat-only", w,
                            fmt::format("{} runs, {:.0f} km, {:.1f} m of climbing per km and no hill or race-pace "
                                        "session in the {} weeks to {}. {}",
                                        runs, km, m_per_km, m_t.flat_only_weeks, format_day(m_weeks[w].end()),
                                        info("flat-only").reason));
        f.evidence = {number("runs", runs), number("distance_m", km * 1000.0), number("ascent_m_per_km", m_per_km),
                      number("hill_sessions", hill), number("weeks", m_t.flat_only_weeks)};
        out.push_back(std::move(f));
    }

    const GuidanceInput& m_in;
    const GuidanceThresholds& m_t;
    const Calendar& m_cal;
    std::vector<Dated> m_dated{};
    LoadSeries m_series{};
    std::vector<WeekRow> m_weeks{};
};

}  // namespace

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::caution: return "caution";
        case Severity::warning: return "warning";
    }
    return "info";
}

const std::vector<RuleInfo>& guidance_rules() { return k_rules; }

std::vector<Finding> check(const GuidanceInput& input, std::optional<Day> first_week, std::optional<Day> last_week) {
    std::vector<Finding> out;
    if (input.digests == nullptr || input.calendar == nullptr) return out;
    const Judge judge(input);
    if (judge.empty()) return out;
    const Day from = first_week ? input.calendar->week_of(*first_week) : judge.last_week();
    const Day to = last_week ? input.calendar->week_of(*last_week) : (first_week ? judge.last_week() : from);
    for (Day week = std::max(from, judge.first_week()); week <= std::min(to, judge.last_week()); week += 7)
        judge.judge_week(*judge.week_index(week), out);
    return out;
}

}  // namespace hillcoach::training
