#pragma once
// Constructed training histories for the training tests: digests with round, hand-checkable numbers.
//   a run of `km` km takes 6 min/km (moving), scores 10 stress points per km, climbs and descends `ascent_m`,
//   and carries 0.11 uphill and 0.12 eccentric load points per metre climbed or descended (about what
//   physiology's muscle model gives for a steady run), and 10 points per km in every muscle group.

#include <string_view>

#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"

namespace hillcoach::training::test {

// Seconds since the epoch of `hour`:00 UTC on the day "YYYY-MM-DD".
inline double utc(std::string_view ymd, double hour = 7.0) {
    return static_cast<double>(*parse_day(ymd)) * 86400.0 + hour * 3600.0;
}
inline double utc_day(Day day, double hour = 7.0) { return static_cast<double>(day) * 86400.0 + hour * 3600.0; }

inline ActivityDigest run_at(double start_utc_s, double km, double ascent_m = 0.0) {
    ActivityDigest d;
    d.name = "run";
    d.start_time_s = start_utc_s;
    d.sport = core::Sport::running;
    d.session_type = ascent_m > 0.0 ? analysis::SessionType::hilly_run : analysis::SessionType::flat_easy_run;
    d.distance_m = km * 1000.0;
    d.moving_s = km * 360.0;
    d.elapsed_s = km * 370.0;
    d.ascent_m = ascent_m;
    d.descent_m = ascent_m;
    d.flat_equivalent_distance_m = km * 1000.0 + 8.0 * ascent_m;
    d.stress = 10.0 * km;
    d.stress_source = StressSource::hr_tss;
    d.uphill_concentric_load = 0.11 * ascent_m;
    d.downhill_eccentric_load = 0.12 * ascent_m;
    physiology::MuscleProfile m;
    m.concentric.fill(10.0 * km);
    m.eccentric.fill(10.0 * km);
    d.muscle_load = m;
    d.flat_race_pace_s = 0.0;
    d.flat_race_pace_m = 0.0;
    return d;
}

// A focused hill-repeat session with `warmup_easy_s` of easy running before the first rep.
inline ActivityDigest hill_repeats_at(double start_utc_s, double warmup_easy_s = 900.0) {
    ActivityDigest d = run_at(start_utc_s, 10.0, 200.0);
    d.session_type = analysis::SessionType::hill_repeats;
    d.hill_focus = HillFocus::hill_repeats;
    d.focus_reason = "8 reps of 200 m at 8.0 % on one hill";
    d.warmup = WarmUpDigest{.first_climb_start_m = 2500.0,
                            .moving_s = 900.0,
                            .distance_m = 2500.0,
                            .easy_s = warmup_easy_s,
                            .easy_m = 2500.0 * warmup_easy_s / 900.0,
                            .avg_heart_rate_bpm = 130.0,
                            .gap_speed_m_s = 2.8};
    return d;
}

}  // namespace hillcoach::training::test
