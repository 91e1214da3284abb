#include "hillcoach/terrain/segments.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "hillcoach/terrain/course_interval.hpp"

namespace hillcoach::terrain {

std::string_view to_string(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::flat: return "flat";
        case SegmentKind::up: return "up";
        case SegmentKind::down: return "down";
    }
    return "flat";
}

namespace {

// The samples that have both a distance and an elevation, in course order: everything below works on these
// (indices into Profile), and maps back to course samples at the end.
struct Profile {
    std::vector<std::size_t> sample;
    std::vector<double> d;
    std::vector<double> e;
    std::size_t size() const { return d.size(); }
};

Profile usable_profile(const Course& course) {
    Profile p;
    const std::size_t n = std::min(course.distance_m.size(), course.elevation_m.size());
    for (std::size_t i = 0; i < n; ++i) {
        const double d = course.distance_m[i];
        const double e = course.elevation_m[i];
        if (!std::isfinite(d) || !std::isfinite(e)) continue;
        if (!p.d.empty() && d < p.d.back()) continue;  // distance never runs backwards; a sample that does is noise
        p.sample.push_back(i);
        p.d.push_back(d);
        p.e.push_back(e);
    }
    return p;
}

// Step 1: the start, every confirmed top and bottom, and the end (indices into the profile, increasing).
std::vector<std::size_t> turning_points(const std::vector<double>& e, double reversal_m) {
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

// Local grade at each profile point over a window centred on it (clamped to the course), and whether it is
// level (|grade| below flat_grade). Two forward-moving interpolation hints keep this linear.
std::vector<std::uint8_t> level_points(const Profile& p, double window_m, double flat_grade) {
    std::vector<std::uint8_t> level(p.size(), 0);
    if (p.size() == 0) return level;
    const double half = window_m / 2.0;
    const double start = p.d.front();
    const double end = p.d.back();
    std::size_t behind = 0;
    std::size_t ahead = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
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

class LegSplitter {
public:
    LegSplitter(const Profile& p, const std::vector<std::uint8_t>& level, const SegmentOptions& o)
        : m_p(p), m_level(level), m_o(o) {}

    // Step 2 for the leg [a, b]: its plateaus and inner flats become flat pieces, the rest goes the leg's way.
    void split(std::size_t a, std::size_t b, std::vector<Piece>& out) const {
        const double change = m_p.e[b] - m_p.e[a];
        if (change == 0.0) {
            out.push_back({SegmentKind::flat, a, b});
            return;
        }
        const int s = change > 0.0 ? 1 : -1;
        const SegmentKind kind = s > 0 ? SegmentKind::up : SegmentKind::down;
        const std::size_t a2 = climbing_starts(a, b, s);
        const std::size_t b2 = climbing_ends(a, b, s);
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
    // The end of a plateau at the leg's start, or `a` when there is none: the last point within the
    // tolerance of the bottom, then back over the steps that already climb (grade at least flat_grade).
    std::size_t climbing_starts(std::size_t a, std::size_t b, int s) const {
        std::size_t k = a;
        while (k < b && s * (m_p.e[k + 1] - m_p.e[a]) <= m_o.edge_tolerance_m) ++k;
        if (m_p.d[k] - m_p.d[a] < m_o.edge_tolerance_m / m_o.flat_grade) return a;
        while (k > a && steep_step(k, s)) --k;
        return k;
    }

    std::size_t climbing_ends(std::size_t a, std::size_t b, int s) const {
        std::size_t k = b;
        while (k > a && s * (m_p.e[b] - m_p.e[k - 1]) <= m_o.edge_tolerance_m) --k;
        if (m_p.d[b] - m_p.d[k] < m_o.edge_tolerance_m / m_o.flat_grade) return b;
        while (k < b && steep_step(k + 1, s)) ++k;
        return k;
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

std::vector<Segment> find_segments(const Course& course, const SegmentOptions& options) {
    const Profile p = usable_profile(course);
    if (p.size() < 2) return {};
    const std::vector<std::size_t> points = turning_points(p.e, options.reversal_m);
    const std::vector<std::uint8_t> level = level_points(p, options.level_window_m, options.flat_grade);
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
                            .first = p.sample[piece.first],
                            .last = p.sample[piece.last],
                            .start_m = p.d[piece.first],
                            .end_m = p.d[piece.last],
                            .start_elevation_m = p.e[piece.first],
                            .end_elevation_m = p.e[piece.last]});
    }
    return segments;
}

}  // namespace hillcoach::terrain
