#include "hillcoach/io/gpx_writer.hpp"

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
    "<gpx version=\"1.1\" creator=\"hillcoach\" xmlns=\"http://www.topografix.com/GPX/1/1\"\n"
    "     xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "     xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"\n"
    "     xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd "
    "http://www.garmin.com/xmlschemas/TrackPointExtension/v1 "
    "http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd\">\n";

// Bytes per point with every channel, to reserve the output once.
constexpr std::size_t k_bytes_per_point = 260;

void append_element(std::string& out, std::string_view indent, std::string_view name, std::string_view text) {
    if (text.empty()) return;
    out += indent;
    out += '<';
    out += name;
    out += '>';
    append_xml_escaped(out, text);
    out += "</";
    out += name;
    out += ">\n";
}

std::optional<double> first_time(const core::Activity& a) {
    if (a.metadata.start_time_s) return a.metadata.start_time_s;
    for (const double t : a.samples.time_s) {
        if (std::isfinite(t)) return t;
    }
    return std::nullopt;
}

// <type>: the file's own word where there is one (Strava's "9" stays "9"), else hillcoach's sport name.
std::string type_of(const core::Metadata& m) {
    if (!m.sport_raw.empty()) return m.sport_raw;
    if (m.sport == core::Sport::unknown) return {};
    return std::string(core::to_string(m.sport));
}

// The TrackPointExtension schema orders atemp, wtemp, depth, hr, cad; hr and cad are whole numbers there.
void append_extension(std::string& out, double temperature_c, double hr_bpm, double cadence_rpm) {
    const bool t = std::isfinite(temperature_c);
    const bool h = std::isfinite(hr_bpm);
    const bool c = std::isfinite(cadence_rpm);
    if (!t && !h && !c) return;
    auto it = std::back_inserter(out);
    out += "    <extensions><gpxtpx:TrackPointExtension>";
    if (t) fmt::format_to(it, "<gpxtpx:atemp>{}</gpxtpx:atemp>", format_decimal(temperature_c, 1));
    if (h) fmt::format_to(it, "<gpxtpx:hr>{}</gpxtpx:hr>", std::llround(hr_bpm));
    if (c) fmt::format_to(it, "<gpxtpx:cad>{}</gpxtpx:cad>", std::llround(cadence_rpm));
    out += "</gpxtpx:TrackPointExtension></extensions>\n";
}

void append_point(std::string& out, const core::Samples& s, std::size_t i) {
    auto it = std::back_inserter(out);
    fmt::format_to(it, "   <trkpt lat=\"{:.7f}\" lon=\"{:.7f}\">\n", s.latitude_deg[i], s.longitude_deg[i]);
    if (std::isfinite(s.elevation_m[i])) fmt::format_to(it, "    <ele>{}</ele>\n", format_decimal(s.elevation_m[i], 2));
    if (std::isfinite(s.time_s[i])) fmt::format_to(it, "    <time>{}</time>\n", core::format_iso8601_utc(s.time_s[i]));
    append_extension(out, s.temperature_c[i], s.heart_rate_bpm[i], s.cadence_rpm[i]);
    out += "   </trkpt>\n";
}

}  // namespace

// A GPX point needs lat and lon, so samples without a position are left out: GPX has no way to carry them.
// Speed, power, distance, laps and pauses have no place in GPX 1.1 + TrackPointExtension v1 either.
std::string write_gpx(const core::Activity& activity) {
    const auto& meta = activity.metadata;
    const auto& s = activity.samples;
    std::string out;
    out.reserve(k_header.size() + 512 + s.size() * k_bytes_per_point);
    out += k_header;

    out += " <metadata>\n";
    append_element(out, "  ", "name", meta.name);
    append_element(out, "  ", "desc", meta.description);
    if (const auto start = first_time(activity)) append_element(out, "  ", "time", core::format_iso8601_utc(*start));
    out += " </metadata>\n";

    out += " <trk>\n";
    append_element(out, "  ", "name", meta.name);
    append_element(out, "  ", "type", type_of(meta));
    out += "  <trkseg>\n";
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (std::isfinite(s.latitude_deg[i]) && std::isfinite(s.longitude_deg[i])) append_point(out, s, i);
    }
    out += "  </trkseg>\n";
    out += " </trk>\n";
    out += "</gpx>\n";
    return out;
}

}  // namespace hillcoach::io
