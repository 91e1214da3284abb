#pragma once
// Input limits. A file over the size limit is refused with a message before it is loaded, so a huge or
// hostile file can never exhaust memory. The default is documented in docs/formats.md.

#include <cstdint>

namespace hillcoach::core {

// 256 MiB: ten times the largest real activity we know of (a 28.8 MB, 28-hour GPX at 1 Hz),
// and small enough that the DOM of an XML file (about 4x the file) stays well under a gigabyte.
inline constexpr std::uint64_t k_default_max_file_bytes = 256ULL * 1024 * 1024;

struct ReadLimits {
    std::uint64_t max_file_bytes = k_default_max_file_bytes;
    // Bytes decompressed from one gzip/zip member; stops zip bombs.
    std::uint64_t max_decompressed_bytes = k_default_max_file_bytes;
};

}  // namespace hillcoach::core
