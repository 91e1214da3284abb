#pragma once
// The report of one activity as one self-contained HTML page: the text summary, the elevation profile
// coloured by grade with the climbs and descents marked, the track's outline, pace and grade-adjusted pace,
// heart rate, the grade histogram, the muscle-load chart, and the climbs and descents as tables.

#include <string>
#include <utility>
#include <vector>

#include "hillcoach/analysis/activity_analysis.hpp"
#include "hillcoach/core/activity.hpp"
#include "hillcoach/report/units.hpp"

namespace hillcoach::report {

struct ActivityReportOptions {
    UnitFormat units{};
};

// The headline numbers as label/value text (also the dashboard's summary list).
std::vector<std::pair<std::string, std::string>> activity_summary_rows(const core::Activity& activity,
                                                                       const analysis::ActivityAnalysis& a,
                                                                       const UnitFormat& units);

// The page's title: the activity's name, or its file name, or "Activity".
std::string activity_title(const core::Activity& activity);

std::string activity_report_html(const core::Activity& activity, const analysis::ActivityAnalysis& a,
                                 const ActivityReportOptions& options = {});

}  // namespace hillcoach::report
