#pragma once
// What the GPX and TCX readers share while they walk a document: positions for messages, the first error,
// a tally that turns a problem repeated on thousands of samples into one warning, the checks on sample times,
// and the plausible range of every channel.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/error.hpp"
#include "hillcoach/io/xml_text.hpp"

namespace hillcoach::io {

// Where an element starts in the buffer (its '<'), for messages about the element as a whole.
inline const char* element_start(pugi::xml_node node) {
    const char* name = node.name();
    return *name ? name - 1 : name;
}

// Sample channels that are read from text and range-checked.
enum class Channel { elevation, distance, speed, heart_rate, cadence, power, temperature };

// Values outside these ranges are not readings: 255 is the "invalid" marker of ANT+ heart rate and of one-byte
// cadence (gpsbabel/gtrnctr-lap_s.tcx has HR 255 on every point), 0 bpm is a lost strap contact, and an air
// temperature of 129 °C (gpsbabel/energympro.gpx) is a wrong field. They are dropped (NaN) with a warning.
struct ChannelRange {
    std::string_view name;  // for messages: "heart rate"
    std::string_view unit;  // for messages: "bpm"
    double min = 0.0;       // inclusive
    double max = 0.0;       // inclusive
};
const ChannelRange& channel_range(Channel channel);

// Repeated warnings, counted: the first occurrence keeps its position and reason, later ones only count.
class WarningTally {
public:
    // `kind` names the problem (a string literal: "time_backwards"); `reason` is built only the first time.
    template <typename MakeReason>
    void add(core::ErrorCode code, std::string_view kind, const char* where, MakeReason&& reason) {
        if (Entry* entry = find(kind)) {
            ++entry->count;
            return;
        }
        m_entries.push_back(Entry{code, kind, where, reason(), 1});
    }
    // One warning per kind, in order of first occurrence; "(N times in this file; the first is shown)" when
    // a kind occurred more than once.
    std::vector<core::Warning> warnings(const XmlPositions& positions) const;
    std::size_t count(std::string_view kind) const;

private:
    struct Entry {
        core::ErrorCode code = core::ErrorCode::internal_error;
        std::string_view kind;
        const char* where = nullptr;
        std::string reason;
        std::size_t count = 0;
    };
    Entry* find(std::string_view kind);
    std::vector<Entry> m_entries;
};

// The state of one activity being read. Functions that can fail return false and keep the error; the reader
// stops at the first one.
class ReadContext {
public:
    explicit ReadContext(const XmlPositions& positions) : m_positions(positions) {}

    const XmlPositions& positions() const { return m_positions; }
    bool failed() const { return m_error.has_value(); }
    core::Error take_error();
    void fail(core::ErrorCode code, const char* where, std::string reason);

    // How strictly a value that does not parse is treated: an element of the format itself (<ele>,
    // <AltitudeMeters>) fails the read; a vendor extension we only recognise by name is dropped with a warning.
    enum class Strictness { format, extension };
    // A channel value from element text at `text` (a pointer into the buffer, for positions). Empty text is a
    // missing value (NaN); text that does not parse fails with bad_number (or, for an extension, is NaN with a
    // bad_number warning); a value out of range is NaN and tallied as a bad_number warning.
    bool channel_value(Channel channel, std::string_view element, const char* text, double& out,
                       Strictness strictness = Strictness::format);
    // A latitude or longitude: must parse (bad_number) and be in range (bad_coordinate).
    bool coordinate(bool latitude, const char* text, double& out);
    // A sample time: must parse (bad_time). Stores NaN for a time earlier than the last one (time_backwards
    // warning), keeps a repeated one (duplicate_time warning), warns once about times without a zone.
    bool sample_time(const char* text, double& out);
    // A number that is not a sample's (a lap total): empty text leaves `out` unset; text that does not parse
    // fails with bad_number; a value outside [min, max] leaves `out` unset with a bad_number warning tallied
    // under `element` (a string literal).
    bool scalar_value(std::string_view element, const char* text, double min, double max, std::string_view unit,
                      std::optional<double>& out);
    // A time that is not a sample's (a lap start): must parse; no ordering checks.
    bool scalar_time(std::string_view element, const char* text, std::optional<double>& out);
    // The UTC offset written on the first sample time, if any.
    std::optional<int> first_utc_offset_s() const { return m_first_offset_s; }

    template <typename MakeReason>
    void warn(core::ErrorCode code, std::string_view kind, const char* where, MakeReason&& reason) {
        m_tally.add(code, kind, where, std::forward<MakeReason>(reason));
    }
    std::size_t warning_count(std::string_view kind) const { return m_tally.count(kind); }
    // Appends the tallied warnings to `out`.
    void flush_warnings(std::vector<core::Warning>& out) const;

private:
    const XmlPositions& m_positions;
    std::optional<core::Error> m_error;
    WarningTally m_tally;
    double m_last_time_s = -1e300;
    const char* m_last_time_text = nullptr;  // as written, for messages
    bool m_seen_time = false;
    std::optional<int> m_first_offset_s;
};

// What every GPX/TCX activity gets after its samples are read: an elevation channel that is exactly 0 m on
// every sample (gpxpy/cerknicko-jezero-with-elevations-zero.gpx, gpsbabel/segmented_tracks.gpx) is a writer
// filling a required field, so it becomes missing with a warning; then the elevation source is set from the
// creator/device hint (elevation_source_hint) or none when no elevation is left.
void finish_xml_activity(core::Activity& activity, const XmlPositions& positions);

// GPX and TCX do not say how elevation was measured. The creator or device name sometimes does: "with
// barometer" in the creator (Urban Biker), or a device known to carry a barometric altimeter (Forerunner 945,
// fēnix, Edge 305/5xx/8xx/10xx, vívoactive HR, Polar V800, Suunto Spartan Ultra). Anything else is unknown;
// terrain:: detects the source from the signal itself.
core::ElevationSource elevation_source_hint(std::string_view creator);

}  // namespace hillcoach::io
