#include "hillcoach/synth/ground_path.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>

#include <GeographicLib/AzimuthalEquidistant.hpp>
#include <GeographicLib/Geodesic.hpp>

namespace hillcoach::synth {
namespace {

constexpr double k_pi = std::numbers::pi;
constexpr double k_deg = k_pi / 180.0;
// Closing a loop: Newton's method on the two coefficients of the heading correction.
constexpr double k_loop_tolerance_m = 0.001;
constexpr int k_loop_max_iterations = 40;
constexpr double k_loop_probe_rad = 1e-4;

double sequence_length(const std::vector<Statement>& statements) {
    double total = 0.0;
    for (const Statement& s : statements) {
        total += s.kind == StatementKind::repeat ? s.count * sequence_length(s.body) : s.length_m;
    }
    return total;
}

}  // namespace

std::string_view to_string(Layout layout) {
    switch (layout) {
        case Layout::wander:
            return "wander";
        case Layout::loop:
            return "loop";
        case Layout::out_and_back:
            return "out-and-back";
    }
    return "wander";
}

// Walks the statements and appends the path, metre by metre. One builder lays the whole course once; closing
// a loop lays it several times with different corrections (the random draws are the same each time).
class PathBuilder {
  public:
    struct Correction {
        double sine = 0.0;  // heading += sine * sin(phase) + cosine * cos(phase), phase over forward distance
        double cosine = 0.0;
    };

    PathBuilder(const PathOptions& options, const Random& rng, double forward_total_m, Correction correction)
        : m_options(options),
          m_rng(rng),
          m_curvature(k_wander_curvature_per_m * options.wander, k_wander_correlation_m),
          m_heading(options.heading_deg * k_deg),
          m_forward_total_m(forward_total_m),
          m_correction(correction) {
        if (options.layout == Layout::loop && forward_total_m > 0.0)
            m_loop_rate = 2.0 * k_pi / forward_total_m;
        m_curvature.start(m_rng);
        push(0.0, 0.0, 0.0);
    }

    void lay_course(const Course& course) {
        if (m_options.layout == Layout::out_and_back) {
            const std::size_t start = m_s.size() - 1;
            const double half = course.length_m() / 2.0;
            const double out = lay_sequence(course.statements(), half);
            mirror(start, out);
        } else {
            lay_sequence(course.statements(), course.length_m());
        }
    }

    // Metres laid forward (not retraced) so far; with a zero correction this is what the loop rate divides.
    double forward_m() const { return m_forward_m; }
    LocalPoint end() const { return {m_x.back(), m_y.back()}; }

    void move_into(GroundPath& path) {
        path.m_distance_m = std::move(m_s);
        path.m_east_m = std::move(m_x);
        path.m_north_m = std::move(m_y);
    }

  private:
    void push(double s, double x, double y) {
        m_s.push_back(s);
        m_x.push_back(x);
        m_y.push_back(y);
    }

    // Lays statements until `budget` metres; returns the metres laid.
    double lay_sequence(std::span<const Statement> statements, double budget) {
        double laid = 0.0;
        for (const Statement& st : statements) {
            if (laid >= budget) break;
            switch (st.kind) {
                case StatementKind::flat:
                case StatementKind::up:
                case StatementKind::down: {
                    const double d = std::min(st.length_m, budget - laid);
                    forward(d);
                    laid += d;
                    break;
                }
                case StatementKind::turn:
                    m_pending_turn += st.turn_deg * k_deg;
                    break;
                case StatementKind::stop:
                    break;
                case StatementKind::repeat:
                    laid += lay_repeat(st, budget - laid);
                    break;
            }
        }
        return laid;
    }

    // The first iteration is laid out and back; the others run over exactly the same points.
    double lay_repeat(const Statement& st, double budget) {
        const double body = sequence_length(st.body);
        const double heading_before = m_heading;
        const std::size_t start = m_s.size() - 1;
        const double out = lay_sequence(st.body, std::min(body / 2.0, budget));
        double laid = out;
        if (laid < budget) {
            const double back = std::min(out, budget - laid);
            mirror(start, back);
            laid += back;
        }
        const std::size_t end = m_s.size() - 1;
        for (int i = 1; i < st.count && laid < budget; ++i) laid += replay(start, end, budget - laid);
        // Back at the foot of the hill, facing up it as before the first rep; the path goes on that way.
        m_heading = heading_before;
        m_pending_turn = 0.0;
        return laid;
    }

