#pragma once
// Lengths of the short steps between consecutive GPS fixes on the WGS84 ellipsoid, fast.
//
// A step of a few metres is measured in the plane tangent to the ellipsoid at its mid-latitude phi_m:
//
//   north = M(phi_m) * dphi,   east = N(phi_m) * cos(phi_m) * dlambda,   length = sqrt(north^2 + east^2)
//
// with M = a (1 - e^2) / W^3 the meridional and N = a / W the prime-vertical radius of curvature,
// W = sqrt(1 - e^2 sin^2 phi), and WGS84 a = 6378137 m, f = 1/298.257223563, e^2 = f (2 - f). This is the
// first-order term of the geodesic's series for short lines; the terms it drops are of relative size (s / R)^2
// and smaller. Measured against GeographicLib (tests/terrain/step_length_test.cpp, steps of 1 m to 1 km in eight
// directions at latitudes 0-80 degrees): at most 1.5e-9 relative, 1.5 micrometres in a kilometre.
// A spherical haversine (R = 6371 km) is off by up to 0.5 % for the same steps; the ellipsoid's radii are what
// make this one agree with the geodesic.
//
// Why not GeographicLib's Inverse for every step: it costs about 1 us per step (bench/micro/geodesy_bench.cpp),
// which for the 3.6 million points of the benchmark workload is 3.6 s, more than reading the files takes.
// The local formula costs one sincos and one square root per fix. Steps longer than k_local_step_limit_m (a GPS
// dropout bridged in one step, a teleporting virtual ride) go to GeographicLib, where the local formula would
// start to drift.
//
// Degrees in, metres out; NaN in gives NaN out.

namespace hillcoach::terrain {

// Beyond this the step is solved as a full geodesic (GeographicLib): the local formula's relative error grows
// as the square of the step (1.5e-9 at 1 km, so about 1.5e-7 at 10 km).
inline constexpr double k_local_step_limit_m = 1000.0;

// The per-fix quantities the local formula needs, computed once per fix and shared by the two steps it ends
// and starts.
struct FixScale {
    double latitude_deg = 0.0;
    double longitude_deg = 0.0;
    double cos_latitude = 1.0;
    double inverse_w = 1.0;  // 1 / sqrt(1 - e^2 sin^2 phi)
};

FixScale fix_scale(double latitude_deg, double longitude_deg);

// Length in metres of the step from `a` to `b` (local formula; the geodesic beyond k_local_step_limit_m).
double step_length_m(const FixScale& a, const FixScale& b);

// Convenience for one pair of positions (degrees); NaN if any input is NaN or a latitude is outside [-90, 90].
double step_length_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

// The local east and north metres of `b` relative to `a` (same formula, no fallback): for displacements of
// up to a few kilometres, as the stationary test and position smoothing need.
struct LocalOffset {
    double east_m = 0.0;
    double north_m = 0.0;
};
LocalOffset local_offset_m(const FixScale& a, const FixScale& b);

}  // namespace hillcoach::terrain
