#include "hillcoach/plan/planner.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "hillcoach/plan/injuries.hpp"
#include "hillcoach/plan/phases.hpp"
#include "hillcoach/plan/session_library.hpp"
#include "hillcoach/plan/session_numbers.hpp"
#include "hillcoach/plan/strength_library.hpp"
#include "hillcoach/plan/week_layout.hpp"
#include "hillcoach/plan/weekly_recipe.hpp"

namespace hillcoach::plan {

double recent_downhill_most_m(const PlannerState& state) {
    return state.recent_downhill_m.empty()
               ? 0.0
               : *std::max_element(state.recent_downhill_m.begin(), state.recent_downhill_m.end());
}

void remember_downhill(PlannerState& state, double downhill_run_m) {
    state.recent_downhill_m.push_back(downhill_run_m);
    const auto keep = static_cast<std::size_t>(k_downhill_memory_weeks);
    if (state.recent_downhill_m.size() > keep) {
        state.recent_downhill_m.erase(state.recent_downhill_m.begin(),
                                      state.recent_downhill_m.end() - static_cast<std::ptrdiff_t>(keep));
    }
}

namespace {

namespace chr = std::chrono;

constexpr std::size_t k_kind_count = static_cast<std::size_t>(SessionKind::race) + 1;

// Run lengths by level (new, regular, advanced): the shortest easy run worth going out for, the longest
// easy run, and the longest long run (three hours for a marathon or mountain race).
constexpr std::array<double, 3> k_min_easy_s{20 * 60.0, 25 * 60.0, 30 * 60.0};
constexpr std::array<double, 3> k_max_easy_s{40 * 60.0, 60 * 60.0, 75 * 60.0};
constexpr std::array<double, 3> k_min_long_s{30 * 60.0, 45 * 60.0, 60 * 60.0};
constexpr std::array<double, 3> k_max_long_s{90 * 60.0, 150 * 60.0, 180 * 60.0};
constexpr double k_long_growth = 0.10;
constexpr double k_long_deload_share = 0.75;
constexpr double k_long_week_share = 0.45;  // a long run takes at most this share of the week's minutes
constexpr double k_hilly_long_default_m_per_km = 15.0;
constexpr double k_long_load_share = 0.45;    // of the week's running load
constexpr double k_quality_load_share = 0.6;  // of what the long run leaves
constexpr double k_shortest_long_s = 20.0 * 60.0;
constexpr double k_strength_time_share = 0.3;  // of the week's minutes
constexpr double k_taper_time_share = 0.8;     // of the biggest week's running time

double load_per_s(Effort effort, double threshold_speed) {
    Step s{.kind = StepKind::run, .effort = effort, .duration_s = 1.0};
    const double f = step_intensity_factor(s, threshold_speed);
    return 100.0 / 3600.0 * f * f;
}

double sum_load(const std::vector<Session>& sessions) {
    double total = 0.0;
    for (const Session& s : sessions) {
        if (s.kind != SessionKind::race) total += s.load;
    }
    return total;
}

double sum_time(const std::vector<Session>& sessions) {
    double total = 0.0;
    for (const Session& s : sessions) {
        if (s.kind != SessionKind::race) total += s.duration_s;
    }
    return total;
}

double running_time_s(const Week& week) {
    double total = 0.0;
    for (const Session& s : week.sessions) {
        if (info(s.kind).run && s.kind != SessionKind::race && s.status != "missed") total += s.duration_s;
    }
    return total;
}

double sum_downhill(const std::vector<Session>& sessions) {
    double total = 0.0;
    for (const Session& s : sessions) {
        if (s.kind != SessionKind::race) total += s.downhill_run_m;
    }
    return total;
}

class WeekBuilder {
  public:
    WeekBuilder(const Runner& r, const StartingPoint& start, const std::vector<Hill>& hills,
                const std::vector<WeekFrame>& frames, PlannerState& state)
        : m_r(r),
          m_start(start),
          m_hills(hills),
          m_frames(frames),
          m_state(state),
          m_limits(injury_limits(r.injuries)) {}

