#include "hillcoach/terrain/climbs.hpp"

#include <algorithm>
#include <cmath>

namespace hillcoach::terrain {

std::string_view to_string(HillDirection direction) {
    return direction == HillDirection::up ? "up" : "down";
}

namespace {

// The end of the hill that starts with segment `start`: the index of its last (highest, for s = +1) segment.
std::size_t hill_end(const std::vector<Segment>& segments, std::size_t start, SegmentKind kind, int s,
                     const HillOptions& o) {
    std::size_t top = start;
    const double bottom = segments[start].start_elevation_m;
    double lowest_since_top = segments[start].end_elevation_m;  // in the hill's direction
    for (std::size_t j = start + 1; j < segments.size(); ++j) {
        const Segment& seg = segments[j];
        const double top_elevation = segments[top].end_elevation_m;
        const double gained = s * (top_elevation - bottom);
        const double climbed_m = segments[top].end_m - segments[start].start_m;
        const double dip = s * (top_elevation - lowest_since_top);
        const double pause = seg.start_m - segments[top].end_m;
        if (dip > o.max_dip_fraction * gained || pause > o.max_break_fraction * climbed_m) break;
        if (seg.kind == kind && s * (seg.end_elevation_m - top_elevation) > 0.0) {
            top = j;
            lowest_since_top = seg.end_elevation_m;
            continue;
        }
        if (s * (seg.end_elevation_m - lowest_since_top) < 0.0) lowest_since_top = seg.end_elevation_m;
    }
    return top;
}

HillScore score_hill(const Hill& h, const HillOptions& o) {
    HillScore score;
    const double grade = std::abs(h.avg_grade);
    score.climb_score = climb_score(h.length_m(), grade);
    score.runner_score = runner_score(h.height_m, grade);
    score.runner = runner_category(score.runner_score);
    if (h.direction == HillDirection::up) {
        score.strava = strava_category(h.length_m(), grade, o.strava_table);
        score.climbpro = climbpro_qualifies(h.length_m(), grade, o.climbpro);
    }
    return score;
}

std::vector<Hill> qualifying(std::vector<Hill> hills, const HillOptions& options) {
    std::erase_if(hills, [&](const Hill& h) { return !qualifies(h, options); });
    return hills;
}

}  // namespace

Hill measure_hill(const Course& course, std::size_t first, std::size_t last, HillDirection direction,
                  const core::Samples& positions, const HillOptions& o) {
    const int s = direction == HillDirection::up ? 1 : -1;
    Hill h;
    h.direction = direction;
    h.first = first;
    h.last = last;
    h.start_m = course.distance_m[first];
    h.end_m = course.distance_m[last];
    h.start_elevation_m = course.elevation_m[first];
    h.end_elevation_m = course.elevation_m[last];
    h.height_m = s * (h.end_elevation_m - h.start_elevation_m);
    h.avg_grade = h.length_m() > 0.0 ? (h.end_elevation_m - h.start_elevation_m) / h.length_m() : 0.0;
    h.max_grade = steepest_grade(course, first, last, s, o.steepest_window_m);
    h.start_position = position_at(positions, first);
    h.end_position = position_at(positions, last);
    const IntervalStats stats = interval_stats(course, first, last);
    h.time_s = stats.moving_s;
    h.speed_m_s = stats.speed_m_s;
    h.avg_heart_rate_bpm = stats.avg_heart_rate_bpm;
    if (stats.moving_s && *stats.moving_s > 0.0) h.vertical_speed_m_h = h.height_m / *stats.moving_s * 3600.0;
    h.score = score_hill(h, o);
    return h;
}

double steepest_grade(const Course& course, std::size_t first, std::size_t last, int sign, double window_m) {
    const double length = course.distance_m[last] - course.distance_m[first];
    const double rise = course.elevation_m[last] - course.elevation_m[first];
    if (length <= window_m) return length > 0.0 ? rise / length : 0.0;
    double best = sign * (rise / length);
    std::size_t hint = first;
    for (std::size_t i = first; i <= last; ++i) {
        const double to = course.distance_m[i] + window_m;
        if (to > course.distance_m[last]) break;
        const double g = (elevation_at(course, to, hint) - course.elevation_m[i]) / window_m;
        if (std::isfinite(g)) best = std::max(best, sign * g);
    }
    return sign * best;
}

std::vector<Hill> hill_candidates(const Course& course, const std::vector<Segment>& segments,
                                  HillDirection direction, const core::Samples& positions,
                                  const HillOptions& options) {
    const SegmentKind kind = direction == HillDirection::up ? SegmentKind::up : SegmentKind::down;
    const int s = direction == HillDirection::up ? 1 : -1;
    std::vector<Hill> hills;
    std::size_t i = 0;
    while (i < segments.size()) {
        if (segments[i].kind != kind) {
            ++i;
            continue;
        }
        const std::size_t end = hill_end(segments, i, kind, s, options);
        hills.push_back(
            measure_hill(course, segments[i].first, segments[end].last, direction, positions, options));
        i = end + 1;
    }
    return hills;
}

HillOptions hill_options_for(core::ElevationSource source) {
    HillOptions options;
    if (source == core::ElevationSource::gps) options.min_height_m = k_gps_min_climb_height_m;
    return options;
}

bool qualifies(const Hill& hill, const HillOptions& options) {
    return hill.height_m >= options.min_height_m && std::abs(hill.avg_grade) >= options.min_grade &&
           hill.length_m() >= options.min_length_m;
}

std::vector<Hill> find_climbs(const Course& course, const std::vector<Segment>& segments,
                              const core::Samples& positions, const HillOptions& options) {
    return qualifying(hill_candidates(course, segments, HillDirection::up, positions, options), options);
}

std::vector<Hill> find_descents(const Course& course, const std::vector<Segment>& segments,
                                const core::Samples& positions, const HillOptions& options) {
    return qualifying(hill_candidates(course, segments, HillDirection::down, positions, options), options);
}

}  // namespace hillcoach::terrain
