#include "hillcoach/terrain/step_length.hpp"

#include <cmath>
#include <limits>

#include "hillcoach/terrain/geodesy.hpp"

namespace hillcoach::terrain {

FixScale fix_scale(double latitude_deg, double longitude_deg) {
    const double phi = latitude_deg * wgs84::k_rad_per_deg;
    const double s = std::sin(phi);
    return FixScale{.latitude_deg = latitude_deg,
                    .longitude_deg = longitude_deg,
                    .cos_latitude = std::cos(phi),
                    .inverse_w = 1.0 / std::sqrt(1.0 - wgs84::k_e2 * s * s)};
}

double long_step_length_m(const FixScale& a, const FixScale& b) {
    return geodesic_distance_m(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg);
}

double step_length_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
    const auto valid = [](double lat, double lon) {
        return std::isfinite(lat) && std::isfinite(lon) && std::abs(lat) <= 90.0;
    };
    if (!valid(lat1_deg, lon1_deg) || !valid(lat2_deg, lon2_deg))
        return std::numeric_limits<double>::quiet_NaN();
    return step_length_m(fix_scale(lat1_deg, lon1_deg), fix_scale(lat2_deg, lon2_deg));
}

}  // namespace hillcoach::terrain
