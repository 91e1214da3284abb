#include "app/cli/stored_activity_json.hpp"

#include <cmath>

#include "hillcoach/core/time.hpp"

namespace hillcoach::app {
namespace {

Json number(const std::optional<double>& v, JsonPrecision precision) {
    if (precision == JsonPrecision::rounded) return optional_number(v);
    return v && std::isfinite(*v) ? Json(*v) : Json(nullptr);
}

Json start_json(const std::optional<double>& start_s) {
    return start_s ? Json(core::format_iso8601_utc(*start_s)) : Json(nullptr);
}

Json point_json(const std::optional<terrain::GeoPoint>& p, JsonPrecision precision) {
    if (!p) return nullptr;
    return Json::array({number(p->latitude_deg, precision), number(p->longitude_deg, precision)});
}

Json descent_json(const std::optional<training::DescentDigest>& d, JsonPrecision precision) {
    if (!d) return nullptr;
    return {{"drop_m", number(d->drop_m, precision)},
            {"length_m", number(d->length_m, precision)},
            {"avg_grade", number(d->avg_grade, precision)},
            {"time_s", number(d->time_s, precision)}};
}

Json warmup_json(const std::optional<training::WarmUpDigest>& w, JsonPrecision precision) {
    if (!w) return nullptr;
    return {{"first_climb_start_m", number(w->first_climb_start_m, precision)},
            {"moving_s", number(w->moving_s, precision)},
            {"distance_m", number(w->distance_m, precision)},
            {"easy_s", number(w->easy_s, precision)},
            {"easy_m", number(w->easy_m, precision)},
            {"avg_heart_rate_bpm", number(w->avg_heart_rate_bpm, precision)},
            {"gap_speed_m_s", number(w->gap_speed_m_s, precision)}};
}

Json climb_json(const training::ClimbDigest& c, JsonPrecision precision) {
    return {{"start_position", point_json(c.start_position, precision)},
            {"top_position", point_json(c.top_position, precision)},
            {"start_m", number(c.start_m, precision)},
            {"length_m", number(c.length_m, precision)},
            {"gain_m", number(c.gain_m, precision)},
            {"avg_grade", number(c.avg_grade, precision)},
            {"max_grade", number(c.max_grade, precision)},
            {"time_s", number(c.time_s, precision)},
            {"best_time_s", number(c.best_time_s, precision)},
            {"vam_m_h", number(c.vam_m_h, precision)},
            {"avg_heart_rate_bpm", number(c.avg_heart_rate_bpm, precision)},
            {"reps", c.reps},
            {"back_to_back", c.back_to_back}};
}

Json muscle_json(const std::optional<physiology::MuscleProfile>& m, JsonPrecision precision) {
    if (!m) return nullptr;
    Json j = Json::object();
    for (physiology::MuscleGroup g : physiology::k_muscle_groups) {
        j[std::string(physiology::to_string(g))] = {{"concentric", number(m->concentric_of(g), precision)},
                                                    {"eccentric", number(m->eccentric_of(g), precision)}};
    }
    return j;
}

Json sources_json(const std::vector<store::SourceFile>& sources) {
    Json j = Json::array();
    for (const store::SourceFile& s : sources) {
        j.push_back({{"path", s.path},
                     {"format", s.format},
                     {"content_hash", s.content_hash},
                     {"file_index", s.file_index},
                     {"external_id", s.external_id.empty() ? Json(nullptr) : Json(s.external_id)},
                     {"imported_at", core::format_iso8601_utc(s.imported_at_s)}});
    }
    return j;
}

}  // namespace

Json activity_list_json(const training::ActivityDigest& d) {
    const JsonPrecision p = JsonPrecision::rounded;
    return {{"id", d.id.value},
            {"start_time", start_json(d.start_time_s)},
            {"name", d.name},
            {"sport", core::to_string(d.sport)},
            {"session_type", analysis::to_string(d.session_type)},
            {"distance_m", number(d.distance_m, p)},
            {"moving_s", number(d.moving_s, p)},
            {"elapsed_s", number(d.elapsed_s, p)},
            {"ascent_m", number(d.ascent_m, p)},
            {"descent_m", number(d.descent_m, p)},
            {"stress", number(d.stress, p)},
            {"stress_source", training::to_string(d.stress_source)},
            {"hill_focus", training::to_string(d.hill_focus)}};
}

Json stored_activity_json(const store::StoredActivity& a, JsonPrecision p) {
    const training::ActivityDigest& d = a.digest;
    Json climbs = Json::array();
    for (const training::ClimbDigest& c : d.climbs) climbs.push_back(climb_json(c, p));
    return {{"id", d.id.value},
            {"start_time", start_json(d.start_time_s)},
            {"start_time_s", number(d.start_time_s, JsonPrecision::exact)},
            {"utc_offset_s", d.utc_offset_s ? Json(*d.utc_offset_s) : Json(nullptr)},
            {"name", d.name},
            {"sport", core::to_string(d.sport)},
            {"session_type", analysis::to_string(d.session_type)},
            {"session_reason", a.session_reason},
            {"hill_focus", training::to_string(d.hill_focus)},
            {"focus_reason", d.focus_reason},
            {"distance_m", number(d.distance_m, p)},
            {"moving_s", number(d.moving_s, p)},
            {"elapsed_s", number(d.elapsed_s, p)},
            {"ascent_m", number(d.ascent_m, p)},
            {"descent_m", number(d.descent_m, p)},
            {"flat_equivalent_distance_m", number(d.flat_equivalent_distance_m, p)},
            {"avg_heart_rate_bpm", number(d.avg_heart_rate_bpm, p)},
            {"stress", number(d.stress, p)},
            {"stress_source", training::to_string(d.stress_source)},
            {"trimp", number(d.trimp, p)},
            {"hr_tss", number(d.hr_tss, p)},
            {"pace_tss", number(d.pace_tss, p)},
            {"threshold_hr_bpm", number(d.threshold_hr_bpm, p)},
            {"threshold_speed_m_s", number(d.threshold_speed_m_s, p)},
            {"uphill_concentric_load", number(d.uphill_concentric_load, p)},
            {"downhill_eccentric_load", number(d.downhill_eccentric_load, p)},
            {"muscle_load", muscle_json(d.muscle_load, p)},
            {"longest_descent", descent_json(d.longest_descent, p)},
            {"steepest_descent", descent_json(d.steepest_descent, p)},
            {"warmup", warmup_json(d.warmup, p)},
            {"flat_race_pace_s", number(d.flat_race_pace_s, p)},
            {"flat_race_pace_m", number(d.flat_race_pace_m, p)},
            {"climbs", std::move(climbs)},
            {"sources", sources_json(a.sources)}};
}

}  // namespace hillcoach::app
