#pragma once
// The charts of one activity, each a finished <svg>: the HTML report places them on a page, the dashboard
// serves them one by one. Each is empty ("") when the activity lacks what it shows (no heart rate, no
// positions, no elevation), and the caller leaves it out.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/analysis/activity_analysis.hpp"
#include "hillcoach/core/activity.hpp"
#include "hillcoach/report/units.hpp"

namespace hillcoach::report {

struct NamedChart {
    std::string id;       // "elevation", "outline", "pace", "heart_rate", "grades", "muscle_load"
    std::string title;    // "Elevation and grade"
    std::string caption;  // one line on how to read it
    std::string svg;
};

// The grade band colours, steepest descent first (terrain::k_grade_band_edges' bands).
const std::vector<std::string>& grade_band_colours();
// "-15..-10%", "> 15%" for band `index` of terrain::GradeHistogram.
std::string grade_band_label(std::size_t index);

std::string elevation_chart(const analysis::ActivityAnalysis& a, const UnitFormat& units);
std::string outline_chart(const core::Activity& activity, const analysis::ActivityAnalysis& a);
std::string pace_chart(const analysis::ActivityAnalysis& a, const UnitFormat& units);
std::string heart_rate_chart(const analysis::ActivityAnalysis& a, const UnitFormat& units);
std::string grade_histogram_chart(const analysis::ActivityAnalysis& a, const UnitFormat& units);
std::string muscle_load_chart(const analysis::ActivityAnalysis& a);

// Every chart the activity has data for, in reading order.
// One chart by id, drawn alone (what the dashboard asks for); nullopt for an unknown id or a chart the
// activity has no data for.
std::optional<NamedChart> activity_chart(std::string_view id, const core::Activity& activity,
                                         const analysis::ActivityAnalysis& a, const UnitFormat& units);

std::vector<NamedChart> activity_charts(const core::Activity& activity, const analysis::ActivityAnalysis& a,
                                        const UnitFormat& units);

}  // namespace hillcoach::report
