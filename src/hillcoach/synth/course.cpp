#include "hillcoach/synth/course.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace hillcoach::synth {
namespace {

bool has_length(const Stretch& s) {
    return s.length_m > 0.0;
}

// Grade at a junction between two stretches with nominal grades a (before) and b (after): 0 at a top, a
// bottom or the edge of a flat, else the gentler of the two (see course.hpp for why).
double junction_grade(double a, double b) {
    if (a > 0.0 && b > 0.0) return std::min(a, b);
    if (a < 0.0 && b < 0.0) return std::max(a, b);
    return 0.0;
}

// Elevation gained from the start of a stretch to `u` metres into it (0 <= u <= length).
double rise_within(const Stretch& s, double u) {
    const double L = s.length_m;
    const double T = s.ramp_m;
    const double g = s.core_grade;
    if (L <= 0.0) return 0.0;
    if (u <= T) return s.entry_grade * u + (g - s.entry_grade) * u * u / (2.0 * T);
    const double entry_rise = (s.entry_grade + g) * T / 2.0;
    if (u <= L - T) return entry_rise + g * (u - T);
    const double w = std::min(u, L) - (L - T);
    return entry_rise + g * (L - 2.0 * T) + g * w + (s.exit_grade - g) * w * w / (2.0 * T);
}

double grade_within(const Stretch& s, double u) {
    const double L = s.length_m;
    const double T = s.ramp_m;
    if (L <= 0.0) return 0.0;
    if (u <= T) return s.entry_grade + (s.core_grade - s.entry_grade) * u / T;
    if (u <= L - T) return s.core_grade;
    const double w = std::min(u, L) - (L - T);
    return s.core_grade + (s.exit_grade - s.core_grade) * w / T;
}

}  // namespace

core::Expected<Course> Course::parse(std::string_view text, const CourseOptions& options) {
    auto statements = parse_course_text(text);
    if (!statements) return statements.error();
    return from_statements(std::move(*statements), options);
}

Course Course::from_statements(std::vector<Statement> statements, const CourseOptions& options) {
    Course c;
    c.m_statements = std::move(statements);
    c.m_start_elevation_m = options.start_elevation_m;
    int next_block = 0;
    c.unroll(c.m_statements, next_block, -1, -1);
    c.build_profile();
    return c;
}

void Course::unroll(const std::vector<Statement>& statements, int& next_block, int block, int rep) {
    for (const Statement& s : statements) {
        if (s.kind == StatementKind::repeat) {
            const int this_block = next_block++;
            for (int i = 0; i < s.count; ++i) unroll(s.body, next_block, this_block, i);
            continue;
        }
        m_stretches.push_back(Stretch{.kind = s.kind,
                                      .start_m = m_length_m,
                                      .length_m = s.length_m,
                                      .start_elevation_m = 0.0,
                                      .rise_m = s.rise_m,
                                      .entry_grade = 0.0,
                                      .core_grade = 0.0,
                                      .exit_grade = 0.0,
                                      .ramp_m = 0.0,
                                      .duration_s = s.duration_s,
                                      .turn_deg = s.turn_deg,
                                      .effort = s.effort,
                                      .repeat_block = block,
                                      .rep = rep,
                                      .line = s.line,
                                      .column = s.column});
        m_length_m += s.length_m;
        m_stop_s += s.duration_s;
    }
}

void Course::build_profile() {
    for (std::size_t i = 0; i < m_stretches.size(); ++i) {
        if (has_length(m_stretches[i])) m_moving.push_back(i);
    }
    double elevation = m_start_elevation_m;
    m_min_elevation_m = m_max_elevation_m = elevation;
    std::size_t k = 0;  // position in m_moving of the next stretch with length
    for (Stretch& s : m_stretches) {
        s.start_elevation_m = elevation;
        if (!has_length(s)) continue;
        const double g = s.nominal_grade();
        // The course starts and ends at the nominal grade of its first and last stretch: no ramp is needed
        // there.
        s.entry_grade = k == 0 ? g : junction_grade(m_stretches[m_moving[k - 1]].nominal_grade(), g);
        s.exit_grade =
            k + 1 == m_moving.size() ? g : junction_grade(g, m_stretches[m_moving[k + 1]].nominal_grade());
        s.ramp_m = std::min(k_grade_ramp_m, s.length_m / 4.0);
        s.core_grade = (s.rise_m - (s.entry_grade + s.exit_grade) * s.ramp_m / 2.0) / (s.length_m - s.ramp_m);
        elevation += s.rise_m;
        m_min_elevation_m = std::min(m_min_elevation_m, elevation);
        m_max_elevation_m = std::max(m_max_elevation_m, elevation);
        if (s.rise_m > 0.0) m_total.ascent_m += s.rise_m;
        if (s.rise_m < 0.0) m_total.descent_m -= s.rise_m;
        ++k;
    }
}

