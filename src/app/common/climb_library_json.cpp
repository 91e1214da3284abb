#include "app/common/climb_library_json.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace hillcoach::app {
namespace {

using Json = nlohmann::ordered_json;

// Degrees to 7 decimals: 1e-7 degree is about 1 cm on the ground, well below GPS noise (analysis JSON's rule).
constexpr int k_degree_decimals = 7;

Json number_or_null(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json number_or_null(const std::optional<double>& v) { return v ? number_or_null(*v) : Json(nullptr); }

Json rounded(double v, int decimals) {
    if (!std::isfinite(v)) return nullptr;
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

Json position_json(const terrain::GeoPoint& p) {
    return {{"lat", rounded(p.latitude_deg, k_degree_decimals)},
            {"lon", rounded(p.longitude_deg, k_degree_decimals)}};
}

// An activity's name comes from its file and may hold bytes that are not UTF-8 (a FIT string cut mid-character,
// a GPX in Latin-1), which nlohmann::json refuses to serialise: let the library itself write the string with
// each broken sequence replaced by U+FFFD and read it back, so both the CLI and the server can dump it.
Json text_json(const std::string& text) {
    const std::string quoted = Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
    return Json::parse(quoted);
}

Json effort_json(const training::ClimbEffort& e, const training::Calendar& calendar) {
    return {{"activity", e.activity.valid() ? Json(e.activity.value) : Json(nullptr)},
            {"activity_name", text_json(e.activity_name)},
            {"start_s", number_or_null(e.start_time_s)},
            {"date", e.start_time_s && std::isfinite(*e.start_time_s)
                         ? Json(training::format_day(calendar.local_day(*e.start_time_s)))
                         : Json(nullptr)},
            {"time_s", number_or_null(e.time_s)},
            {"best_time_s", number_or_null(e.best_time_s)},
            {"vam_m_h", number_or_null(e.vam_m_h)},
            {"avg_heart_rate_bpm", number_or_null(e.avg_heart_rate_bpm)},
            {"reps", e.reps}};
}

Json effort_or_null(const std::optional<training::ClimbEffort>& e, const training::Calendar& calendar) {
    return e ? effort_json(*e, calendar) : Json(nullptr);
}

}  // namespace

std::vector<const training::ClimbPlace*> most_run_first(const std::vector<training::ClimbPlace>& places,
                                                        int min_runs) {
    std::vector<const training::ClimbPlace*> shown;
    for (const training::ClimbPlace& p : places)
        if (p.runs >= min_runs) shown.push_back(&p);
    std::stable_sort(shown.begin(), shown.end(), [](const training::ClimbPlace* a, const training::ClimbPlace* b) {
        if (a->runs != b->runs) return a->runs > b->runs;
        return a->gain_m > b->gain_m;
    });
    return shown;
}

Json climb_place_json(const training::ClimbPlace& place, const training::Calendar& calendar) {
    return {{"id", place.id.value},
            {"start", position_json(place.start)},
            {"top", position_json(place.top)},
            {"length_m", number_or_null(place.length_m)},
            {"gain_m", number_or_null(place.gain_m)},
            {"avg_grade", number_or_null(place.avg_grade)},
            {"max_grade", number_or_null(place.max_grade)},
            {"runs", place.runs},
            {"ascents", place.ascents},
            {"best", effort_or_null(place.best, calendar)},
            {"recent", effort_or_null(place.recent, calendar)}};
}

Json climb_library_json(const std::vector<const training::ClimbPlace*>& places, const training::Calendar& calendar) {
    Json array = Json::array();
    for (const training::ClimbPlace* p : places) array.push_back(climb_place_json(*p, calendar));
    return array;
}

}  // namespace hillcoach::app
