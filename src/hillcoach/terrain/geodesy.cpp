#include "hillcoach/terrain/geodesy.hpp"

#include <cmath>
#include <limits>

#include <GeographicLib/Geodesic.hpp>

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

bool has_position(double lat_deg, double lon_deg) { return std::isfinite(lat_deg) && std::isfinite(lon_deg); }

// The distance-only solution: GeographicLib skips the azimuths, reduced length and area when asked for
// DISTANCE alone, which makes the inverse problem about a third cheaper.
double inverse_distance_m(const GeographicLib::Geodesic& wgs84, double lat1, double lon1, double lat2, double lon2) {
    double s12 = k_nan;
    double unused = 0.0;
    wgs84.GenInverse(lat1, lon1, lat2, lon2, GeographicLib::Geodesic::DISTANCE, s12, unused, unused, unused, unused,
                     unused, unused);
    return s12;
}

}  // namespace

double geodesic_distance_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
    if (!has_position(lat1_deg, lon1_deg) || !has_position(lat2_deg, lon2_deg)) return k_nan;
    if (std::abs(lat1_deg) > 90.0 || std::abs(lat2_deg) > 90.0) return k_nan;
    return inverse_distance_m(GeographicLib::Geodesic::WGS84(), lat1_deg, lon1_deg, lat2_deg, lon2_deg);
}

double path_length_m(const core::Samples& samples) {
    const auto& lat = samples.latitude_deg;
    const auto& lon = samples.longitude_deg;
    const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
    double total = 0.0;
    bool any = false;
    double prev_lat = k_nan;
    double prev_lon = k_nan;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (!has_position(lat[i], lon[i]) || std::abs(lat[i]) > 90.0) continue;
        // Identical positions (a watch standing still, or writing one fix twice) cost nothing to skip.
        if (any && (lat[i] != prev_lat || lon[i] != prev_lon)) {
            total += inverse_distance_m(wgs84, prev_lat, prev_lon, lat[i], lon[i]);
        }
        any = true;
        prev_lat = lat[i];
        prev_lon = lon[i];
    }
    return any ? total : k_nan;
}

}  // namespace hillcoach::terrain
