#pragma once
// Hill repeats: the same hill climbed again and again within one activity, recognised as reps, each with its
// time, VAM, heart rate and pace, and the fade from the first rep to the last. docs/models.md ("Hill
// repeats").
//
// Reps start from the activity's ascents (climbs.hpp hill_candidates, so a short sprint hill too small to be
// a climb can still be a rep). Two ascents are the same hill when
//   - with positions: their bottoms lie within `match_radius_m` of each other and so do their tops
//     (geodesic distance), for any rep already in the group: "the same place", whatever happened in between;
//   - without positions (a treadmill, a file without GPS): they follow each other closely (the recovery
//     between them is short, see below), start and end at the same elevations within `match_elevation_m`
//     and have the same length within `match_tolerance` (relative) or `match_radius_m`.
// With positions, the reps are then found again from the track alone: the hill's bottom and top are the
// median of the reps' turn-arounds (the farthest point of the path near each end, where the runner turned),
// and every pass from within `match_radius_m` of the bottom straight to within it of the top, over the hill's
// length (within `match_tolerance` or `match_radius_m`) and going up, is a rep, from its sample nearest the
// bottom to its sample nearest the top. GPS altitude wanders by metres within a minute and can flatten a 12 m
// rep or shift its ends by tens of metres; positions do not, so every rep is found and every rep is measured
// over the same ground (its time and VAM comparable with the others').
// A group needs at least `min_reps` reps; an ascent belongs to one group. Between consecutive reps the runner
// recovers (usually back down the hill); a group is `back_to_back` when every recovery is at most
// max(`max_recovery_factor` x the rep length, `min_recovery_allowance_m`) long, which is what makes it a
// hill-repeat set rather than the same hill met on each lap of a loop.
//
// Fade, per group: the least-squares slope of rep time against rep number (s per rep; positive = slowing),
// the same for VAM and heart rate, and the last rep's time relative to the first's.

#include <cstddef>
#include <optional>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/terrain/climbs.hpp"
#include "hillcoach/terrain/course.hpp"
#include "hillcoach/terrain/segments.hpp"

namespace hillcoach::terrain {

struct Rep {
    Hill ascent;                          // the rep's climb, with its time, VAM, speed and heart rate
    std::optional<double> pace_s_per_km;  // horizontal pace up the hill
    // The recovery after this rep: from its top to the next rep's start (absent for the last rep).
    std::optional<double> recovery_m;
    std::optional<double> recovery_s;  // moving time
    std::optional<double> recovery_speed_m_s;
};

struct RepFade {
    std::optional<double> time_slope_s_per_rep;   // positive: each rep slower than the one before
    std::optional<double> last_vs_first;          // last rep's time / first's - 1 (0.10 = 10 % slower)
    std::optional<double> vam_slope_m_h_per_rep;  // negative: each rep climbs slower
    std::optional<double> heart_rate_slope_bpm_per_rep;
};

struct RepeatGroup {
    std::vector<Rep> reps;
    bool matched_by_position = false;  // false: by the elevation pattern (no positions)
    bool back_to_back = false;         // every recovery short: a hill-repeat set
    double length_m = 0.0;             // medians over the reps
    double height_m = 0.0;
    double avg_grade = 0.0;
    std::optional<double> rep_time_s;  // median
    RepFade fade;
};

inline constexpr double k_repeat_match_radius_m = 40.0;

// Hill sprints (8-12 s, 40-100 m at 6-10 %) rise 2.4-10 m. On a clean channel reps are looked for on the
// course's repeat_elevation_m (smoothed over k_repeat_window_m, elevation_smooth.hpp), whose turning points
// and rises are counted from k_repeat_reversal_m: 40 m at 6 % keeps 2.2 m of its 2.4 m there. Noise does not
// reach it: a clean channel's jitter averaged over the 10 m window is under 0.2 m, a tenth of it, and a
// group further needs min_reps rises whose bottoms and tops lie within k_repeat_match_radius_m of each other
// (a flat run's bumps are not at the same place, and a loop's are a lap apart: not back to back).
inline constexpr double k_repeat_reversal_m = 2.0;
inline constexpr double k_min_rep_height_m = 2.0;

struct RepeatOptions {
    std::size_t min_reps = 3;
    // A sprint up 40 m of a 6 % hill rises 2.4 m. On GPS and DEM profiles the stretches already rise at least
    // their reversal (segments.hpp: 5 m and 3 m), so this bounds only the clean channel's sharper profile.
    double min_height_m = k_min_rep_height_m;
    double min_grade = k_min_climb_grade;
    // Bottoms and tops of the same hill: "a few tens of metres". Turn-around points of real reps scatter by
    // the runner's choice and by GPS error (several metres); 40 m keeps two hills 100 m apart distinct.
    double match_radius_m = k_repeat_match_radius_m;
    double match_elevation_m = 5.0;
    double match_tolerance = 0.25;
    double max_recovery_factor = 3.0;
    double min_recovery_allowance_m = 500.0;
    HillOptions hill{};  // how reps found by position are measured
};

// Groups of reps, in the order of their first rep. `ascents` come from hill_candidates (up) with the same
// `positions`: the activity's samples, aligned with the course (may be empty: pattern matching only).
std::vector<RepeatGroup> find_repeats(const Course& course, const std::vector<Hill>& ascents,
                                      const core::Samples& positions, const RepeatOptions& options = {});

// The groups of a whole course, as analyze finds them: on the course's repeat_elevation_m where it has one
// (its own stretches, from turning points of k_repeat_reversal_m, and its own ascents), else on the course
// with `segments`. `hills` joins the ascents (climbs.hpp); `positions` as for find_repeats.
std::vector<RepeatGroup> find_course_repeats(const Course& course, const std::vector<Segment>& segments,
                                             const core::Samples& positions, const HillOptions& hills,
                                             const RepeatOptions& options = {});

// Least-squares slope of y against x = 0, 1, 2, ... over the entries that have a value; nullopt for fewer
// than 2.
std::optional<double> slope_per_step(const std::vector<std::optional<double>>& y);

}  // namespace hillcoach::terrain
