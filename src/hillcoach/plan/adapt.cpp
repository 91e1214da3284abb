#include "hillcoach/plan/adapt.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include <fmt/format.h>

#include "hillcoach/plan/planner.hpp"

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;

bool is_key(const Session& s) {
    return s.kind == SessionKind::long_run || s.kind == SessionKind::hilly_long || s.focus_hill ||
           s.kind == SessionKind::flat_quality;
}

int key_rank(const Session& s) {
    if (s.kind == SessionKind::long_run || s.kind == SessionKind::hilly_long) return 0;
    if (s.focus_hill) return 1;
    return 2;
}

void take_actual(Session& s, const DoneActivity& a) {
    s.duration_s = a.duration_s;
    s.distance_m = a.distance_m;
    s.ascent_m = a.ascent_m;
    s.descent_m = a.descent_m;
    s.downhill_run_m = a.descent_m;
    s.load = a.load;
}

Session extra_session(const DoneActivity& a) {
    Session s;
    s.date = a.date;
    s.kind = a.hill_session ? SessionKind::short_hill_repeats : SessionKind::easy;
    s.title = a.label.empty() ? "Extra run" : "Extra run: " + a.label;
    s.focus_hill = a.hill_session;
    s.hard = a.hill_session;
    s.status = "extra";
    s.why = "Not in the plan: run anyway, and counted.";
    take_actual(s, a);
    return s;
}

// Matches the past runs of the weeks up to today to activities in three passes over all of them: the same
// day with the same kind (hill sessions to hill activities), the same day, then a day either side. Same-day
// matches go first across every week, so that a run on Monday is Monday's session, not Sunday's moved one.
void match_weeks(std::span<Week> weeks, std::vector<DoneActivity>& pool, std::vector<bool>& used, Date today,
                 AdaptReport& r) {
    for (int pass = 0; pass < 3; ++pass) {
        for (Week& week : weeks) {
            for (Session& s : week.sessions) {
                if (!info(s.kind).run || s.kind == SessionKind::race || s.date >= today || !s.status.empty())
                    continue;
                for (std::size_t i = 0; i < pool.size(); ++i) {
                    if (used[i]) continue;
                    const auto days = std::abs((pool[i].date - s.date).count());
                    const bool fits = pass == 0   ? days == 0 && pool[i].hill_session == s.focus_hill
                                      : pass == 1 ? days == 0
                                                  : days == 1;
                    if (!fits) continue;
                    used[i] = true;
                    s.status = days == 0 ? "done" : "moved";
                    if (days != 0) {
                        ++r.moved;
                        s.date = pool[i].date;
                    } else {
                        ++r.done;
                    }
                    take_actual(s, pool[i]);
                    break;
                }
            }
        }
    }
    for (Week& week : weeks) {
        for (Session& s : week.sessions) {
            if (info(s.kind).run && s.kind != SessionKind::race && s.date < today && s.status.empty()) {
                s.status = "missed";
                ++r.missed;
                r.changes.push_back(fmt::format("{} {}: missed", format_date(s.date), s.title));
            }
        }
    }
}

// The current week after today: at most one missed key session replaces an easy run where spacing allows;
// extra load beyond the plan removes easy runs.
void settle_current_week(Week& week, double planned_load, Date today, AdaptReport& r) {
    std::vector<Session*> missed;
    for (Session& s : week.sessions) {
        if (s.status == "missed" && is_key(s)) missed.push_back(&s);
    }
    std::sort(missed.begin(), missed.end(),
              [](const Session* a, const Session* b) { return key_rank(*a) < key_rank(*b); });
    const auto hard_near = [&](Date d) {
        for (const Session& s : week.sessions) {
            if (s.hard && s.status != "missed" && std::abs((s.date - d).count()) < 2 && s.date != d)
                return true;
        }
        return false;
    };
    if (!missed.empty()) {
        for (Session& s : week.sessions) {
            if (s.kind != SessionKind::easy || s.date < today || !s.status.empty() || hard_near(s.date))
                continue;
            Session moved = *missed.front();
            moved.date = s.date;
            moved.status = "";
            moved.why += " Moved here from a missed day; the other missed sessions are let go.";
            r.changes.push_back(fmt::format("{} {}: moved to {}", format_date(missed.front()->date),
                                            moved.title, format_date(s.date)));
            s = std::move(moved);
            break;
        }
    }
    double load = 0.0;
    for (const Session& s : week.sessions) {
        if (info(s.kind).run && s.status != "missed" && s.kind != SessionKind::race) load += s.load;
    }
    if (load <= planned_load * (1.0 + k_extra_load_share)) return;
    for (Session& s : week.sessions) {
        if (load <= planned_load * (1.0 + k_extra_load_share)) break;
        if (s.kind != SessionKind::easy || s.date < today || !s.status.empty()) continue;
        load -= s.load;
        r.changes.push_back(
            fmt::format("{} easy run dropped: this week already ran above plan", format_date(s.date)));
        Session rest;
        rest.date = s.date;
        rest.kind = SessionKind::rest;
        rest.title = "Rest";
        rest.why = "Rest: this week's extra running already covered this run.";
        s = std::move(rest);
    }
}

double planned_week_load(const Week& week) {
    double load = 0.0;
    for (const Session& s : week.sessions) {
        if (info(s.kind).run && s.kind != SessionKind::race && s.status != "extra") load += s.load;
    }
    return load;
}

}  // namespace

