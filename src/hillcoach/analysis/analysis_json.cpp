#include "hillcoach/analysis/analysis_json.hpp"

#include <cmath>
#include <optional>

#include "hillcoach/analysis/physiology_json.hpp"

namespace hillcoach::analysis {
namespace {

using json = nlohmann::ordered_json;

// Decimal places per kind of number.
constexpr int k_metres = 2;
constexpr int k_seconds = 3;
constexpr int k_grade = 5;
constexpr int k_speed = 4;
constexpr int k_rate = 1;  // m/h, bpm, s/km, scores

json number(double v, int decimals) {
    if (!std::isfinite(v)) return nullptr;
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

json number(const std::optional<double>& v, int decimals) {
    return v ? number(*v, decimals) : json(nullptr);
}

json position_json(const std::optional<terrain::GeoPoint>& p) {
    if (!p) return nullptr;
    return {{"lat", number(p->latitude_deg, 7)}, {"lon", number(p->longitude_deg, 7)}};
}

json fade_json(const terrain::RepFade& fade) {
    return {{"time_slope_s_per_rep", number(fade.time_slope_s_per_rep, k_seconds)},
            {"last_vs_first", number(fade.last_vs_first, 4)},
            {"vam_slope_m_h_per_rep", number(fade.vam_slope_m_h_per_rep, k_rate)},
            {"heart_rate_slope_bpm_per_rep", number(fade.heart_rate_slope_bpm_per_rep, 2)}};
}

json rep_json(const terrain::Rep& rep) {
    const terrain::Hill& h = rep.ascent;
    return {{"start_m", number(h.start_m, k_metres)},
            {"end_m", number(h.end_m, k_metres)},
            {"length_m", number(h.length_m(), k_metres)},
            {"gain_m", number(h.height_m, k_metres)},
            {"avg_grade", number(h.avg_grade, k_grade)},
            {"max_grade", number(h.max_grade, k_grade)},
            {"time_s", number(h.time_s, k_seconds)},
            {"vam_m_h", number(h.vertical_speed_m_h, k_rate)},
            {"speed_m_s", number(h.speed_m_s, k_speed)},
            {"pace_s_per_km", number(rep.pace_s_per_km, k_rate)},
            {"avg_heart_rate_bpm", number(h.avg_heart_rate_bpm, k_rate)},
            {"recovery_m", number(rep.recovery_m, k_metres)},
            {"recovery_s", number(rep.recovery_s, k_seconds)},
            {"recovery_speed_m_s", number(rep.recovery_speed_m_s, k_speed)}};
}

json summary_keys(const Summary& s) {
    return {{"distance_m", number(s.distance_m, k_metres)},
            {"distance_source", terrain::to_string(s.distance_source)},
            {"positions_distance_m", number(s.positions_distance_m, k_metres)},
            {"elapsed_s", number(s.elapsed_s, k_seconds)},
            {"moving_s", number(s.moving_s, k_seconds)},
            {"avg_speed_m_s", number(s.avg_speed_m_s, k_speed)},
            {"pace_s_per_km", number(s.pace_s_per_km, k_rate)},
            {"elapsed_pace_s_per_km", number(s.elapsed_pace_s_per_km, k_rate)},
            {"ascent_m", number(s.ascent_m, k_metres)},
            {"descent_m", number(s.descent_m, k_metres)},
            {"elevation_source", core::to_string(s.elevation_source)},
            {"min_elevation_m", number(s.min_elevation_m, k_metres)},
            {"max_elevation_m", number(s.max_elevation_m, k_metres)},
            {"avg_heart_rate_bpm", number(s.avg_heart_rate_bpm, k_rate)},
            {"max_heart_rate_bpm", number(s.max_heart_rate_bpm, k_rate)}};
}

}  // namespace

json hill_json(const terrain::Hill& h) {
    const bool up = h.direction == terrain::HillDirection::up;
    return {{"direction", terrain::to_string(h.direction)},
            {"start_m", number(h.start_m, k_metres)},
            {"end_m", number(h.end_m, k_metres)},
            {"length_m", number(h.length_m(), k_metres)},
            {"gain_m", number(h.height_m, k_metres)},
            {"start_elevation_m", number(h.start_elevation_m, k_metres)},
            {"end_elevation_m", number(h.end_elevation_m, k_metres)},
            {"avg_grade", number(h.avg_grade, k_grade)},
            {"max_grade", number(h.max_grade, k_grade)},
            {"start_position", position_json(h.start_position)},
            {"end_position", position_json(h.end_position)},
            {"time_s", number(h.time_s, k_seconds)},
            {"vam_m_h", number(h.vertical_speed_m_h, k_rate)},
            {"speed_m_s", number(h.speed_m_s, k_speed)},
            {"avg_heart_rate_bpm", number(h.avg_heart_rate_bpm, k_rate)},
            {"category", terrain::to_string(h.score.runner)},
            {"runner_score", number(h.score.runner_score, k_rate)},
            {"climb_score", number(h.score.climb_score, k_rate)},
            {"strava_category", up && h.score.strava != terrain::StravaCategory::none
                                    ? json(terrain::to_string(h.score.strava))
                                    : json(nullptr)},
            {"climbpro", up ? json(h.score.climbpro) : json(nullptr)}};
}

json grade_histogram_json(const terrain::GradeHistogram& histogram) {
    json bands = json::array();
    for (const auto& b : histogram.bands) {
        bands.push_back({{"from", number(b.from, k_grade)},
                         {"to", number(b.to, k_grade)},
                         {"distance_m", number(b.distance_m, k_metres)},
                         {"time_s", number(b.time_s, k_seconds)}});
    }
    return bands;
}

json repeat_group_json(const terrain::RepeatGroup& g) {
    json reps = json::array();
    for (const auto& r : g.reps) reps.push_back(rep_json(r));
    return {{"matched_by", g.matched_by_position ? "position" : "elevation pattern"},
            {"back_to_back", g.back_to_back},
            {"rep_count", g.reps.size()},
            {"length_m", number(g.length_m, k_metres)},
            {"gain_m", number(g.height_m, k_metres)},
            {"avg_grade", number(g.avg_grade, k_grade)},
            {"rep_time_s", number(g.rep_time_s, k_seconds)},
            {"fade", fade_json(g.fade)},
            {"reps", std::move(reps)}};
}

json segment_json(const terrain::Segment& s) {
    return {{"kind", terrain::to_string(s.kind)},
            {"start_m", number(s.start_m, k_metres)},
            {"end_m", number(s.end_m, k_metres)},
            {"change_m", number(s.change_m(), k_metres)},
            {"grade", number(s.grade(), k_grade)}};
}

json analysis_json(const ActivityAnalysis& a) {
    json j = summary_keys(a.summary);
    j["session_type"] = to_string(a.session.type);
    j["session_reason"] = a.session.reason;
    j["grade_histogram"] = grade_histogram_json(a.grade_histogram);
    j["ungraded_distance_m"] = number(a.grade_histogram.ungraded_distance_m, k_metres);
    json climbs = json::array();
    for (const auto& h : a.climbs) climbs.push_back(hill_json(h));
    j["climbs"] = std::move(climbs);
    json descents = json::array();
    for (const auto& h : a.descents) descents.push_back(hill_json(h));
    j["descents"] = std::move(descents);
    json repeats = json::array();
    for (const auto& g : a.repeats) repeats.push_back(repeat_group_json(g));
    j["repeats"] = std::move(repeats);
    json segments = json::array();
    for (const auto& s : a.segments) segments.push_back(segment_json(s));
    j["segments"] = std::move(segments);
    json physiology = physiology_json(a.physiology, a.stretch_muscle_load);
    for (auto& [key, value] : physiology.items()) j[key] = std::move(value);
    j["notes"] = a.notes;
    return j;
}

}  // namespace hillcoach::analysis