    // Appends the points from `start` to `end` again, shifted along the course, for at most `length_m`
    // metres.
    double replay(std::size_t start, std::size_t end, double length_m) {
        const double origin = m_s.back();
        for (std::size_t k = start + 1; k <= end; ++k) {
            const double s = origin + (m_s[k] - m_s[start]);
            if (s > origin + length_m + 1e-9) {
                const double f = (origin + length_m - m_s.back()) / (s - m_s.back());
                if (f > 0.0) {
                    push(origin + length_m, m_x.back() + f * (m_x[k] - m_x.back()),
                         m_y.back() + f * (m_y[k] - m_y.back()));
                }
                return length_m;
            }
            push(s, m_x[k], m_y[k]);
        }
        return m_s[end] - m_s[start];
    }

    void forward(double length_m) {
        const auto steps = static_cast<std::size_t>(std::ceil(length_m / k_path_step_m));
        const double ds = length_m / static_cast<double>(steps);
        const double max_turn = k_turn_rate_deg_per_m * k_deg * ds;
        for (std::size_t i = 0; i < steps; ++i) {
            const double turn = std::clamp(m_pending_turn, -max_turn, max_turn);
            m_pending_turn -= turn;
            const double bend = m_curvature.step(ds, m_rng) * ds + m_loop_rate * ds + turn;
            // Midpoint heading over the step, with the loop-closing correction at this forward distance.
            const double phase =
                m_forward_total_m > 0.0 ? 2.0 * k_pi * (m_forward_m + ds / 2.0) / m_forward_total_m : 0.0;
            const double heading = m_heading + bend / 2.0 + m_correction.sine * std::sin(phase) +
                                   m_correction.cosine * std::cos(phase);
            m_heading += bend;
            m_forward_m += ds;
            push(m_s.back() + ds, m_x.back() + ds * std::sin(heading), m_y.back() + ds * std::cos(heading));
        }
    }

    // Appends the way back over the points from `start` to the end, for at most `length_m` metres.
    void mirror(std::size_t start, double length_m) {
        const std::size_t end = m_s.size() - 1;
        const double turn_at = m_s[end];
        for (std::size_t k = end; k-- > start;) {
            const double s = turn_at + (turn_at - m_s[k]);
            if (s > turn_at + length_m + 1e-9) {
                // Cut inside a step: interpolate the last point.
                const double f = (turn_at + length_m - m_s.back()) / (s - m_s.back());
                if (f > 0.0) {
                    push(turn_at + length_m, m_x.back() + f * (m_x[k] - m_x.back()),
                         m_y.back() + f * (m_y[k] - m_y.back()));
                }
                return;
            }
            push(s, m_x[k], m_y[k]);
        }
    }

