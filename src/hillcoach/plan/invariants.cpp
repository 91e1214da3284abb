#include "hillcoach/plan/invariants.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "hillcoach/plan/injuries.hpp"

namespace hillcoach::plan {
namespace {

constexpr double k_epsilon = 1e-6;
constexpr double k_downhill_epsilon_m = 0.5;  // descent is planned to the metre
constexpr double k_way_back_epsilon_m = 1.0;

double running_time_s(const Week& week) {
    double total = 0.0;
    for (const Session& s : week.sessions) {
        if (info(s.kind).run && s.kind != SessionKind::race && s.status != "missed") total += s.duration_s;
    }
    return total;
}

bool is_race_week(const Plan& plan, const Week& week) {
    const Date race = plan.runner.race_date.value_or(Date{});
    return plan.runner.race_date && race >= week.start && race < week.start + std::chrono::days{7};
}

bool is_hill_run(const Session& s) {
    return s.focus_hill || s.kind == SessionKind::hilly_long;
}

// Whether the session's first step is an easy warm-up on the flat, before any climbing or descending.
bool starts_warm(const Session& s) {
    if (s.steps.empty() || s.steps.front().steps.empty()) return false;
    const Step& first = s.steps.front().steps.front();
    return first.kind == StepKind::warmup && first.grade == 0.0 && s.warmup_s > 0.0 &&
           (first.effort == Effort::easy || first.effort == Effort::walk);
}

// A block whose way back is not the length of its rep: the lead step is the block's first climb or hard
// descent measured by distance; every other graded step measured by distance goes back over that hill.
bool way_back_differs(const StepBlock& b) {
    const Step* rep = nullptr;
    for (const Step& st : b.steps) {
        const bool work = st.kind == StepKind::run || st.kind == StepKind::climb ||
                          (st.kind == StepKind::descend && st.effort != Effort::easy);
        if (work && st.grade != 0.0 && st.distance_m && !st.duration_s) {
            rep = &st;
            break;
        }
    }
    if (rep == nullptr) return false;
    for (const Step& st : b.steps) {
        if (&st == rep || st.grade == 0.0 || !st.distance_m) continue;
        if (std::abs(*st.distance_m - *rep->distance_m) > k_way_back_epsilon_m) return true;
    }
    return false;
}

class Checker {
  public:
    explicit Checker(const Plan& plan) : m_plan(plan) {}

    std::vector<Violation> run() {
        check_hard_days();
        double last_load = m_plan.start.weekly_load;
        double last_downhill = m_plan.start.weekly_downhill_run_m;
        double pre_deload_load = last_load;
        double pre_deload_downhill = last_downhill;
        // The weeks the descent may grow from (planner.hpp, k_downhill_memory_weeks), oldest first.
        std::vector<double> recent_downhill(k_downhill_memory_weeks, last_downhill);
        bool last_deload = false;
        double peak_s = m_plan.start.weekly_duration_s;  // running time, as the starting point counts it
        for (std::size_t w = 0; w < m_plan.weeks.size(); ++w) {
            const Week& week = m_plan.weeks[w];
            const WeekTotals t = totals(week);
            m_week = static_cast<int>(w);
            check_week_contents(week, t);
            const double load_base = last_deload ? std::max(last_load, pre_deload_load) : last_load;
            const double load_limit =
                std::max(load_base * (1.0 + k_load_rise_limit), load_base + k_load_rise_floor);
            if (t.load > load_limit + k_epsilon) {
                add("load_rise", fmt::format("load {:.1f} is {:.1f} % above {:.1f}", t.load,
                                             (t.load / load_base - 1.0) * 100.0, load_base));
            }
            const double downhill_base =
                std::max({last_deload ? std::max(last_downhill, pre_deload_downhill) : last_downhill,
                          *std::max_element(recent_downhill.begin(), recent_downhill.end())});
            const double downhill_limit =
                std::max(downhill_base * (1.0 + k_downhill_growth), downhill_base + k_downhill_step_m);
            if (t.downhill_run_m > downhill_limit + k_downhill_epsilon_m) {
                add("downhill_growth",
                    fmt::format("{:.0f} m of descent run, above the {:.0f} m allowed after {:.0f} m",
                                t.downhill_run_m, downhill_limit, downhill_base));
            }
            if (week.phase == Phase::taper || is_race_week(m_plan, week)) {
                if (running_time_s(week) > peak_s * k_taper_volume_share + k_epsilon) {
                    add("taper_cuts_volume",
                        fmt::format("{:.0f} min of running in a taper week, peak {:.0f} min",
                                    running_time_s(week) / 60.0, peak_s / 60.0));
                }
            } else {
                peak_s = std::max(peak_s, running_time_s(week));
            }
            if (!week.deload) {
                pre_deload_load = t.load;
                pre_deload_downhill = t.downhill_run_m;
            }
            last_deload = week.deload;
            last_load = t.load;
            last_downhill = t.downhill_run_m;
            recent_downhill.erase(recent_downhill.begin());
            recent_downhill.push_back(t.downhill_run_m);
        }
        return std::move(m_found);
    }

