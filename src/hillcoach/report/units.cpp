#include "hillcoach/report/units.hpp"

#include <cmath>

#include <fmt/format.h>

namespace hillcoach::report {

std::optional<UnitSystem> unit_system_from_text(std::string_view text) {
    if (text == "metric") return UnitSystem::metric;
    if (text == "imperial") return UnitSystem::imperial;
    return std::nullopt;
}

std::string_view to_string(UnitSystem system) {
    return system == UnitSystem::metric ? "metric" : "imperial";
}

double UnitFormat::distance_value(double metres) const {
    return m_system == UnitSystem::metric ? metres / 1000.0 : metres / k_metres_per_mile;
}

std::string_view UnitFormat::distance_unit() const {
    return m_system == UnitSystem::metric ? "km" : "mi";
}

double UnitFormat::elevation_value(double metres) const {
    return m_system == UnitSystem::metric ? metres : metres / k_metres_per_foot;
}

std::string_view UnitFormat::elevation_unit() const {
    return m_system == UnitSystem::metric ? "m" : "ft";
}

double UnitFormat::pace_value(double s_per_km) const {
    return m_system == UnitSystem::metric ? s_per_km : s_per_km * k_metres_per_mile / 1000.0;
}

std::string_view UnitFormat::pace_unit() const {
    return m_system == UnitSystem::metric ? "/km" : "/mi";
}

std::string UnitFormat::distance_text(double metres) const {
    if (m_system == UnitSystem::metric) {
        if (std::abs(metres) < 1000.0) return fmt::format("{:.0f} m", metres);
        return fmt::format("{:.2f} km", metres / 1000.0);
    }
    const double miles = metres / k_metres_per_mile;
    if (std::abs(miles) < 0.1) return fmt::format("{:.0f} ft", metres / k_metres_per_foot);
    return fmt::format("{:.2f} mi", miles);
}

std::string UnitFormat::elevation_text(double metres) const {
    return fmt::format("{:.0f} {}", elevation_value(metres), elevation_unit());
}

std::string UnitFormat::pace_text(double s_per_km) const {
    return clock_text(pace_value(s_per_km)) + " " + std::string(pace_unit());
}

std::string clock_text(double seconds) {
    const auto total = static_cast<long long>(std::llround(seconds));
    const long long h = total / 3600;
    const long long m = (total / 60) % 60;
    const long long s = total % 60;
    if (h > 0) return fmt::format("{}:{:02}:{:02}", h, m, s);
    return fmt::format("{}:{:02}", m, s);
}

std::string percent_text(double fraction, int decimals) {
    return fmt::format("{:.{}f}%", fraction * 100.0, decimals);
}

}  // namespace hillcoach::report
