#pragma once
// Writes an Activity as GPX 1.1 with Garmin TrackPointExtension v1 (hr, cad, atemp), as Garmin Connect and
// Strava export runs. Channels that are NaN for a sample are left out of that point.

#include <string>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::io {

std::string write_gpx(const core::Activity& activity);

}  // namespace hillcoach::io
