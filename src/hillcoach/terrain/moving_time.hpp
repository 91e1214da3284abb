#pragma once
// Moving time: how long an activity was in motion by its clock, as `hillcoach info` reports it.
//
//   moving time = elapsed time (first to last timed sample)
//               - time inside the pauses the device recorded (timer stopped: auto-pause, stop button)
//               - every gap of more than 10 s between consecutive samples that no recorded pause covers
//                 and over which the runner did not move (a device that stops writing samples while the
//                 runner stands still, or a GPX export that dropped the pause events)
//
// A long gap over which the runner covered ground is moving time: "smart recording" devices write a sample
// only when the direction or pace changes, so on a straight road at even pace they go 10-60 s without one
// while the runner runs on (sports-lib 2067489619.fit: 1575 s moving by gaps alone against the device's
// 2820 s timer). A gap counts as moving when the straight line between the positions at its two ends, or the
// device's own distance channel across it, covers at least k_gap_moving_speed_m_s over the gap's time.
//
// Where a recorded pause covers part of a gap, only the pause is taken out: the device said when it was
// stopped. Standing still while the device keeps recording (no pause, no gap) counts as moving here: telling
// that apart needs the speed, which terrain's course builder judges.

#include <optional>
#include <vector>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::terrain {

// A gap between two samples longer than this, with no recorded pause, is taken as a stop. A choice, not a
// published constant: 1 Hz devices write every second and "smart recording" devices every few seconds while
// the runner moves, so 10 s without a sample or a pause means the device saw no motion worth recording.
inline constexpr double k_stop_gap_s = 10.0;

// A gap longer than k_stop_gap_s is moving when the ground covered across it shows at least this mean speed:
// a quarter of a slow walk (2 m/s is where people switch from walking to running; Hreljac 1993), so a hiker
// climbing steep ground still counts, and twice terrain's stop speed (distance.hpp, k_stop_speed_m_s), so
// that the few metres a GPS fix wanders while the device stands silent (under 10 m after a minute's stop)
// never make a stop into motion. The straight line is a lower bound of the path: a gap judged moving is sure to
// be.
inline constexpr double k_gap_moving_speed_m_s = 0.5;

// Moving time in seconds, or nullopt when no sample has a time. Samples with NaN time are ignored; a time
// going backwards contributes nothing.
std::optional<double> moving_time_s(const core::Activity& activity, double stop_gap_s = k_stop_gap_s);

// The same judgement per step, for the course builder: entry i holds the seconds of the step from the last
// timed sample before i to sample i during which the timer ran (the step minus the recorded pauses inside it;
// 0 for a gap with neither a pause nor movement, a backward or untimed sample, and entry 0). moving_time_s is
// their sum.
std::vector<double> timer_running_s(const core::Activity& activity, double stop_gap_s = k_stop_gap_s);

// Per sample: 1 when the step from the last timed sample before it to it overlaps a recorded pause (the timer
// was stopped for part of it). Entry 0 and untimed samples are 0.
std::vector<std::uint8_t> pause_steps(const core::Activity& activity);

}  // namespace hillcoach::terrain
