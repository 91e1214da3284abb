#pragma once
// What the GPX and TCX fuzz targets check on every input: read_xml_activity (which parses in place, so the
// input is copied into a mutable buffer) gives activities or an error, never a crash, a leak or undefined
// behaviour; an error names the file; an activity has channels of one length and laps inside its samples; and
// what reads is written back (GPX or TCX) and must read again with as many samples as the writer keeps.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "hillcoach/io/xml_activity_reader.hpp"

namespace hillcoach::fuzz {

inline void check(bool ok) {
    if (!ok) std::abort();
}

inline void check_activity(const core::Activity& a) {
    const auto& s = a.samples;
    const std::size_t n = s.size();
    for (const auto* channel : {&s.latitude_deg, &s.longitude_deg, &s.elevation_m, &s.distance_m, &s.speed_m_s,
                                &s.heart_rate_bpm, &s.cadence_rpm, &s.power_w, &s.temperature_c}) {
        check(channel->size() == n);
    }
    check(n > 0);
    for (const auto& lap : a.laps) check(lap.first_sample <= lap.end_sample && lap.end_sample <= n);
    for (const auto& w : a.warnings) check(!w.message().empty());
}

// `write` turns an activity back into text; `kept` says which samples the format can carry.
template <typename Write, typename Kept>
void check_xml_input(const std::uint8_t* data, std::size_t size, const char* name, Write&& write, Kept&& kept) {
    std::vector<char> buffer(data, data + size);
    const auto read = io::read_xml_activity(std::span<char>(buffer), core::Location{.file = name});
    if (!read) {
        check(read.error().where.file == name && !read.error().message().empty());
        return;
    }
    for (const auto& activity : *read) {
        check_activity(activity);
        std::size_t expected = 0;
        for (std::size_t i = 0; i < activity.samples.size(); ++i) expected += kept(activity.samples, i) ? 1 : 0;
        std::string again = write(activity);
        const auto reread = io::read_xml_activity(std::span<char>(again.data(), again.size()),
                                                  core::Location{.file = "rewritten"});
        if (expected == 0) continue;
        check(reread.has_value());
        std::size_t total = 0;
        for (const auto& b : *reread) total += b.samples.size();
        check(total == expected);
    }
}

}  // namespace hillcoach::fuzz
