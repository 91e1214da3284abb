#pragma once
// FIT activity files, decoded by hillcoach's own reader written from the public FIT protocol description
// (no Debian package decodes FIT). See docs/formats.md for every message and field read.

#include <string_view>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"

namespace hillcoach::io::fit {

// Reads every activity in `bytes` (chained FIT files and multi-session files give several activities,
// one per session). A CRC mismatch or a truncated tail is a warning on the activity, not a refusal: every
// complete message is kept. Errors carry the byte offset. source_path and content_hash are the caller's.
core::Expected<std::vector<core::Activity>> read_fit(std::string_view bytes, const core::Location& source);

}  // namespace hillcoach::io::fit