AdaptReport adapt(Plan& plan, const AdaptInput& in) {
    AdaptReport report;
    std::vector<DoneActivity> pool = in.done;
    std::sort(pool.begin(), pool.end(),
              [](const DoneActivity& a, const DoneActivity& b) { return a.date < b.date; });
    std::vector<bool> used(pool.size(), false);

    int current = -1;
    std::vector<double> planned(plan.weeks.size(), 0.0);
    for (std::size_t w = 0; w < plan.weeks.size(); ++w) {
        Week& week = plan.weeks[w];
        planned[w] = planned_week_load(week);
        if (week.start > in.today) break;
        current = static_cast<int>(w);
        // Statuses from an earlier adapt are kept for weeks already settled; the last weeks are matched
        // again.
        for (Session& s : week.sessions) {
            if (s.status == "missed" || s.status == "done" || s.status == "moved") s.status.clear();
        }
        week.sessions.erase(std::remove_if(week.sessions.begin(), week.sessions.end(),
                                           [](const Session& s) { return s.status == "extra"; }),
                            week.sessions.end());
    }
    if (current >= 0)
        match_weeks(std::span<Week>(plan.weeks.data(), static_cast<std::size_t>(current) + 1), pool, used,
                    in.today, report);
    for (std::size_t i = 0; i < pool.size(); ++i) {
        if (used[i] || current < 0) continue;
        for (int w = current; w >= 0; --w) {
            Week& week = plan.weeks[static_cast<std::size_t>(w)];
            if (pool[i].date < week.start) continue;
            if (pool[i].date >= week.start + chr::days{7}) break;
            week.sessions.push_back(extra_session(pool[i]));
            std::stable_sort(week.sessions.begin(), week.sessions.end(),
                             [](const Session& a, const Session& b) { return a.date < b.date; });
            ++report.extra;
            report.changes.push_back(
                fmt::format("{} extra run counted ({:.0f} load)", format_date(pool[i].date), pool[i].load));
            break;
        }
    }
    if (current < 0) return report;  // the plan has not started
    // Nothing of the current week has passed yet (today is its first day): it is made again too. Else its
    // rest is settled (a missed key session may move, extra load drops easy runs) and the next week is the
    // first one made again.
    const bool current_untouched = in.today <= plan.weeks[static_cast<std::size_t>(current)].start;
    if (!current_untouched) {
        settle_current_week(plan.weeks[static_cast<std::size_t>(current)],
                            planned[static_cast<std::size_t>(current)], in.today, report);
    }
    const int from = current_untouched ? current : current + 1;
    if (from >= static_cast<int>(plan.weeks.size())) return report;
    PlannerState state = state_before(plan, from);
    if (from > 0) {
        const std::size_t last = static_cast<std::size_t>(from - 1);
        const double actual = totals(plan.weeks[last]).load;
        const double plan_load = planned[last];
        if (plan_load > 0.0 && actual > plan_load * (1.0 + k_extra_load_share)) {
            const double cut = std::max(1.0 - k_most_extra_cut, 1.0 - (actual - plan_load) / plan_load);
            state.load_cut = std::min(state.load_cut, cut);
            state.last_load = plan_load;  // grow from the plan, not from the overshoot
            report.changes.push_back(
                fmt::format("the next week is {:.0f} % lighter: the week of {} ran {:.0f} % above plan",
                            (1.0 - cut) * 100.0, format_date(plan.weeks[last].start),
                            (actual / plan_load - 1.0) * 100.0));
        } else if (plan_load > 0.0 && actual < plan_load * k_resume_share) {
            // A week mostly missed (illness, travel) is not made up: the plan resumes from a share of what
            // was planned, and the hill ladder stays on the rung last run.
            state.last_load = plan_load * k_resume_share;
            state.pre_deload_load = std::min(state.pre_deload_load, state.last_load);
            state.last_was_deload = false;
            report.changes.push_back(fmt::format(
                "the week of {} ran {:.0f} % of plan: the plan resumes at {:.0f} %",
                format_date(plan.weeks[last].start), actual / plan_load * 100.0, k_resume_share * 100.0));
        }
    }
    const Date recent = plan.weeks[static_cast<std::size_t>(current)].start - chr::days{7};
    bool downhill_warning = false;
    bool any_warning = false;
    for (const GuidanceWarning& g : in.warnings) {
        if (g.week_start < recent || g.week_start > in.today) continue;
        any_warning = true;
        if (g.rule.find("downhill") != std::string::npos || g.rule.find("eccentric") != std::string::npos ||
            g.rule.find("descent") != std::string::npos) {
            downhill_warning = true;
        }
        report.changes.push_back(
            fmt::format("warning {} ({}): next week lighter", g.rule, format_date(g.week_start)));
    }
    if (any_warning) state.load_cut = std::min(state.load_cut, k_warning_load_cut);
    if (downhill_warning) {
        state.last_downhill_m *= k_warning_downhill_cut;
        for (double& d : state.recent_downhill_m) d *= k_warning_downhill_cut;
        state.pre_deload_downhill_m = std::min(state.pre_deload_downhill_m, state.last_downhill_m);
    }
    replan_from(plan, from, state, in.hills);
    report.replanned_from_week = from;
    return report;
}

}  // namespace hillcoach::plan
