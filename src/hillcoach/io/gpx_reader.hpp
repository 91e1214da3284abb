#pragma once
// GPX 1.0 and 1.1 (www.topografix.com/GPX) as one Activity.
//
// Every track point of every <trk>/<trkseg>, in document order, becomes one sample; the gap between two
// segments is only a gap in time. Routes (<rte>/<rtept>) are read only when there is no track point; waypoints
// never. Per point: lat/lon, <ele>, <time>, GPX 1.0 <speed>, and in <extensions> (at any prefix, up to three
// levels deep) the heart rate, cadence, temperature, speed, power and distance that Garmin's
// TrackPointExtension v1/v2, cluetrust gpxdata (Movescount), Amazfit, Strava and Urban Biker write.
// docs/formats/gpx.md lists every element and how broken input is treated.

#include <pugixml.hpp>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/io/xml_text.hpp"

namespace hillcoach::io {

// Reads the <gpx> document element of a document parsed in place (see read_xml_activity).
core::Expected<core::Activity> read_gpx(pugi::xml_node gpx, const XmlPositions& positions);

}  // namespace hillcoach::io
