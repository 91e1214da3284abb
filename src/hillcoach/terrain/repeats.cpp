#include "hillcoach/terrain/repeats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "hillcoach/terrain/course_interval.hpp"
#include "hillcoach/terrain/elevation_smooth.hpp"
#include "hillcoach/terrain/step_length.hpp"

namespace hillcoach::terrain {
namespace {

// Metres per degree of latitude, rounded down (the true value is 110.57-111.69 km): used only to skip the
// distance for points that cannot be within the radius.
constexpr double k_min_metres_per_degree_latitude = 110'000.0;
constexpr double k_far = std::numeric_limits<double>::infinity();

double distance_within_m(const GeoPoint& a, const GeoPoint& b, double radius_m) {
    if (std::abs(a.latitude_deg - b.latitude_deg) * k_min_metres_per_degree_latitude > radius_m) {
        return k_far;
    }
    // The local ellipsoidal formula (step_length.hpp): within 1.5e-9 of the geodesic up to a kilometre, which
    // it hands to GeographicLib beyond, at a fortieth of the cost; every ascent is compared with every rep so
    // far, so this ran a geodesic per pair.
    return step_length_m(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg);
}

bool within(const GeoPoint& a, const GeoPoint& b, double radius_m) {
    return distance_within_m(a, b, radius_m) <= radius_m;
}

bool has_positions(const Hill& h) {
    return h.start_position && h.end_position;
}

double recovery_allowance_m(const Hill& rep, const RepeatOptions& o) {
    return std::max(o.max_recovery_factor * rep.length_m(), o.min_recovery_allowance_m);
}

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2 == 1) return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2.0;
}

// --- step 1: ascents that look like the same hill
// ------------------------------------------------------------

struct Candidate {
    std::vector<const Hill*> members;
    bool by_position = true;
};

// Whether ascent `h` is another rep of `group`: by position, its bottom and top near those of any member; by
// pattern (either without positions), it follows the last member closely and has the first one's shape.
bool matches(const Candidate& group, const Hill& h, const RepeatOptions& o, bool& by_position) {
    const Hill& first = *group.members.front();
    const Hill& last = *group.members.back();
    if (group.by_position && has_positions(h)) {
        by_position = true;
        return std::any_of(group.members.begin(), group.members.end(), [&](const Hill* m) {
            return within(*m->start_position, *h.start_position, o.match_radius_m) &&
                   within(*m->end_position, *h.end_position, o.match_radius_m);
        });
    }
    // Without positions the pattern must also follow on closely: equal-looking hills far apart are more
    // likely different hills of rolling ground than the same one.
    by_position = false;
    if (h.start_m - last.end_m > recovery_allowance_m(last, o)) return false;
    const double length_tolerance = std::max(o.match_tolerance * first.length_m(), o.match_radius_m);
    return std::abs(h.start_elevation_m - first.start_elevation_m) <= o.match_elevation_m &&
           std::abs(h.end_elevation_m - first.end_elevation_m) <= o.match_elevation_m &&
           std::abs(h.length_m() - first.length_m()) <= length_tolerance;
}

std::vector<Candidate> seed_groups(const std::vector<Hill>& ascents, const RepeatOptions& o) {
    std::vector<Candidate> groups;
    for (const Hill& h : ascents) {
        if (h.direction != HillDirection::up || h.height_m < o.min_height_m || h.avg_grade < o.min_grade)
            continue;
        bool placed = false;
        for (Candidate& g : groups) {
            bool by_position = false;
            if (!matches(g, h, o, by_position)) continue;
            g.members.push_back(&h);
            g.by_position = g.by_position && by_position;
            placed = true;
            break;
        }
        if (!placed) groups.push_back({.members = {&h}, .by_position = has_positions(h)});
    }
    return groups;
}

// --- step 2: with positions, every pass from the hill's bottom to its top
// --------------------------------------

// The turn-around near sample `index`: the sample within `window_m` of course distance that lies farthest
// from `from`, if the path turns back there (is farther than both ends of the window); else `index` itself.
// Reps run up and back down the same path, so their ends are turn-arounds that positions locate to a few
// metres, while the elevation's extremes wander with altitude noise.
std::size_t turnaround_near(const Course& course, const core::Samples& samples, std::size_t index,
                            const GeoPoint& from, double window_m) {
    const auto& d = course.distance_m;
    std::size_t lo = index;
    while (lo > 0 && d[index] - d[lo - 1] <= window_m) --lo;
    std::size_t hi = index;
    while (hi + 1 < course.size() && d[hi + 1] - d[index] <= window_m) ++hi;
    std::size_t best = index;
    double best_m = -1.0;
    for (std::size_t i = lo; i <= hi; ++i) {
        const auto p = position_at(samples, i);
        if (!p) continue;
        const double m = step_length_m(from.latitude_deg, from.longitude_deg, p->latitude_deg, p->longitude_deg);
        if (m > best_m) {
            best_m = m;
            best = i;
        }
    }
    return best == lo || best == hi ? index : best;
}

