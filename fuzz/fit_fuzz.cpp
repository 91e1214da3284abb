// Fuzz target for the FIT reader: any bytes must give activities or an error, never a crash, a leak or
// undefined behaviour. What reads is written back with the activity writer and read again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hillcoach/io/fit/fit_activity_writer.hpp"
#include "hillcoach/io/fit/fit_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const core::Location source{.file = "fuzz.fit"};
    const auto activities = io::fit::read_fit(bytes, source);
    if (activities.has_value() && !activities->empty()) {
        const std::string written = io::fit::write_fit_activity(activities->front());
        const auto again = io::fit::read_fit(written, source);
        (void)again;
    }
    return 0;
}
