#include "hillcoach/terrain/segments.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>

#include "hillcoach/terrain/course_interval.hpp"
#include "hillcoach/terrain/two_line_split.hpp"

namespace hillcoach::terrain {

std::string_view to_string(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::flat:
            return "flat";
        case SegmentKind::up:
            return "up";
        case SegmentKind::down:
            return "down";
    }
    return "flat";
}

namespace {

// The samples that have both a distance and an elevation, in course order: everything below works on these
// (indices into Profile), and maps back to course samples at the end. A course whose every sample is usable
// (a cleaned course almost always is) is viewed in place rather than copied: the copy cost a fifth of the
// segmentation.
struct Profile {
    std::span<const double> d;
    std::span<const double> e;
    std::vector<std::size_t> kept;  // the course sample of each profile point; empty when they are the same
    std::vector<double> kept_d;     // the copies d and e view when some samples are left out
    std::vector<double> kept_e;
    std::size_t size() const { return d.size(); }
    std::size_t sample(std::size_t i) const { return kept.empty() ? i : kept[i]; }

    // Moved, never copied: a move keeps the copies' buffers, and with them what d and e view.
    Profile() = default;
    Profile(Profile&&) = default;
    Profile(const Profile&) = delete;
    Profile& operator=(const Profile&) = delete;
    Profile& operator=(Profile&&) = delete;
};

Profile usable_profile(const Course& course) {
    Profile p;
    const std::size_t n = std::min(course.distance_m.size(), course.elevation_m.size());
    const double* dist = course.distance_m.data();
    const double* elev = course.elevation_m.data();
    // A sample is left out without a distance or an elevation, or when its distance runs backwards (noise).
    std::size_t i = 0;
    double last_d = -std::numeric_limits<double>::infinity();
    for (; i < n; ++i) {
        if (!std::isfinite(dist[i]) || !std::isfinite(elev[i]) || dist[i] < last_d) break;
        last_d = dist[i];
    }
    if (i == n) {
        p.d = std::span<const double>(dist, n);
        p.e = std::span<const double>(elev, n);
        return p;
    }
    p.kept.reserve(n);
    p.kept_d.reserve(n);
    p.kept_e.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        const double d = dist[k];
        const double e = elev[k];
        if (!std::isfinite(d) || !std::isfinite(e)) continue;
        if (!p.kept_d.empty() && d < p.kept_d.back()) continue;
        p.kept.push_back(k);
        p.kept_d.push_back(d);
        p.kept_e.push_back(e);
    }
    p.d = p.kept_d;
    p.e = p.kept_e;
    return p;
}

// Step 1: the start, every confirmed top and bottom, and the end (indices into the profile, increasing).
std::vector<std::size_t> turning_points(std::span<const double> e, double reversal_m) {
    const std::size_t n = e.size();
    std::vector<std::size_t> points{0};
    if (n < 2) return points;
    int direction = 0;  // +1 rising, -1 falling, 0 not yet known
    std::size_t low = 0;
    std::size_t high = 0;
    std::size_t extreme = 0;  // the running top (rising) or bottom (falling) of the current leg
    for (std::size_t i = 1; i < n; ++i) {
        if (direction == 0) {
            if (e[i] < e[low]) low = i;
            if (e[i] > e[high]) high = i;
            // The first reversal decides the first leg; whatever came before its start changed by less than
            // reversal_m and becomes a leg of its own (judged flat or not in step 3).
            if (e[i] - e[low] >= reversal_m) {
                direction = 1;
                if (low != 0) points.push_back(low);
                extreme = i;
            } else if (e[high] - e[i] >= reversal_m) {
                direction = -1;
                if (high != 0) points.push_back(high);
                extreme = i;
            }
        } else if (direction * (e[i] - e[extreme]) > 0.0) {
            extreme = i;
        } else if (direction * (e[extreme] - e[i]) >= reversal_m) {
            points.push_back(extreme);
            direction = -direction;
            extreme = i;
        }
    }
    if (direction != 0 && extreme != points.back()) points.push_back(extreme);
    if (points.back() != n - 1) points.push_back(n - 1);
    return points;
}

