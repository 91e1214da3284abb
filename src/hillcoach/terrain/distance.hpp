#pragma once
// Course distance: how far the runner went, per sample, from the GPS track or from the device's own distance.
//
// From positions (track_distance):
//   1. Wild fixes are dropped: excursions of one to a few fixes away from the track and back (a fix 5,600 km
//      away in sports-lib broken-start-latlng.fit; a burst of fixes thrown tens of metres sideways under
//      trees). A jump beyond k_max_plausible_speed_m_s that does not come back (a virtual ride hopping across
//      a game map) adds no distance.
//   2. Stops are found where the runner stands while the device records: a fix is a stop's core when the
//      straight-line displacement over the k_stop_half_window_s before it AND over the same time after it are
//      both under k_stop_speed_m_s. Looking at the two halves separately keeps a turnaround (out 30 s, back
//      30 s, no net displacement over the minute) from looking like a stop. Nearby core runs are merged, and
//      each stop reaches back and on to the first and last fix within k_stop_edge_sigmas times its core's
//      scatter of its centroid (distance.cpp, find_stops). Every fix of the stop is moved to that centroid:
//      standing adds nothing, and the steps into and out of the stop still count the real approach and
//      departure.
//   3. Distance is the sum of step lengths between consecutive fixes on the WGS84 ellipsoid
//   (step_length.hpp). A step across a pause (its timer ran k_stop_gap_s less than its clock: a recorded
//   pause,
//      or a silent gap without motion) counts only what could be covered in the seconds the timer ran, with
//      the jump rule's speed and slack: a recording stopped and started again kilometres away (a drive
//      between two walks, gpxpy's cerknicko-jezero.gpx) adds no distance, while the few metres a runner
//      drifts through an auto-pause still count. Samples without a fix get the distance interpolated over
//      time between the fixes around them.
// From the device (device_distance): the distance channel, required to be monotone; gaps interpolated over
// time. Used when it is plausible (course_distance): from k_device_shorter_tolerance below to
// k_device_longer_tolerance above the track, or with no track at all (treadmill). Devices filter their GPS
// (and may use a foot pod), so where the two agree the device's own number is the better one; where they
// disagree the device's channel is reset, scaled by an uncalibrated foot pod, or edited, and the track wins.
// The choice is reported in notes. docs/models.md, "Distance and moving time", gives the reasons for each
// constant and the measured accuracy.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::terrain {

// A fix that needs more than this speed to be reached and left is a wild fix: 100 m/s is faster than any
// runner or rider and far below the jumps of broken fixes (kilometres in a second).
inline constexpr double k_max_plausible_speed_m_s = 100.0;
// Excursions (distance.cpp, drop_wild_fixes): a step longer than k_position_spike_m at more than
// k_position_spike_ratio times the speed so far (plus 1 m/s) leaves the track; if within k_max_spike_fixes
// fixes a fix is back within reach of the last good one (k_spike_return_ratio times the speed so far plus 1
// m/s, over the time since it; at least k_position_spike_m), the fixes in between are dropped. Consumer GPS
// throws fixes 30-150 m off for one to a few seconds under trees and buildings; a runner's 1 s step is 2-6 m,
// a rider's 5-15 m.
inline constexpr double k_position_spike_m = 20.0;
inline constexpr double k_position_spike_ratio = 4.0;
inline constexpr double k_spike_return_ratio = 2.0;
inline constexpr std::size_t k_max_spike_fixes = 5;
// Half of the stop detection window: 30 s before and 30 s after a fix.
inline constexpr double k_stop_half_window_s = 30.0;
// Under this straight-line speed over both halves a fix is a stop's core: 7.5 m in 30 s, 67 min/km, below the
// horizontal speed of a hiker on a 40 % slope (about 0.4 m/s). A standing consumer GPS (sigma 2.5 m per axis,
// correlated over 20 s) moves more than 7.5 m in 30 s in 6 % of half windows, so about 89 % of a stop's fixes
// are core fixes, and the gaps between core runs are closed by merging (find_stops). With 15 s halves the
// same threshold would be crossed a third of the time.
inline constexpr double k_stop_speed_m_s = 0.25;
// A stop's edge reaches as far as this many times the rms scatter of its core fixes around their centroid
// (a standing receiver's fixes stay within 2.5 rms with probability 1 - exp(-6.25) = 99.8 %), bounded below
// and above so that a stop with a handful of fixes and one in an urban canyon both get a sane radius.
inline constexpr double k_stop_edge_sigmas = 2.5;
inline constexpr double k_stop_edge_min_m = 3.0;
inline constexpr double k_stop_edge_max_m = 25.0;
// The device distance is used when it is at most this fraction shorter, or this fraction longer, than the
// cleaned track. Asymmetric because GPS noise only ever lengthens a track: a 1 Hz track zig-zags 2-5 % longer
// than the path (4.3-4.4 % for every peer on the benchmark workload, PEERS.md), while a device distance well
// above the track is a foot pod's calibration or a reset, not the ground.
inline constexpr double k_device_shorter_tolerance = 0.10;
inline constexpr double k_device_longer_tolerance = 0.05;
// A device distance that steps back by more than this is not a cumulative distance (a reset, a chained file).
inline constexpr double k_device_distance_backstep_m = 1.0;

struct TrackDistance {
    std::vector<double> distance_m;        // per sample, cumulative from 0
    std::vector<std::uint8_t> stationary;  // per sample: inside a stop found in the track
    double length_m = 0.0;                 // cleaned length
    double raw_length_m = 0.0;             // plain sum of every step between fixes (what most tools report)
    std::size_t fixes = 0;                 // samples with a valid position
    std::size_t dropped_fixes = 0;         // wild fixes removed
    std::size_t jumps = 0;                 // implausible steps not counted
    std::size_t pause_moves = 0;           // steps across a pause longer than its running seconds allow
    double pause_moved_m = 0.0;            // their length, not counted
    std::size_t stops = 0;                 // stops found
    double stopped_s = 0.0;                // time inside them
};

// Distance from the positions. With fewer than two fixes: all zeros and fixes < 2. `timer_running_s`
// (moving_time.hpp, one entry per sample; empty: unknown) lets steps across pauses be judged.
TrackDistance track_distance(const core::Samples& samples, const std::vector<double>& timer_running_s = {});

struct DeviceDistance {
    std::vector<double> distance_m;  // per sample, from 0; empty when the channel is not usable
    double length_m = 0.0;
    bool from_speed = false;  // integrated from the speed channel (no distance channel)
    std::string problem;      // why the channel is not usable ("" when it is)
};

// The device's cumulative distance channel, or, without one, its speed channel integrated over the steps the
// timer ran (timer_running_s of moving_time.hpp). `problem` says why neither could be used.
DeviceDistance device_distance(const core::Samples& samples, const std::vector<double>& timer_running_s);

struct DistanceOptions {
    bool prefer_device = true;  // false: always the track when there is one
};

struct CourseDistance {
    std::vector<double> distance_m;        // per sample, cumulative from 0 (zeros for DistanceSource::none)
    std::vector<std::uint8_t> stationary;  // per sample: standing still while the device recorded
    DistanceSource source = DistanceSource::none;
    std::optional<double> track_length_m;   // cleaned GPS length, when there is a track
    std::optional<double> device_length_m;  // device distance, when usable
    std::vector<std::string> notes;         // the choice and its reason, in plain language
};

CourseDistance course_distance(const core::Samples& samples, const std::vector<double>& timer_running_s,
                               const DistanceOptions& options = {});

}  // namespace hillcoach::terrain