    Week build(int index, Date week_start) {
        const WeekFrame& f = m_frames[static_cast<std::size_t>(index)];
        m_index = index;
        m_frame = f;
        Week week;
        week.start = week_start;
        week.phase = f.phase;
        week.deload = f.deload;
        m_recipe = week_recipe(RecipeInput{.runner = &m_r,
                                           .phase = f.phase,
                                           .deload = f.deload,
                                           .week_index = index,
                                           .week_in_phase = f.week_in_phase,
                                           .limits = m_limits});
        const bool race_week =
            m_r.race_date && *m_r.race_date >= week_start && *m_r.race_date < week_start + chr::days{7};
        const double target = target_load(race_week);
        const double downhill_allowed = allowed_downhill();

        std::vector<Session> quality = quality_sessions();
        std::vector<Session> strength = strength_sessions();
        std::optional<Session> race;
        if (race_week) race = make_race(m_r.race_distance_m, m_r.race_ascent_m, settings(SessionKind::race));

        const DayPlan days = lay_out_week(LayoutInput{
            .week_start = week_start,
            .long_day = race ? *m_r.race_date : day_of(week_start, m_r.long_run_day),
            .quality = count_quality(quality),
            .days_per_week = m_r.days_per_week,
            .previous_hard = m_state.last_hard_dates,
            .next_hard = next_hard(week_start),
            .strength = static_cast<int>(strength.size()),
            .race = race.has_value(),
        });
        std::vector<Session> runs = fill_runs(days, quality, strength, target, race_week);
        fit_downhill(runs, downhill_allowed);
        keep_load_rise(runs);
        keep_taper_short(runs, race_week);
        fit_downhill(runs, downhill_allowed);  // a long run made shorter above may climb a little more per km
        week.sessions = assign_dates(days, std::move(runs), std::move(strength), race);
        week.focus = focus_line(f, race_week);
        finish(week, race_week);
        return week;
    }

  private:
    SessionSettings settings(SessionKind kind) const {
        return SessionSettings{
            .level = m_r.level,
            .goal = m_r.goal,
            .phase = m_frame.phase,
            .threshold_speed_m_s = m_start.threshold_speed_m_s,
            .progress = m_state.progress[static_cast<std::size_t>(kind)],
            .deload = m_frame.deload,
            .hold_downhill = m_recipe.hold_downhill,
            .gentle_climbs = m_recipe.gentle_climbs,
            .steep = m_r.goal == Goal::muscle,
            .treadmill = m_r.treadmill,
            .stadium = m_r.stadium,
            .race_distance_m = m_r.race_distance_m,
            .hills = m_hills,
        };
    }

    static Date day_of(Date week_start, chr::weekday day) {
        const unsigned offset = (day - chr::weekday{week_start}).count();
        return week_start + chr::days{offset};
    }

    double growth() const {
        if (m_limits.any || m_r.goal == Goal::return_after_injury) return k_injury_growth;
        return m_r.level == Level::new_runner ? k_new_runner_growth : k_build_growth;
    }

    double target_load(bool race_week) const {
        const double cap =
            m_r.minutes_per_week * 60.0 * load_per_s(Effort::steady, m_start.threshold_speed_m_s);
        double t = m_state.last_load * (1.0 + growth());
        if (m_frame.phase == Phase::taper) {
            t = m_state.peak_load * (race_week ? k_taper_shares[1] : k_taper_shares[0]);
            t = std::min(t, m_state.last_load);
        } else if (m_frame.deload) {
            t = m_state.last_load * k_deload_share;
        } else if (m_state.last_was_deload) {
            t = m_state.pre_deload_load;
        }
        return std::min(t, cap) * m_state.load_cut;
    }

