#pragma once
// Writes an Activity as a TCX (Garmin Training Center v2) Activity with its laps, trackpoints (time, position,
// altitude, distance, heart rate, cadence) and the ActivityExtension v2 speed per trackpoint.

#include <string>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::io {

std::string write_tcx(const core::Activity& activity);

}  // namespace hillcoach::io
