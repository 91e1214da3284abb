#pragma once
// ActivityAnalysis: everything one activity says, as analyze() (analyze.hpp) builds it and the command line,
// the store and the server show it (analysis_json.hpp). A plain value: copy it, keep it, serialise it.
//
// Each part is the result of one module's function, kept as that module returns it, so a later part is added
// by adding a member and one call in analyze(): the physiology results (energy, grade-adjusted pace,
// heart-rate load, muscle load) join as a `physiology` member beside the terrain ones, filled from `course`.

#include <optional>
#include <vector>

#include "hillcoach/analysis/classify.hpp"
#include "hillcoach/core/activity.hpp"
#include "hillcoach/physiology/muscle_load.hpp"
#include "hillcoach/physiology/physiology_summary.hpp"
#include "hillcoach/terrain/climbs.hpp"
#include "hillcoach/terrain/course.hpp"
#include "hillcoach/terrain/grade_histogram.hpp"
#include "hillcoach/terrain/repeats.hpp"
#include "hillcoach/terrain/segments.hpp"

namespace hillcoach::analysis {

// The headline numbers, from the course (distance, times, ascent) and the activity (heart rate).
struct Summary {
    double distance_m = 0.0;
    terrain::DistanceSource distance_source = terrain::DistanceSource::none;
    std::optional<double> positions_distance_m;  // the cleaned GPS track's length, whatever the source above
    std::optional<double> elapsed_s;
    std::optional<double> moving_s;
    std::optional<double> avg_speed_m_s;  // distance / moving time
    std::optional<double> pace_s_per_km;  // moving pace
    std::optional<double> elapsed_pace_s_per_km;
    std::optional<double> ascent_m;
    std::optional<double> descent_m;
    core::ElevationSource elevation_source = core::ElevationSource::none;
    std::optional<double> min_elevation_m;
    std::optional<double> max_elevation_m;
    std::optional<double> avg_heart_rate_bpm;  // moving-time weighted
    std::optional<double> max_heart_rate_bpm;
};

struct ActivityAnalysis {
    core::Metadata metadata;    // which activity: format, sport, name, start, source, hash
    core::DeviceTotals device;  // the device's own totals, for comparison
    Summary summary;
    terrain::Course course;  // the cleaned per-sample profile (not serialised)
    std::vector<terrain::Segment> segments;
    terrain::GradeHistogram grade_histogram;
    std::vector<terrain::Hill> climbs;
    std::vector<terrain::Hill> descents;
    std::vector<terrain::RepeatGroup> repeats;
    SessionClassification session;
    // Energy, grade-adjusted pace, heart-rate and pace load, muscle load and the athlete settings used
    // (physiology::analyze_physiology), and the muscle load of each stretch, in the order of `segments`.
    ::hillcoach::physiology::PhysiologyResult physiology;
    std::vector<::hillcoach::physiology::StretchLoad> stretch_muscle_load;
    std::vector<std::string> notes;  // how each number was obtained (the course's notes first)
};

}  // namespace hillcoach::analysis