// Whether each profile point is on level ground (|grade| below flat_grade). The course's own grade is the
// grade over a centred window (terrain/grade.hpp, 50 m), which is what is wanted: it is used where it is
// finite; elsewhere the grade is taken over `window_m` centred on the point (clamped to the course), with two
// forward-moving interpolation hints so that the pass stays linear.
std::vector<std::uint8_t> level_points(const Course& course, const Profile& p, double window_m,
                                       double flat_grade) {
    std::vector<std::uint8_t> level(p.size(), 0);
    if (p.size() == 0) return level;
    const bool has_grade = course.grade.size() == course.size();
    const double half = window_m / 2.0;
    const double start = p.d.front();
    const double end = p.d.back();
    std::size_t behind = 0;
    std::size_t ahead = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double grade = has_grade ? course.grade[p.sample(i)] : std::nan("");
        if (std::isfinite(grade)) {
            level[i] = std::abs(grade) < flat_grade ? 1 : 0;
            continue;
        }
        const double from = std::max(start, p.d[i] - half);
        const double to = std::min(end, p.d[i] + half);
        if (to <= from) {
            level[i] = 1;
            continue;
        }
        const double rise = interpolate_at(p.d, p.e, to, ahead) - interpolate_at(p.d, p.e, from, behind);
        level[i] = std::abs(rise) < flat_grade * (to - from) ? 1 : 0;
    }
    return level;
}

struct Piece {
    SegmentKind kind = SegmentKind::flat;
    std::size_t first = 0;  // profile indices
    std::size_t last = 0;
};

struct Range {
    double low = 0.0;
    double high = 0.0;
    void add(double v) {
        low = std::min(low, v);
        high = std::max(high, v);
    }
    double span() const { return high - low; }
};

// Rounds of the plateau-level iteration: each round moves the cut by at least one sample and the cut
// converges geometrically on a clean corner (ten rounds bring a 1 km head on a 4 % climb to within a metre).
constexpr int k_level_rounds = 32;

class LegSplitter {
  public:
    LegSplitter(const Profile& p, const std::vector<std::uint8_t>& level, const SegmentOptions& o)
        : m_p(p), m_level(level), m_o(o) {}

    // Step 2 for the leg [a, b]: its plateaus and inner flats become flat pieces, the rest goes the leg's
    // way.
    void split(std::size_t a, std::size_t b, std::vector<Piece>& out) const {
        const double change = m_p.e[b] - m_p.e[a];
        if (change == 0.0) {
            out.push_back({SegmentKind::flat, a, b});
            return;
        }
        const int s = change > 0.0 ? 1 : -1;
        const SegmentKind kind = s > 0 ? SegmentKind::up : SegmentKind::down;
        std::size_t a2 = climbing_starts(a, b, s);
        std::size_t b2 = climbing_ends(a, b, s);
        cut_level_ends_by_fit(a2, b2, s);
        if (a2 >= b2) {
            out.push_back({SegmentKind::flat, a, b});
            return;
        }
        if (a2 > a) out.push_back({SegmentKind::flat, a, a2});
        std::size_t cursor = a2;
        std::size_t i = a2;
        while (i < b2) {
            if (!m_level[i]) {
                ++i;
                continue;
            }
            std::size_t q = i;
            while (q + 1 < b2 && m_level[q + 1]) ++q;
            std::size_t p = i;
            // Widen the level run to the ground within the tolerance of its ends: the centred window sees a
            // flat only once it is half inside it.
            while (p > cursor && s * (m_p.e[i] - m_p.e[p - 1]) <= m_o.edge_tolerance_m) --p;
            std::size_t r = q;
            while (r < b2 && s * (m_p.e[r + 1] - m_p.e[q]) <= m_o.edge_tolerance_m) ++r;
            const double length = m_p.d[r] - m_p.d[p];
            if (length >= m_o.min_flat_m && s * (m_p.e[r] - m_p.e[p]) < m_o.flat_grade * length) {
                if (p > cursor) out.push_back({kind, cursor, p});
                out.push_back({SegmentKind::flat, p, r});
                cursor = r;
            }
            i = std::max(q, r) + 1;
        }
        if (b2 > cursor) out.push_back({kind, cursor, b2});
        if (b > b2) out.push_back({SegmentKind::flat, b2, b});
    }

  private:
    // Level ground at an end of [a2, b2] that the plateau cut missed because noise tilts it (GPS altitude
    // that wanders down a few metres along the flat after a descent keeps the leg going to the wander's
    // lowest point): the best two-line fit of the stretch (two_line_split.hpp) puts its break at the corner;
    // an end whose line is level (below `level_fit_grade`), at least a plateau long, and less than half as
    // steep as the other line is cut off. Once at each end at most.
    void cut_level_ends_by_fit(std::size_t& a2, std::size_t& b2, int s) const {
        for (int pass = 0; pass < 2 && a2 < b2; ++pass) {
            if (!end_may_be_level(a2, b2)) return;
            const auto split = best_two_line_split(m_p.d, m_p.e, a2, b2);
            if (!split) return;
            const double head = s * split->head_slope;
            const double tail = s * split->tail_slope;
            if (level_against(split->at, b2, tail, head)) {
                b2 = split->at;
            } else if (level_against(a2, split->at, head, tail)) {
                a2 = split->at;
            } else {
                return;
            }
        }
    }

