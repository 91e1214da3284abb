#include "hillcoach/io/fit/fit_heart_beats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "hillcoach/io/fit/fit_profile.hpp"

namespace hillcoach::io::fit {
namespace {

constexpr double k_ticks_per_s = 1024.0;        // hr.event_timestamp scale
constexpr std::uint32_t k_low_12_mask = 0xFFF;  // event_timestamp_12: 12 bits per value
constexpr std::uint32_t k_invalid_event_time = 0xFFFFFFFF;
constexpr std::uint8_t k_invalid_bpm = 0xFF;

std::uint32_t load_u32(std::span<const std::uint8_t> b, std::size_t at, bool big_endian) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        const std::size_t byte = big_endian ? at + k : at + 3 - k;
        v = (v << 8) | b[byte];
    }
    return v;
}

// The i-th 12-bit value of a little-endian bit-packed byte array.
std::uint32_t packed_12(std::span<const std::uint8_t> b, std::size_t i) {
    const std::size_t bit = 12 * i;
    const std::size_t byte = bit / 8;
    std::uint32_t v = b[byte];
    if (byte + 1 < b.size()) v |= static_cast<std::uint32_t>(b[byte + 1]) << 8;
    return (v >> (bit % 8)) & k_low_12_mask;
}

// The UTC time of a message with a timestamp, with its sub-second part where it has one.
std::optional<double> message_time(const Message& m) {
    const auto t = m.timestamp();
    if (!t) return std::nullopt;
    double fraction = m.value(hr::fractional_timestamp);
    if (std::isnan(fraction)) fraction = m.value(hr::time256);
    if (std::isnan(fraction) || fraction >= 1.0) fraction = 0.0;
    return fit_time_to_unix(*t) + fraction;
}

}  // namespace

std::int64_t HeartBeatCollector::advance_full(std::uint32_t stored) {
    if (!m_ticks) {
        m_ticks = stored;
    } else {
        // The difference as a signed 32-bit step: the clock wraps every 2^32 ticks (48 days).
        const auto last = static_cast<std::uint32_t>(*m_ticks);
        *m_ticks += static_cast<std::int32_t>(stored - last);
    }
    return *m_ticks;
}

std::int64_t HeartBeatCollector::advance_12(std::uint32_t low_bits) {
    const auto last = static_cast<std::uint32_t>(*m_ticks);
    *m_ticks += (low_bits - last) & k_low_12_mask;
    return *m_ticks;
}

void HeartBeatCollector::add(const Message& m) {
    if (!m_first_offset) m_first_offset = m.byte_offset();
    const auto bpm = m.bytes(hr::filtered_bpm.number);
    const auto full = m.bytes(hr::event_timestamp.number);
    const auto packed = m.bytes(hr::event_timestamp_12.number);
    const bool big_endian = m.definition().big_endian;
    const std::size_t full_count = full.size() / 4;
    const std::size_t packed_count = packed.size() * 8 / 12;

    // Event times of this message, in order, on the running count (nullopt: not placeable).
    std::vector<std::optional<std::int64_t>> ticks;
    if (full_count > 0) {
        for (std::size_t i = 0; i < full_count; ++i) {
            const std::uint32_t v = load_u32(full, 4 * i, big_endian);
            ticks.push_back(v == k_invalid_event_time ? std::nullopt : std::optional(advance_full(v)));
        }
    } else {
        for (std::size_t i = 0; i < packed_count; ++i) {
            ticks.push_back(m_ticks ? std::optional(advance_12(packed_12(packed, i))) : std::nullopt);
        }
    }

    const auto utc = message_time(m);
    if (utc && !ticks.empty() && ticks.front()) m_anchors.push_back({*ticks.front(), *utc});
    if (utc && ticks.empty() && !bpm.empty() && bpm[0] != k_invalid_bpm) {
        m_direct.push_back({*utc, static_cast<double>(bpm[0])});
        return;
    }
    for (std::size_t i = 0; i < std::min(ticks.size(), bpm.size()); ++i) {
        if (bpm[i] == k_invalid_bpm) continue;
        if (ticks[i]) {
            m_events.push_back({*ticks[i], static_cast<double>(bpm[i])});
        } else {
            ++m_lost;
        }
    }
}

std::vector<HeartBeat> HeartBeatCollector::beats() const {
    std::vector<HeartBeat> out = m_direct;
    if (!m_anchors.empty()) {
        std::vector<Anchor> anchors = m_anchors;
        std::stable_sort(anchors.begin(), anchors.end(),
                         [](const Anchor& a, const Anchor& b) { return a.ticks < b.ticks; });
        for (const Event& e : m_events) {
            // The latest anchor at or before the beat (a later anchor corrects the strap clock's drift); the
            // first anchor for beats before every anchor.
            auto it = std::upper_bound(anchors.begin(), anchors.end(), e.ticks,
                                       [](std::int64_t t, const Anchor& a) { return t < a.ticks; });
            const Anchor& a = it == anchors.begin() ? anchors.front() : *(it - 1);
            out.push_back({a.time_s + static_cast<double>(e.ticks - a.ticks) / k_ticks_per_s, e.bpm});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const HeartBeat& a, const HeartBeat& b) { return a.time_s < b.time_s; });
    return out;
}

std::size_t HeartBeatCollector::unplaced() const {
    return m_lost + (m_anchors.empty() ? m_events.size() : 0);
}

std::size_t fill_heart_rate(core::Samples& samples, std::span<const HeartBeat> beats) {
    if (beats.empty()) return 0;
    const auto not_after = [](const HeartBeat& b, double t) { return b.time_s <= t; };
    std::size_t filled = 0;
    double previous = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double t = samples.time_s[i];
        if (std::isnan(t)) continue;
        const double from =
            std::isnan(previous) ? t - k_heart_beat_window_s : std::max(previous, t - k_heart_beat_window_s);
        previous = t;
        if (!std::isnan(samples.heart_rate_bpm[i])) continue;
        // Beats in (from, t]: first beat after `from` up to the first after t.
        const auto first = std::partition_point(beats.begin(), beats.end(),
                                                [&](const HeartBeat& b) { return not_after(b, from); });
        const auto end =
            std::partition_point(first, beats.end(), [&](const HeartBeat& b) { return not_after(b, t); });
        double bpm = std::numeric_limits<double>::quiet_NaN();
        if (first < end && from < t) {
            double sum = 0.0;
            for (auto it = first; it != end; ++it) sum += it->bpm;
            bpm = sum / static_cast<double>(end - first);
        } else {
            const auto last = std::partition_point(beats.begin(), beats.end(),
                                                   [&](const HeartBeat& b) { return not_after(b, t); });
            if (last != beats.begin() && (last - 1)->time_s >= t - k_heart_beat_window_s)
                bpm = (last - 1)->bpm;
        }
        if (!std::isnan(bpm)) {
            samples.heart_rate_bpm[i] = bpm;
            ++filled;
        }
    }
    return filled;
}

}  // namespace hillcoach::io::fit
