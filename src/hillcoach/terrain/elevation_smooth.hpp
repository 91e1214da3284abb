#pragma once
// Elevation smoothing over course distance, so that 1 s and "smart" (every few seconds) recording of the same
// ground give the same profile.
//
//   1. The cleaned samples are averaged into cells of k_profile_step_m of course distance (every sample of a
//      stop falls in one cell and counts once): each cell with samples becomes one point at its samples' mean
//      distance and elevation, and the grid is the straight line through consecutive points. The profile is
//      now a function of distance alone, whatever the sampling.
//   2. The cells are smoothed by three passes of a moving average `window_m` wide (running sums: linear time
//      whatever the window). Three cascaded boxes make a bell-shaped kernel close to a Gaussian of standard
//      deviation window_m / 2 (W. M. Wells, "Efficient synthesis of Gaussian filters by cascaded uniform
//      filters", IEEE PAMI 8(2), 1986), at the cost of three running sums. At the ends the average is taken
//      over the cells that exist.
//
// The window depends on the channel's noise (elevation_source.hpp): a clean channel (barometric, or GPS
// altitude the device already filtered) only needs its quantisation steps evened out; raw GPS altitude needs
// its fix-to-fix jitter averaged, while its slow wander of metres is left to the ascent hysteresis
// (ascent.hpp), because a window wide enough to remove it flattens real hills as much (docs/models.md has the
// measurements); a DEM profile carries the horizontal GPS error through the slope of the terrain and the
// model's own 30-90 m cells.

#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::terrain {

// Cell size of the distance profile: finer than any window, coarse enough that a 300 km ultra is 150,000
// cells.
inline constexpr double k_profile_step_m = 2.0;

// How the elevation channel is to be treated: decided from its source and measured jitter
// (elevation_source.hpp).
enum class ElevationNoise { clean, noisy, dem };
std::string_view to_string(ElevationNoise noise);

// Smoothing windows (full width of each of the three moving averages).
inline constexpr double k_clean_window_m = 30.0;
inline constexpr double k_noisy_window_m = 20.0;
inline constexpr double k_dem_window_m = 60.0;
// Hill sprints are found on a second, sharper profile of a clean channel (repeats.hpp, docs/models.md "Hill
// repeats"): a rep 40-100 m long rises and falls back within its own length, and the 30 m window (three
// boxes: a bell of standard deviation 15 m) halves a 40 m rep's rise, while a 10 m window (standard deviation
// 5 m) keeps 90 % of it. A clean channel's jitter of 0.1-0.3 m (elevation_source.hpp) averaged over a 10 m
// bell at running speed (3-4 samples per box) stays under 0.2 m, a tenth of the smallest rep counted
// (k_min_rep_height_m). Total ascent keeps the 30 m window; noisy GPS and DEM profiles get no sharper one.
inline constexpr double k_repeat_window_m = 10.0;

double smoothing_window_m(ElevationNoise noise);

// Elevation as a function of course distance on a regular grid: cell k is at distance k * step_m.
class DistanceProfile {
  public:
    DistanceProfile() = default;
    DistanceProfile(double step_m, std::vector<double> elevation_m)
        : m_step_m(step_m), m_inverse_step(1.0 / step_m), m_elevation_m(std::move(elevation_m)) {}

    double step_m() const { return m_step_m; }
    const std::vector<double>& elevation_m() const { return m_elevation_m; }
    bool empty() const { return m_elevation_m.empty(); }
    double length_m() const {
        return m_elevation_m.empty() ? 0.0 : m_step_m * static_cast<double>(m_elevation_m.size() - 1);
    }
    // Linear interpolation between cells; distances outside the profile take the end value; NaN when empty.
    // Inline: the course build calls it a few times per sample.
    double at(double distance_m) const {
        if (m_elevation_m.empty() || !std::isfinite(distance_m))
            return std::numeric_limits<double>::quiet_NaN();
        const double x = distance_m * m_inverse_step;
        if (x <= 0.0) return m_elevation_m.front();
        const auto last = static_cast<double>(m_elevation_m.size() - 1);
        if (x >= last) return m_elevation_m.back();
        const auto k = static_cast<std::size_t>(x);
        const double w = x - static_cast<double>(k);
        return m_elevation_m[k] + w * (m_elevation_m[k + 1] - m_elevation_m[k]);
    }
    // The cells, handed over (the profile is left empty).
    std::vector<double> release() && { return std::move(m_elevation_m); }

  private:
    double m_step_m = k_profile_step_m;
    double m_inverse_step = 1.0 / k_profile_step_m;
    std::vector<double> m_elevation_m;
};

// The raw profile (step 1 above) of cleaned, NaN-free elevations over non-decreasing distances.
DistanceProfile distance_profile(const std::vector<double>& elevation_m,
                                 const std::vector<double>& distance_m, double step_m = k_profile_step_m);

// Three passes of a moving average `window_m` wide over the profile (step 2 above): the odd number of cells
// nearest to window_m / step_m (30 m: 15 cells; 20 m: 11 cells, 22 m); a window of one cell or less returns
// the profile unchanged.
DistanceProfile smooth_profile(DistanceProfile profile, double window_m);

}  // namespace hillcoach::terrain
