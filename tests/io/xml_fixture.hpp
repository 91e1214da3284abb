#pragma once
// Reading GPX/TCX test inputs through io::read_xml_activity, with the file name (not the full path) as the
// source, so that expected messages read "105-bad-time.gpx:9:15: error: …" wherever the tree is checked out.

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "hillcoach/io/xml_activity_reader.hpp"
#include "support/test_data.hpp"

namespace hillcoach::test {

inline core::Expected<std::vector<core::Activity>> read_xml_text(std::string text, const std::string& name) {
    return io::read_xml_activity(std::span<char>(text.data(), text.size()), core::Location{.file = name});
}

// tests/data/<relative>, e.g. "io/gpx/garmin_tpx_v1.gpx".
inline core::Expected<std::vector<core::Activity>> read_xml_fixture(const std::string& relative) {
    return read_xml_text(read_bytes(data_path(relative)), std::filesystem::path(relative).filename().string());
}

// How many values of a channel are finite.
inline std::size_t count_finite(const std::vector<double>& channel) {
    std::size_t n = 0;
    for (const double v : channel) n += std::isfinite(v) ? 1 : 0;
    return n;
}

// The rendered messages of an activity's warnings, in order.
inline std::vector<std::string> warning_messages(const core::Activity& activity) {
    std::vector<std::string> out;
    for (const auto& w : activity.warnings) out.push_back(w.message());
    return out;
}

}  // namespace hillcoach::test