    // Whether either end of [a2, b2] could be level ground: over its last (first) plateau length the grade is
    // under twice level_fit_grade. Most legs end at a sharp top or bottom, steep to the last metre, and skip
    // the fit (it is the costliest step of the segmentation).
    bool end_may_be_level(std::size_t a2, std::size_t b2) const {
        const double span = plateau_min_m();
        if (m_p.d[b2] - m_p.d[a2] < 2.0 * span) return false;
        const double limit = 2.0 * m_o.level_fit_grade * span;
        std::size_t hint = a2;
        const double head_rise = interpolate_at(m_p.d, m_p.e, m_p.d[a2] + span, hint) - m_p.e[a2];
        hint = a2;
        const double tail_rise = m_p.e[b2] - interpolate_at(m_p.d, m_p.e, m_p.d[b2] - span, hint);
        return std::abs(head_rise) < limit || std::abs(tail_rise) < limit;
    }

    bool level_against(std::size_t from, std::size_t to, double slope, double other_slope) const {
        return m_p.d[to] - m_p.d[from] >= plateau_min_m() && std::abs(slope) < m_o.level_fit_grade &&
               other_slope >= m_o.flat_grade && other_slope >= 2.0 * std::abs(slope);
    }

    // Where the climbing starts after a plateau at the leg's start, or `a` when there is none.
    // A plateau spans less than a reversal of elevation (more would be a hill). Its level is the mean
    // elevation of the ground before the climb, which noise does not move the way it moves the leg's lowest
    // point (GPS altitude wanders by metres along a flat). It is found by iteration: start from the longest
    // head of the leg that is level on average (which on a gentle climb reaches well into it), take its mean,
    // cut the head at the last point within the tolerance of that mean, and repeat until the cut stays put;
    // each round lowers the mean towards the flat's own level. The cut is then refined back over the steps
    // that already climb (the exact corner on a clean profile).
    std::size_t climbing_starts(std::size_t a, std::size_t b, int s) const {
        std::size_t j = a;
        Range range{m_p.e[a], m_p.e[a]};
        for (std::size_t i = a + 1; i <= b; ++i) {
            range.add(m_p.e[i]);
            if (range.span() >= m_o.reversal_m) break;  // relief a hill is made of: no longer a plateau
            if (is_level(a, i)) j = i;
        }
        if (j == a) return a;
        double level = 0.0;
        for (int round = 0; round < k_level_rounds; ++round) {
            level = mean_elevation(a, j);
            std::size_t cut = j;
            while (cut > a && s * (m_p.e[cut] - level) > m_o.edge_tolerance_m) --cut;
            if (cut == j) break;
            j = cut;
        }
        if (m_p.d[j] - m_p.d[a] < plateau_min_m()) return a;
        while (j > a && steep_step(j, s) && s * (m_p.e[j - 1] - level) >= -m_o.edge_tolerance_m) --j;
        return j;
    }

    // The same at the leg's end: the level of the ground after the climb, and the first point within the
    // tolerance of it, refined forward over the steps that still climb.
    std::size_t climbing_ends(std::size_t a, std::size_t b, int s) const {
        std::size_t j = b;
        Range range{m_p.e[b], m_p.e[b]};
        for (std::size_t i = b; i-- > a;) {
            range.add(m_p.e[i]);
            if (range.span() >= m_o.reversal_m) break;
            if (is_level(i, b)) j = i;
        }
        if (j == b) return b;
        double level = 0.0;
        for (int round = 0; round < k_level_rounds; ++round) {
            level = mean_elevation(j, b);
            std::size_t cut = j;
            while (cut < b && s * (level - m_p.e[cut]) > m_o.edge_tolerance_m) ++cut;
            if (cut == j) break;
            j = cut;
        }
        if (m_p.d[b] - m_p.d[j] < plateau_min_m()) return b;
        while (j < b && steep_step(j + 1, s) && s * (level - m_p.e[j + 1]) >= -m_o.edge_tolerance_m) ++j;
        return j;
    }

    // A plateau is at least this long: level ground on which the elevation wanders by the tolerance stays
    // under flat_grade on average.
    double plateau_min_m() const { return m_o.edge_tolerance_m / m_o.flat_grade; }

    // [from, to] is long enough to be a plateau and level on average.
    bool is_level(std::size_t from, std::size_t to) const {
        const double length = m_p.d[to] - m_p.d[from];
        return length >= plateau_min_m() && std::abs(m_p.e[to] - m_p.e[from]) < m_o.flat_grade * length;
    }