    double allowed_downhill() const {
        if (m_recipe.hold_downhill) return 0.0;
        const double base = std::max(m_state.last_downhill_m, recent_downhill_most_m(m_state));
        const double grown = std::max(base * (1.0 + k_downhill_growth), base + k_downhill_step_m);
        if (m_frame.deload || m_frame.phase == Phase::taper) return std::min(grown, m_state.last_downhill_m);
        if (m_state.last_was_deload) return std::max(m_state.pre_deload_downhill_m, grown);
        return grown;
    }

    std::vector<Session> quality_sessions() const {
        std::vector<Session> out;
        for (SessionKind kind : m_recipe.quality) {
            const SessionSettings s = settings(kind);
            out.push_back(kind == SessionKind::flat_quality ? make_flat_quality(s)
                                                            : make_hill_session(kind, s));
        }
        return out;
    }

    // Strength takes at most k_strength_time_share of the week's minutes: above it, one session a week, then
    // its base sets (a runner with 90 minutes a week still gets a short session, not none).
    std::vector<Session> strength_sessions() const {
        StrengthDose dose = StrengthDose::standard;
        if (m_r.goal == Goal::muscle) dose = StrengthDose::heavy;
        if (m_r.level == Level::new_runner || m_r.goal == Goal::return_after_injury)
            dose = StrengthDose::gentle;
        const double most_s = m_r.minutes_per_week * 60.0 * k_strength_time_share;
        const auto make = [&](int count, bool base_sets) {
            std::vector<Session> out;
            for (int i = 0; i < count; ++i) {
                // A and B alternate; with one session a week, week by week.
                const bool a = count > 1 ? i == 0 : (m_index % 2 == 0);
                out.push_back(make_strength(StrengthSettings{
                    .dose = dose,
                    .gym = m_r.gym,
                    .session_a = a,
                    .progress = m_state.strength_progress[a ? 0 : 1],
                    .deload = m_frame.deload || base_sets,
                    .knee_injury = m_limits.knee,
                    .achilles_injury = m_limits.achilles,
                }));
            }
            return out;
        };
        std::vector<Session> out = make(m_recipe.strength, false);
        if (out.size() > 1 && sum_time(out) > most_s) out = make(1, false);
        if (sum_time(out) > most_s) out = make(static_cast<int>(out.size()), true);
        return out;
    }

    // The race, when it falls in the first days of next week, is a hard day this week must keep clear of.
    std::vector<Date> next_hard(Date week_start) const {
        if (m_r.race_date && *m_r.race_date >= week_start + chr::days{7} &&
            *m_r.race_date < week_start + chr::days{9}) {
            return {*m_r.race_date};
        }
        return {};
    }

    static int count_quality(const std::vector<Session>& quality) { return static_cast<int>(quality.size()); }

