#include "hillcoach/io/gpx_reader.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "hillcoach/io/xml_read_context.hpp"

namespace hillcoach::io {
namespace {

using Strictness = ReadContext::Strictness;

bool is_element(pugi::xml_node node) { return node.type() == pugi::node_element; }

// Per-point values in vendor <extensions>, by local name. Garmin TrackPointExtension v1/v2: hr, cad, atemp,
// speed (v2); cluetrust gpxdata (Movescount): hr, cadence, temp, speed, distance; Amazfit: heartrate;
// Strava: cadence; gpxx: Temperature; Urban Biker (gpxpx): PowerInWatts. <wtemp> (water) and <course> are not
// channels of ours and are skipped.
std::optional<Channel> extension_channel(std::string_view name) {
    struct Entry {
        std::string_view name;
        Channel channel;
    };
    static constexpr Entry k_names[] = {
        {"hr", Channel::heart_rate},          {"heartrate", Channel::heart_rate},
        {"cad", Channel::cadence},            {"cadence", Channel::cadence},
        {"atemp", Channel::temperature},      {"temp", Channel::temperature},
        {"temperature", Channel::temperature}, {"speed", Channel::speed},
        {"power", Channel::power},            {"powerinwatts", Channel::power},
        {"watts", Channel::power},            {"distance", Channel::distance},
    };
    for (const Entry& e : k_names) {
        if (iequals_ascii(name, e.name)) return e.channel;
    }
    return std::nullopt;
}

std::vector<double>& channel_of(core::Samples& s, Channel c) {
    switch (c) {
        case Channel::elevation: return s.elevation_m;
        case Channel::distance: return s.distance_m;
        case Channel::speed: return s.speed_m_s;
        case Channel::heart_rate: return s.heart_rate_bpm;
        case Channel::cadence: return s.cadence_rpm;
        case Channel::power: return s.power_w;
        case Channel::temperature: return s.temperature_c;
    }
    return s.elevation_m;
}

// Counts <trkpt> (or <rtept>) so the sample vectors are sized once.
std::size_t count_points(pugi::xml_node gpx, std::string_view container, std::string_view segment,
                         std::string_view point) {
    std::size_t n = 0;
    for (pugi::xml_node c = gpx.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c) || local_name(c.name()) != container) continue;
        for (pugi::xml_node seg = c.first_child(); seg; seg = seg.next_sibling()) {
            if (!is_element(seg)) continue;
            const std::string_view name = local_name(seg.name());
            if (name == point) {
                ++n;
            } else if (name == segment) {
                for (pugi::xml_node pt = seg.first_child(); pt; pt = pt.next_sibling()) {
                    if (is_element(pt) && local_name(pt.name()) == point) ++n;
                }
            }
        }
    }
    return n;
}

class GpxReader {
public:
    GpxReader(core::Activity& activity, const XmlPositions& positions) : m_activity(activity), m_ctx(positions) {}

    bool read(pugi::xml_node gpx, bool routes);
    ReadContext& context() { return m_ctx; }
    std::size_t points_read() const { return m_index; }

private:
    void read_header_child(pugi::xml_node node, std::string_view name);
    bool read_container(pugi::xml_node trk_or_rte, bool route);
    bool read_point(pugi::xml_node pt);
    bool read_extensions(pugi::xml_node parent, int depth);
    void take_text(std::string& field, pugi::xml_node node) {
        if (field.empty()) field = decode_xml_text(node.child_value());
    }

    core::Activity& m_activity;
    ReadContext m_ctx;
    std::size_t m_index = 0;
    std::string m_track_name;
    std::string m_track_desc;
    std::string m_header_name;
    std::string m_header_desc;
};

bool GpxReader::read(pugi::xml_node gpx, bool routes) {
    for (pugi::xml_node c = gpx.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c)) continue;
        const std::string_view name = local_name(c.name());
        if (name == "trk" && !routes) {
            if (!read_container(c, false)) return false;
        } else if (name == "rte" && routes) {
            if (!read_container(c, true)) return false;
        } else if (name == "metadata") {
            for (pugi::xml_node m = c.first_child(); m; m = m.next_sibling()) {
                if (is_element(m)) read_header_child(m, local_name(m.name()));
            }
        } else {
            read_header_child(c, name);  // GPX 1.0 keeps name and desc at the top level
        }
    }
    auto& meta = m_activity.metadata;
    meta.name = !m_track_name.empty() ? m_track_name : m_header_name;
    meta.description = !m_track_desc.empty() ? m_track_desc : m_header_desc;
    return true;
}

void GpxReader::read_header_child(pugi::xml_node node, std::string_view name) {
    if (name == "name") take_text(m_header_name, node);
    if (name == "desc") take_text(m_header_desc, node);
}

