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

struct RepeatOptions {
    std::size_t min_reps = 3;
    double min_height_m = 3.0;  // a sprint up 40 m of a 8 % hill rises 3 m
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

// Least-squares slope of y against x = 0, 1, 2, ... over the entries that have a value; nullopt for fewer
// than 2.
std::optional<double> slope_per_step(const std::vector<std::optional<double>>& y);

}  // namespace hillcoach::terrain
