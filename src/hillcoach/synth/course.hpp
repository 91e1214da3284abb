#pragma once
// A course: the elevation profile of a described route (course_text.hpp) along its horizontal distance, known
// exactly, so tests can compare what hillcoach measures with what the ground really was.
//
// Profile. Each stretch of L metres rising H metres has a constant core grade, entered and left through
// linear grade ramps of k_grade_ramp_m (shorter stretches: a quarter of their length), so grade is continuous
// and elevation smooth, as on a real road or path. The ramps are placed so that:
//   - every stretch rises exactly its H, and every junction lies exactly at the elevation the text implies;
//   - at a top, a bottom, or the edge of a flat the grade passes through 0 at the junction itself, so each
//     stretch is monotonic and tops and bottoms keep their written elevation;
//   - between two stretches of the same direction the junction grade is the gentler of the two nominal
//   grades.
// Consequences: total ascent is exactly the sum of the rises, total descent the sum of the drops, and the
// core grade of a stretch is a little steeper than H / L (it makes up for the gentler ramps): the truth
// reports it.

#include <cstddef>
#include <string_view>
#include <vector>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/synth/course_text.hpp"

namespace hillcoach::synth {

// Length over which the grade changes between stretches (each side of a junction): a few metres, as on a road
// where a hill starts or crests; short enough not to blur the grades a runner would name.
inline constexpr double k_grade_ramp_m = 5.0;

// One statement after repeats are unrolled, with its exact profile. Stops and turns are stretches of length
// 0.
struct Stretch {
    StatementKind kind = StatementKind::flat;  // flat, up, down, stop or turn
    double start_m = 0.0;                      // course distance at its start
    double length_m = 0.0;
    double start_elevation_m = 0.0;
    double rise_m = 0.0;       // signed
    double entry_grade = 0.0;  // grade at its start, ramping to core_grade over ramp_m
    double core_grade = 0.0;
    double exit_grade = 0.0;  // grade at its end, reached over the last ramp_m
    double ramp_m = 0.0;
    double duration_s = 0.0;  // stop
    double turn_deg = 0.0;    // turn
    Effort effort = Effort::automatic;
    int repeat_block = -1;  // innermost repeat block, numbered in text order; -1 outside any
    int rep = -1;           // 0-based iteration of that block
    std::size_t line = 0;   // the statement in the text
    std::size_t column = 0;

    double end_m() const { return start_m + length_m; }
    double nominal_grade() const { return length_m > 0.0 ? rise_m / length_m : 0.0; }
};

// A maximal stretch of the course going one way: the true climbs and descents.
struct TrueHill {
    double start_m = 0.0;
    double end_m = 0.0;
    double length_m = 0.0;
    double height_m = 0.0;  // gain of a climb, drop of a descent (both positive)
    double start_elevation_m = 0.0;
    double end_elevation_m = 0.0;
    double avg_grade = 0.0;  // signed: positive for climbs, negative for descents
    double max_grade = 0.0;  // the steepest grade anywhere on it, signed like avg_grade
    int repeat_block = -1;   // as Stretch: the repeat block and iteration its first stretch belongs to
    int rep = -1;
};

struct ElevationChange {
    double ascent_m = 0.0;
    double descent_m = 0.0;
};

struct CourseOptions {
    double start_elevation_m = 500.0;
};

class Course {
  public:
    Course() = default;  // an empty course: length 0
    // Parses the text and builds the profile; errors as parse_course_text.
    static core::Expected<Course> parse(std::string_view text, const CourseOptions& options = {});
    static Course from_statements(std::vector<Statement> statements, const CourseOptions& options = {});

    const std::vector<Statement>& statements() const { return m_statements; }
    const std::vector<Stretch>& stretches() const { return m_stretches; }

    double length_m() const { return m_length_m; }
    double start_elevation_m() const { return m_start_elevation_m; }
    double ascent_m() const { return m_total.ascent_m; }
    double descent_m() const { return m_total.descent_m; }
    double min_elevation_m() const { return m_min_elevation_m; }
    double max_elevation_m() const { return m_max_elevation_m; }
    // Sum of the standing pauses ("stop N").
    double stop_s() const { return m_stop_s; }

    // Elevation and grade at a course distance; distances outside [0, length] are clamped.
    double elevation_at(double distance_m) const;
    double grade_at(double distance_m) const;
    // Exact ascent and descent between two distances (from <= to).
    ElevationChange change_between(double from_m, double to_m) const;
    // The stretch with length covering `distance_m` (the last one at the very end).
    std::size_t stretch_at(double distance_m) const;

    std::vector<TrueHill> climbs() const;
    std::vector<TrueHill> descents() const;

  private:
    void unroll(const std::vector<Statement>& statements, int& next_block, int block, int rep);
    void build_profile();
    std::vector<TrueHill> hills(int direction) const;

    std::vector<Statement> m_statements;
    std::vector<Stretch> m_stretches;
    std::vector<std::size_t> m_moving;  // indices of the stretches with length, in order
    double m_length_m = 0.0;
    double m_start_elevation_m = 0.0;
    double m_min_elevation_m = 0.0;
    double m_max_elevation_m = 0.0;
    double m_stop_s = 0.0;
    ElevationChange m_total;
};

}  // namespace hillcoach::synth
