#include "hillcoach/analysis/analyze.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "hillcoach/terrain/course_interval.hpp"

namespace hillcoach::analysis {
namespace {

Summary summarize(const terrain::Course& course) {
    Summary s;
    s.distance_m = course.distance_m_total;
    s.distance_source = course.distance_source;
    s.positions_distance_m = course.track_length_m;
    s.elapsed_s = course.elapsed_s;
    s.moving_s = course.moving_s;
    if (course.moving_s && *course.moving_s > 0.0 && course.distance_m_total > 0.0) {
        s.avg_speed_m_s = course.distance_m_total / *course.moving_s;
        s.pace_s_per_km = *course.moving_s / (course.distance_m_total / 1000.0);
    }
    if (course.elapsed_s && *course.elapsed_s > 0.0 && course.distance_m_total > 0.0) {
        s.elapsed_pace_s_per_km = *course.elapsed_s / (course.distance_m_total / 1000.0);
    }
    s.ascent_m = course.ascent_m;
    s.descent_m = course.descent_m;
    s.elevation_source = course.elevation_source;
    for (double e : course.elevation_m) {
        if (!std::isfinite(e)) continue;
        s.min_elevation_m = s.min_elevation_m ? std::min(*s.min_elevation_m, e) : e;
        s.max_elevation_m = s.max_elevation_m ? std::max(*s.max_elevation_m, e) : e;
    }
    if (course.size() > 1) {
        s.avg_heart_rate_bpm = terrain::interval_stats(course, 0, course.size() - 1).avg_heart_rate_bpm;
    }
    for (double hr : course.heart_rate_bpm) {
        if (std::isfinite(hr))
            s.max_heart_rate_bpm = s.max_heart_rate_bpm ? std::max(*s.max_heart_rate_bpm, hr) : hr;
    }
    return s;
}

}  // namespace

ActivityAnalysis analyze_course(const core::Activity& activity, terrain::Course course,
                                const AnalysisOptions& options) {
    ActivityAnalysis a;
    a.metadata = activity.metadata;
    a.device = activity.device;
    a.course = std::move(course);
    const terrain::Course& c = a.course;
    a.summary = summarize(c);
    a.segments = terrain::find_segments(
        c, options.segments.value_or(terrain::segment_options_for(c.elevation_source)));
    a.grade_histogram = terrain::grade_histogram(c);

    const terrain::HillOptions hills = options.hills.value_or(terrain::hill_options_for(c.elevation_source));
    std::vector<terrain::Hill> ascents =
        terrain::hill_candidates(c, a.segments, terrain::HillDirection::up, activity.samples, hills);
    a.repeats = terrain::find_course_repeats(c, a.segments, activity.samples, hills, options.repeats);
    std::erase_if(ascents, [&](const terrain::Hill& h) { return !terrain::qualifies(h, hills); });
    a.climbs = std::move(ascents);
    a.descents = terrain::find_descents(c, a.segments, activity.samples, hills);

    a.session = classify_session({.sport = activity.metadata.sport,
                                  .course = &c,
                                  .grade_histogram = &a.grade_histogram,
                                  .climbs = &a.climbs,
                                  .descents = &a.descents,
                                  .repeats = &a.repeats});
    const physiology::CourseSteps steps(c);  // read once for every model and the stretches
    a.physiology = physiology::analyze_physiology(
        steps, options.athlete,
        {.climb_count = a.climbs.size(), .ascent_m = c.ascent_m, .descent_m = c.descent_m});
    if (a.physiology.muscle_load)
        a.stretch_muscle_load = physiology::muscle_load_by_stretch(steps, a.segments);
    a.notes = c.notes;
    return a;
}

ActivityAnalysis analyze(const core::Activity& activity, const AnalysisOptions& options) {
    return analyze_course(activity, terrain::build_course(activity, options.course), options);
}

}  // namespace hillcoach::analysis