    // The long run, the quality sessions and the easy runs, in the order of the layout's run days. The
    // week's load is shared in that order of importance: the long run takes up to k_long_load_share of it,
    // the quality sessions are cut until they fit in k_quality_load_share of what is left, easy runs fill
    // the rest. Strength is counted apart from the running load, but its minutes come out of the week's.
    std::vector<Session> fill_runs(const DayPlan& days, std::vector<Session>& quality,
                                   const std::vector<Session>& strength, double target, bool race_week) {
        const std::size_t level = static_cast<std::size_t>(m_r.level);
        // Quality sessions that did not find a day are dropped (the layout says how many fit).
        quality.resize(std::min(quality.size(), static_cast<std::size_t>(days.quality_days.size())));
        double time_left = std::max(0.0, m_r.minutes_per_week * 60.0 - sum_time(strength));
        double load_left = target;
        const double easy_rate = load_per_s(Effort::easy, m_start.threshold_speed_m_s);

        std::vector<Session> runs;
        if (days.long_day && !race_week) {
            double long_s = m_state.last_long_s * (1.0 + k_long_growth);
            if (m_frame.deload) long_s = m_state.last_long_s * k_long_deload_share;
            if (m_frame.phase == Phase::taper) long_s = m_state.last_long_s * 0.7;
            const double share_s =
                std::min(load_left * k_long_load_share / easy_rate, time_left * k_long_week_share);
            long_s = std::min({long_s, k_max_long_s[level], share_s});
            long_s = std::max(long_s, std::min(k_min_long_s[level], share_s));
            if (long_s >= k_shortest_long_s) {
                runs.push_back(make_long_run(long_s));
                load_left -= runs.back().load;
                time_left -= runs.back().duration_s;
            }
        }
        const double quality_load = std::max(0.0, load_left * k_quality_load_share);
        const double quality_time = std::max(0.0, time_left * k_quality_load_share);
        const auto over = [&] {
            return sum_load(quality) > quality_load || sum_time(quality) > quality_time;
        };
        // Too much for the share: every session drops reps together, the week's key session (the first) down
        // to the reps its ladder starts with, the others down to two. Still too much: the session of lowest
        // priority goes, and the others start again from their whole size, so a session kept alone is not
        // left at the reps it was cut to while it shared the room. The key session is kept at its starting
        // reps even above the share, within the minutes the runner has (the easy runs give way): 2 x 8 s of
        // sprints after 25 minutes of warm-up and cool-down is not a session. Reps are not shortened here
        // either; the load and taper rules below trim the easy runs and the long run before they shorten or
        // cut reps.
        const std::vector<Session> whole = quality;
        for (std::size_t keep = quality.size(); keep > 0; --keep) {
            quality.assign(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(keep));
            for (int round = 0; round < 8 && over(); ++round) {
                bool dropped = false;
                // The runner's minutes bound even the key session: past them it drops to two reps as well.
                const bool in_minutes = sum_time(quality) <= time_left;
                for (std::size_t i = 0; i < quality.size(); ++i) {
                    const int least =
                        i == 0 && in_minutes ? starting_reps(quality[i].kind, m_r.level, m_frame.deload) : 2;
                    dropped = drop_reps(quality[i], 0.8, m_start.threshold_speed_m_s, least) || dropped;
                }
                if (!dropped) break;
            }
            if (!over()) break;
        }
        load_left -= sum_load(quality);
        time_left -= sum_time(quality);
        for (Session& q : quality) runs.push_back(std::move(q));
        double budget_s = std::max(0.0, std::min(load_left / easy_rate, time_left));
        // Easy runs share what is left; fewer of them when each would be too short to be worth it.
        int easy = static_cast<int>(days.easy_days.size());
        while (easy > 0 && budget_s / easy < k_min_easy_s[level]) --easy;
        for (int i = 0; i < easy; ++i) {
            const double each = std::min(budget_s / easy, k_max_easy_s[level]);
            runs.push_back(make_easy(std::floor(each / 60.0) * 60.0, settings(SessionKind::easy)));
        }
        // Too little left for an easy run worth going out for: the long run takes it (up to the level's
        // longest), rather than the week falling short of its target. Left unused, every small week would
        // end below the one before and the next week's target with it: a plan that shrinks while it should
        // build.
        const bool has_long = !runs.empty() && (runs.front().kind == SessionKind::long_run ||
                                                runs.front().kind == SessionKind::hilly_long);
        if (easy == 0 && has_long && budget_s >= 60.0) {
            const double longer_s =
                std::min(runs.front().duration_s + std::floor(budget_s / 60.0) * 60.0, k_max_long_s[level]);
            if (longer_s > runs.front().duration_s) runs.front() = make_long_run(longer_s);
        }
        return runs;
    }

    Session make_long_run(double long_s) const {
        SessionSettings s = settings(m_recipe.long_kind);
        if (m_recipe.long_kind == SessionKind::hilly_long) {
            double per_km = k_hilly_long_default_m_per_km;
            if (m_r.goal == Goal::hilly_race && m_r.race_distance_m > 0.0) {
                // Uphill Athlete's rule of thumb: vertical starts near half of the race's and grows to all of
                // it.
                const double race_per_km = m_r.race_ascent_m / (m_r.race_distance_m / 1000.0);
                const double through = m_r.weeks > 1 ? static_cast<double>(m_index) / (m_r.weeks - 1) : 1.0;
                per_km = std::clamp(race_per_km * (0.5 + 0.5 * through), 10.0, 60.0);
            }
            return make_long(long_s, per_km, s);
        }
        const bool marathon_finish = m_r.goal == Goal::flat_race && m_frame.phase == Phase::specific &&
                                     !m_frame.deload && m_r.level != Level::new_runner;
        if (marathon_finish)
            return make_long(long_s, 0.0, s, Effort::marathon, std::min(30.0 * 60.0, long_s * 0.25));
        return make_long(long_s, 0.0, s);
    }

