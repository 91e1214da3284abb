#pragma once
// Lengths of the short steps between consecutive GPS fixes on the WGS84 ellipsoid, fast.
//
// A step of a few metres is measured in the plane tangent to the ellipsoid at its mid-latitude phi_m:
//
//   north = M(phi_m) * dphi,   east = N(phi_m) * cos(phi_m) * dlambda,   length = sqrt(north^2 + east^2)
//
// with M = a (1 - e^2) / W^3 the meridional and N = a / W the prime-vertical radius of curvature,
// W = sqrt(1 - e^2 sin^2 phi), and WGS84 a = 6378137 m, f = 1/298.257223563, e^2 = f (2 - f). This is the
// first-order term of the geodesic's series for short lines; the terms it drops are of relative size (s /
// R)^2 and smaller. Measured against GeographicLib (tests/terrain/step_length_test.cpp, steps of 1 m to 1 km
// in eight directions at latitudes 0-80 degrees): at most 1.5e-9 relative, 1.5 micrometres in a kilometre. A
// spherical haversine (R = 6371 km) is off by up to 0.5 % for the same steps; the ellipsoid's radii are what
// make this one agree with the geodesic.
//
// Why not GeographicLib's Inverse for every step: it costs about 1 us per step
// (bench/micro/geodesy_bench.cpp), which for the 3.6 million points of the benchmark workload is 3.6 s, more
// than reading the files takes. The local formula costs one sincos and one square root per fix. Steps longer
// than k_local_step_limit_m (a GPS dropout bridged in one step, a teleporting virtual ride) go to
// GeographicLib, where the local formula would start to drift.
//
// Degrees in, metres out; NaN in gives NaN out.

#include <cmath>

namespace hillcoach::terrain {

// Beyond this the step is solved as a full geodesic (GeographicLib): the local formula's relative error grows
// as the square of the step (1.5e-9 at 1 km, so about 1.5e-7 at 10 km).
inline constexpr double k_local_step_limit_m = 1000.0;

namespace wgs84 {
inline constexpr double k_a_m = 6378137.0;          // equatorial radius
inline constexpr double k_f = 1.0 / 298.257223563;  // flattening
inline constexpr double k_e2 = k_f * (2.0 - k_f);   // first eccentricity squared
inline constexpr double k_rad_per_deg = 3.14159265358979323846 / 180.0;
}  // namespace wgs84

// The per-fix quantities the local formula needs, computed once per fix and shared by the two steps it ends
// and starts.
struct FixScale {
    double latitude_deg = 0.0;
    double longitude_deg = 0.0;
    double cos_latitude = 1.0;
    double inverse_w = 1.0;  // 1 / sqrt(1 - e^2 sin^2 phi)
};

// Exact (one sincos and one square root).
FixScale fix_scale(double latitude_deg, double longitude_deg);

// The same for a sequence of nearby fixes, without the trigonometry: the fix's latitude is taken as
// phi0 + d around a reference phi0 that moves whenever |d| exceeds k_rescale_rad (1.1 km), with
// cos(phi0 + d) and sin(phi0 + d) from the angle-sum formulas and Taylor series of cos d and sin d to d^4 and
// d^3 (truncation below 1e-20), and 1/W to second order in d (below 1e-12 relative, e^2 d^3). So the scales
// equal fix_scale's to about 1e-12, at a few multiplications per fix. A GPS track moves a few metres per fix,
// so the reference moves once a kilometre.
class FixScaler {
  public:
    static constexpr double k_rescale_rad = 2e-4;
    FixScale operator()(double latitude_deg, double longitude_deg);

