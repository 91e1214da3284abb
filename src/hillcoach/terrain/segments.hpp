#pragma once
// The course split into uphill, downhill and flat stretches, as a runner would describe the run: "flat for a
// kilometre, up for 1.5 km, down, flat to the finish". Dips and bumps too small to matter do not split a
// stretch. docs/models.md ("Stretches, climbs and descents") gives the reasons for each constant.
//
// Algorithm (linear in the number of samples), on the cleaned elevation over distance:
//  1. Legs. The turning points of the elevation with hysteresis `reversal_m`: a top is confirmed only once
//     the course has dropped `reversal_m` below it, a bottom once it has risen `reversal_m` above it. Between
//     consecutive turning points the course goes one way, apart from wiggles smaller than `reversal_m`.
//  2. Flats inside a leg. A plateau at either end of a leg (the longest head or tail of the leg that is level
//     on average, |grade| below `flat_grade`, at least `edge_tolerance_m` / `flat_grade` long and spanning
//     less than `reversal_m`) is cut off where the course leaves the plateau's mean level by more than
//     `edge_tolerance_m` (on a clean profile, at the exact corner). Where noise tilts the level ground, the
//     best two-line least-squares fit of what remains (two_line_split.hpp) finds the corner instead: an end
//     whose line is below `level_fit_grade`, a plateau long, and less than half as steep as the rest is cut
//     off. Inside the leg, a stretch whose local grade (the course's grade, a centred 50 m window; over
//     `level_window_m` where the course has none) stays below `flat_grade` for at least `min_flat_m` is a
//     flat.
//  3. Clean-up. An up or down stretch that changes elevation by less than `min_change_m`, or whose average
//     grade is below `flat_grade`, is flat; neighbours of the same kind are joined; a flat shorter than
//     `min_flat_m` between two stretches going the same way is absorbed into them.
//
// Segments are contiguous: each starts at the sample where the one before ends. Samples without a distance
// or an elevation are stepped over. A course without elevation has no segments.

#include <cstddef>
#include <string_view>
#include <vector>

#include "hillcoach/terrain/course.hpp"

namespace hillcoach::terrain {

enum class SegmentKind : unsigned char { flat, up, down };
std::string_view to_string(SegmentKind kind);

struct Segment {
    SegmentKind kind = SegmentKind::flat;
    std::size_t first = 0;  // sample at its start
    std::size_t last = 0;   // sample at its end (the next segment's first)
    double start_m = 0.0;   // course distance at first / last
    double end_m = 0.0;
    double start_elevation_m = 0.0;
    double end_elevation_m = 0.0;

    double length_m() const { return end_m - start_m; }
    double change_m() const { return end_elevation_m - start_elevation_m; }  // signed
    double grade() const { return length_m() > 0.0 ? change_m() / length_m() : 0.0; }
};

// Hysteresis of the turning points: 3 m, the elevation threshold GoldenCheetah and Runalyze apply by default
// to count a rise (../shared/research/mission-anchors.md §1.2): a smaller reversal is a bump, not a new hill.
inline constexpr double k_segment_reversal_m = 3.0;
// Below 2 % a stretch is flat: Runalyze counts ground as hilly from an absolute grade of 2 %, Garmin's Hill
// Score from uphill segments steeper than 2 % (mission-anchors §1.1, §3.7).
inline constexpr double k_flat_grade = 0.02;
// A level stretch inside a climb must be this long to split it: a driveway, a bend or a bridge is part of
// the hill; 100 m of level ground is a break a runner notices (recovery of 20-40 s at running pace).
inline constexpr double k_min_flat_m = 100.0;

struct SegmentOptions {
    double reversal_m = k_segment_reversal_m;
    double min_change_m = k_segment_reversal_m;  // an up or down stretch rises or drops at least this much
    double flat_grade = k_flat_grade;
    double min_flat_m = k_min_flat_m;
    // Centred window of the local grade that finds level ground inside a leg where the course has no grade
    // (the course's own grade uses the same 50 m, terrain/grade.hpp): short enough to see a 100 m flat, long
    // enough that the wiggles left in a cleaned GPS profile do not make level ground look steep.
    double level_window_m = 50.0;
    // How far the smoothed elevation wanders on level ground: the half metre of a barometric channel.
    double edge_tolerance_m = 0.5;
    // A leg's end whose best-fit line is below this grade is level ground (see step 2).
    double level_fit_grade = k_flat_grade;
};

// GPS altitude wanders by metres over minutes (its vertical error is 2-3 times the horizontal, and filtering
// in the device does not remove it). On a GPS channel a reversal must reach 5 m: enough that the wander does
// not cut a hill into pieces, and still under the 7-8 m to which the wander can shrink a 12 m hill-repeat rep
// (segments only place stretches; a climb on GPS must rise 15 m, climbs.hpp). Plateaus are judged with a
// tolerance of a typical wander (2 m) and the slope it gives level ground (its metres over a few hundred
// metres of running: up to about 3 %). docs/models.md has the measurements.
inline constexpr double k_gps_segment_reversal_m = 5.0;
inline constexpr double k_gps_edge_tolerance_m = 2.0;
inline constexpr double k_gps_level_fit_grade = 0.03;

// The options for a course whose elevation came from `source`: GPS altitude gets the wider thresholds above,
// every other source (barometric, DEM, unknown) the defaults.
SegmentOptions segment_options_for(core::ElevationSource source);

std::vector<Segment> find_segments(const Course& course, const SegmentOptions& options = {});

}  // namespace hillcoach::terrain