    // Descent run above what the week may hold: the hilly long run flattens first, then downhill repeats
    // lose reps, then every other descent is walked.
    void fit_downhill(std::vector<Session>& runs, double allowed) {
        for (int round = 0; round < 12 && sum_downhill(runs) > allowed + 1e-6; ++round) {
            auto most = std::max_element(runs.begin(), runs.end(), [](const Session& a, const Session& b) {
                return a.downhill_run_m < b.downhill_run_m;
            });
            Session& s = *most;
            const double excess = sum_downhill(runs) - allowed;
            if (s.kind == SessionKind::hilly_long) {
                const double keep = std::max(0.0, s.downhill_run_m - excess);
                double per_km = s.distance_m > 0.0 ? keep / (s.distance_m / 1000.0) : 0.0;
                Session flatter = make_long(s.duration_s, per_km, settings(SessionKind::hilly_long));
                // The route's climbs are whole numbers of equal hills: step down until the descent fits.
                while (per_km >= 5.0 && flatter.downhill_run_m > keep + 1e-6) {
                    per_km *= 0.95;
                    flatter = make_long(s.duration_s, per_km, settings(SessionKind::hilly_long));
                }
                s = per_km >= 5.0 ? std::move(flatter)
                                  : make_long(s.duration_s, 0.0, settings(SessionKind::long_run));
            } else if (s.kind == SessionKind::downhill_repeats && s.downhill_run_m > 1.0) {
                shrink_main_set(s, std::max(0.3, 1.0 - excess / s.downhill_run_m),
                                m_start.threshold_speed_m_s);
                if (sum_downhill(runs) > allowed + 1e-6) {
                    SessionSettings held = settings(SessionKind::short_hill_repeats);
                    held.hold_downhill = true;
                    s = make_hill_session(SessionKind::short_hill_repeats, held);
                }
            } else {
                SessionSettings held = settings(s.kind);
                held.hold_downhill = true;
                s = s.kind == SessionKind::flat_quality ? make_flat_quality(held)
                                                        : make_hill_session(s.kind, held);
            }
        }
    }

    // Load above the rule (8 % target, 10 % held; after a deload, 10 % over the week before it): the
    // week is trimmed to it.
    void keep_load_rise(std::vector<Session>& runs) const {
        const double base = m_state.last_was_deload ? std::max(m_state.last_load, m_state.pre_deload_load)
                                                    : m_state.last_load;
        trim(runs, std::max(base * (1.0 + k_load_rise_limit), base + k_load_rise_floor),
             [](const Session& s) { return s.load; });
    }

    // A taper cuts running time, not only load: at most k_taper_time_share of the biggest week's.
    void keep_taper_short(std::vector<Session>& runs, bool race_week) const {
        if (m_frame.phase != Phase::taper && !race_week) return;
        trim(runs, m_state.peak_run_s * k_taper_time_share,
             [](const Session& s) { return s.kind == SessionKind::race ? 0.0 : s.duration_s; });
    }

