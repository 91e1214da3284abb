// Fuzz target for everything between a file's bytes and the readers: sniffing, gzip, zip walking and the
// GPX/TCX/FIT readers behind them (io::read_bytes, and io::read_zip_bytes for zip content), with small limits
// so that inflation bombs are cut short. Any bytes give activities or errors, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/io/read.hpp"
#include "hillcoach/io/sniff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    io::ReadOptions options;
    options.limits.max_file_bytes = 1 << 20;
    options.limits.max_decompressed_bytes = 4 << 20;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (io::sniff_content(bytes) == io::Content::zip) {
        const auto summary = io::read_zip_bytes(bytes, {.file = "fuzz.zip"}, options, [](io::ReadOutcome&&) {});
        (void)summary;
        return 0;
    }
    // Named .gz so that damaged gzip headers still reach the inflater.
    const auto read = io::read_bytes(std::span<char>(bytes.data(), bytes.size()), {.file = "fuzz.gz"}, options);
    (void)read;
    return 0;
}
