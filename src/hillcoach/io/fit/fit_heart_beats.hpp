#pragma once
// Heart rate from FIT "hr" messages (132) merged into the records. A chest strap (HRM-Tri, HRM-Pro,
// HRM-Swim) stores heart rate while the watch cannot hear it (under water, or when the strap records on its
// own) and sends it after the activity, often as chained FIT files holding nothing but hr messages (the
// FR920XT triathlon in the corpus: three of them after the activity file). Garmin's SDK merges these into
// the records' heart_rate; so does hillcoach, with its own rule (fill_heart_rate below).
//
// What an hr message holds (FIT profile, message hr):
//   - filtered_bpm[]: one heart rate per event, bpm;
//   - event_timestamp[] (uint32, 1/1024 s of the strap's own clock) or, to save space, event_timestamp_12:
//     a byte array of 12-bit values, bit-packed little-endian, each the low 12 bits of the next event time,
//     which accumulates from the event time before it over the 4096-tick wrap (4 s);
//   - an "anchor": a message with a timestamp (253, whole UTC seconds) plus fractional_timestamp
//     (1/32768 s) or time256 (1/256 s) and one event_timestamp ties the strap's clock to UTC.
// A beat's UTC time is its anchor's UTC time plus (beat ticks - anchor ticks) / 1024.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/io/fit/fit_decoder.hpp"

namespace hillcoach::io::fit {

struct HeartBeat {
    double time_s = 0.0;  // Unix seconds, UTC
    double bpm = 0.0;
};

// Collects hr messages in stream order (across chained files: the strap's clock runs on) and places them.
class HeartBeatCollector {
  public:
    void add(const Message& m);

    bool empty() const { return m_events.empty(); }
    // Every beat that an anchor places, in time order.
    std::vector<HeartBeat> beats() const;
    // Beats that no anchor places (a file without any anchor message), and 12-bit event times met before
    // any full event_timestamp, which have nothing to accumulate from.
    std::size_t unplaced() const;
    // Byte offset of the first hr message (for a warning about the unplaced ones).
    std::uint64_t first_offset() const { return m_first_offset.value_or(0); }

  private:
    struct Event {
        std::int64_t ticks = 0;  // 1/1024 s, on one continuous count across the wrap of the uint32 clock
        double bpm = 0.0;
    };
    struct Anchor {
        std::int64_t ticks = 0;
        double time_s = 0.0;  // Unix seconds at `ticks`
    };
    // Moves the running count to the full 32-bit event time `stored`, across its wrap.
    std::int64_t advance_full(std::uint32_t stored);
    std::int64_t advance_12(std::uint32_t low_bits);

    std::vector<Event> m_events;
    std::vector<Anchor> m_anchors;
    std::vector<HeartBeat> m_direct;  // beats with their own UTC time (a timestamp and no event time)
    std::optional<std::int64_t> m_ticks;
    std::size_t m_lost = 0;
    std::optional<std::uint64_t> m_first_offset;
};

// Fills samples without heart rate from the beats (sorted by time). A sample at time t takes the mean of
// the beats in (previous sample's time, t], looking back at most k_heart_beat_window_s; with no beat there,
// the last beat at most k_heart_beat_window_s before t (the strap's filtered value holds between beats, as a
// watch listening live would have recorded it); else it stays NaN. Samples with their own heart rate keep
// it. Returns how many samples were filled.
inline constexpr double k_heart_beat_window_s = 5.0;
std::size_t fill_heart_rate(core::Samples& samples, std::span<const HeartBeat> beats);

}  // namespace hillcoach::io::fit
