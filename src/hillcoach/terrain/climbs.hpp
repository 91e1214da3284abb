#pragma once
// Climbs and descents: the hills of a run, each with where it starts and ends, how long, high and steep it
// is, how long the runner took, the vertical speed (VAM up, descent rate down), heart rate and how hard it is
// (climb_category.hpp). docs/models.md ("Stretches, climbs and descents") gives the reasons for each number.
//
// A hill is built from the course's segments (segments.hpp): an up segment, joined with the next up segment
// that climbs higher when the break between them (the flat or dip after the top so far) is small: it loses
// at most `max_dip_fraction` of the height gained so far and is at most `max_break_fraction` of the length
// so far. These are GoldenCheetah's end-of-climb rules (a climb ends 20 % of its height below its top, or
// after a flat of a third of its length; mission-anchors §3.7). The hill ends at its highest point. Descents
// are the same on the profile turned upside down.
//
// A hill counts as a climb (or descent) when it gains (drops) at least `min_height_m` at an average grade of
// at least `min_grade` over at least `min_length_m`: thresholds set for runners, whose training hills are
// short (a 150 m hill at 8 % rises 12 m), well below the cycling conventions, which are reported beside.

#include <cstddef>
#include <optional>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/terrain/climb_category.hpp"
#include "hillcoach/terrain/course.hpp"
#include "hillcoach/terrain/course_interval.hpp"
#include "hillcoach/terrain/segments.hpp"

namespace hillcoach::terrain {

enum class HillDirection : unsigned char { up, down };
std::string_view to_string(HillDirection direction);

struct HillScore {
    double climb_score = 0.0;   // length (m) x |grade| (%) = 100 x height: Strava's and ClimbPro's score
    double runner_score = 0.0;  // height (m) x |grade| (%)
    StravaCategory strava = StravaCategory::none;   // climbs only; none for descents (no convention exists)
    bool climbpro = false;                          // climbs only
    RunnerCategory runner = RunnerCategory::minor;  // climbs and descents alike
};

struct Hill {
    HillDirection direction = HillDirection::up;
    std::size_t first = 0;  // sample at its start (bottom of a climb, top of a descent)
    std::size_t last = 0;   // sample at its end
    double start_m = 0.0;   // course distance
    double end_m = 0.0;
    double start_elevation_m = 0.0;
    double end_elevation_m = 0.0;
    double height_m = 0.0;   // gain of a climb, drop of a descent: positive
    double avg_grade = 0.0;  // signed: positive up, negative down
    double max_grade = 0.0;  // steepest over `steepest_window_m` in the hill's direction, signed
    std::optional<GeoPoint> start_position;
    std::optional<GeoPoint> end_position;
    std::optional<double> time_s;              // moving time from start to end
    std::optional<double> vertical_speed_m_h;  // VAM (climb) or descent rate (descent): height / time, m/h
    std::optional<double> speed_m_s;           // horizontal distance / moving time
    std::optional<double> avg_heart_rate_bpm;
    HillScore score;

    double length_m() const { return end_m - start_m; }
};

// The runner's smallest climb: 8 m, a hill a runner feels and names (150 m at 7 %, a typical hill-repeat
// hill, rises 10.5 m, and the smoothing of a sharp top and bottom takes half a metre off each); below that,
// steps and ramps. GPS altitude needs more (k_gps_min_climb_height_m).
inline constexpr double k_min_climb_height_m = 8.0;
// 3 %: the minimum average grade of a categorised climb in Strava's (restated) and ClimbPro's rules.
inline constexpr double k_min_climb_grade = 0.03;

struct HillOptions {
    double min_height_m = k_min_climb_height_m;
    double min_grade = k_min_climb_grade;
    double min_length_m = 50.0;             // shorter rises are steps and ramps, not hills
    double max_dip_fraction = 0.2;          // GoldenCheetah: 20 % of the climb's height
    double max_break_fraction = 1.0 / 3.0;  // GoldenCheetah: a flat a third of the climb's length
    double steepest_window_m = 100.0;       // "steepest 100 m"
    StravaTable strava_table = StravaTable::current;
    ClimbProRule climbpro{};
};

// GPS altitude wanders by several metres within a few hundred metres of running (segments.hpp): on a GPS
// channel a rise must reach 15 m to be told from the wander (a 12 m wander-rise is a 2-sigma event for a 4 m
// error; 15 m is 2.6 sigma). Short training hills still show as reps (repeats.hpp finds them by position).
inline constexpr double k_gps_min_climb_height_m = 15.0;

// The options for a course whose elevation came from `source`: the defaults, with k_gps_min_climb_height_m
// for GPS altitude.
HillOptions hill_options_for(core::ElevationSource source);

// Every joined hill going `direction`, qualifying or not (repeats.hpp picks its reps from these).
// `positions` gives start and end positions when it has samples aligned with the course (may be empty).
std::vector<Hill> hill_candidates(const Course& course, const std::vector<Segment>& segments,
                                  HillDirection direction, const core::Samples& positions,
                                  const HillOptions& options = {});

// Measures the stretch [first, last] as a hill going `direction`: height, grades, positions, time, speeds,
// heart rate and scores (what hill_candidates does for each hill it finds; repeats.hpp for reps found by
// position).
Hill measure_hill(const Course& course, std::size_t first, std::size_t last, HillDirection direction,
                  const core::Samples& positions, const HillOptions& options = {});

// Whether a candidate is big and steep enough to count as a climb or descent.
bool qualifies(const Hill& hill, const HillOptions& options = {});

std::vector<Hill> find_climbs(const Course& course, const std::vector<Segment>& segments,
                              const core::Samples& positions, const HillOptions& options = {});
std::vector<Hill> find_descents(const Course& course, const std::vector<Segment>& segments,
                                const core::Samples& positions, const HillOptions& options = {});

// The steepest grade over any `window_m` of course distance within [first, last], in the direction `sign`
// (+1: the largest grade, -1: the most negative), signed; the average grade when the stretch is shorter.
double steepest_grade(const Course& course, std::size_t first, std::size_t last, int sign, double window_m);

}  // namespace hillcoach::terrain
