#pragma once
// What the store keeps of one activity: the training digest (the numbers every history model reads), the
// sentence that explains the session type, and the files it came from.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/training/activity_digest.hpp"

namespace hillcoach::store {

// One file (or one activity of a file holding several) that gave the activity. Two files give the same
// activity when they are the same bytes (content_hash) or the same run in two formats (docs/store.md).
struct SourceFile {
    std::string content_hash{};  // io's XXH3-128 of the decompressed bytes
    int file_index = 0;          // which activity of the file (a GPX with two tracks has 0 and 1)
    std::string path{};          // as given on the command line; "archive.zip(member)" for archive members
    std::string format{};        // "gpx", "tcx", "fit"
    std::string external_id{};   // a service's id (Strava's), or empty
    double imported_at_s = 0.0;  // UTC

    friend bool operator==(const SourceFile&, const SourceFile&) = default;
};

struct StoredActivity {
    training::ActivityDigest digest{};
    std::string session_reason{};  // analysis::SessionClassification::reason
    std::vector<SourceFile> sources{};  // the first one imported first
    std::optional<std::int64_t> import_id{};  // the import run that stored it (the first source's)
};

}  // namespace hillcoach::store