    // Mean elevation over [from, to], weighted by distance (a plain mean where the stretch has no length).
    double mean_elevation(std::size_t from, std::size_t to) const {
        double area = 0.0;
        double sum = 0.0;
        for (std::size_t i = from + 1; i <= to; ++i) {
            const double run = m_p.d[i] - m_p.d[i - 1];
            area += run * (m_p.e[i] + m_p.e[i - 1]) / 2.0;
            sum += m_p.e[i];
        }
        const double length = m_p.d[to] - m_p.d[from];
        if (length > 0.0) return area / length;
        return to > from ? sum / static_cast<double>(to - from) : m_p.e[from];
    }

    // The step ending at profile point k goes the leg's way at flat_grade or steeper.
    bool steep_step(std::size_t k, int s) const {
        const double run = m_p.d[k] - m_p.d[k - 1];
        return run > 0.0 && s * (m_p.e[k] - m_p.e[k - 1]) >= m_o.flat_grade * run;
    }

    const Profile& m_p;
    const std::vector<std::uint8_t>& m_level;
    const SegmentOptions& m_o;
};

// Step 3, one piece at a time onto a stack: relabel, join, absorb short flats between same-way stretches.
class PieceStack {
  public:
    PieceStack(const Profile& p, const SegmentOptions& o) : m_p(p), m_o(o) {}

    void push(Piece piece) {
        if (piece.last <= piece.first) return;
        piece.kind = judged_kind(piece);
        if (!m_stack.empty() && m_stack.back().kind == piece.kind) {
            m_stack.back().last = piece.last;
        } else {
            m_stack.push_back(piece);
        }
        while (m_stack.size() >= 3) {
            const Piece& before = m_stack[m_stack.size() - 3];
            const Piece& middle = m_stack[m_stack.size() - 2];
            const Piece& after = m_stack.back();
            const bool short_flat =
                middle.kind == SegmentKind::flat && m_p.d[middle.last] - m_p.d[middle.first] < m_o.min_flat_m;
            if (!short_flat || before.kind == SegmentKind::flat || before.kind != after.kind) break;
            const std::size_t end = after.last;
            m_stack.pop_back();
            m_stack.pop_back();
            m_stack.back().last = end;
        }
    }

    const std::vector<Piece>& pieces() const { return m_stack; }

  private:
    SegmentKind judged_kind(const Piece& piece) const {
        if (piece.kind == SegmentKind::flat) return SegmentKind::flat;
        const double change = m_p.e[piece.last] - m_p.e[piece.first];
        const double length = m_p.d[piece.last] - m_p.d[piece.first];
        if (std::abs(change) < m_o.min_change_m || std::abs(change) < m_o.flat_grade * length) {
            return SegmentKind::flat;
        }
        return change > 0.0 ? SegmentKind::up : SegmentKind::down;
    }

    const Profile& m_p;
    const SegmentOptions& m_o;
    std::vector<Piece> m_stack;
};

}  // namespace

SegmentOptions segment_options_for(core::ElevationSource source) {
    SegmentOptions options;
    if (source == core::ElevationSource::gps) {
        options.reversal_m = k_gps_segment_reversal_m;
        options.min_change_m = k_gps_segment_reversal_m;
        options.edge_tolerance_m = k_gps_edge_tolerance_m;
        options.level_fit_grade = k_gps_level_fit_grade;
    }
    return options;
}

std::vector<Segment> find_segments(const Course& course, const SegmentOptions& options) {
    const Profile p = usable_profile(course);
    if (p.size() < 2) return {};
    const std::vector<std::size_t> points = turning_points(p.e, options.reversal_m);
    const std::vector<std::uint8_t> level =
        level_points(course, p, options.level_window_m, options.flat_grade);
    const LegSplitter splitter(p, level, options);
    PieceStack stack(p, options);
    std::vector<Piece> leg_pieces;
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
        leg_pieces.clear();
        splitter.split(points[k], points[k + 1], leg_pieces);
        for (const Piece& piece : leg_pieces) stack.push(piece);
    }

    std::vector<Segment> segments;
    segments.reserve(stack.pieces().size());
    for (const Piece& piece : stack.pieces()) {
        segments.push_back({.kind = piece.kind,
                            .first = p.sample(piece.first),
                            .last = p.sample(piece.last),
                            .start_m = p.d[piece.first],
                            .end_m = p.d[piece.last],
                            .start_elevation_m = p.e[piece.first],
                            .end_elevation_m = p.e[piece.last]});
    }
    return segments;
}

}  // namespace hillcoach::terrain