struct HillEnds {
    GeoPoint bottom;
    GeoPoint top;
    double length_m = 0.0;
};

GeoPoint median_point(const std::vector<GeoPoint>& points) {
    std::vector<double> lat;
    std::vector<double> lon;
    for (const auto& p : points) {
        lat.push_back(p.latitude_deg);
        lon.push_back(p.longitude_deg);
    }
    return {.latitude_deg = median(lat), .longitude_deg = median(lon)};
}

// The hill's bottom and top as the median of the members' turn-arounds (the median keeps a first rep that
// started from a run-up, rather than a turn, from pulling the bottom away).
HillEnds hill_ends(const Course& course, const core::Samples& samples, const Candidate& g,
                   const RepeatOptions& o) {
    std::vector<GeoPoint> bottoms;
    std::vector<GeoPoint> tops;
    std::vector<double> lengths;
    for (const Hill* h : g.members) {
        const std::size_t top =
            turnaround_near(course, samples, h->last, *h->start_position, o.match_radius_m);
        const GeoPoint top_point = position_at(samples, top).value_or(*h->end_position);
        const std::size_t bottom = turnaround_near(course, samples, h->first, top_point, o.match_radius_m);
        bottoms.push_back(position_at(samples, bottom).value_or(*h->start_position));
        tops.push_back(top_point);
        lengths.push_back(course.distance_m[top] - course.distance_m[bottom]);
    }
    return {.bottom = median_point(bottoms), .top = median_point(tops), .length_m = median(lengths)};
}

struct Visit {
    bool top = false;
    std::size_t closest = 0;  // the sample of the visit nearest the point
};

// Runs of consecutive samples within the radius of the bottom or the top (a sample near both goes to the
// nearer).
std::vector<Visit> visits(const core::Samples& samples, const HillEnds& ends, double radius_m) {
    std::vector<Visit> out;
    bool open = false;
    double closest_m = 0.0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto p = position_at(samples, i);
        const double to_bottom = p ? distance_within_m(ends.bottom, *p, radius_m) : k_far;
        const double to_top = p ? distance_within_m(ends.top, *p, radius_m) : k_far;
        const bool near_bottom = to_bottom <= radius_m && to_bottom <= to_top;
        const bool near_top = to_top <= radius_m && to_top < to_bottom;
        if (!near_bottom && !near_top) {
            open = false;
            continue;
        }
        const double m = near_top ? to_top : to_bottom;
        if (!open || out.back().top != near_top) {
            out.push_back({.top = near_top, .closest = i});
            closest_m = m;
            open = true;
        } else if (m < closest_m || (!near_top && m == closest_m)) {
            // Ties go to the last sample at the bottom and the first at the top: a runner standing at the
            // bottom before a rep, on a device that holds its fix while standing, starts the rep when leaving
            // (a 30 s rest counted into each rep made a 10 s sprint 40 s).
            out.back().closest = i;
            closest_m = m;
        }
    }
    return out;
}

// Every bottom visit followed directly by a top visit, over about the hill's length, going up: a rep.
std::vector<Hill> passes(const Course& course, const core::Samples& samples, const HillEnds& ends,
                         const RepeatOptions& o) {
    std::vector<Hill> reps;
    const double tolerance = std::max(o.match_tolerance * ends.length_m, o.match_radius_m);
    const Visit* bottom = nullptr;
    const std::vector<Visit> all = visits(samples, ends, o.match_radius_m);
    for (const Visit& v : all) {
        if (!v.top) {
            bottom = &v;
            continue;
        }
        if (!bottom) continue;
        const double length = course.distance_m[v.closest] - course.distance_m[bottom->closest];
        const double rise = course.elevation_m[v.closest] - course.elevation_m[bottom->closest];
        if (std::abs(length - ends.length_m) <= tolerance && rise > 0.0) {
            reps.push_back(
                measure_hill(course, bottom->closest, v.closest, HillDirection::up, samples, o.hill));
        }
        bottom = nullptr;
    }
    return reps;
}

// --- step 3: the group
// --------------------------------------------------------------------------------------

RepFade fade_of(const std::vector<Rep>& reps) {
    std::vector<std::optional<double>> times;
    std::vector<std::optional<double>> vams;
    std::vector<std::optional<double>> heart_rates;
    for (const Rep& r : reps) {
        times.push_back(r.ascent.time_s);
        vams.push_back(r.ascent.vertical_speed_m_h);
        heart_rates.push_back(r.ascent.avg_heart_rate_bpm);
    }
    RepFade fade;
    fade.time_slope_s_per_rep = slope_per_step(times);
    fade.vam_slope_m_h_per_rep = slope_per_step(vams);
    fade.heart_rate_slope_bpm_per_rep = slope_per_step(heart_rates);
    const auto& first = reps.front().ascent.time_s;
    const auto& last = reps.back().ascent.time_s;
    if (reps.size() >= 2 && first && last && *first > 0.0) fade.last_vs_first = *last / *first - 1.0;
    return fade;
}

