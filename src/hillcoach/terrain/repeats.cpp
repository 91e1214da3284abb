#include "hillcoach/terrain/repeats.hpp"

#include <algorithm>
#include <cmath>

#include "hillcoach/terrain/course_interval.hpp"
#include "hillcoach/terrain/geodesy.hpp"

namespace hillcoach::terrain {
namespace {

// Metres per degree of latitude, rounded down (the true value is 110.57-111.69 km): used only to skip the
// geodesic for points that cannot be within the radius.
constexpr double k_min_metres_per_degree_latitude = 110'000.0;

bool within(const GeoPoint& a, const GeoPoint& b, double radius_m) {
    if (std::abs(a.latitude_deg - b.latitude_deg) * k_min_metres_per_degree_latitude > radius_m) return false;
    return geodesic_distance_m(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg) <= radius_m;
}

bool has_positions(const Hill& h) { return h.start_position && h.end_position; }

double recovery_allowance_m(const Hill& rep, const RepeatOptions& o) {
    return std::max(o.max_recovery_factor * rep.length_m(), o.min_recovery_allowance_m);
}

struct Candidate {
    std::vector<std::size_t> members;  // indices into the eligible ascents
    bool by_position = true;
};

class Matcher {
public:
    Matcher(const std::vector<const Hill*>& ascents, const RepeatOptions& o) : m_ascents(ascents), m_o(o) {}

    // Whether ascent `k` is another rep of `group` (compared with its first rep); sets `by_position`.
    bool matches(const Candidate& group, std::size_t k, bool& by_position) const {
        const Hill& ref = *m_ascents[group.members.front()];
        const Hill& last = *m_ascents[group.members.back()];
        const Hill& h = *m_ascents[k];
        if (has_positions(ref) && has_positions(h)) {
            by_position = true;
            return within(*ref.start_position, *h.start_position, m_o.match_radius_m) &&
                   within(*ref.end_position, *h.end_position, m_o.match_radius_m);
        }
        // Without positions the pattern must also follow on closely: equal-looking hills far apart are
        // more likely different hills of rolling ground than the same one.
        by_position = false;
        if (h.start_m - last.end_m > recovery_allowance_m(last, m_o)) return false;
        const double length_tolerance = std::max(m_o.match_tolerance * ref.length_m(), m_o.match_radius_m);
        return std::abs(h.start_elevation_m - ref.start_elevation_m) <= m_o.match_elevation_m &&
               std::abs(h.end_elevation_m - ref.end_elevation_m) <= m_o.match_elevation_m &&
               std::abs(h.length_m() - ref.length_m()) <= length_tolerance;
    }

private:
    const std::vector<const Hill*>& m_ascents;
    const RepeatOptions& m_o;
};

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2 == 1) return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2.0;
}

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

RepeatGroup build_group(const Course& course, const std::vector<const Hill*>& ascents, const Candidate& c,
                        const RepeatOptions& o) {
    RepeatGroup g;
    g.matched_by_position = c.by_position;
    g.back_to_back = true;
    std::vector<double> lengths;
    std::vector<double> heights;
    std::vector<double> grades;
    std::vector<double> times;
    for (std::size_t k = 0; k < c.members.size(); ++k) {
        Rep rep;
        rep.ascent = *ascents[c.members[k]];
        if (rep.ascent.speed_m_s && *rep.ascent.speed_m_s > 0.0) rep.pace_s_per_km = 1000.0 / *rep.ascent.speed_m_s;
        if (k + 1 < c.members.size()) {
            const Hill& next = *ascents[c.members[k + 1]];
            const IntervalStats recovery = interval_stats(course, rep.ascent.last, next.first);
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
                                      const RepeatOptions& options) {
    std::vector<const Hill*> eligible;
    for (const Hill& h : ascents) {
        if (h.direction == HillDirection::up && h.height_m >= options.min_height_m &&
            h.avg_grade >= options.min_grade) {
            eligible.push_back(&h);
        }
    }
    const Matcher matcher(eligible, options);
    std::vector<Candidate> candidates;
    for (std::size_t k = 0; k < eligible.size(); ++k) {
        bool placed = false;
        for (Candidate& c : candidates) {
            bool by_position = false;
            if (!matcher.matches(c, k, by_position)) continue;
            c.members.push_back(k);
            c.by_position = c.by_position && by_position;
            placed = true;
            break;
        }
        if (!placed) candidates.push_back({.members = {k}, .by_position = has_positions(*eligible[k])});
    }
    std::vector<RepeatGroup> groups;
    for (const Candidate& c : candidates) {
        if (c.members.size() >= options.min_reps) groups.push_back(build_group(course, eligible, c, options));
    }
    return groups;
}

}  // namespace hillcoach::terrain
