#include "hillcoach/io/tcx_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "hillcoach/io/xml_read_context.hpp"

namespace hillcoach::io {
namespace {


// The fastest measured human running speed is Usain Bolt's 12.34 m/s in the 2009 Berlin 100 m final (Graubner &
// Nixdorf 2011, New Studies in Athletics 26(1/2):19-53). A running lap's MaximumSpeed above this bound is a
// wrong unit: Polar, Suunto and Movescount exports write km/h or worse (sports-lib/movescount.tcx: 18,720).
constexpr double k_max_foot_speed_m_s = 12.5;
// No human-powered sport on land reaches 50 m/s (180 km/h); beyond it the value is a unit error too.
constexpr double k_max_any_speed_m_s = 50.0;
constexpr double k_max_lap_seconds = 30.0 * 86400.0;
constexpr double k_max_lap_distance_m = 1.0e8;
constexpr double k_max_lap_kcal = 1.0e5;

bool is_element(pugi::xml_node node) { return node.type() == pugi::node_element; }

bool named(pugi::xml_node node, std::string_view name) { return is_element(node) && local_name(node.name()) == name; }

pugi::xml_node child_named(pugi::xml_node parent, std::string_view name) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (named(c, name)) return c;
    }
    return {};
}

bool is_foot_sport(core::Sport sport) {
    using core::Sport;
    return sport == Sport::running || sport == Sport::trail_running || sport == Sport::treadmill_running ||
           sport == Sport::walking || sport == Sport::hiking;
}

// Activities/Activity, and the Activity inside each FirstSport/NextSport of a MultiSportSession
// (goldencheetah/activity_165850259_multi-session.tcx), in document order.
std::vector<pugi::xml_node> find_activities(pugi::xml_node root) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node list = root.first_child(); list; list = list.next_sibling()) {
        if (!named(list, "Activities")) continue;
        for (pugi::xml_node a = list.first_child(); a; a = a.next_sibling()) {
            if (named(a, "Activity")) {
                out.push_back(a);
            } else if (named(a, "MultiSportSession")) {
                for (pugi::xml_node part = a.first_child(); part; part = part.next_sibling()) {
                    if (!named(part, "FirstSport") && !named(part, "NextSport")) continue;
                    if (pugi::xml_node inner = child_named(part, "Activity")) out.push_back(inner);
                }
            }
        }
    }
    return out;
}

std::vector<pugi::xml_node> find_courses(pugi::xml_node root) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node list = root.first_child(); list; list = list.next_sibling()) {
        if (!named(list, "Courses")) continue;
        for (pugi::xml_node c = list.first_child(); c; c = c.next_sibling()) {
            if (named(c, "Course")) out.push_back(c);
        }
    }
    return out;
}

std::size_t count_in_tracks(pugi::xml_node parent) {
    std::size_t n = 0;
    for (pugi::xml_node t = parent.first_child(); t; t = t.next_sibling()) {
        if (!named(t, "Track")) continue;
        for (pugi::xml_node p = t.first_child(); p; p = p.next_sibling()) {
            if (named(p, "Trackpoint")) ++n;
        }
    }
    return n;
}

// Trackpoints of an Activity (inside its laps) or of a Course (beside its laps).
std::size_t count_trackpoints(pugi::xml_node activity_or_course) {
    std::size_t n = count_in_tracks(activity_or_course);
    for (pugi::xml_node lap = activity_or_course.first_child(); lap; lap = lap.next_sibling()) {
        if (named(lap, "Lap")) n += count_in_tracks(lap);
    }
    return n;
}

std::string format_version_of(pugi::xml_node root) {
    const std::string_view ns = root.attribute("xmlns").value();
    if (ns.ends_with("/v2")) return "2";
    if (ns.ends_with("/v1")) return "1";
    return {};
}

class TcxReader {
public:
    TcxReader(core::Activity& activity, const XmlPositions& positions) : m_activity(activity), m_ctx(positions) {}

