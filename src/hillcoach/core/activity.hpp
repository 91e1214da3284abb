#pragma once
// The Activity: one recorded session as a file gave it, before any analysis.
//
// Samples are a struct of arrays: every channel has one entry per sample, NaN where the sample does not carry
// that channel (a GPX point without <ele>, a FIT record without heart rate). A sample is never dropped because
// one channel is missing. Units are SI, with the named exceptions written into the field names:
// degrees for positions (WGS84), beats/min for heart rate, cycles/min for cadence (as devices record it: per
// foot for running, crank revolutions for cycling), degrees Celsius for temperature.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/core/error.hpp"

namespace hillcoach::core {

enum class FileFormat { gpx, tcx, fit };
std::string_view to_string(FileFormat f);

// How the elevation channel was measured; decides how it is cleaned (docs/models.md).
enum class ElevationSource { none, unknown, gps, barometric, dem };
std::string_view to_string(ElevationSource s);

// Sport as hillcoach groups it; the file's own words stay in Metadata::sport_raw / sub_sport.
enum class Sport { running, trail_running, treadmill_running, walking, hiking, cycling, swimming, other, unknown };
std::string_view to_string(Sport s);
// Maps the words files use ("Running", "run", "trail", "Biking", FIT sport names, Strava types) to a Sport.
Sport sport_from_text(std::string_view sport, std::string_view sub_sport = {});

struct Samples {
    std::vector<double> time_s;          // seconds since the Unix epoch, UTC
    std::vector<double> latitude_deg;    // WGS84, [-90, 90]
    std::vector<double> longitude_deg;   // WGS84, [-180, 180]
    std::vector<double> elevation_m;     // above the geoid/sea level as recorded
    std::vector<double> distance_m;      // the device's cumulative distance channel
    std::vector<double> speed_m_s;       // the device's speed channel
    std::vector<double> heart_rate_bpm;
    std::vector<double> cadence_rpm;     // cycles per minute as recorded (running: per foot)
    std::vector<double> power_w;
    std::vector<double> temperature_c;

    std::size_t size() const { return time_s.size(); }
    bool empty() const { return time_s.empty(); }
    void reserve(std::size_t n);
    // Appends one sample with every channel NaN; the caller fills what it has at index size()-1.
    void push_empty();
    void resize(std::size_t n);  // new samples are NaN in every channel
    void clear();
    void erase(std::size_t first, std::size_t last);  // removes [first, last)
    void shrink_to_fit();
    // True when the channel has at least one finite value.
    static bool has_values(const std::vector<double>& channel);
};

// A span when the device's timer was stopped (auto-pause, stop button). Times are UTC seconds.
struct Pause {
    double start_s = 0.0;
    double end_s = 0.0;
};

// Totals as the device or service wrote them. Each field is set only where the file has a valid value.
struct DeviceTotals {
    std::optional<double> start_time_s;
    std::optional<double> distance_m;
    std::optional<double> ascent_m;
    std::optional<double> descent_m;
    std::optional<double> timer_s;     // moving/timer time
    std::optional<double> elapsed_s;
    std::optional<double> calories_kcal;
    std::optional<double> avg_heart_rate_bpm;
    std::optional<double> max_heart_rate_bpm;
    std::optional<double> max_speed_m_s;
};

struct Lap {
    DeviceTotals totals;
    std::size_t first_sample = 0;  // samples [first_sample, end_sample) belong to the lap
    std::size_t end_sample = 0;
    std::string intensity;          // TCX Intensity / FIT intensity ("active", "resting"), if any
    std::string trigger;            // what ended the lap ("manual", "distance", …), if any
};

struct Metadata {
    FileFormat format = FileFormat::gpx;
    std::string format_version;        // "1.1" for GPX 1.1, FIT protocol "2.0", …
    Sport sport = Sport::unknown;
    std::string sport_raw;             // the file's own sport word(s)
    std::string sub_sport;
    std::string manufacturer;          // device maker ("garmin", "suunto") where known
    std::string product;               // device model ("fr945"), where known
    std::string creator;               // GPX creator / TCX Creator Name / FIT "garmin fr945"
    std::string name;                  // activity name (GPX name, Strava activities.csv)
    std::string description;
    std::optional<double> start_time_s;    // UTC
    std::optional<int> utc_offset_s;       // local offset of the start, where the file states one
    std::string source_path;               // file path; "archive.zip(entry)" for archive members
    std::string content_hash;              // XXH3-128 of the file's (decompressed) bytes, hex
    std::string external_id;               // id given by a service (Strava activity id), if any
};

struct Activity {
    Metadata metadata;
    Samples samples;
    std::vector<Pause> pauses;
    std::vector<Lap> laps;
    DeviceTotals device;               // the session/activity summary
    ElevationSource elevation_source = ElevationSource::unknown;
    std::vector<Warning> warnings;     // what the reader noticed but read past

    // Channels with at least one finite value, by name: "time", "position", "elevation", "distance",
    // "speed", "heart_rate", "cadence", "power", "temperature".
    std::vector<std::string> channels() const;
    bool has_positions() const;
    // Time from the first to the last timed sample, or nullopt without times.
    std::optional<double> elapsed_s() const;
};

}  // namespace hillcoach::core
