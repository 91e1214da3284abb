#pragma once
// What `info` and `analyze` both say about one activity as read: the summary behind info's block and the JSON
// keys of `info --json`, which `analyze --json` carries too (docs/cli.md). One definition, so the two
// commands can never drift apart in the keys they share.

#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/error.hpp"

namespace hillcoach::app {

using Json = nlohmann::ordered_json;  // keys in the order written: path first, as people read it

struct ActivitySummary {
    const core::Activity* activity = nullptr;
    std::size_t index = 0;  // within its file
    std::size_t count = 1;  // activities in its file
    std::optional<double> start_s;
    std::optional<double> elapsed_s;
    std::optional<double> moving_s;
    std::optional<double> distance_m;
};

// info's summary: distance along the positions as terrain measures a track (WGS84 steps, wild fixes dropped,
// standing GPS jitter collapsed: terrain/distance.hpp track_distance, the Course's track_length_m), moving time
// from pauses and gaps (terrain/moving_time.hpp).
ActivitySummary summarize(const core::Activity& activity, std::size_t index, std::size_t count);

// The start time the activity states, or its first sample's.
std::optional<double> start_time_s(const core::Activity& activity);

// Rounded to the millimetre or millisecond: the digits past that are floating-point noise, not data.
Json optional_number(const std::optional<double>& v);

// The keys of `info --json` for one activity.
Json activity_json(const ActivitySummary& summary);
// {"path", "error": {"code", "message"}} for an input that could not be read.
Json error_json(const core::Error& error);

// "1:02:03"
std::string duration_text(double seconds);
// "12.34 km", or "850 m" under a kilometre.
std::string distance_text(double metres);

}  // namespace hillcoach::app