    // Cuts the week's runs until the sum of `amount` is within `limit`: the longest easy run shortens first
    // (and goes when it would be too short to be worth it), then the long run, then the quality sessions'
    // main sets, and last the quality session of lowest priority is dropped.
    template <typename Amount>
    void trim(std::vector<Session>& runs, double limit, Amount amount) const {
        const std::size_t level = static_cast<std::size_t>(m_r.level);
        const auto total = [&runs, &amount] {
            double sum = 0.0;
            for (const Session& s : runs) sum += amount(s);
            return sum;
        };
        for (int round = 0; round < 60; ++round) {
            const double before = total();
            if (before <= limit) return;
            const double excess = before - limit;
            Session* cut = nullptr;
            for (Session& s : runs) {
                if (s.kind == SessionKind::easy && (cut == nullptr || s.duration_s > cut->duration_s))
                    cut = &s;
            }
            if (cut != nullptr) {
                const double rate = amount(*cut) / cut->duration_s;
                const double new_s = std::floor((cut->duration_s - excess / rate) / 60.0) * 60.0;
                if (new_s < k_min_easy_s[level]) {
                    runs.erase(runs.begin() + (cut - runs.data()));
                } else {
                    *cut = make_easy(new_s, settings(SessionKind::easy));
                }
                continue;
            }
            for (Session& s : runs) {
                if ((s.kind == SessionKind::long_run || s.kind == SessionKind::hilly_long) &&
                    s.duration_s > k_min_long_s[level] + 1.0) {
                    cut = &s;
                }
            }
            if (cut != nullptr) {
                const double rate = amount(*cut) / cut->duration_s;
                const double new_s = std::max(k_min_long_s[level], cut->duration_s - excess / rate - 60.0);
                const double per_km =
                    cut->distance_m > 0.0 ? cut->ascent_m / (cut->distance_m / 1000.0) : 0.0;
                *cut = cut->kind == SessionKind::hilly_long
                           ? make_long(new_s, per_km, settings(SessionKind::hilly_long))
                           : make_long(new_s, 0.0, settings(SessionKind::long_run));
                continue;
            }
            for (Session& s : runs) {
                if (s.kind != SessionKind::long_run && s.kind != SessionKind::hilly_long &&
                    s.kind != SessionKind::race) {
                    shrink_main_set(s, 0.8, m_start.threshold_speed_m_s);
                }
            }
            if (total() < before - 0.01) continue;
            // Nothing shrinks any more: the last quality session goes (the first is the week's key session).
            const auto is_quality = [](const Session& s) {
                return s.kind != SessionKind::long_run && s.kind != SessionKind::hilly_long &&
                       s.kind != SessionKind::race;
            };
            const auto last_quality = std::find_if(runs.rbegin(), runs.rend(), is_quality);
            const auto quality_left = std::count_if(runs.begin(), runs.end(), is_quality);
            if (last_quality == runs.rend() || (quality_left == 1 && runs.size() == 1)) return;
            runs.erase(std::next(last_quality).base());
        }
    }

    std::vector<Session> assign_dates(const DayPlan& days, std::vector<Session> runs,
                                      std::vector<Session> strength, std::optional<Session>& race) const {
        std::vector<Session> out;
        std::size_t next = 0;
        if (days.long_day && next < runs.size() && !race &&
            (runs[0].kind == SessionKind::long_run || runs[0].kind == SessionKind::hilly_long)) {
            runs[0].date = *days.long_day;
            out.push_back(std::move(runs[0]));
            next = 1;
        }
        for (const Date d : days.quality_days) {
            if (next >= runs.size() || runs[next].kind == SessionKind::easy) break;
            runs[next].date = d;
            out.push_back(std::move(runs[next++]));
        }
        for (const Date d : days.easy_days) {
            if (next >= runs.size()) break;
            runs[next].date = d;
            out.push_back(std::move(runs[next++]));
        }
        if (race) {
            race->date = *m_r.race_date;
            out.push_back(std::move(*race));
        }
        // Strength on the days the layout chose; a day left without its easy run keeps its strength.
        for (std::size_t i = 0; i < strength.size() && i < days.strength_days.size(); ++i) {
            strength[i].date = days.strength_days[i];
            out.push_back(std::move(strength[i]));
        }
        std::stable_sort(out.begin(), out.end(), [](const Session& a, const Session& b) {
            if (a.date != b.date) return a.date < b.date;
            return a.kind != SessionKind::strength && b.kind == SessionKind::strength;
        });
        // Rest days fill the week so it reads as seven days.
        std::vector<Session> week;
        Date day = days.week_start;
        std::size_t i = 0;
        for (int d = 0; d < 7; ++d, day += chr::days{1}) {
            bool any = false;
            while (i < out.size() && out[i].date == day) {
                week.push_back(std::move(out[i++]));
                any = true;
            }
            if (!any) {
                Session rest = make_rest();
                rest.date = day;
                week.push_back(std::move(rest));
            }
        }
        return week;
    }

