#include "hillcoach/plan/runner.hpp"

#include <fmt/format.h>

namespace hillcoach::plan {
namespace {

namespace chr = std::chrono;
using core::ErrorCode;

// Days and minutes a week a runner of each level can usually give, when the profile does not say: three
// short runs for someone starting out, four or five for a regular runner, five or six for an advanced one.
struct LevelDefaults {
    int days_per_week = 0;
    double minutes_per_week = 0.0;
};
constexpr LevelDefaults k_level_defaults[] = {{3, 150.0}, {4, 270.0}, {5, 420.0}};

core::Error profile_error(std::string reason) {
    return core::make_error(ErrorCode::invalid_argument, core::Location{.file = "profile"},
                            std::move(reason));
}

}  // namespace

int weeks_until(Date start, Date race) {
    const auto days = (race - start).count();
    return static_cast<int>(days / 7) + 1;
}

core::Expected<Runner> resolve(const PlanProfile& p, Date today) {
    Runner r;
    r.athlete = p.athlete;
    const auto note = [&r](std::string line) { r.defaults.push_back(std::move(line)); };

    r.level = p.level.value_or(Level::regular);
    if (!p.level) note("level: regular (no level given)");
    r.goal = p.goal.value_or(Goal::fitness);
    if (!p.goal) note("goal: general fitness (no goal given)");
    const LevelDefaults& d = k_level_defaults[static_cast<int>(r.level)];
    r.days_per_week = p.days_per_week.value_or(d.days_per_week);
    if (!p.days_per_week) note(fmt::format("days per week: {} (usual for the level)", r.days_per_week));
    r.minutes_per_week = p.minutes_per_week.value_or(d.minutes_per_week);
    if (!p.minutes_per_week)
        note(fmt::format("minutes per week: {:.0f} (usual for the level)", r.minutes_per_week));
    r.long_run_day = p.long_run_day.value_or(chr::Sunday);
    r.hills = p.hills.value_or(true);
    if (!p.hills) note("hills: assumed within reach");
    r.treadmill = p.treadmill.value_or(false);
    r.stadium = p.stadium.value_or(false);
    r.gym = p.gym.value_or(false);
    r.injuries = p.injuries;

    if (p.start) {
        r.start = *p.start;
    } else {
        const chr::weekday wd{today};
        const unsigned ahead = (chr::Monday - wd).count();  // 0 on a Monday
        r.start = today + chr::days{ahead};
        note(fmt::format("start: {} (the next Monday)", format_date(r.start)));
    }

    if (is_race(r.goal)) {
        if (!p.race_date) {
            return profile_error(fmt::format("goal {} needs a race date ([goal] race_date or --race-date)",
                                             to_string(r.goal)));
        }
        r.race_date = p.race_date;
        if (*r.race_date < r.start) {
            return profile_error(fmt::format("the race date {} is before the plan's start {}",
                                             format_date(*r.race_date), format_date(r.start)));
        }
        const int weeks = weeks_until(r.start, *r.race_date);
        if (weeks > k_max_plan_weeks) {
            return profile_error(fmt::format("the race date {} is {} weeks away; a plan covers at most {}",
                                             format_date(*r.race_date), weeks, k_max_plan_weeks));
        }
        r.weeks = weeks;
        if (r.goal == Goal::flat_race) {
            r.race_distance_m = p.race_distance_m.value_or(k_default_flat_race_distance_m);
            if (!p.race_distance_m) note("race distance: a marathon, 42.2 km");
            r.race_ascent_m = p.race_ascent_m.value_or(0.0);
        } else {
            r.race_distance_m = p.race_distance_m.value_or(k_default_hilly_race_distance_m);
            if (!p.race_distance_m) note("race distance: 30 km");
            r.race_ascent_m = p.race_ascent_m.value_or(r.race_distance_m * k_default_hilly_race_ascent_per_m);
            if (!p.race_ascent_m) note(fmt::format("race ascent: {:.0f} m (50 m per km)", r.race_ascent_m));
        }
    } else {
        r.weeks = p.weeks.value_or(k_default_plan_weeks);
        if (!p.weeks) note(fmt::format("weeks: {}", r.weeks));
    }
    return r;
}

}  // namespace hillcoach::plan
