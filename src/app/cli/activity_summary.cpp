#include "app/cli/activity_summary.hpp"

#include <cmath>

#include <fmt/format.h>

#include "hillcoach/core/time.hpp"
#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/terrain/distance.hpp"
#include "hillcoach/terrain/moving_time.hpp"

namespace hillcoach::app {
namespace {

std::optional<double> finite_or_none(double v) {
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

}  // namespace

std::optional<double> start_time_s(const core::Activity& a) {
    if (a.metadata.start_time_s) return a.metadata.start_time_s;
    if (a.samples.empty()) return std::nullopt;
    return finite_or_none(a.samples.time_s.front());
}

ActivitySummary summarize(const core::Activity& a, std::size_t index, std::size_t count) {
    ActivitySummary s;
    s.activity = &a;
    s.index = index;
    s.count = count;
    s.start_s = start_time_s(a);
    s.elapsed_s = a.elapsed_s();
    s.moving_s = terrain::moving_time_s(a);
    // The same cleaned track analyze measures (terrain::track_distance: wild fixes dropped, standing jitter
    // collapsed), so that info's distance from positions and analyze's agree to the millimetre.
    const terrain::TrackDistance track = terrain::track_distance(a.samples, terrain::timer_running_s(a));
    if (track.fixes >= 2) s.distance_m = finite_or_none(track.length_m);
    return s;
}

Json optional_number(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? Json(std::round(*v * 1000.0) / 1000.0) : Json(nullptr);
}

Json activity_json(const ActivitySummary& s) {
    const core::Activity& a = *s.activity;
    const auto& m = a.metadata;
    Json warnings = Json::array();
    for (const auto& w : a.warnings) warnings.push_back(w.message());
    Json j = {
        {"path", m.source_path},
        {"format", core::to_string(m.format)},
        {"sport", core::to_string(m.sport)},
        {"start_time", s.start_s ? Json(core::format_iso8601_utc(*s.start_s)) : Json(nullptr)},
        {"samples", a.samples.size()},
        {"elapsed_s", optional_number(s.elapsed_s)},
        {"moving_s", optional_number(s.moving_s)},
        {"distance_m", optional_number(s.distance_m)},
        {"device_distance_m", optional_number(a.device.distance_m)},
        {"device_ascent_m", optional_number(a.device.ascent_m)},
        {"device_descent_m", optional_number(a.device.descent_m)},
        {"device_timer_s", optional_number(a.device.timer_s)},
        {"device_elapsed_s", optional_number(a.device.elapsed_s)},
        {"channels", a.channels()},
        {"warnings", std::move(warnings)},
        {"index", s.index},
        {"format_version", m.format_version},
        {"sport_raw", m.sport_raw},
        {"sub_sport", m.sub_sport},
        {"name", m.name},
        {"manufacturer", m.manufacturer},
        {"product", m.product},
        {"creator", m.creator},
        {"utc_offset_s", m.utc_offset_s ? Json(*m.utc_offset_s) : Json(nullptr)},
        {"elevation_source", core::to_string(a.elevation_source)},
        {"laps", a.laps.size()},
        {"pauses", a.pauses.size()},
        {"content_hash", m.content_hash},
    };
    if (!m.external_id.empty()) j["external_id"] = m.external_id;
    return j;
}

Json error_json(const core::Error& e) {
    return {{"path", io::source_name(e.where)},
            {"error", {{"code", core::error_code_id(e.code)}, {"message", e.message()}}}};
}

std::string duration_text(double seconds) {
    const auto total = static_cast<long long>(std::llround(seconds));
    return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

std::string distance_text(double metres) {
    return metres >= 1000.0 ? fmt::format("{:.2f} km", metres / 1000.0) : fmt::format("{:.0f} m", metres);
}

}  // namespace hillcoach::app