    PathOptions m_options;
    Random m_rng;
    CorrelatedNoise m_curvature;
    double m_heading = 0.0;
    double m_pending_turn = 0.0;
    double m_loop_rate = 0.0;
    double m_forward_m = 0.0;
    double m_forward_total_m = 0.0;
    Correction m_correction;
    std::vector<double> m_s;
    std::vector<double> m_x;
    std::vector<double> m_y;
};

namespace {

using Correction = PathBuilder::Correction;

LocalPoint loop_gap(const Course& course, const PathOptions& options, const Random& rng, double forward_total,
                    Correction c) {
    PathBuilder b(options, rng, forward_total, c);
    b.lay_course(course);
    return b.end();
}

// Finds the heading correction that brings the loop's end onto its start; nullopt if Newton's method fails.
std::optional<Correction> close_loop(const Course& course, const PathOptions& options, const Random& rng,
                                     double forward_total) {
    Correction c;
    LocalPoint gap = loop_gap(course, options, rng, forward_total, c);
    for (int iteration = 0; iteration < k_loop_max_iterations; ++iteration) {
        const double residual = std::hypot(gap.east_m, gap.north_m);
        if (residual < k_loop_tolerance_m) return c;
        const LocalPoint ga =
            loop_gap(course, options, rng, forward_total, {c.sine + k_loop_probe_rad, c.cosine});
        const LocalPoint gb =
            loop_gap(course, options, rng, forward_total, {c.sine, c.cosine + k_loop_probe_rad});
        const double j11 = (ga.east_m - gap.east_m) / k_loop_probe_rad;
        const double j21 = (ga.north_m - gap.north_m) / k_loop_probe_rad;
        const double j12 = (gb.east_m - gap.east_m) / k_loop_probe_rad;
        const double j22 = (gb.north_m - gap.north_m) / k_loop_probe_rad;
        const double det = j11 * j22 - j12 * j21;
        if (!(std::abs(det) > 1e-12)) return std::nullopt;
        const double da = -(j22 * gap.east_m - j12 * gap.north_m) / det;
        const double db = -(-j21 * gap.east_m + j11 * gap.north_m) / det;
        // Damped step: halve until the gap shrinks.
        double scale = 1.0;
        for (; scale > 1e-3; scale /= 2.0) {
            const Correction trial{c.sine + scale * da, c.cosine + scale * db};
            const LocalPoint g = loop_gap(course, options, rng, forward_total, trial);
            if (std::hypot(g.east_m, g.north_m) < residual) {
                c = trial;
                gap = g;
                break;
            }
        }
        if (scale <= 1e-3) return std::nullopt;
    }
    return std::hypot(gap.east_m, gap.north_m) < k_loop_tolerance_m ? std::optional(c) : std::nullopt;
}

}  // namespace

core::Expected<GroundPath> GroundPath::lay(const Course& course, const PathOptions& options,
                                           const Random& rng) {
    GroundPath path;
    path.m_origin = {options.start_latitude_deg, options.start_longitude_deg};
    // A first pass measures the forward distance (the loop turns once over it) and is the path itself for the
    // other layouts.
    PathBuilder first(options, rng, 0.0, {});
    first.lay_course(course);
    if (options.layout != Layout::loop) {
        first.move_into(path);
        return path;
    }
    const double forward_total = first.forward_m();
    const auto correction = close_loop(course, options, rng, forward_total);
    if (!correction) {
        return core::make_error(
            core::ErrorCode::invalid_argument, core::Location{.file = "course"},
            "cannot close a loop with this course's turns; use the wander or out-and-back layout");
    }
    PathBuilder final_pass(options, rng, forward_total, *correction);
    final_pass.lay_course(course);
    final_pass.move_into(path);
    return path;
}

LocalPoint GroundPath::local_at(double distance_m) const {
    if (m_distance_m.size() < 2) return {};
    const double d = std::clamp(distance_m, 0.0, m_distance_m.back());
    const auto it = std::upper_bound(m_distance_m.begin(), m_distance_m.end(), d);
    const std::size_t hi =
        std::min<std::size_t>(static_cast<std::size_t>(it - m_distance_m.begin()), m_distance_m.size() - 1);
    const std::size_t lo = hi - 1;
    const double span = m_distance_m[hi] - m_distance_m[lo];
    const double f = span > 0.0 ? (d - m_distance_m[lo]) / span : 0.0;
    return {m_east_m[lo] + f * (m_east_m[hi] - m_east_m[lo]),
            m_north_m[lo] + f * (m_north_m[hi] - m_north_m[lo])};
}

GeoPoint GroundPath::to_geographic(LocalPoint p) const {
    static const GeographicLib::AzimuthalEquidistant projection(GeographicLib::Geodesic::WGS84());
    GeoPoint out;
    projection.Reverse(m_origin.latitude_deg, m_origin.longitude_deg, p.east_m, p.north_m, out.latitude_deg,
                       out.longitude_deg);
    return out;
}

}  // namespace hillcoach::synth