  private:
    void add(std::string rule, std::string detail) {
        m_found.push_back(Violation{.rule = std::move(rule), .week = m_week, .detail = std::move(detail)});
    }

    void check_week_contents(const Week& week, const WeekTotals& t) {
        const Runner& r = m_plan.runner;
        const bool race_week = is_race_week(m_plan, week);
        if (t.focus_hill_sessions > 2) {
            add("focus_hill_per_week", fmt::format("{} focused hill sessions", t.focus_hill_sessions));
        }
        if (t.run_days > r.days_per_week) {
            add("days_available", fmt::format("{} days used, {} available", t.run_days, r.days_per_week));
        }
        int flat_quality = 0;
        for (const Session& s : week.sessions) {
            if (s.date < week.start || s.date >= week.start + std::chrono::days{7}) {
                add("days_available",
                    fmt::format("{} on {} is outside the week", s.title, format_date(s.date)));
            }
            if (is_hill_run(s) && !starts_warm(s)) {
                add("warmup_first",
                    fmt::format("{} on {} has no warm-up first", s.title, format_date(s.date)));
            }
            for (const StepBlock& b : s.steps) {
                if (b.repeats > 1 && way_back_differs(b)) {
                    add("rep_way_back", fmt::format("{} on {}: the way back is not the rep's length", s.title,
                                                    format_date(s.date)));
                    break;
                }
            }
            if (s.kind != SessionKind::rest && s.why.empty()) {
                add("says_why",
                    fmt::format("{} on {} does not say why it is there", s.title, format_date(s.date)));
            }
            if (s.kind == SessionKind::flat_quality) ++flat_quality;
            if (r.goal == Goal::return_after_injury && m_week < k_return_no_downhill_weeks &&
                (s.downhill_run_m > 0.0 || s.kind == SessionKind::downhill_repeats)) {
                add("return_no_downhill", fmt::format("{} on {} runs {:.0f} m down", s.title,
                                                      format_date(s.date), s.downhill_run_m));
            }
        }
        if (r.goal == Goal::flat_race && !race_week && flat_quality == 0) {
            add("flat_quality_kept", "no flat quality session");
        }
        if (r.gym && !race_week && t.strength_sessions == 0) add("strength_with_gym", "no strength session");
    }

    // Hard days over the whole plan: sorted dates, none the day after another.
    void check_hard_days() {
        std::set<Date> hard;
        for (const Week& week : m_plan.weeks) {
            for (const Session& s : week.sessions) {
                if (s.hard && s.status != "missed") hard.insert(s.date);
            }
        }
        Date previous{};
        bool first = true;
        for (const Date d : hard) {
            if (!first && (d - previous).count() < 2) {
                m_week = week_of(d);
                add("hard_days_apart",
                    fmt::format("hard days {} and {}", format_date(previous), format_date(d)));
            }
            previous = d;
            first = false;
        }
    }

    int week_of(Date d) const {
        for (std::size_t w = 0; w < m_plan.weeks.size(); ++w) {
            if (d >= m_plan.weeks[w].start && d < m_plan.weeks[w].start + std::chrono::days{7})
                return static_cast<int>(w);
        }
        return -1;
    }

    const Plan& m_plan;
    std::vector<Violation> m_found{};
    int m_week = 0;
};

}  // namespace

std::vector<Violation> check_invariants(const Plan& plan) {
    return Checker(plan).run();
}

}  // namespace hillcoach::plan
