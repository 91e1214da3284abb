#pragma once
// Moving time: how long an activity was in motion by its clock, as `hillcoach info` reports it.
//
//   moving time = elapsed time (first to last timed sample)
//               - time inside the pauses the device recorded (timer stopped: auto-pause, stop button)
//               - every gap of more than 10 s between consecutive samples that no recorded pause covers
//                 (a device that stops writing samples while the runner stands still, or a GPX export
//                 that dropped the pause events)
//
// Where a recorded pause covers part of a gap, only the pause is taken out: the device said when it was
// stopped. Standing still while the device keeps recording (no pause, no gap) counts as moving here: telling
// that apart needs the speed, which terrain's course builder judges.

#include <optional>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::terrain {

// A gap between two samples longer than this, with no recorded pause, is taken as a stop. A choice, not a
// published constant: 1 Hz devices write every second and "smart recording" devices every few seconds while
// the runner moves, so 10 s without a sample or a pause means the device saw no motion worth recording.
inline constexpr double k_stop_gap_s = 10.0;

// Moving time in seconds, or nullopt when no sample has a time. Samples with NaN time are ignored; a time
// going backwards contributes nothing.
std::optional<double> moving_time_s(const core::Activity& activity, double stop_gap_s = k_stop_gap_s);

}  // namespace hillcoach::terrain
