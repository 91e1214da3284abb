#pragma once
// Hand-built courses for the segment, climb, histogram and repeat tests: a list of straight pieces (length,
// rise, speed, heart rate, heading north or south) sampled every metre, noise-free, so every expected value
// can be worked out by hand from the pieces. Elevation is piecewise linear; the grade at sample i is the
// grade of the piece the step ending at i lies on (Course's convention). Positions run along a meridian, so
// a piece heading south comes back over the ground a piece heading north went out on.

#include <cmath>
#include <cstddef>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/terrain/course.hpp"

namespace hillcoach::test {

struct Piece {
    double length_m = 0.0;
    double rise_m = 0.0;
    double speed_m_s = 3.0;  // 0: a standing rest of `rest_s` (length ignored)
    double heart_rate_bpm = 140.0;
    int heading = 1;  // +1 north, -1 south
    double rest_s = 0.0;
};

struct ProfiledCourse {
    terrain::Course course;
    core::Samples samples;  // positions (and time) beside the course, same indexing
};

// Metres per degree of latitude near 46 N on WGS84 (meridian arc, GeographicLib): enough for tests that only
// compare positions with each other through the geodesic.
inline constexpr double k_test_metres_per_degree = 111'150.0;
inline constexpr double k_test_start_latitude_deg = 46.0;
inline constexpr double k_test_longitude_deg = 7.0;
inline constexpr double k_test_start_time_s = 1'700'000'000.0;

inline ProfiledCourse profile_course(const std::vector<Piece>& pieces, double start_elevation_m = 100.0) {
    ProfiledCourse out;
    terrain::Course& c = out.course;
    double d = 0.0;
    double e = start_elevation_m;
    double t = k_test_start_time_s;
    double north = 0.0;
    const auto push = [&](double grade, double hr, bool moving) {
        c.distance_m.push_back(d);
        c.elevation_m.push_back(e);
        c.grade.push_back(c.distance_m.size() == 1 ? std::nan("") : grade);
        c.time_s.push_back(t);
        c.heart_rate_bpm.push_back(hr);
        c.moving.push_back(moving ? 1 : 0);
        c.speed_m_s.push_back(std::nan(""));
        out.samples.push_empty();
        out.samples.time_s.back() = t;
        out.samples.latitude_deg.back() = k_test_start_latitude_deg + north / k_test_metres_per_degree;
        out.samples.longitude_deg.back() = k_test_longitude_deg;
    };
    push(0.0, pieces.empty() ? 140.0 : pieces.front().heart_rate_bpm, true);
    for (const Piece& p : pieces) {
        if (p.speed_m_s <= 0.0) {
            for (int s = 0; s < static_cast<int>(p.rest_s); ++s) {
                t += 1.0;
                push(0.0, p.heart_rate_bpm, false);
            }
            continue;
        }
        const auto steps = static_cast<int>(std::lround(p.length_m));
        const double grade = p.rise_m / p.length_m;
        const double step_m = p.length_m / steps;
        for (int s = 0; s < steps; ++s) {
            d += step_m;
            e += grade * step_m;
            t += step_m / p.speed_m_s;
            north += p.heading * step_m;
            push(grade, p.heart_rate_bpm, true);
        }
    }
    c.distance_m_total = d;
    c.elevation_source = core::ElevationSource::barometric;
    c.distance_source = terrain::DistanceSource::positions;
    return out;
}

}  // namespace hillcoach::test
