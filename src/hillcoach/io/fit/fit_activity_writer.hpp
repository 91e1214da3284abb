#pragma once
// Writes an Activity as a FIT activity file: file_id, device_info, timer start/stop events for its pauses,
// one record per sample (timestamp, position, distance, enhanced altitude and speed, heart rate, cadence,
// power, temperature), laps, one session with the device totals, and the activity message; header and file
// CRC.

#include <string>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::io::fit {

std::string write_fit_activity(const core::Activity& activity);

}  // namespace hillcoach::io::fit
