#pragma once
// ActivityDigest: what the history needs from one activity, in a few hundred bytes. Weeks, load channels,
// guidance rules and the climb library work on digests, never on samples, so ten years of history fit in
// memory and are summed in milliseconds; the store keeps one digest per activity as typed columns and rows.
// docs/models.md ("Weeks and load channels") gives the reasons for each choice below.
//
// A plain value: every member public, defaulted, comparable. Members are only ever ADDED (the store persists
// them), never renamed or re-meant.
//
// How each number is chosen:
//   stress          one training-stress number per activity: hr_tss when the run has heart rate, else pace_tss
//                   for foot sports, else none. Heart-rate stress measures the athlete's response (and rises on
//                   climbs without a grade model); pace stress needs a threshold pace, which without heart rate
//                   and without a profile is this run's best 30 minutes (too slow a threshold for an easy run,
//                   so it reads high). TRIMP is kept beside for those who chart it but never chosen: it is on
//                   another scale (about 1.3 x hr_tss for an hour at threshold) and cannot be mixed with the others.
//   uphill_concentric_load   the concentric work of lifting the body (all muscle groups), in points where 100 =
//                   the whole-leg concentric work of the reference run (a flat 10 km at 3.0 m/s,
//                   physiology/muscle_load.hpp: 0.9 J/kg/m x 10 km = 9000 J/kg). 100 m of climbing
//                   is 981 J/kg, about 11 points.
//   downhill_eccentric_load  the quadriceps' eccentric work of lowering the body, braking included, in the
//                   quadriceps' own points (100 = their eccentric work on the reference run). The quadriceps take
//                   54 % of the lowering work and carry the damage of downhill running (vastus intermedius,
//                   Maeo et al. 2017); it is the quantity the leg-load summary compares with the damage protocol
//                   of Bontemps et al. 2020 (about 154 points).
//   hill focus      a focused hill session is deliberate hill work: a back-to-back repeat set (hill repeats,
//                   hill sprints), a downhill-focused run (walk-up/run-down repeats, or a run that descends at
//                   least twice what it climbs, analysis/classify.hpp) or mountain-grade climbing (at least
//                   k_mountain_m_per_km and k_mountain_min_ascent_m, analysis/classify.hpp), whatever the file
//                   calls it. A hilly easy run is not one: the rules about focused sessions (at most two a week,
//                   48 h apart) are about hard hill work.
//   warm-up         before the first focused climb (the first rep of the first back-to-back repeat set, else the
//                   first climb): moving time and distance, and of those the easy part: a step is easy when each
//                   measure present says so, heart rate below k_easy_hr_fraction of threshold heart rate and
//                   grade-adjusted speed below k_easy_speed_fraction of threshold speed (Friel's zones 1-2).
//   flat race pace  moving time on level ground (|grade| below 2 %; all ground when the course has no elevation,
//                   a track or a treadmill) at k_race_pace_speed_fraction of threshold speed or faster.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/analysis/activity_analysis.hpp"
#include "hillcoach/core/ids.hpp"
#include "hillcoach/physiology/muscle_load.hpp"
#include "hillcoach/terrain/course_interval.hpp"

namespace hillcoach::training {

// Friel's running zones (J. Friel, "The Triathlete's Training Bible", heart rate as % of LTHR and pace as % of
// threshold pace): zones 1-2 ("easy", aerobic) end below 90 % of LTHR and at paces slower than 114 % of
// threshold pace, a speed of 1/1.14 = 0.88 of threshold speed; zone 3 ("tempo", about marathon pace for most
// runners) starts there. So an easy step is below both, and race pace starts at 0.88.
inline constexpr double k_easy_hr_fraction = 0.90;
inline constexpr double k_easy_speed_fraction = 0.88;
inline constexpr double k_race_pace_speed_fraction = 0.88;
// Level ground for race pace: the flat threshold of the terrain module (segments.hpp, 2 %).
inline constexpr double k_race_pace_max_abs_grade = 0.02;

enum class StressSource : unsigned char { none, hr_tss, pace_tss };
// "none", "hr_tss", "pace_tss".
std::string_view to_string(StressSource source);
std::optional<StressSource> stress_source_from_text(std::string_view text);

// Why a session is a focused hill session (none: it is not one).
enum class HillFocus : unsigned char { none, hill_repeats, hill_sprints, downhill, mountain };
// "none", "hill_repeats", "hill_sprints", "downhill", "mountain".
std::string_view to_string(HillFocus focus);
std::optional<HillFocus> hill_focus_from_text(std::string_view text);

// A climb of the activity, or the hill of a repeat set (reps > 1: the numbers are the reps' medians, `time_s`
// the median rep, `best_time_s` the fastest).
struct ClimbDigest {
    std::optional<terrain::GeoPoint> start_position{};  // the bottom
    std::optional<terrain::GeoPoint> top_position{};
    double start_m = 0.0;  // course distance from the activity's start to the bottom
    double length_m = 0.0;
    double gain_m = 0.0;
    double avg_grade = 0.0;
    double max_grade = 0.0;  // steepest 100 m
    std::optional<double> time_s{};
    std::optional<double> best_time_s{};
    std::optional<double> vam_m_h{};  // of `time_s`
    std::optional<double> avg_heart_rate_bpm{};
    int reps = 1;
    bool back_to_back = false;  // the reps were a hill-repeat set (not the same hill met on each lap)

