#pragma once
// From an Activity to its Course (course.hpp): the one composition of terrain's steps.
//
//   timer      pauses and silent gaps (moving_time.hpp)
//   distance   GPS track cleaned of wild fixes and stops, or the device's distance (distance.hpp)
//   elevation  a DEM for GPS-only files when one is given (dem.hpp); source detected (elevation_source.hpp);
//              cleaned (elevation_clean.hpp); profiled and smoothed over distance (elevation_smooth.hpp)
//   totals     ascent and descent with hysteresis (ascent.hpp), grade (grade.hpp), speed, moving time
//
// Every choice is written into Course::notes in plain language. The cost is linear in the samples (about
// 0.1 us per sample; bench/RESULTS.md).

#include <memory>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/terrain/course.hpp"
#include "hillcoach/terrain/dem.hpp"
#include "hillcoach/terrain/elevation_smooth.hpp"

namespace hillcoach::terrain {

// Half of the window the speed channel is averaged over: 5 s each side evens out GPS step noise and keeps a
// 10 s hill sprint visible.
inline constexpr double k_speed_half_window_s = 5.0;

struct CourseOptions {
    // An elevation model (Dem::open) for files whose elevation is not barometric: replaces their GPS altitude
    // (or fills in a missing one). Barometric elevation is kept: it measures ascent better than any DEM
    // (GPS Visualizer's advice; mytourbook PR #451: barometer +1143 m, SRTM1 +1036 m, SRTM3 +1250 m).
    std::shared_ptr<const Dem> dem{};
    // Use the device's distance channel where it agrees with the track (distance.hpp).
    bool prefer_device_distance = true;
};

Course build_course(const core::Activity& activity, const CourseOptions& options = {});

// The smoothed elevation profile over course distance that build_course used, for callers that need elevation
// between samples (climb detection's steepest 100 m): empty when the course has no elevation.
struct CourseWithProfile {
    Course course;
    DistanceProfile profile;
};
CourseWithProfile build_course_with_profile(const core::Activity& activity,
                                            const CourseOptions& options = {});

}  // namespace hillcoach::terrain
