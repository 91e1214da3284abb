#pragma once
// Unit conversions, each written once. Inside hillcoach every value is SI (metres, seconds, kilograms,
// joules, m/s); these functions are used only where values enter (io/) or leave (report/, app/).

namespace hillcoach::core::units {

inline constexpr double k_metres_per_mile = 1609.344;
inline constexpr double k_metres_per_foot = 0.3048;
inline constexpr double k_joules_per_kcal = 4184.0;  // thermochemical kilocalorie
inline constexpr double k_seconds_per_hour = 3600.0;

constexpr double km_per_h_to_m_s(double v) { return v / 3.6; }
constexpr double m_s_to_km_per_h(double v) { return v * 3.6; }
constexpr double kcal_to_joules(double kcal) { return kcal * k_joules_per_kcal; }
constexpr double joules_to_kcal(double j) { return j / k_joules_per_kcal; }
// Pace in seconds per kilometre from a speed in m/s (infinite pace for zero speed is the caller's concern).
constexpr double pace_s_per_km(double speed_m_s) { return 1000.0 / speed_m_s; }
constexpr double pace_s_per_mile(double speed_m_s) { return k_metres_per_mile / speed_m_s; }
constexpr double metres_to_feet(double m) { return m / k_metres_per_foot; }
constexpr double metres_to_miles(double m) { return m / k_metres_per_mile; }

}  // namespace hillcoach::core::units
