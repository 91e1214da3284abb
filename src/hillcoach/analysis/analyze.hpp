#pragma once
// analyze(): from an Activity to its ActivityAnalysis, the one composition of the analysis steps:
//
//   course      terrain::build_course: distance, cleaned elevation, grade, speed, moving time
//   segments    terrain::find_segments: up, down and flat stretches
//   histogram   terrain::grade_histogram: distance and time per grade band
//   hills       terrain::hill_candidates up and down; climbs and descents are those that qualify
//   repeats     terrain::find_repeats over every ascent (a sprint hill too small to be a climb is still a
//   rep) session     classify_session
//
// Every step is linear in the number of samples (the repeat matcher is linear in ascents times groups, a few
// hundred at most), so analysing costs a fraction of reading the file (bench/RESULTS.md).

#include <optional>

#include "hillcoach/analysis/activity_analysis.hpp"
#include "hillcoach/core/activity.hpp"
#include "hillcoach/physiology/athlete_profile.hpp"
#include "hillcoach/terrain/course_builder.hpp"

namespace hillcoach::analysis {

struct AnalysisOptions {
    terrain::CourseOptions course{};
    // Unset: chosen by the course's elevation source (terrain::segment_options_for).
    std::optional<terrain::SegmentOptions> segments{};
    // Unset: chosen by the course's elevation source (terrain::hill_options_for).
    std::optional<terrain::HillOptions> hills{};
    terrain::RepeatOptions repeats{};
    // The runner as the profile file and flags describe them; what is missing is estimated or defaulted.
    physiology::AthleteProfile athlete{};
};

ActivityAnalysis analyze(const core::Activity& activity, const AnalysisOptions& options = {});

// The same from a course already built (the activity still gives positions, metadata and device totals).
ActivityAnalysis analyze_course(const core::Activity& activity, terrain::Course course,
                                const AnalysisOptions& options = {});

}  // namespace hillcoach::analysis
