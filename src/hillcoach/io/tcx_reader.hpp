#pragma once
// TCX (Garmin Training Center Database v2) as one Activity per <Activity>.
//
// Activities/Activity and Activities/MultiSportSession/(FirstSport|NextSport)/Activity each become an
// Activity: Sport, Id (the start time), Notes, Creator Name; every Lap with its totals becomes a core::Lap
// over the samples of its Track(s); every Trackpoint a sample (Time, Position, AltitudeMeters,
// DistanceMeters, HeartRateBpm, Cadence, and the ActivityExtension TPX Speed, RunCadence, Watts). A
// Trackpoint without a Position keeps its other channels. Without any Activity, each <Course> is read the
// same way. Device totals are the sums of the lap totals. docs/formats/tcx.md lists every element and how
// broken input is treated.

#include <vector>

#include <pugixml.hpp>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/io/xml_text.hpp"

namespace hillcoach::io {

// Reads the <TrainingCenterDatabase> document element of a document parsed in place (see read_xml_activity).
core::Expected<std::vector<core::Activity>> read_tcx(pugi::xml_node root, const XmlPositions& positions);

// The activity's totals from its laps: distance, timer time and calories summed over the laps that carry
// them, heart rate averaged over lap time, maxima of the lap maxima. A calorie sum of 0 (Suunto and Polar
// write 0 in every lap they did not count) is left unset. The start time is not touched.
core::DeviceTotals totals_from_laps(const std::vector<core::Lap>& laps);

}  // namespace hillcoach::io
