#include "hillcoach/terrain/ascent.hpp"

#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace hillcoach::terrain {

double hysteresis_m(ElevationNoise noise) {
    switch (noise) {
        case ElevationNoise::clean:
            return k_clean_hysteresis_m;
        case ElevationNoise::noisy:
            return k_noisy_hysteresis_m;
        case ElevationNoise::dem:
            return k_dem_hysteresis_m;
    }
    return k_noisy_hysteresis_m;
}

std::string hysteresis_text(ElevationNoise noise) {
    const double centre = hysteresis_m(noise);
    if (noise == ElevationNoise::noisy) {
        return fmt::format("hysteresis {:.0f}-{:.0f} m averaged", centre - k_noisy_hysteresis_spread_m,
                           centre + k_noisy_hysteresis_spread_m);
    }
    return fmt::format("hysteresis {:.0f} m", centre);
}

AscentDescent ascent_descent(std::span<const double> elevation_m, double hysteresis) {
    AscentDescent out;
    enum class Trend { none, up, down };
    Trend trend = Trend::none;
    bool started = false;
    double turn = 0.0;  // last confirmed turning point (the start before the first leg)
    double extreme =
        0.0;  // highest (trend up) or lowest (trend down) value since; before a trend, both kept:
    double high = 0.0;
    double low = 0.0;
    for (double h : elevation_m) {
        if (!std::isfinite(h)) continue;
        if (!started) {
            started = true;
            turn = extreme = high = low = h;
            continue;
        }
        switch (trend) {
            case Trend::none:
                // Before the first confirmed leg the first turning point is the low or the high seen so far.
                if (h > high) high = h;
                if (h < low) low = h;
                if (high - low >= hysteresis) {
                    if (h == high) {
                        trend = Trend::up;
                        turn = low;
                        extreme = high;
                    } else {
                        trend = Trend::down;
                        turn = high;
                        extreme = low;
                    }
                }
                break;
            case Trend::up:
                if (h > extreme) {
                    extreme = h;
                } else if (extreme - h >= hysteresis) {
                    out.ascent_m += extreme - turn;
                    turn = extreme;
                    extreme = h;
                    trend = Trend::down;
                }
                break;
            case Trend::down:
                if (h < extreme) {
                    extreme = h;
                } else if (h - extreme >= hysteresis) {
                    out.descent_m += turn - extreme;
                    turn = extreme;
                    extreme = h;
                    trend = Trend::up;
                }
                break;
        }
    }
    if (trend == Trend::up) out.ascent_m += extreme - turn;
    if (trend == Trend::down) out.descent_m += turn - extreme;
    return out;
}

std::vector<double> turning_values(std::span<const double> elevation_m) {
    std::vector<double> out;
    double previous = 0.0;
    int direction = 0;  // +1 rising, -1 falling, 0 not yet moved
    for (double h : elevation_m) {
        if (!std::isfinite(h)) continue;
        if (out.empty()) {
            out.push_back(h);
            previous = h;
            continue;
        }
        if (h == previous) continue;
        const int step = h > previous ? 1 : -1;
        if (direction != 0 && step != direction) out.push_back(previous);
        direction = step;
        previous = h;
    }
    if (direction != 0) out.push_back(previous);
    return out;
}

AscentDescent averaged_ascent_descent(std::span<const double> elevation_m, double centre_m, double spread_m,
                                      int levels) {
    if (levels < 2 || !(spread_m > 0.0)) return ascent_descent(elevation_m, centre_m);
    // Every level walks the same few turning values instead of the whole profile (same totals, see
    // turning_values in ascent.hpp).
    const std::vector<double> turns = turning_values(elevation_m);
    AscentDescent sum;
    for (int k = 0; k < levels; ++k) {
        const double h = centre_m - spread_m + 2.0 * spread_m * k / (levels - 1);
        const AscentDescent one = ascent_descent(turns, h);
        sum.ascent_m += one.ascent_m;
        sum.descent_m += one.descent_m;
    }
    return {.ascent_m = sum.ascent_m / levels, .descent_m = sum.descent_m / levels};
}

AscentDescent ascent_descent(std::span<const double> elevation_m, ElevationNoise noise) {
    if (noise == ElevationNoise::noisy) {
        return averaged_ascent_descent(elevation_m, k_noisy_hysteresis_m, k_noisy_hysteresis_spread_m,
                                       k_noisy_hysteresis_levels);
    }
    return ascent_descent(elevation_m, hysteresis_m(noise));
}

}  // namespace hillcoach::terrain
