#pragma once
// What kind of session a run was, from what the terrain analysis found. docs/models.md ("Session type") gives
// the rules with the reason for each threshold. The first rule that applies decides:
//
//   other_sport            the file's sport is cycling, swimming or another non-foot sport
//   unknown                no distance or no moving time to judge by
//   hike_or_walk           the file says walking or hiking, or the typical moving speed on runnable ground
//                          (|grade| <= 6 %) is below k_walk_speed_m_s
//   hill_sprints           a back-to-back repeat group of at least k_min_sprint_reps reps, each at most
//                          k_max_sprint_rep_s long (median), run at least k_sprint_speed_ratio x the run's
//                          typical flat speed
//   downhill_focused       a back-to-back repeat group whose recoveries (the way down) are run at least
//                          k_downhill_recovery_ratio x faster than the reps (walk up, run down); or the run
//                          descends at least twice what it climbs and at least k_min_downhill_m_per_km
//   hill_repeats           a back-to-back repeat group of at least 3 reps
//   trail_or_mountain_run  the file says trail running; or it climbs at least k_mountain_m_per_km and
//                          k_mountain_min_ascent_m; or at least k_steep_share of its distance is steeper than
//                          15 % either way with at least k_steep_min_ascent_m of ascent
//   long_run               moving time at least k_long_run_s
//   unknown                no elevation: flat or hilly cannot be told
//   hilly_run              at least k_hilly_m_per_km of ascent
//   flat_easy_run          everything else. "Easy" is the session's place in a plan (a run with no hill
//                          focus); its intensity is judged by physiology's heart-rate load, not here.

#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/terrain/climbs.hpp"
#include "hillcoach/terrain/course.hpp"
#include "hillcoach/terrain/grade_histogram.hpp"
#include "hillcoach/terrain/repeats.hpp"

namespace hillcoach::analysis {

enum class SessionType : unsigned char {
    flat_easy_run,
    hilly_run,
    hill_repeats,
    hill_sprints,
    downhill_focused,
    long_run,
    trail_or_mountain_run,
    hike_or_walk,
    other_sport,
    unknown,
};
// "flat_easy_run", "hilly_run", ... (JSON); session_type_label gives "flat easy run" (text).
std::string_view to_string(SessionType type);
std::string_view session_type_label(SessionType type);

struct SessionClassification {
    SessionType type = SessionType::unknown;
    std::string reason;  // the rule that decided, with the numbers: "6 reps of 150 m at 8.0 % on one hill"
};

// Walking is slower than about 2.0 m/s, the speed at which people choose to switch from walking to running
// (A. Hreljac, "Preferred and energetically optimal gait transition speeds in human locomotion", Med Sci
// Sports Exerc 25(10), 1158-1162, 1993: 2.06 m/s); 1.9 m/s (6.8 km/h, 8:46 /km) leaves the slowest joggers as
// runners.
inline constexpr double k_walk_speed_m_s = 1.9;
inline constexpr double k_runnable_grade = 0.06;
// Hill sprints: "8 x 10 s, 2-3 min rest" (Uphill Athlete, mission-anchors §1.2); up to 30 s is still an
// alactic-to-short-lactic sprint, longer reps are hill repeats.
inline constexpr std::size_t k_min_sprint_reps = 4;
inline constexpr double k_max_sprint_rep_s = 30.0;
inline constexpr double k_sprint_speed_ratio = 1.1;
inline constexpr double k_downhill_recovery_ratio = 1.5;
inline constexpr double k_min_downhill_m_per_km = 20.0;
// Mountain running: 40 m per km is an ITRA-style race whose climbing adds 40 % to its distance in km-effort
// (km + D+/100); 300 m so that a short steep loop is a hilly run, not a mountain one.
inline constexpr double k_mountain_m_per_km = 40.0;
inline constexpr double k_mountain_min_ascent_m = 300.0;
inline constexpr double k_steep_share = 0.10;
inline constexpr double k_steep_min_ascent_m = 150.0;
// Long run: 90 minutes, the common lower bound of a long run in marathon training.
inline constexpr double k_long_run_s = 90.0 * 60.0;
// Hilly: 10 m of ascent per km (100 m over 10 km). Ascent rather than the share of steep ground: the ascent's
// hysteresis is tuned to each channel's noise (terrain/ascent.hpp), while the grade of a GPS-altitude profile
// reads steeper than 3 % over 40 % of a flat loop (examples/2026-03-10-easy-home-loop.gpx).
inline constexpr double k_hilly_m_per_km = 10.0;

// What the classification reads.
struct SessionEvidence {
    core::Sport sport = core::Sport::unknown;
    const terrain::Course* course = nullptr;
    const terrain::GradeHistogram* grade_histogram = nullptr;
    const std::vector<terrain::Hill>* climbs = nullptr;
    const std::vector<terrain::Hill>* descents = nullptr;
    const std::vector<terrain::RepeatGroup>* repeats = nullptr;
};

SessionClassification classify_session(const SessionEvidence& evidence);

// The typical (time-weighted median) moving speed over steps whose |grade| is at most `max_abs_grade` (all
// moving steps when the course has no grade), each step at its own distance over its time; nullopt without
// moving time.
std::optional<double> typical_speed_m_s(const terrain::Course& course, double max_abs_grade);

}  // namespace hillcoach::analysis