    bool read_activity(pugi::xml_node node);
    bool read_course(pugi::xml_node node);
    ReadContext& context() { return m_ctx; }
    std::size_t points_read() const { return m_index; }

private:
    bool read_lap(pugi::xml_node node, core::Lap& lap);
    bool read_lap_heart_rate(pugi::xml_node node, std::string_view element, std::optional<double>& out);
    bool read_lap_max_speed(pugi::xml_node node, std::optional<double>& out);
    bool read_track(pugi::xml_node track);
    bool read_trackpoint(pugi::xml_node point);
    bool read_position(pugi::xml_node position, std::size_t i);
    bool read_tpx(pugi::xml_node extensions, std::size_t i);
    void read_creator(pugi::xml_node creator);
    void read_id(pugi::xml_node id);
    void place_course_laps(const std::vector<pugi::xml_node>& lap_nodes);

    core::Activity& m_activity;
    ReadContext m_ctx;
    std::size_t m_index = 0;
};

bool TcxReader::read_activity(pugi::xml_node node) {
    auto& meta = m_activity.metadata;
    meta.sport_raw = decode_xml_text(node.attribute("Sport").value());
    meta.sport = core::sport_from_text(meta.sport_raw);
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c)) continue;
        const std::string_view name = local_name(c.name());
        if (name == "Lap") {
            core::Lap lap;
            if (!read_lap(c, lap)) return false;
            m_activity.laps.push_back(std::move(lap));
        } else if (name == "Track") {  // not in the schema, but a Track outside the laps is still data
            if (!read_track(c)) return false;
        } else if (name == "Id") {
            read_id(c);
        } else if (name == "Notes") {
            meta.description = decode_xml_text(c.child_value());
        } else if (name == "Creator") {
            read_creator(c);
        }
    }
    return true;
}

// The Id of an Activity is its start time by the schema; a writer that puts something else there loses only
// that: the first lap's start is used instead.
void TcxReader::read_id(pugi::xml_node id) {
    const char* text = id.child_value();
    if (const auto t = parse_xml_time(text)) {
        m_activity.device.start_time_s = t->unix_s;
        m_activity.metadata.utc_offset_s = t->utc_offset_s;
        return;
    }
    m_ctx.warn(core::ErrorCode::bad_time, "activity_id", text, [&] {
        return fmt::format("Activity Id \"{}\" is not a time: the first lap's start is used", quote_excerpt(text));
    });
}

void TcxReader::read_creator(pugi::xml_node creator) {
    auto& meta = m_activity.metadata;
    if (pugi::xml_node name = child_named(creator, "Name")) meta.creator = decode_xml_text(name.child_value());
    meta.product = meta.creator;
    if (meta.product.empty()) {
        if (pugi::xml_node id = child_named(creator, "ProductID")) {
            const std::string product_id = decode_xml_text(id.child_value());
            if (!product_id.empty()) meta.product = "product " + product_id;
        }
    }
}

bool TcxReader::read_lap(pugi::xml_node node, core::Lap& lap) {
    auto& t = lap.totals;
    lap.first_sample = m_index;
    if (pugi::xml_attribute start = node.attribute("StartTime")) {
        if (!m_ctx.scalar_time("StartTime", start.value(), t.start_time_s)) return false;
    }
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c)) continue;
        const std::string_view name = local_name(c.name());
        const char* text = c.child_value();
        bool ok = true;
        if (name == "Track") {
            ok = read_track(c);
        } else if (name == "TotalTimeSeconds") {
            ok = m_ctx.scalar_value("TotalTimeSeconds", text, 0.0, k_max_lap_seconds, "s", t.timer_s);
        } else if (name == "DistanceMeters") {
            ok = m_ctx.scalar_value("DistanceMeters", text, 0.0, k_max_lap_distance_m, "m", t.distance_m);
        } else if (name == "Calories") {
            ok = m_ctx.scalar_value("Calories", text, 0.0, k_max_lap_kcal, "kcal", t.calories_kcal);
        } else if (name == "MaximumSpeed") {
            ok = read_lap_max_speed(c, t.max_speed_m_s);
        } else if (name == "AverageHeartRateBpm") {
            ok = read_lap_heart_rate(c, "AverageHeartRateBpm", t.avg_heart_rate_bpm);
        } else if (name == "MaximumHeartRateBpm") {
            ok = read_lap_heart_rate(c, "MaximumHeartRateBpm", t.max_heart_rate_bpm);
        } else if (name == "Intensity") {
            lap.intensity = decode_xml_text(text);
        } else if (name == "TriggerMethod") {
            lap.trigger = decode_xml_text(text);
        }
        if (!ok) return false;
    }
    lap.end_sample = m_index;
    return true;
}

