#pragma once
// Courses built by hand for the physiology tests: a list of stretches, each at one grade, speed and heart rate,
// sampled every second (the last step of a stretch shorter, so every stretch is exactly its length). Grade,
// speed and heart rate are exact, so every expected value can be computed by hand from the stretches.

#include <cmath>
#include <initializer_list>
#include <limits>
#include <vector>

#include "hillcoach/terrain/course.hpp"

namespace hillcoach::physiology::test {

inline constexpr double k_no_hr = std::numeric_limits<double>::quiet_NaN();

struct Stretch {
    double length_m = 0.0;       // horizontal
    double grade = 0.0;
    double speed_m_s = 3.0;      // horizontal
    double heart_rate_bpm = k_no_hr;
};

inline terrain::Course make_course(const std::vector<Stretch>& stretches, bool with_elevation = true) {
    terrain::Course c;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto push = [&](double t, double d, double e, double g, double v, double hr) {
        c.time_s.push_back(t);
        c.distance_m.push_back(d);
        c.elevation_m.push_back(with_elevation ? e : nan);
        c.grade.push_back(with_elevation ? g : nan);
        c.speed_m_s.push_back(v);
        c.heart_rate_bpm.push_back(hr);
        c.moving.push_back(1);
    };
    double t = 1'700'000'000.0, d = 0.0, e = 100.0;
    double ascent = 0.0, descent = 0.0;
    push(t, d, e, stretches.empty() ? 0.0 : stretches.front().grade, nan,
         stretches.empty() ? nan : stretches.front().heart_rate_bpm);
    for (const Stretch& s : stretches) {
        const double duration = s.length_m / s.speed_m_s;
        const auto steps = static_cast<long>(std::ceil(duration - 1e-9));
        for (long k = 1; k <= steps; ++k) {
            const double dt = std::min(1.0, duration - static_cast<double>(k - 1));
            t += dt;
            d += s.speed_m_s * dt;
            e += s.grade * s.speed_m_s * dt;
            push(t, d, e, s.grade, s.speed_m_s, s.heart_rate_bpm);
        }
        (s.grade > 0 ? ascent : descent) += std::abs(s.grade) * s.length_m;
    }
    c.distance_m_total = d;
    c.elapsed_s = t - c.time_s.front();
    c.moving_s = c.elapsed_s;
    if (with_elevation) {
        c.ascent_m = ascent;
        c.descent_m = descent;
        c.elevation_source = core::ElevationSource::barometric;
    }
    c.distance_source = terrain::DistanceSource::positions;
    return c;
}

}  // namespace hillcoach::physiology::test
