// Fuzz target for the TCX reader (and the XML layer under it): see xml_fuzz_checks.hpp. TCX keeps the samples
// that have a time.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "hillcoach/io/tcx_writer.hpp"
#include "xml_fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    fuzz::check_xml_input(data, size, "fuzz.tcx", io::write_tcx,
                          [](const core::Samples& s, std::size_t i) { return std::isfinite(s.time_s[i]); });
    return 0;
}