// HR 255 is the "invalid" byte (gpsbabel/gtrnctr-lap_s.tcx writes it for every lap): dropped with a warning.
bool TcxReader::read_lap_heart_rate(pugi::xml_node node, std::string_view element, std::optional<double>& out) {
    pugi::xml_node value = child_named(node, "Value");
    if (!value) return true;
    const ChannelRange& hr = channel_range(Channel::heart_rate);
    return m_ctx.scalar_value(element, value.child_value(), hr.min, hr.max, hr.unit, out);
}

bool TcxReader::read_lap_max_speed(pugi::xml_node node, std::optional<double>& out) {
    const bool foot = is_foot_sport(m_activity.metadata.sport);
    const double limit = foot ? k_max_foot_speed_m_s : k_max_any_speed_m_s;
    std::optional<double> value;
    if (!m_ctx.scalar_value("MaximumSpeed", node.child_value(), 0.0, 1.0e9, "m/s", value)) return false;
    if (value && *value > limit) {
        const char* text = node.child_value();
        const double v = *value;
        m_ctx.warn(core::ErrorCode::bad_number, "lap_max_speed", text, [&] {
            return fmt::format("lap MaximumSpeed {} m/s is over {} m/s, impossible {}: dropped (a wrong unit)", v,
                               limit, foot ? "on foot" : "for this sport");
        });
        return true;
    }
    out = value;
    return true;
}

bool TcxReader::read_track(pugi::xml_node track) {
    for (pugi::xml_node p = track.first_child(); p; p = p.next_sibling()) {
        if (named(p, "Trackpoint") && !read_trackpoint(p)) return false;
    }
    return true;
}

bool TcxReader::read_trackpoint(pugi::xml_node point) {
    core::Samples& s = m_activity.samples;
    if (m_index >= s.size()) {
        m_ctx.fail(core::ErrorCode::internal_error, element_start(point), "more Trackpoints than counted");
        return false;
    }
    const std::size_t i = m_index++;
    for (pugi::xml_node c = point.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c)) continue;
        const std::string_view name = local_name(c.name());
        bool ok = true;
        if (name == "Time") {
            ok = m_ctx.sample_time(c.child_value(), s.time_s[i]);
        } else if (name == "Position") {
            ok = read_position(c, i);
        } else if (name == "AltitudeMeters") {
            ok = m_ctx.channel_value(Channel::elevation, name, c.child_value(), s.elevation_m[i]);
        } else if (name == "DistanceMeters") {
            ok = m_ctx.channel_value(Channel::distance, name, c.child_value(), s.distance_m[i]);
        } else if (name == "HeartRateBpm") {
            if (pugi::xml_node v = child_named(c, "Value")) {
                ok = m_ctx.channel_value(Channel::heart_rate, "HeartRateBpm", v.child_value(), s.heart_rate_bpm[i]);
            }
        } else if (name == "Cadence") {
            ok = m_ctx.channel_value(Channel::cadence, name, c.child_value(), s.cadence_rpm[i]);
        } else if (name == "Extensions") {
            ok = read_tpx(c, i);
        }
        if (!ok) return false;
    }
    return true;
}

bool TcxReader::read_position(pugi::xml_node position, std::size_t i) {
    core::Samples& s = m_activity.samples;
    pugi::xml_node lat = child_named(position, "LatitudeDegrees");
    pugi::xml_node lon = child_named(position, "LongitudeDegrees");
    if (!lat || !lon) {
        m_ctx.warn(core::ErrorCode::bad_coordinate, "missing_coordinate", element_start(position), [&] {
            return fmt::format("<Position> has no <{}>: kept without a position",
                               lat ? "LongitudeDegrees" : "LatitudeDegrees");
        });
        return true;
    }
    return m_ctx.coordinate(true, lat.child_value(), s.latitude_deg[i]) &&
           m_ctx.coordinate(false, lon.child_value(), s.longitude_deg[i]);
}