bool GpxReader::read_container(pugi::xml_node container, bool route) {
    const std::string_view point = route ? "rtept" : "trkpt";
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c)) continue;
        const std::string_view name = local_name(c.name());
        if (name == point) {
            if (!read_point(c)) return false;
        } else if (name == "trkseg" && !route) {
            for (pugi::xml_node pt = c.first_child(); pt; pt = pt.next_sibling()) {
                if (is_element(pt) && local_name(pt.name()) == point && !read_point(pt)) return false;
            }
        } else if (name == "name") {
            take_text(m_track_name, c);
        } else if (name == "desc") {
            take_text(m_track_desc, c);
        } else if (name == "type") {
            take_text(m_activity.metadata.sport_raw, c);
        }
    }
    return true;
}

bool GpxReader::read_point(pugi::xml_node pt) {
    core::Samples& s = m_activity.samples;
    if (m_index >= s.size()) {
        m_ctx.fail(core::ErrorCode::internal_error, element_start(pt), "more points than counted");
        return false;
    }
    const std::size_t i = m_index++;
    bool have_lat = false;
    bool have_lon = false;
    for (pugi::xml_attribute a = pt.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        if (name == "lat") {
            if (!m_ctx.coordinate(true, a.value(), s.latitude_deg[i])) return false;
            have_lat = true;
        } else if (name == "lon") {
            if (!m_ctx.coordinate(false, a.value(), s.longitude_deg[i])) return false;
            have_lon = true;
        }
    }
    if (!have_lat || !have_lon) {
        // A point without a position keeps its other channels; both halves go, as half a position is none.
        s.latitude_deg[i] = s.longitude_deg[i] = std::numeric_limits<double>::quiet_NaN();
        m_ctx.warn(core::ErrorCode::bad_coordinate, "missing_coordinate", element_start(pt), [&] {
            return fmt::format("<{}> has no {} attribute: kept without a position", pt.name(),
                               have_lat ? "lon" : "lat");
        });
    }
    for (pugi::xml_node c = pt.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c)) continue;
        const std::string_view name = local_name(c.name());
        if (name == "time") {
            if (!m_ctx.sample_time(c.child_value(), s.time_s[i])) return false;
        } else if (name == "ele") {
            if (!m_ctx.channel_value(Channel::elevation, name, c.child_value(), s.elevation_m[i])) return false;
        } else if (name == "extensions") {
            if (!read_extensions(c, 0)) return false;
        } else if (name == "speed") {  // GPX 1.0
            if (!m_ctx.channel_value(Channel::speed, name, c.child_value(), s.speed_m_s[i])) return false;
        }
    }
    return true;
}

// A channel already set keeps its value: Amazfit writes the heart rate twice (<heartrate> and
// <ns3:TrackPointExtension><ns3:hr>), Strava the cadence twice (<gpxdata:cadence> and <cadence>).
bool GpxReader::read_extensions(pugi::xml_node parent, int depth) {
    constexpr int k_max_depth = 3;
    const std::size_t i = m_index - 1;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c)) continue;
        const std::string_view name = local_name(c.name());
        if (const auto channel = extension_channel(name)) {
            double& slot = channel_of(m_activity.samples, *channel)[i];
            if (std::isfinite(slot)) continue;
            if (!m_ctx.channel_value(*channel, name, c.child_value(), slot, Strictness::extension)) return false;
        } else if (depth + 1 < k_max_depth && c.first_child()) {
            if (!read_extensions(c, depth + 1)) return false;
        }
    }
    return true;
}

std::optional<double> first_finite(const std::vector<double>& values) {
    for (const double v : values) {
        if (std::isfinite(v)) return v;
    }
    return std::nullopt;
}

}  // namespace

core::Expected<core::Activity> read_gpx(pugi::xml_node gpx, const XmlPositions& positions) {
    core::Activity activity;
    auto& meta = activity.metadata;
    meta.format = core::FileFormat::gpx;
    meta.format_version = decode_xml_text(gpx.attribute("version").value());
    meta.creator = decode_xml_text(gpx.attribute("creator").value());

    bool routes = false;
    std::size_t n = count_points(gpx, "trk", "trkseg", "trkpt");
    if (n == 0) {
        n = count_points(gpx, "rte", "", "rtept");
        routes = true;
    }
    if (n == 0) {
        return core::make_error(core::ErrorCode::no_points, positions.at(element_start(gpx)),
                                "the GPX file has no track or route point");
    }
    activity.samples.resize(n);

    GpxReader reader(activity, positions);
    if (!reader.read(gpx, routes)) return reader.context().take_error();
    if (reader.points_read() != n) {
        return core::make_error(core::ErrorCode::internal_error, positions.at(element_start(gpx)),
                                "fewer points read than counted");
    }

    meta.sport = core::sport_from_text(meta.sport_raw);
    meta.start_time_s = first_finite(activity.samples.time_s);
    if (meta.start_time_s) meta.utc_offset_s = reader.context().first_utc_offset_s();
    reader.context().flush_warnings(activity.warnings);
    finish_xml_activity(activity, positions);
    return activity;
}

}  // namespace hillcoach::io
