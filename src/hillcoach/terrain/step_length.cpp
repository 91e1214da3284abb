#include "hillcoach/terrain/step_length.hpp"

#include <cmath>
#include <limits>
#include <numbers>

#include "hillcoach/terrain/geodesy.hpp"

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_a_m = 6378137.0;                  // WGS84 equatorial radius
constexpr double k_f = 1.0 / 298.257223563;          // WGS84 flattening
constexpr double k_e2 = k_f * (2.0 - k_f);           // first eccentricity squared
constexpr double k_rad_per_deg = std::numbers::pi / 180.0;

// Longitude difference reduced to [-180, 180], so a step across the antimeridian is a short step.
double longitude_step_deg(double from, double to) {
    double d = to - from;
    if (d > 180.0 || d < -180.0) d = std::remainder(d, 360.0);
    return d;
}

}  // namespace

FixScale fix_scale(double latitude_deg, double longitude_deg) {
    const double phi = latitude_deg * k_rad_per_deg;
    const double s = std::sin(phi);
    return FixScale{.latitude_deg = latitude_deg,
                    .longitude_deg = longitude_deg,
                    .cos_latitude = std::cos(phi),
                    .inverse_w = 1.0 / std::sqrt(1.0 - k_e2 * s * s)};
}

LocalOffset local_offset_m(const FixScale& a, const FixScale& b) {
    // Mid-latitude radii from the mean of the two fixes' factors: exact to second order in dphi, which for
    // steps of a kilometre is below 1e-10 relative.
    const double w = 0.5 * (a.inverse_w + b.inverse_w);
    const double meridional_m = k_a_m * (1.0 - k_e2) * w * w * w;
    const double prime_vertical_m = k_a_m * w;
    const double cos_mid = 0.5 * (a.cos_latitude + b.cos_latitude);
    return LocalOffset{
        .east_m = prime_vertical_m * cos_mid * longitude_step_deg(a.longitude_deg, b.longitude_deg) * k_rad_per_deg,
        .north_m = meridional_m * (b.latitude_deg - a.latitude_deg) * k_rad_per_deg};
}

double step_length_m(const FixScale& a, const FixScale& b) {
    const LocalOffset d = local_offset_m(a, b);
    const double local = std::sqrt(d.east_m * d.east_m + d.north_m * d.north_m);
    if (local <= k_local_step_limit_m) return local;
    return geodesic_distance_m(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg);
}

double step_length_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
    const auto valid = [](double lat, double lon) { return std::isfinite(lat) && std::isfinite(lon) && std::abs(lat) <= 90.0; };
    if (!valid(lat1_deg, lon1_deg) || !valid(lat2_deg, lon2_deg)) return k_nan;
    return step_length_m(fix_scale(lat1_deg, lon1_deg), fix_scale(lat2_deg, lon2_deg));
}

}  // namespace hillcoach::terrain
