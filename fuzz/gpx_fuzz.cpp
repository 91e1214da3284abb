// Fuzz target for the GPX reader (and the XML layer under it): see xml_fuzz_checks.hpp. GPX keeps the samples
// that have a position.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "hillcoach/io/gpx_writer.hpp"
#include "xml_fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    fuzz::check_xml_input(data, size, "fuzz.gpx", io::write_gpx, [](const core::Samples& s, std::size_t i) {
        return std::isfinite(s.latitude_deg[i]) && std::isfinite(s.longitude_deg[i]);
    });
    return 0;
}
