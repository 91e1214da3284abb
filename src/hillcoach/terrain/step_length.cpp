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

FixScale FixScaler::operator()(double latitude_deg, double longitude_deg) {
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