  private:
    double m_phi0 = 1e9;  // no reference yet
    double m_sin0 = 0.0;
    double m_cos0 = 1.0;
    double m_w0 = 1.0;
    double m_dw0 = 0.0;   // d(1/W)/dphi at phi0
    double m_ddw0 = 0.0;  // second derivative
};

// The local east and north metres of `b` relative to `a` (no fallback): for displacements of up to a few
// kilometres, as stop detection needs.
// Inline: called once per fix on every track.
inline FixScale FixScaler::operator()(double latitude_deg, double longitude_deg) {
    const double phi = latitude_deg * wgs84::k_rad_per_deg;
    double d = phi - m_phi0;
    if (!(std::abs(d) <= k_rescale_rad)) {
        m_phi0 = phi;
        m_sin0 = std::sin(phi);
        m_cos0 = std::cos(phi);
        const double q = 1.0 - wgs84::k_e2 * m_sin0 * m_sin0;
        m_w0 = 1.0 / std::sqrt(q);
        // 1/W = q^(-1/2), q = 1 - e^2 sin^2 phi: (1/W)' = e^2 sin cos q^(-3/2);
        // (1/W)'' = e^2 cos(2 phi) q^(-3/2) + 3 e^4 sin^2 cos^2 q^(-5/2).
        const double e2 = wgs84::k_e2;
        const double w3 = m_w0 * m_w0 * m_w0;
        m_dw0 = e2 * m_sin0 * m_cos0 * w3;
        m_ddw0 = e2 * (m_cos0 * m_cos0 - m_sin0 * m_sin0) * w3 +
                 3.0 * e2 * e2 * m_sin0 * m_sin0 * m_cos0 * m_cos0 * w3 * m_w0 * m_w0;
        d = 0.0;
    }
    const double d2 = d * d;
    const double cos_d = 1.0 - 0.5 * d2 + d2 * d2 / 24.0;
    const double sin_d = d * (1.0 - d2 / 6.0);
    return FixScale{.latitude_deg = latitude_deg,
                    .longitude_deg = longitude_deg,
                    .cos_latitude = m_cos0 * cos_d - m_sin0 * sin_d,
                    .inverse_w = m_w0 + d * m_dw0 + 0.5 * d2 * m_ddw0};
}

struct LocalOffset {
    double east_m = 0.0;
    double north_m = 0.0;
};

inline LocalOffset local_offset_m(const FixScale& a, const FixScale& b) {
    // Mid-latitude radii from the mean of the two fixes' factors: exact to second order in dphi, which for
    // steps of a kilometre is below 1e-10 relative.
    const double w = 0.5 * (a.inverse_w + b.inverse_w);
    const double meridional_m = wgs84::k_a_m * (1.0 - wgs84::k_e2) * w * w * w;
    const double prime_vertical_m = wgs84::k_a_m * w;
    const double cos_mid = 0.5 * (a.cos_latitude + b.cos_latitude);
    double dlon = b.longitude_deg - a.longitude_deg;
    // A step across the antimeridian is a short step.
    if (dlon > 180.0 || dlon < -180.0) dlon = std::remainder(dlon, 360.0);
    return LocalOffset{.east_m = prime_vertical_m * cos_mid * dlon * wgs84::k_rad_per_deg,
                       .north_m = meridional_m * (b.latitude_deg - a.latitude_deg) * wgs84::k_rad_per_deg};
}

// The geodesic between the two fixes (GeographicLib), for steps past k_local_step_limit_m.
double long_step_length_m(const FixScale& a, const FixScale& b);

// Length in metres of the step from `a` to `b` (local formula; the geodesic beyond k_local_step_limit_m).
inline double step_length_m(const FixScale& a, const FixScale& b) {
    const LocalOffset d = local_offset_m(a, b);
    const double squared = d.east_m * d.east_m + d.north_m * d.north_m;
    if (squared <= k_local_step_limit_m * k_local_step_limit_m) return std::sqrt(squared);
    return long_step_length_m(a, b);
}

// Convenience for one pair of positions (degrees); NaN if any input is NaN or a latitude is outside [-90,
// 90].
double step_length_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

}  // namespace hillcoach::terrain
