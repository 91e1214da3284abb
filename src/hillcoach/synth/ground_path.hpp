#pragma once
// A course laid on the ground: latitude and longitude for every course distance.
//
// The path is built in a local plane (east/north metres from the start), one metre at a time along a heading,
// then mapped to WGS84 with an azimuthal equidistant projection centred on the start (GeographicLib), whose
// scale error within 20 km of the start is below 1e-6: the path's length on the ellipsoid equals the course
// length to well under a centimetre per kilometre.
//
// Heading. It starts at PathOptions::heading_deg and wanders: its curvature is a correlated random process
// (standard deviation k_wander_curvature_per_m x wander, correlated over k_wander_correlation_m), so a road
// bends now and then; wander = 0 gives straight lines. "turn A" turns by A degrees over a few metres
// (k_turn_rate_deg_per_m).
//
// Repeats come back to the same place: each iteration of a "repeat" runs out for the first half of its body's
// length and back over exactly the same ground for the second half, then faces the way it started again, so
// every rep climbs the same hill (write "up 150 +12; down 150 -12" and the down is the up run backwards).
// After the block the path continues in the direction it had before the block.
//
// Layouts: `wander` runs away from the start; `out_and_back` treats the whole course like one repeat (out for
// half its length, back over the same ground); `loop` bends the heading steadily through 360 degrees and
// adjusts the bend (a small once-round sine of the heading, found by Newton's method) so the path ends
// exactly where it started. Out-and-back and repeats give consistent terrain when their second half mirrors
// the first.

#include <cstddef>
#include <vector>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/synth/course.hpp"
#include "hillcoach/synth/random.hpp"

namespace hillcoach::synth {

enum class Layout : unsigned char { wander, loop, out_and_back };
std::string_view to_string(Layout layout);

inline constexpr double k_path_step_m = 1.0;
inline constexpr double k_wander_curvature_per_m = 0.0023;  // rad/m: ~45 degrees of drift per km
inline constexpr double k_wander_correlation_m = 60.0;
inline constexpr double k_turn_rate_deg_per_m = 20.0;  // a right angle over 4.5 m

struct PathOptions {
    double start_latitude_deg = 46.80;  // WGS84
    double start_longitude_deg = 7.15;
    double heading_deg = 0.0;  // initial direction, clockwise from north
    Layout layout = Layout::wander;
    double wander = 1.0;  // scale of the heading's random bends; 0 for straight lines
};

struct GeoPoint {
    double latitude_deg = 0.0;
    double longitude_deg = 0.0;
};

struct LocalPoint {
    double east_m = 0.0;
    double north_m = 0.0;
};

class GroundPath {
  public:
    // Lays the course; fails (invalid_argument) only for a loop whose turns leave no way to close it.
    static core::Expected<GroundPath> lay(const Course& course, const PathOptions& options,
                                          const Random& rng);

    double length_m() const { return m_distance_m.empty() ? 0.0 : m_distance_m.back(); }
    // Position at a course distance (clamped to the path), interpolated between the metre steps.
    LocalPoint local_at(double distance_m) const;
    GeoPoint at(double distance_m) const { return to_geographic(local_at(distance_m)); }
    GeoPoint to_geographic(LocalPoint p) const;
    GeoPoint start() const { return {m_origin.latitude_deg, m_origin.longitude_deg}; }

  private:
    friend class PathBuilder;
    GroundPath() = default;

    GeoPoint m_origin;
    std::vector<double> m_distance_m;
    std::vector<double> m_east_m;
    std::vector<double> m_north_m;
};

}  // namespace hillcoach::synth
