#pragma once
// Content hash of a file's bytes (after decompression): the identity used to skip re-imports.
// XXH3-128 (Debian libxxhash): fast enough to hash every file on import without showing in the profile.

#include <string>
#include <string_view>

namespace hillcoach::core {

// 32 lowercase hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace hillcoach::core