    std::string focus_line(const WeekFrame& f, bool race_week) const {
        if (race_week) return "Race week: rest the legs, keep a little race pace, and race.";
        if (f.deload) return "Deload: about 30 % less, so the last weeks' work turns into fitness.";
        switch (f.phase) {
            case Phase::base:
                return "Base: easy volume, first hill touches, strength habits.";
            case Phase::hill_strength:
                return "Hill strength: the hill sessions grow a step each week.";
            case Phase::specific:
                return is_race(m_r.goal) ? "Specific: training looks like the race."
                                         : "Specific: power and variety on the hills.";
            case Phase::taper:
                return "Taper: less volume, same intensity; arrive fresh.";
        }
        return {};
    }

    void finish(const Week& week, bool race_week) {
        const WeekTotals t = totals(week);
        if (m_frame.deload) {
            // pre_deload_* stay what they were before the deload
        } else {
            m_state.pre_deload_load = t.load;
            m_state.pre_deload_downhill_m = t.downhill_run_m;
        }
        m_state.last_was_deload = m_frame.deload;
        m_state.last_load = t.load;
        m_state.last_downhill_m = t.downhill_run_m;
        remember_downhill(m_state, t.downhill_run_m);
        if (!race_week && m_frame.phase != Phase::taper) {
            m_state.peak_load = std::max(m_state.peak_load, t.load);
            m_state.peak_run_s = std::max(m_state.peak_run_s, running_time_s(week));
        }
        m_state.last_hard_dates.clear();
        for (const Session& s : week.sessions) {
            if (s.hard) m_state.last_hard_dates.push_back(s.date);
            if (s.kind == SessionKind::long_run || s.kind == SessionKind::hilly_long) {
                if (!m_frame.deload && m_frame.phase != Phase::taper) m_state.last_long_s = s.duration_s;
            }
            if (!m_frame.deload && info(s.kind).run) ++m_state.progress[static_cast<std::size_t>(s.kind)];
            if (s.kind == SessionKind::strength && !m_frame.deload) {
                ++m_state.strength_progress[s.title.find("A:") != std::string::npos ? 0 : 1];
            }
        }
        m_state.load_cut = 1.0;
    }