RepeatGroup build_group(const Course& course, const std::vector<Hill>& ascents, bool by_position,
                        const RepeatOptions& o) {
    RepeatGroup g;
    g.matched_by_position = by_position;
    g.back_to_back = true;
    std::vector<double> lengths;
    std::vector<double> heights;
    std::vector<double> grades;
    std::vector<double> times;
    for (std::size_t k = 0; k < ascents.size(); ++k) {
        Rep rep;
        rep.ascent = ascents[k];
        if (rep.ascent.speed_m_s && *rep.ascent.speed_m_s > 0.0)
            rep.pace_s_per_km = 1000.0 / *rep.ascent.speed_m_s;
        if (k + 1 < ascents.size()) {
            const IntervalStats recovery = interval_stats(course, rep.ascent.last, ascents[k + 1].first);
            rep.recovery_m = recovery.distance_m;
            rep.recovery_s = recovery.moving_s;
            rep.recovery_speed_m_s = recovery.speed_m_s;
            if (recovery.distance_m > recovery_allowance_m(rep.ascent, o)) g.back_to_back = false;
        }
        lengths.push_back(rep.ascent.length_m());
        heights.push_back(rep.ascent.height_m);
        grades.push_back(rep.ascent.avg_grade);
        if (rep.ascent.time_s) times.push_back(*rep.ascent.time_s);
        g.reps.push_back(std::move(rep));
    }
    g.length_m = median(lengths);
    g.height_m = median(heights);
    g.avg_grade = median(grades);
    if (!times.empty()) g.rep_time_s = median(times);
    g.fade = fade_of(g.reps);
    return g;
}

bool overlaps(const Hill& a, const Hill& b) {
    return a.first < b.last && b.first < a.last;
}

}  // namespace

std::optional<double> slope_per_step(const std::vector<std::optional<double>>& y) {
    double n = 0.0;
    double sx = 0.0;
    double sy = 0.0;
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (!y[i] || !std::isfinite(*y[i])) continue;
        const double x = static_cast<double>(i);
        n += 1.0;
        sx += x;
        sy += *y[i];
        sxx += x * x;
        sxy += x * *y[i];
    }
    const double denominator = n * sxx - sx * sx;
    if (n < 2.0 || denominator <= 0.0) return std::nullopt;
    return (n * sxy - sx * sy) / denominator;
}

std::vector<RepeatGroup> find_repeats(const Course& course, const std::vector<Hill>& ascents,
                                      const core::Samples& positions, const RepeatOptions& options) {
    std::vector<RepeatGroup> groups;
    std::vector<Hill> taken;  // reps already in a group: a hill is one group's
    for (const Candidate& seed : seed_groups(ascents, options)) {
        std::vector<Hill> reps;
        for (const Hill* h : seed.members) reps.push_back(*h);
        if (seed.by_position && seed.members.size() >= 2 && positions.size() == course.size()) {
            std::vector<Hill> found =
                passes(course, positions, hill_ends(course, positions, seed, options), options);
            if (found.size() >= reps.size()) reps = std::move(found);
        }
        std::erase_if(reps, [&](const Hill& r) {
            return std::any_of(taken.begin(), taken.end(), [&](const Hill& t) { return overlaps(r, t); });
        });
        if (reps.size() < options.min_reps) continue;
        taken.insert(taken.end(), reps.begin(), reps.end());
        groups.push_back(build_group(course, reps, seed.by_position, options));
    }
    std::sort(groups.begin(), groups.end(), [](const RepeatGroup& a, const RepeatGroup& b) {
        return a.reps.front().ascent.first < b.reps.front().ascent.first;
    });
    return groups;
}

std::vector<RepeatGroup> find_course_repeats(const Course& course, const std::vector<Segment>& segments,
                                             const core::Samples& positions, const HillOptions& hills,
                                             const RepeatOptions& options) {
    if (course.repeat_elevation_m.size() != course.size()) {
        return find_repeats(course, hill_candidates(course, segments, HillDirection::up, positions, hills),
                            positions, options);
    }
    // The sharper profile replaces the elevation; the grade (over the ascent profile's 50 m) is dropped, so
    // the stretches judge level ground from this profile (segments.hpp, level_window_m).
    Course sharp = course;
    sharp.elevation_m = course.repeat_elevation_m;
    sharp.grade.clear();
    SegmentOptions stretches = segment_options_for(course.elevation_source);
    stretches.reversal_m = k_repeat_reversal_m;
    stretches.min_change_m = k_repeat_reversal_m;
    const std::vector<Segment> sharp_segments = find_segments(sharp, stretches);
    return find_repeats(sharp, hill_candidates(sharp, sharp_segments, HillDirection::up, positions, hills),
                        positions, options);
}

}  // namespace hillcoach::terrain
