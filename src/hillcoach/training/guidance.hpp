#pragma once
// Guidance: rules that turn the principles of good hill training into specific warnings about a history.
// Each rule has an id, a plain-language reason, thresholds (defaults below, each overridable from the
// profile's [guidance] table, training_profile.hpp), a severity, and evidence: the numbers that made it fire.
// docs/models.md, "Guidance rules", gives each rule's reasoning and sources.
//
// Rules are judged week by week over the athlete's calendar weeks: a rule about one session (two hill sessions
// within 48 h, a hill session without warm-up, a big descent after a break) fires in the week of the session;
// a rule about a trend (ramps, balance, goal specificity, months of flat running) fires in a week when the
// window that ends with that week shows it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/core/ids.hpp"
#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"
#include "hillcoach/training/load_channels.hpp"

namespace hillcoach::training {

enum class Severity : unsigned char { info, caution, warning };
// "info", "caution", "warning".
std::string_view to_string(Severity severity);

// The goal that goal-dependent rules read ([goal] type in the profile, the planner's key).
enum class GoalKind : unsigned char { none, flat_race, hilly_race, other };
struct Goal {
    GoalKind kind = GoalKind::none;
    std::optional<double> race_ascent_m{};
    std::optional<double> race_distance_m{};
};

struct GuidanceThresholds {
    // hill-sessions-per-week
    int max_hill_sessions_per_week = 2;
    // hill-sessions-48h
    double min_hours_between_hill_sessions = 48.0;
    // eccentric-spike: 7/28-day ratio of downhill eccentric load (Gabbett 2016's "danger zone" >= 1.5), only
    // when the week's eccentric load is worth talking about (points, 100 = the quadriceps' eccentric work on a
    // flat easy 10 km; 30 is about 250 m of descent).
    double max_eccentric_acwr = 1.5;
    double min_eccentric_acute_load = 30.0;
    // descent-after-break: a long (drop >= long_descent_m: a third of the 900 m drop of Bontemps et al. 2020's
    // typical damage protocol, -12 % for 40 min at 11.3 km/h) or steep (average grade at or below
    // -steep_descent_grade over at least steep_descent_min_drop_m) descent after descent_break_days without one
    // (a bout's protection lasts up to 6 weeks and is gone by 9: Byrnes et al. 1985).
    double long_descent_m = 300.0;
    double steep_descent_grade = 0.10;
    double steep_descent_min_drop_m = 100.0;
    int descent_break_days = 42;
    // up-without-down / down-without-up over balance_weeks: one direction at least balance_min_m and the other
    // below balance_ratio of it.
    int balance_weeks = 4;
    double balance_min_m = 400.0;
    double balance_ratio = 0.5;
    // ramp-ascent / ramp-stress: each of the last ramp_weeks weeks more than ramp_fraction above the one before,
    // from a base week of at least the minimum.
    double ramp_fraction = 0.10;
    int ramp_weeks = 3;
    double ramp_min_ascent_m = 200.0;
    double ramp_min_stress = 100.0;
    // no-warm-up: easy running before the first rep of hill repeats or sprints.
    double min_warmup_easy_s = 600.0;
    // flat-race-specificity: sessions with at least race_pace_session_min_s of flat race-pace running.
    int flat_race_weeks = 4;
    int min_flat_race_sessions = 4;
    double race_pace_session_min_s = 600.0;
    // mountain-climbing: weekly ascent over the last mountain_weeks, at least the larger of
    // min_weekly_ascent_m and race_ascent_fraction x the race's ascent.
    int mountain_weeks = 4;
    double min_weekly_ascent_m = 500.0;
    double race_ascent_fraction = 0.5;
    // flat-only: flat_only_weeks of runs (at least flat_only_min_runs) with no focused hill session, no
    // race-pace session and less than flat_only_max_m_per_km of climbing.
    int flat_only_weeks = 12;
    int flat_only_min_runs = 12;
    double flat_only_max_m_per_km = 10.0;
};

struct RuleInfo {
    std::string_view id{};
    Severity severity = Severity::info;
    std::string_view reason{};  // why it matters, in plain language
};
// Every rule, in the order they are judged.
const std::vector<RuleInfo>& guidance_rules();

struct Evidence {
    std::string key{};                // with its unit: "hours_apart", "ascent_m"
    std::optional<double> number{};
    std::string text{};               // when not a number: a date, an activity's name
};

struct Finding {
    std::string rule{};
    Day week_start = 0;
    Severity severity = Severity::info;
    std::string message{};  // what happened and why it matters
    std::vector<Evidence> evidence{};
    std::vector<core::ActivityId> activities{};  // the sessions behind it, where there are some
};

struct GuidanceInput {
    const std::vector<ActivityDigest>* digests = nullptr;
    const Calendar* calendar = nullptr;
    LoadOptions load{};
    GuidanceThresholds thresholds{};
    Goal goal{};
};

// The findings for the weeks starting in [first_week, last_week] (days; any day of a week selects it), by week
// then in rule order. Without a range: the week of the last activity.
std::vector<Finding> check(const GuidanceInput& input, std::optional<Day> first_week = std::nullopt,
                           std::optional<Day> last_week = std::nullopt);

}  // namespace hillcoach::training