// ActivityExtension v2 <TPX>: Speed (m/s), RunCadence (per foot, as <Cadence> for cycling), Watts.
bool TcxReader::read_tpx(pugi::xml_node extensions, std::size_t i) {
    core::Samples& s = m_activity.samples;
    for (pugi::xml_node tpx = extensions.first_child(); tpx; tpx = tpx.next_sibling()) {
        if (!named(tpx, "TPX")) continue;
        for (pugi::xml_node c = tpx.first_child(); c; c = c.next_sibling()) {
            if (!is_element(c)) continue;
            const std::string_view name = local_name(c.name());
            bool ok = true;
            if (name == "Speed") {
                ok = m_ctx.channel_value(Channel::speed, name, c.child_value(), s.speed_m_s[i]);
            } else if (name == "RunCadence" && !std::isfinite(s.cadence_rpm[i])) {
                ok = m_ctx.channel_value(Channel::cadence, name, c.child_value(), s.cadence_rpm[i]);
            } else if (name == "Watts") {
                ok = m_ctx.channel_value(Channel::power, name, c.child_value(), s.power_w[i]);
            }
            if (!ok) return false;
        }
    }
    return true;
}

bool TcxReader::read_course(pugi::xml_node node) {
    auto& meta = m_activity.metadata;
    std::vector<pugi::xml_node> lap_nodes;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (!is_element(c)) continue;
        const std::string_view name = local_name(c.name());
        if (name == "Name") {
            meta.name = decode_xml_text(c.child_value());
        } else if (name == "Notes") {
            meta.description = decode_xml_text(c.child_value());
        } else if (name == "Track") {
            if (!read_track(c)) return false;
        } else if (name == "Lap") {
            lap_nodes.push_back(c);
        }
    }
    // A course lap holds no track; read its totals now and place it over the samples.
    for (pugi::xml_node lap_node : lap_nodes) {
        core::Lap lap;
        if (!read_lap(lap_node, lap)) return false;
        m_activity.laps.push_back(std::move(lap));
    }
    place_course_laps(lap_nodes);
    return true;
}

// Course laps name where they begin (BeginPosition), not which points they hold: each lap starts at the
// sample nearest its begin position, searching forward from the previous lap's start.
void TcxReader::place_course_laps(const std::vector<pugi::xml_node>& lap_nodes) {
    const core::Samples& s = m_activity.samples;
    auto& laps = m_activity.laps;
    std::size_t from = 0;
    for (std::size_t k = 0; k < laps.size(); ++k) {
        std::size_t start = from;
        pugi::xml_node begin = child_named(lap_nodes[k], "BeginPosition");
        const auto lat = parse_xml_number(child_named(begin, "LatitudeDegrees").child_value());
        const auto lon = parse_xml_number(child_named(begin, "LongitudeDegrees").child_value());
        if (k > 0 && lat && lon) {
            double best = std::numeric_limits<double>::infinity();
            for (std::size_t i = from; i < s.size(); ++i) {
                const double d = std::hypot(s.latitude_deg[i] - *lat, s.longitude_deg[i] - *lon);
                if (d < best) {
                    best = d;
                    start = i;
                }
            }
        }
        laps[k].first_sample = k == 0 ? 0 : start;
        if (k > 0) laps[k - 1].end_sample = laps[k].first_sample;
        from = laps[k].first_sample;
    }
    if (!laps.empty()) laps.back().end_sample = s.size();
}

std::optional<double> first_finite(const std::vector<double>& values) {
    for (const double v : values) {
        if (std::isfinite(v)) return v;
    }
    return std::nullopt;
}