    friend bool operator==(const ClimbDigest&, const ClimbDigest&);
};

// A descent of the activity (drop positive, grade negative).
struct DescentDigest {
    double drop_m = 0.0;
    double length_m = 0.0;
    double avg_grade = 0.0;
    std::optional<double> time_s{};

    friend bool operator==(const DescentDigest&, const DescentDigest&) = default;
};

struct WarmUpDigest {
    double first_climb_start_m = 0.0;  // where the first focused climb starts
    double moving_s = 0.0;             // everything before it
    double distance_m = 0.0;
    double easy_s = 0.0;  // the easy part of it (see above)
    double easy_m = 0.0;
    std::optional<double> avg_heart_rate_bpm{};
    std::optional<double> gap_speed_m_s{};  // grade-adjusted, over its moving time

    friend bool operator==(const WarmUpDigest&, const WarmUpDigest&) = default;
};

struct ActivityDigest {
    core::ActivityId id{};  // the store's; 0 before it is stored
    std::string name{};
    std::optional<double> start_time_s{};  // UTC
    std::optional<int> utc_offset_s{};     // local offset of the start, where the file states one
    core::Sport sport = core::Sport::unknown;
    analysis::SessionType session_type = analysis::SessionType::unknown;
    HillFocus hill_focus = HillFocus::none;
    std::string focus_reason{};  // "6 reps of 150 m at 8.0 % on one hill"; empty when not focused

    double distance_m = 0.0;
    std::optional<double> moving_s{};
    std::optional<double> elapsed_s{};
    std::optional<double> ascent_m{};
    std::optional<double> descent_m{};
    std::optional<double> flat_equivalent_distance_m{};  // grade-adjusted distance
    std::optional<double> avg_heart_rate_bpm{};

    std::optional<double> stress{};
    StressSource stress_source = StressSource::none;
    std::optional<double> trimp{};
    std::optional<double> hr_tss{};
    std::optional<double> pace_tss{};
    std::optional<double> threshold_hr_bpm{};     // the settings the run was analysed with
    std::optional<double> threshold_speed_m_s{};

    std::optional<double> uphill_concentric_load{};
    std::optional<double> downhill_eccentric_load{};
    std::optional<physiology::MuscleProfile> muscle_load{};  // the whole run, load points per group

    std::optional<DescentDigest> longest_descent{};   // the largest drop
    std::optional<DescentDigest> steepest_descent{};  // the steepest average grade
    std::optional<WarmUpDigest> warmup{};             // nullopt: no climb to warm up for
    std::optional<double> flat_race_pace_s{};         // nullopt: no threshold speed to judge by
    std::optional<double> flat_race_pace_m{};
    std::vector<ClimbDigest> climbs{};  // climbs, then the hills of repeat sets, each by start distance

    bool focused_hill() const { return hill_focus != HillFocus::none; }
    friend bool operator==(const ActivityDigest&, const ActivityDigest&);
};

// The digest of an analysed activity. O(samples) for the warm-up and race-pace passes.
ActivityDigest make_digest(const analysis::ActivityAnalysis& analysis);

// The focus a session's analysis shows (see above) and the reason in words.
struct HillFocusResult {
    HillFocus focus = HillFocus::none;
    std::string reason{};
};
HillFocusResult hill_focus_of(const analysis::ActivityAnalysis& analysis);

// Whole-leg lifting work (load points, per group) to the uphill_concentric_load scale.
double whole_leg_concentric_points(const physiology::MuscleProfile& lifting_points);

}  // namespace hillcoach::training
