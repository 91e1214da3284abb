#include "hillcoach/io/tcx_writer.hpp"

#include <cmath>
#include <iterator>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "hillcoach/core/time.hpp"
#include "hillcoach/io/xml_text.hpp"

namespace hillcoach::io {
namespace {

constexpr std::string_view k_header =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"\n"
    "  xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"\n"
    "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "  xsi:schemaLocation=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 "
    "http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd\">\n";

constexpr std::size_t k_bytes_per_point = 420;

bool is_foot_sport(core::Sport sport) {
    using core::Sport;
    return sport == Sport::running || sport == Sport::trail_running || sport == Sport::treadmill_running ||
           sport == Sport::walking || sport == Sport::hiking;
}

// TCX knows three sports.
std::string_view tcx_sport(core::Sport sport) {
    using core::Sport;
    if (sport == Sport::running || sport == Sport::trail_running || sport == Sport::treadmill_running) {
        return "Running";
    }
    if (sport == Sport::cycling) return "Biking";
    return "Other";
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

std::string_view tcx_intensity(std::string_view intensity) {
    const std::string i = lower(intensity);
    return i == "resting" || i == "rest" ? "Resting" : "Active";
}

// TCX trigger methods from the words TCX and FIT (lap_trigger) use.
std::string_view tcx_trigger(std::string_view trigger) {
    const std::string t = lower(trigger);
    if (t == "distance") return "Distance";
    if (t == "time") return "Time";
    if (t == "location" || t.starts_with("position")) return "Location";
    if (t == "heartrate" || t == "heart_rate") return "HeartRate";
    return "Manual";
}

struct LapRange {
    const core::Lap* lap = nullptr;  // nullptr: the one lap written for an activity without usable laps
    std::size_t first = 0;
    std::size_t end = 0;
};

// The laps as written when they cover every sample once, in order; otherwise one lap over all samples, so that
// no sample is lost to a lap table that does not fit.
std::vector<LapRange> lap_ranges(const core::Activity& a) {
    const std::size_t n = a.samples.size();
    std::vector<LapRange> out;
    std::size_t expected = 0;
    for (const core::Lap& lap : a.laps) {
        if (lap.first_sample != expected || lap.end_sample < lap.first_sample || lap.end_sample > n) {
            return {LapRange{nullptr, 0, n}};
        }
        out.push_back(LapRange{&lap, lap.first_sample, lap.end_sample});
        expected = lap.end_sample;
    }
    if (out.empty() || expected != n) return {LapRange{nullptr, 0, n}};
    return out;
}

std::optional<double> first_finite(const std::vector<double>& v, std::size_t first, std::size_t end) {
    for (std::size_t i = first; i < end; ++i) {
        if (std::isfinite(v[i])) return v[i];
    }
    return std::nullopt;
}

std::optional<double> last_finite(const std::vector<double>& v, std::size_t first, std::size_t end) {
    for (std::size_t i = end; i > first; --i) {
        if (std::isfinite(v[i - 1])) return v[i - 1];
    }
    return std::nullopt;
}

// A lap's totals: the lap's own (or, for the one lap of an activity without laps, the device's), and where a
// total is missing, what the samples give. TotalTimeSeconds and DistanceMeters are required by the schema.
core::DeviceTotals lap_totals(const core::Activity& a, const LapRange& r) {
    core::DeviceTotals t = r.lap ? r.lap->totals : a.device;
    const auto& s = a.samples;
    if (!t.start_time_s) t.start_time_s = first_finite(s.time_s, r.first, r.end);
    if (!t.timer_s) {
        const auto t0 = first_finite(s.time_s, r.first, r.end);
        const auto t1 = last_finite(s.time_s, r.first, r.end);
        t.timer_s = t0 && t1 ? *t1 - *t0 : 0.0;
    }
    if (!t.distance_m) {
        const auto d1 = last_finite(s.distance_m, r.first, r.end);
        const auto d0 = last_finite(s.distance_m, 0, r.first);
        t.distance_m = d1 ? *d1 - d0.value_or(0.0) : 0.0;
    }
    return t;
}

void append_heart_rate(std::string& out, std::string_view indent, std::string_view name, std::optional<double> bpm) {
    if (!bpm || !std::isfinite(*bpm)) return;
    fmt::format_to(std::back_inserter(out), "{}<{}><Value>{}</Value></{}>\n", indent, name, std::llround(*bpm), name);
}

void append_trackpoint(std::string& out, const core::Samples& s, std::size_t i, bool foot) {
    auto it = std::back_inserter(out);
    out += "     <Trackpoint>\n";
    fmt::format_to(it, "      <Time>{}</Time>\n", core::format_iso8601_utc(s.time_s[i]));
    if (std::isfinite(s.latitude_deg[i]) && std::isfinite(s.longitude_deg[i])) {
        fmt::format_to(it,
                       "      <Position><LatitudeDegrees>{:.7f}</LatitudeDegrees>"
                       "<LongitudeDegrees>{:.7f}</LongitudeDegrees></Position>\n",
                       s.latitude_deg[i], s.longitude_deg[i]);
    }
    if (std::isfinite(s.elevation_m[i])) {
        fmt::format_to(it, "      <AltitudeMeters>{}</AltitudeMeters>\n", format_decimal(s.elevation_m[i], 2));
    }
    if (std::isfinite(s.distance_m[i])) {
        fmt::format_to(it, "      <DistanceMeters>{}</DistanceMeters>\n", format_decimal(s.distance_m[i], 2));
    }
    append_heart_rate(out, "      ", "HeartRateBpm", s.heart_rate_bpm[i]);
    // Trackpoint <Cadence> is the bike's crank cadence; a runner's goes in the extension as RunCadence.
    const bool cadence = std::isfinite(s.cadence_rpm[i]);
    if (cadence && !foot) fmt::format_to(it, "      <Cadence>{}</Cadence>\n", std::llround(s.cadence_rpm[i]));
    const bool speed = std::isfinite(s.speed_m_s[i]);
    const bool power = std::isfinite(s.power_w[i]);
    if (speed || (cadence && foot) || power) {
        out += "      <Extensions><ns3:TPX>";
        if (speed) fmt::format_to(it, "<ns3:Speed>{}</ns3:Speed>", format_decimal(s.speed_m_s[i], 3));
        if (cadence && foot) fmt::format_to(it, "<ns3:RunCadence>{}</ns3:RunCadence>", std::llround(s.cadence_rpm[i]));
        if (power) fmt::format_to(it, "<ns3:Watts>{}</ns3:Watts>", std::llround(s.power_w[i]));
        out += "</ns3:TPX></Extensions>\n";
    }
    out += "     </Trackpoint>\n";
}

void append_lap(std::string& out, const core::Activity& a, const LapRange& r, bool foot) {
    auto it = std::back_inserter(out);
    const core::DeviceTotals t = lap_totals(a, r);
    out += "   <Lap";
    if (t.start_time_s) fmt::format_to(it, " StartTime=\"{}\"", core::format_iso8601_utc(*t.start_time_s));
    out += ">\n";
    fmt::format_to(it, "    <TotalTimeSeconds>{}</TotalTimeSeconds>\n", format_decimal(*t.timer_s, 3));
    fmt::format_to(it, "    <DistanceMeters>{}</DistanceMeters>\n", format_decimal(*t.distance_m, 2));
    if (t.max_speed_m_s) fmt::format_to(it, "    <MaximumSpeed>{}</MaximumSpeed>\n", format_decimal(*t.max_speed_m_s, 3));
    fmt::format_to(it, "    <Calories>{}</Calories>\n", std::llround(t.calories_kcal.value_or(0.0)));
    append_heart_rate(out, "    ", "AverageHeartRateBpm", t.avg_heart_rate_bpm);
    append_heart_rate(out, "    ", "MaximumHeartRateBpm", t.max_heart_rate_bpm);
    fmt::format_to(it, "    <Intensity>{}</Intensity>\n", tcx_intensity(r.lap ? r.lap->intensity : ""));
    fmt::format_to(it, "    <TriggerMethod>{}</TriggerMethod>\n", tcx_trigger(r.lap ? r.lap->trigger : ""));
    out += "    <Track>\n";
    for (std::size_t i = r.first; i < r.end; ++i) {
        if (std::isfinite(a.samples.time_s[i])) append_trackpoint(out, a.samples, i, foot);
    }
    out += "    </Track>\n";
    out += "   </Lap>\n";
}

}  // namespace

// A Trackpoint needs a Time, so samples without one are left out. Calories, which the schema requires, are
// written 0 where unknown, as devices do.
std::string write_tcx(const core::Activity& activity) {
    const auto& meta = activity.metadata;
    const auto& s = activity.samples;
    const bool foot = is_foot_sport(meta.sport);
    std::string out;
    out.reserve(k_header.size() + 1024 + s.size() * k_bytes_per_point);
    out += k_header;
    out += " <Activities>\n";
    fmt::format_to(std::back_inserter(out), "  <Activity Sport=\"{}\">\n", tcx_sport(meta.sport));

    std::optional<double> start = activity.device.start_time_s ? activity.device.start_time_s : meta.start_time_s;
    if (!start) start = first_finite(s.time_s, 0, s.size());
    fmt::format_to(std::back_inserter(out), "   <Id>{}</Id>\n", core::format_iso8601_utc(start.value_or(0.0)));

    for (const LapRange& r : lap_ranges(activity)) append_lap(out, activity, r, foot);
    if (!meta.description.empty()) {
        out += "   <Notes>";
        append_xml_escaped(out, meta.description);
        out += "</Notes>\n";
    }
    out += "  </Activity>\n";
    out += " </Activities>\n";
    out += "</TrainingCenterDatabase>\n";
    return out;
}

}  // namespace hillcoach::io
