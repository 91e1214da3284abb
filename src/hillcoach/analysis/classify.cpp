#include "hillcoach/analysis/classify.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "hillcoach/terrain/moving_time.hpp"

namespace hillcoach::analysis {
namespace {

struct TypeName {
    SessionType type = SessionType::unknown;
    std::string_view id;
    std::string_view label;
};

constexpr std::array<TypeName, 10> k_type_names = {{
    {SessionType::flat_easy_run, "flat_easy_run", "flat easy run"},
    {SessionType::hilly_run, "hilly_run", "hilly run"},
    {SessionType::hill_repeats, "hill_repeats", "hill repeats"},
    {SessionType::hill_sprints, "hill_sprints", "hill sprints"},
    {SessionType::downhill_focused, "downhill_focused", "downhill-focused run"},
    {SessionType::long_run, "long_run", "long run"},
    {SessionType::trail_or_mountain_run, "trail_or_mountain_run", "trail or mountain run"},
    {SessionType::hike_or_walk, "hike_or_walk", "hike or walk"},
    {SessionType::other_sport, "other_sport", "not a run or walk"},
    {SessionType::unknown, "unknown", "unknown"},
}};

const TypeName& name_of(SessionType type) {
    for (const auto& n : k_type_names) {
        if (n.type == type) return n;
    }
    return k_type_names.back();
}

// Speeds are binned to this for the weighted median: linear in the samples, and far finer than any threshold.
constexpr double k_speed_bin_m_s = 0.01;
constexpr double k_max_binned_speed_m_s = 20.0;

bool is_foot_sport(core::Sport sport) {
    switch (sport) {
        case core::Sport::cycling:
        case core::Sport::swimming:
        case core::Sport::other:
            return false;
        default:
            return true;
    }
}

double percent(double fraction) {
    return fraction * 100.0;
}

std::optional<double> median_of(std::vector<double> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

// The groups that are sessions of their own: reps following each other, not laps.
std::vector<const terrain::RepeatGroup*> repeat_sets(const std::vector<terrain::RepeatGroup>& groups) {
    std::vector<const terrain::RepeatGroup*> sets;
    for (const auto& g : groups) {
        if (g.back_to_back) sets.push_back(&g);
    }
    // The biggest set decides (most reps, then the longest hill).
    std::sort(sets.begin(), sets.end(), [](const auto* a, const auto* b) {
        if (a->reps.size() != b->reps.size()) return a->reps.size() > b->reps.size();
        return a->length_m > b->length_m;
    });
    return sets;
}

std::optional<double> median_rep_speed(const terrain::RepeatGroup& g) {
    std::vector<double> v;
    for (const auto& r : g.reps) {
        if (r.ascent.speed_m_s) v.push_back(*r.ascent.speed_m_s);
    }
    return median_of(std::move(v));
}

std::optional<double> median_recovery_speed(const terrain::RepeatGroup& g) {
    std::vector<double> v;
    for (const auto& r : g.reps) {
        if (r.recovery_speed_m_s) v.push_back(*r.recovery_speed_m_s);
    }
    return median_of(std::move(v));
}

std::string reps_text(const terrain::RepeatGroup& g) {
    return fmt::format("{} x {:.0f} m at {:.1f} % (+{:.0f} m)", g.reps.size(), g.length_m,
                       percent(g.avg_grade), g.height_m);
}

class Classifier {
  public:
    explicit Classifier(const SessionEvidence& e) : m_e(e), m_course(*e.course) {}

    SessionClassification run() const {
        if (!is_foot_sport(m_e.sport)) {
            return {SessionType::other_sport,
                    fmt::format("the file's sport is {}", core::to_string(m_e.sport))};
        }
        const std::optional<double> moving_s = m_course.moving_s;
        const double distance_m = m_course.distance_m_total;
        if (!moving_s || *moving_s <= 0.0 || !(distance_m > 0.0)) {
            return {SessionType::unknown, "no distance or moving time to judge by"};
        }
        if (auto walk = walking()) return *walk;
        const bool has_elevation = m_course.ascent_m.has_value();
        if (has_elevation) {
            if (auto reps = repeats()) return *reps;
            if (auto down = downhill_run()) return *down;
            if (auto mountain = mountain_run()) return *mountain;
        } else if (m_e.sport == core::Sport::trail_running) {
            return {SessionType::trail_or_mountain_run, "the file says trail running"};
        }
        if (*moving_s >= k_long_run_s) {
            return {SessionType::long_run, fmt::format("{:.0f} min moving (long from {:.0f} min)",
                                                       *moving_s / 60.0, k_long_run_s / 60.0)};
        }
        if (!has_elevation) return {SessionType::unknown, "no elevation: flat or hilly cannot be told"};
        return hilly_or_flat();
    }

  private:
    double ascent_per_km() const {
        return m_course.ascent_m.value_or(0.0) / (m_course.distance_m_total / 1000.0);
    }

    std::optional<SessionClassification> walking() const {
        if (m_e.sport == core::Sport::walking || m_e.sport == core::Sport::hiking) {
            return SessionClassification{SessionType::hike_or_walk,
                                         fmt::format("the file's sport is {}", core::to_string(m_e.sport))};
        }
        const auto speed = typical_speed_m_s(m_course, k_runnable_grade);
        if (speed && *speed < k_walk_speed_m_s) {
            return SessionClassification{
                SessionType::hike_or_walk,
                fmt::format("moving at {:.1f} km/h on runnable ground, walking pace (under {:.1f})",
                            *speed * 3.6, k_walk_speed_m_s * 3.6)};
        }
        return std::nullopt;
    }

    std::optional<SessionClassification> repeats() const {
        if (!m_e.repeats) return std::nullopt;
        const auto sets = repeat_sets(*m_e.repeats);
        if (sets.empty()) return std::nullopt;
        const terrain::RepeatGroup& g = *sets.front();
        const auto rep_speed = median_rep_speed(g);
        const auto recovery_speed = median_recovery_speed(g);
        if (rep_speed && recovery_speed && *recovery_speed >= k_downhill_recovery_ratio * *rep_speed) {
            return SessionClassification{
                SessionType::downhill_focused,
                fmt::format("{} x {:.0f} m at {:.1f} %: {:.1f} km/h down, {:.1f} up", g.reps.size(),
                            g.length_m, percent(g.avg_grade), *recovery_speed * 3.6, *rep_speed * 3.6)};
        }
        if (g.reps.size() >= k_min_sprint_reps && g.rep_time_s && *g.rep_time_s <= k_max_sprint_rep_s) {
            const auto flat_speed = typical_speed_m_s(m_course, 0.03);
            const bool fast = !rep_speed || !flat_speed || *rep_speed >= k_sprint_speed_ratio * *flat_speed;
            if (fast) {
                return SessionClassification{
                    SessionType::hill_sprints,
                    fmt::format("{}, {:.0f} s each{}", reps_text(g), *g.rep_time_s,
                                rep_speed && flat_speed ? fmt::format(", {:.1f} km/h (flat: {:.1f})",
                                                                      *rep_speed * 3.6, *flat_speed * 3.6)
                                                        : std::string())};
            }
        }
        std::string text = reps_text(g);
        if (g.rep_time_s) text += fmt::format(", {:.0f} s each", *g.rep_time_s);
        return SessionClassification{SessionType::hill_repeats, std::move(text)};
    }

    std::optional<SessionClassification> downhill_run() const {
        const double ascent = m_course.ascent_m.value_or(0.0);
        const double descent = m_course.descent_m.value_or(0.0);
        const double descent_per_km = descent / (m_course.distance_m_total / 1000.0);
        if (descent >= 2.0 * ascent && descent_per_km >= k_min_downhill_m_per_km) {
            return SessionClassification{SessionType::downhill_focused,
                                         fmt::format("-{:.0f} m against +{:.0f} m, {:.0f} m per km down",
                                                     descent, ascent, descent_per_km)};
        }
        return std::nullopt;
    }

    std::optional<SessionClassification> mountain_run() const {
        const double ascent = m_course.ascent_m.value_or(0.0);
        if (m_e.sport == core::Sport::trail_running) {
            return SessionClassification{SessionType::trail_or_mountain_run, "the file says trail running"};
        }
        if (ascent_per_km() >= k_mountain_m_per_km && ascent >= k_mountain_min_ascent_m) {
            return SessionClassification{SessionType::trail_or_mountain_run,
                                         fmt::format("+{:.0f} m, {:.0f} m per km", ascent, ascent_per_km())};
        }
        if (m_e.grade_histogram && ascent >= k_steep_min_ascent_m) {
            const auto& bands = m_e.grade_histogram->bands;
            const double total = m_e.grade_histogram->graded_distance_m();
            const double steep =
                total > 0.0 ? (bands.front().distance_m + bands.back().distance_m) / total : 0.0;
            if (steep >= k_steep_share) {
                return SessionClassification{
                    SessionType::trail_or_mountain_run,
                    fmt::format("{:.0f} % of it steeper than 15 %, +{:.0f} m", percent(steep), ascent)};
            }
        }
        return std::nullopt;
    }

    SessionClassification hilly_or_flat() const {
        const double per_km = ascent_per_km();
        const std::string text =
            fmt::format("+{:.0f} m, {:.0f} m per km", m_course.ascent_m.value_or(0.0), per_km);
        return {per_km >= k_hilly_m_per_km ? SessionType::hilly_run : SessionType::flat_easy_run, text};
    }

    const SessionEvidence& m_e;
    const terrain::Course& m_course;
};

}  // namespace

std::string_view to_string(SessionType type) {
    return name_of(type).id;
}
std::string_view session_type_label(SessionType type) {
    return name_of(type).label;
}

std::optional<double> typical_speed_m_s(const terrain::Course& course, double max_abs_grade) {
    const std::size_t n = course.size();
    if (course.time_s.size() != n) return std::nullopt;
    const bool has_grade = course.grade.size() == n;
    const bool has_moving = course.moving.size() == n;
    const bool has_moving_s = course.moving_step_s.size() == n;
    const auto bins = static_cast<std::size_t>(k_max_binned_speed_m_s / k_speed_bin_m_s) + 1;
    std::vector<double> seconds_at(bins, 0.0);
    double total = 0.0;
    for (std::size_t i = 1; i < n; ++i) {
        const double elapsed = course.time_s[i] - course.time_s[i - 1];
        if (!std::isfinite(elapsed) || elapsed <= 0.0 || (has_moving && course.moving[i] == 0)) continue;
        // The step's moving seconds; a course without them (hand-made) drops steps that long, which hold a
        // timer pause.
        if (!has_moving_s && elapsed > terrain::k_stop_gap_s) continue;
        const double dt = has_moving_s ? course.moving_step_s[i] : elapsed;
        if (!(dt > 0.0)) continue;
        if (has_grade && std::isfinite(course.grade[i]) && std::abs(course.grade[i]) > max_abs_grade)
            continue;
        // The step's own distance over its time, not the smoothed speed channel: the median needs no
        // smoothing, and a step's own speed is what its time was spent at.
        const double v = (course.distance_m[i] - course.distance_m[i - 1]) / dt;
        if (!std::isfinite(v) || v < 0.0) continue;
        const auto bin = std::min(bins - 1, static_cast<std::size_t>(v / k_speed_bin_m_s));
        seconds_at[bin] += dt;
        total += dt;
    }
    if (total <= 0.0) return std::nullopt;
    double seen = 0.0;
    for (std::size_t b = 0; b < bins; ++b) {
        seen += seconds_at[b];
        if (seen >= total / 2.0) return (static_cast<double>(b) + 0.5) * k_speed_bin_m_s;
    }
    return std::nullopt;
}

SessionClassification classify_session(const SessionEvidence& evidence) {
    if (!evidence.course) return {SessionType::unknown, "no course"};
    return Classifier(evidence).run();
}

}  // namespace hillcoach::analysis
