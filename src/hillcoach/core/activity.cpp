#include "hillcoach/core/activity.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace hillcoach::core {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

template <typename F>
void for_each_channel(Samples& s, F&& f) {
    f(s.time_s);
    f(s.latitude_deg);
    f(s.longitude_deg);
    f(s.elevation_m);
    f(s.distance_m);
    f(s.speed_m_s);
    f(s.heart_rate_bpm);
    f(s.cadence_rpm);
    f(s.power_w);
    f(s.temperature_c);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

std::string_view to_string(FileFormat f) {
    switch (f) {
        case FileFormat::gpx: return "gpx";
        case FileFormat::tcx: return "tcx";
        case FileFormat::fit: return "fit";
    }
    return "unknown";
}

std::string_view to_string(ElevationSource s) {
    switch (s) {
        case ElevationSource::none: return "none";
        case ElevationSource::unknown: return "unknown";
        case ElevationSource::gps: return "gps";
        case ElevationSource::barometric: return "barometric";
        case ElevationSource::dem: return "dem";
    }
    return "unknown";
}

std::string_view to_string(Sport s) {
    switch (s) {
        case Sport::running: return "running";
        case Sport::trail_running: return "trail_running";
        case Sport::treadmill_running: return "treadmill_running";
        case Sport::walking: return "walking";
        case Sport::hiking: return "hiking";
        case Sport::cycling: return "cycling";
        case Sport::swimming: return "swimming";
        case Sport::other: return "other";
        case Sport::unknown: return "unknown";
    }
    return "unknown";
}

Sport sport_from_text(std::string_view sport_text, std::string_view sub_sport_text) {
    const std::string sport = lower(sport_text);
    const std::string sub = lower(sub_sport_text);
    if (sport.empty() && sub.empty()) return Sport::unknown;
    // Strava's numeric GPX types (9 = run) and words from GPX <type>, TCX Sport, FIT sport/sub_sport names.
    const bool run = sport == "9" || contains(sport, "run") || sport == "jogging";
    if (run) {
        if (contains(sub, "treadmill") || contains(sport, "treadmill") || contains(sport, "virtual")) {
            return Sport::treadmill_running;
        }
        if (contains(sub, "trail") || contains(sport, "trail") || contains(sport, "mountain") ||
            contains(sport, "ultra")) {
            return Sport::trail_running;
        }
        return Sport::running;
    }
    if (contains(sport, "trail")) return Sport::trail_running;
    if (contains(sport, "hik") || contains(sport, "mountaineer") || contains(sport, "trek")) return Sport::hiking;
    if (contains(sport, "walk")) return Sport::walking;
    if (contains(sport, "bik") || contains(sport, "cycl") || contains(sport, "ride") || sport == "1") {
        return Sport::cycling;
    }
    if (contains(sport, "swim")) return Sport::swimming;
    if (sport == "generic" || sport == "unknown" || sport.empty()) return Sport::unknown;
    return Sport::other;
}

void Samples::reserve(std::size_t n) {
    for_each_channel(*this, [n](std::vector<double>& c) { c.reserve(n); });
}

void Samples::push_empty() {
    for_each_channel(*this, [](std::vector<double>& c) { c.push_back(k_nan); });
}

void Samples::resize(std::size_t n) {
    for_each_channel(*this, [n](std::vector<double>& c) { c.resize(n, k_nan); });
}

void Samples::clear() {
    for_each_channel(*this, [](std::vector<double>& c) { c.clear(); });
}

void Samples::erase(std::size_t first, std::size_t last) {
    for_each_channel(*this, [first, last](std::vector<double>& c) {
        c.erase(c.begin() + static_cast<std::ptrdiff_t>(first), c.begin() + static_cast<std::ptrdiff_t>(last));
    });
}

void Samples::shrink_to_fit() {
    for_each_channel(*this, [](std::vector<double>& c) { c.shrink_to_fit(); });
}

bool Samples::has_values(const std::vector<double>& channel) {
    return std::any_of(channel.begin(), channel.end(), [](double v) { return std::isfinite(v); });
}

bool Activity::has_positions() const {
    const auto& s = samples;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (std::isfinite(s.latitude_deg[i]) && std::isfinite(s.longitude_deg[i])) return true;
    }
    return false;
}

std::vector<std::string> Activity::channels() const {
    std::vector<std::string> out;
    const auto& s = samples;
    if (Samples::has_values(s.time_s)) out.emplace_back("time");
    if (has_positions()) out.emplace_back("position");
    if (Samples::has_values(s.elevation_m)) out.emplace_back("elevation");
    if (Samples::has_values(s.distance_m)) out.emplace_back("distance");
    if (Samples::has_values(s.speed_m_s)) out.emplace_back("speed");
    if (Samples::has_values(s.heart_rate_bpm)) out.emplace_back("heart_rate");
    if (Samples::has_values(s.cadence_rpm)) out.emplace_back("cadence");
    if (Samples::has_values(s.power_w)) out.emplace_back("power");
    if (Samples::has_values(s.temperature_c)) out.emplace_back("temperature");
    return out;
}

std::optional<double> Activity::elapsed_s() const {
    const auto& t = samples.time_s;
    auto first = std::find_if(t.begin(), t.end(), [](double v) { return std::isfinite(v); });
    auto last = std::find_if(t.rbegin(), t.rend(), [](double v) { return std::isfinite(v); });
    if (first == t.end()) return std::nullopt;
    return *last - *first;
}

}  // namespace hillcoach::core
