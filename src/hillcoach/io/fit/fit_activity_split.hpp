#pragma once
// The second half of FIT -> Activity: what one chained FIT file said (RawFile, filled message by message by
// ActivityBuilder), turned into Activities: one per session, split by session start times, with laps and
// pauses placed on the samples, metadata, device totals, elevation source and device-relative times placed.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/io/fit/fit_decoder.hpp"

namespace hillcoach::io::fit {

// Times are FIT seconds as stored; samples are already in Unix seconds (FIT seconds + epoch).
struct RawLap {
    core::DeviceTotals totals;  // without start_time_s, set once times are placed
    std::optional<std::uint32_t> start;
    std::optional<std::uint32_t> end;  // the lap message's timestamp
    std::string intensity;
    std::string trigger;
    std::optional<std::uint8_t> sport;
};

struct RawSession {
    core::DeviceTotals totals;
    std::optional<std::uint32_t> start;
    std::optional<std::uint32_t> end;
    std::optional<std::uint8_t> sport;
    std::optional<std::uint8_t> sub_sport;
};

struct RawPause {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

struct RawFile {
    std::size_t file_index = 0;
    std::uint8_t protocol_version = 0;
    // file_id
    std::optional<std::uint64_t> file_id_offset;
    std::optional<std::uint8_t> file_type;
    std::optional<std::uint16_t> manufacturer;
    std::optional<std::uint16_t> product;
    std::string product_name;
    std::optional<std::uint32_t> time_created;
    // content
    core::Samples samples;
    std::vector<RawLap> laps;
    std::vector<RawSession> sessions;
    std::vector<RawPause> pauses;
    std::optional<std::uint32_t> open_pause_start;  // a timer stop not (yet) followed by a start
    std::optional<std::uint32_t> activity_time;
    std::optional<std::uint32_t> local_time;
    std::optional<std::uint8_t> sport;  // from a sport message: used when there is no session
    std::optional<std::uint8_t> sub_sport;
    // device-relative time (values below 0x10000000)
    std::optional<std::uint64_t> first_relative_time_offset;
    std::optional<std::int64_t> system_to_utc_s;  // from timestamp_correlation: UTC - system time
};

// Records the first timestamp_correlation of a file (the FIT way to place device-relative times).
void raw_correlate(RawFile& file, std::uint32_t utc_fit_s, std::uint32_t system_fit_s);

// See ActivityBuilder::finish.
core::Expected<std::vector<core::Activity>> build_activities(std::span<RawFile* const> files,
                                                             const DecodeResult& decoded,
                                                             const core::Location& source);

}  // namespace hillcoach::io::fit
