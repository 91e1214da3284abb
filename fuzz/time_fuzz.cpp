// Fuzz target for the ISO 8601 / RFC 3339 time parser (core/time.hpp), used for every GPX and TCX time and
// the CSV dates: any text gives a time or nullopt, never a crash or undefined behaviour; a time read is
// finite, and one within 1900-2100 written back as UTC reads back to the same millisecond.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hillcoach/core/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto t = core::parse_iso8601(text);
    if (!t) return 0;
    if (!std::isfinite(t->unix_s)) std::abort();
    if (t->utc_offset_s && (!t->had_zone || std::abs(*t->utc_offset_s) > 18 * 3600)) std::abort();
    constexpr double k_1900 = -2208988800.0, k_2100 = 4102444800.0;
    if (t->unix_s >= k_1900 && t->unix_s < k_2100) {
        const auto again = core::parse_iso8601(core::format_iso8601_utc(t->unix_s));
        if (!again || std::abs(again->unix_s - t->unix_s) > 0.0005 + 1e-6) std::abort();
        if (t->utc_offset_s) {
            const auto local = core::parse_iso8601(core::format_iso8601_local(t->unix_s, *t->utc_offset_s));
            if (!local || std::abs(local->unix_s - t->unix_s) > 0.0005 + 1e-6) std::abort();
        }
    }
    return 0;
}
