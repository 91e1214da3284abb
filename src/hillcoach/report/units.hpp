#pragma once
// Metric or imperial, applied only where numbers leave the program (reports, the terminal, the dashboard):
// everything inside stays SI. One formatter per unit system, so every table and chart of a report agrees.

#include <optional>
#include <string>
#include <string_view>

namespace hillcoach::report {

enum class UnitSystem { metric, imperial };

inline constexpr double k_metres_per_mile = 1609.344;  // international mile (1959), exact
inline constexpr double k_metres_per_foot = 0.3048;    // international foot (1959), exact

// "metric" or "imperial"; nullopt for anything else.
std::optional<UnitSystem> unit_system_from_text(std::string_view text);
std::string_view to_string(UnitSystem system);

class UnitFormat {
  public:
    explicit UnitFormat(UnitSystem system = UnitSystem::metric) : m_system(system) {}

    UnitSystem system() const { return m_system; }

    // Long distances: kilometres or miles.
    double distance_value(double metres) const;
    std::string_view distance_unit() const;
    // Heights and short lengths: metres or feet.
    double elevation_value(double metres) const;
    std::string_view elevation_unit() const;
    // Pace: seconds per kilometre or per mile.
    double pace_value(double s_per_km) const;
    std::string_view pace_unit() const;  // "/km" or "/mi"

    // "12.34 km" ("850 m" under a kilometre); "7.67 mi" ("2,789 ft" under a tenth of a mile).
    std::string distance_text(double metres) const;
    // "123 m" / "404 ft".
    std::string elevation_text(double metres) const;
    // "5:12 /km" / "8:22 /mi".
    std::string pace_text(double s_per_km) const;

  private:
    UnitSystem m_system = UnitSystem::metric;
};

// "1:02:03" for an hour or more, "42:05" under an hour.
std::string clock_text(double seconds);
// "3.2%" for a grade fraction of 0.032.
std::string percent_text(double fraction, int decimals = 1);

}  // namespace hillcoach::report