// Reads one Activity (or Course) with its totals and warnings.
core::Expected<core::Activity> read_one(pugi::xml_node node, bool course, pugi::xml_node root,
                                        const XmlPositions& positions) {
    core::Activity activity;
    activity.metadata.format = core::FileFormat::tcx;
    activity.metadata.format_version = format_version_of(root);
    activity.samples.resize(count_trackpoints(node));
    TcxReader reader(activity, positions);
    if (!(course ? reader.read_course(node) : reader.read_activity(node))) return reader.context().take_error();
    if (reader.points_read() != activity.samples.size()) {
        return core::make_error(core::ErrorCode::internal_error, positions.at(element_start(node)),
                                "fewer Trackpoints read than counted");
    }

    const std::optional<double> start = activity.device.start_time_s;
    activity.device = totals_from_laps(activity.laps);
    activity.device.start_time_s = start;
    if (!activity.device.start_time_s && !activity.laps.empty()) {
        activity.device.start_time_s = activity.laps.front().totals.start_time_s;
    }
    if (!activity.device.start_time_s) activity.device.start_time_s = first_finite(activity.samples.time_s);
    activity.metadata.start_time_s = activity.device.start_time_s;
    if (!activity.metadata.utc_offset_s) activity.metadata.utc_offset_s = reader.context().first_utc_offset_s();
    if (activity.metadata.creator.empty()) {
        activity.metadata.creator = decode_xml_text(child_named(child_named(root, "Author"), "Name").child_value());
    }
    reader.context().flush_warnings(activity.warnings);
    finish_xml_activity(activity, positions);
    return activity;
}

}  // namespace

core::DeviceTotals totals_from_laps(const std::vector<core::Lap>& laps) {
    core::DeviceTotals out;
    double hr_weighted = 0.0;
    double hr_seconds = 0.0;
    auto add = [](std::optional<double>& sum, const std::optional<double>& v) {
        if (v) sum = sum.value_or(0.0) + *v;
    };
    auto keep_max = [](std::optional<double>& m, const std::optional<double>& v) {
        if (v) m = m ? std::max(*m, *v) : *v;
    };
    for (const core::Lap& lap : laps) {
        const auto& t = lap.totals;
        add(out.distance_m, t.distance_m);
        add(out.timer_s, t.timer_s);
        add(out.calories_kcal, t.calories_kcal);
        keep_max(out.max_heart_rate_bpm, t.max_heart_rate_bpm);
        keep_max(out.max_speed_m_s, t.max_speed_m_s);
        if (t.avg_heart_rate_bpm && t.timer_s && *t.timer_s > 0.0) {
            hr_weighted += *t.avg_heart_rate_bpm * *t.timer_s;
            hr_seconds += *t.timer_s;
        }
    }
    if (out.calories_kcal && *out.calories_kcal == 0.0) out.calories_kcal.reset();
    if (hr_seconds > 0.0) out.avg_heart_rate_bpm = hr_weighted / hr_seconds;
    return out;
}

core::Expected<std::vector<core::Activity>> read_tcx(pugi::xml_node root, const XmlPositions& positions) {
    bool course = false;
    std::vector<pugi::xml_node> nodes = find_activities(root);
    if (nodes.empty()) {
        nodes = find_courses(root);
        course = true;
    }
    if (nodes.empty()) {
        return core::make_error(core::ErrorCode::no_points, positions.at(element_start(root)),
                                "the TCX file has no Activity or Course");
    }
    std::vector<core::Activity> activities;
    std::vector<const char*> empty;  // activities without a single trackpoint
    for (pugi::xml_node node : nodes) {
        auto activity = read_one(node, course, root, positions);
        if (!activity) return std::move(activity).error();
        if (activity->samples.empty()) {
            empty.push_back(element_start(node));
        } else {
            activities.push_back(std::move(*activity));
        }
    }
    const std::string_view what = course ? "Course" : "Activity";
    if (activities.empty()) {
        return core::make_error(core::ErrorCode::no_points, positions.at(empty.front()),
                                fmt::format("the TCX {} has no Trackpoint", what));
    }
    for (const char* where : empty) {
        activities.front().warnings.push_back(core::make_warning(
            core::ErrorCode::no_points, positions.at(where),
            fmt::format("a TCX {} without any Trackpoint is left out", what)));
    }
    return activities;
}

}  // namespace hillcoach::io