    const Runner& m_r;
    const StartingPoint& m_start;
    const std::vector<Hill>& m_hills;
    const std::vector<WeekFrame>& m_frames;
    PlannerState& m_state;
    InjuryLimits m_limits;
    int m_index = 0;
    WeekFrame m_frame{};
    WeekRecipe m_recipe{};
};

PlannerState initial_state(const StartingPoint& start) {
    PlannerState s;
    s.last_load = start.weekly_load;
    s.last_downhill_m = start.weekly_downhill_run_m;
    s.last_long_s = start.long_run_s;
    s.pre_deload_load = start.weekly_load;
    s.pre_deload_downhill_m = start.weekly_downhill_run_m;
    s.recent_downhill_m.assign(k_downhill_memory_weeks, start.weekly_downhill_run_m);
    s.peak_load = start.weekly_load;
    s.peak_run_s = start.weekly_duration_s;
    s.progress.assign(k_kind_count, 0);
    return s;
}

std::vector<std::string> plan_notes(const Runner& r) {
    std::vector<std::string> notes;
    if (r.goal == Goal::muscle) {
        const double mass = r.athlete.mass_kg.value_or(70.0);
        notes.push_back(
            fmt::format("Eat enough: muscle does not grow in an energy deficit. Aim for about 1.6 g of "
                        "protein per kg of body "
                        "mass a day ({:.0f} g for {:.0f} kg), spread over 3-4 meals, one soon after each "
                        "strength session.",
                        1.6 * mass, mass));
    }
    if (!r.hills) {
        notes.push_back(
            r.treadmill ? "No hills nearby: hill sessions are on the treadmill."
            : r.stadium ? "No hills nearby: hill sessions are on stadium steps."
                        : "No hills, treadmill or stadium: hill sessions become flat quality work and "
                          "strength carries the climbing; a bridge ramp or a car-park ramp can stand in.");
    }
    const InjuryLimits limits = injury_limits(r.injuries);
    for (const std::string& a : limits.advice) notes.push_back("Injury " + a);
    if (limits.any || r.goal == Goal::return_after_injury) {
        notes.push_back(
            "Pain that changes how you run means stop and rest; where a physiotherapist has given you "
            "a plan, their advice comes first.");
    }
    return notes;
}

}  // namespace

Plan make_plan(const PlanRequest& request) {
    Plan plan;
    plan.runner = request.runner;
    plan.start = request.history ? *request.history : starting_point_from_profile(request.runner);
    plan.notes = plan_notes(request.runner);
    plan.weeks.resize(static_cast<std::size_t>(std::max(1, request.runner.weeks)));
    for (std::size_t w = 0; w < plan.weeks.size(); ++w) {
        plan.weeks[w].start = request.runner.start + chr::days{7 * static_cast<int>(w)};
    }
    replan_from(plan, 0, initial_state(plan.start), request.hills);
    return plan;
}

PlannerState state_before(const Plan& plan, int week_index) {
    PlannerState s = initial_state(plan.start);
    const std::vector<WeekFrame> frames = phase_schedule(plan.runner);
    for (int w = 0; w < week_index && w < static_cast<int>(plan.weeks.size()); ++w) {
        const Week& week = plan.weeks[static_cast<std::size_t>(w)];
        const WeekTotals t = totals(week);
        const bool deload = week.deload;
        if (!deload) {
            s.pre_deload_load = t.load;
            s.pre_deload_downhill_m = t.downhill_run_m;
        }
        s.last_was_deload = deload;
        s.last_load = t.load;
        s.last_downhill_m = t.downhill_run_m;
        remember_downhill(s, t.downhill_run_m);
        if (week.phase != Phase::taper) {
            s.peak_load = std::max(s.peak_load, t.load);
            s.peak_run_s = std::max(s.peak_run_s, running_time_s(week));
        }
        s.last_hard_dates.clear();
        for (const Session& ses : week.sessions) {
            if (ses.status == "missed") continue;
            if (ses.hard) s.last_hard_dates.push_back(ses.date);
            if (deload) continue;
            if ((ses.kind == SessionKind::long_run || ses.kind == SessionKind::hilly_long) &&
                week.phase != Phase::taper) {
                s.last_long_s = ses.duration_s;
            }
            if (info(ses.kind).run) ++s.progress[static_cast<std::size_t>(ses.kind)];
            if (ses.kind == SessionKind::strength)
                ++s.strength_progress[ses.title.find("A:") != std::string::npos ? 0 : 1];
        }
    }
    (void)frames;
    return s;
}

void replan_from(Plan& plan, int from, PlannerState state, const std::vector<Hill>& hills) {
    const std::vector<WeekFrame> frames = phase_schedule(plan.runner);
    if (state.progress.size() < k_kind_count) state.progress.resize(k_kind_count, 0);
    WeekBuilder builder(plan.runner, plan.start, hills, frames, state);
    for (std::size_t w = static_cast<std::size_t>(std::max(0, from));
         w < plan.weeks.size() && w < frames.size(); ++w) {
        plan.weeks[w] = builder.build(static_cast<int>(w), plan.weeks[w].start);
    }
}

}  // namespace hillcoach::plan