std::size_t Course::stretch_at(double distance_m) const {
    if (m_moving.empty()) return 0;
    // The first stretch with length whose end is beyond the distance.
    const auto it = std::upper_bound(m_moving.begin(), m_moving.end(), distance_m,
                                     [this](double d, std::size_t i) { return d < m_stretches[i].end_m(); });
    return it == m_moving.end() ? m_moving.back() : *it;
}

double Course::elevation_at(double distance_m) const {
    if (m_moving.empty()) return m_start_elevation_m;
    const double d = std::clamp(distance_m, 0.0, m_length_m);
    const Stretch& s = m_stretches[stretch_at(d)];
    return s.start_elevation_m + rise_within(s, d - s.start_m);
}

double Course::grade_at(double distance_m) const {
    if (m_moving.empty()) return 0.0;
    const double d = std::clamp(distance_m, 0.0, m_length_m);
    const Stretch& s = m_stretches[stretch_at(d)];
    return grade_within(s, d - s.start_m);
}

ElevationChange Course::change_between(double from_m, double to_m) const {
    ElevationChange out;
    const double a = std::clamp(from_m, 0.0, m_length_m);
    const double b = std::clamp(to_m, 0.0, m_length_m);
    if (!(a < b)) return out;
    // Each stretch is monotonic, so its part inside [a, b] changes by end minus start.
    for (std::size_t k = 0; k < m_moving.size(); ++k) {
        const Stretch& s = m_stretches[m_moving[k]];
        if (s.end_m() <= a) continue;
        if (s.start_m >= b) break;
        const double u0 = std::max(a, s.start_m) - s.start_m;
        const double u1 = std::min(b, s.end_m()) - s.start_m;
        const double dh = rise_within(s, u1) - rise_within(s, u0);
        if (dh > 0.0)
            out.ascent_m += dh;
        else
            out.descent_m -= dh;
    }
    return out;
}

std::vector<TrueHill> Course::climbs() const {
    return hills(+1);
}
std::vector<TrueHill> Course::descents() const {
    return hills(-1);
}

// Joins consecutive stretches going the wanted way (stops and turns do not interrupt; a flat or the other
// direction does) into one hill each.
std::vector<TrueHill> Course::hills(int direction) const {
    std::vector<TrueHill> out;
    bool open = false;
    for (const std::size_t i : m_moving) {
        const Stretch& s = m_stretches[i];
        const bool goes_our_way = direction > 0 ? s.rise_m > 0.0 : s.rise_m < 0.0;
        if (!goes_our_way) {
            open = false;
            continue;
        }
        // The steepest grade of a stretch is its core grade: the ramps lie between it and gentler neighbours.
        const double steepest = s.core_grade;
        if (!open) {
            out.push_back(TrueHill{.start_m = s.start_m,
                                   .end_m = s.start_m,
                                   .length_m = 0.0,
                                   .height_m = 0.0,
                                   .start_elevation_m = s.start_elevation_m,
                                   .end_elevation_m = s.start_elevation_m,
                                   .avg_grade = 0.0,
                                   .max_grade = steepest,
                                   .repeat_block = s.repeat_block,
                                   .rep = s.rep});
            open = true;
        }
        TrueHill& h = out.back();
        h.end_m = s.end_m();
        h.length_m = h.end_m - h.start_m;
        h.end_elevation_m = s.start_elevation_m + s.rise_m;
        h.height_m = std::abs(h.end_elevation_m - h.start_elevation_m);
        h.avg_grade = (h.end_elevation_m - h.start_elevation_m) / h.length_m;
        h.max_grade = direction > 0 ? std::max(h.max_grade, steepest) : std::min(h.max_grade, steepest);
    }
    return out;
}

}  // namespace hillcoach::synth
