#pragma once
// The public way into io: bytes or a file in, activities out, whatever the format.
//
//   read_bytes   content in memory: sniffed (sniff.hpp), inflated if gzip, handed to the GPX/TCX or FIT reader
//   read_file    a file on disk: loaded with the size limit (file_loader.hpp), then read_bytes
//   read_paths   (batch_reader.hpp) files, folders, zip archives and Strava exports, in parallel
//
// Every activity read gets Metadata::source_path (the file, or "archive.zip(member)") and
// Metadata::content_hash (XXH3-128 of the file's bytes after gzip decompression, so run.fit and run.fit.gz
// have the same identity).

#include <filesystem>
#include <span>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/core/limits.hpp"

namespace hillcoach::io {

struct ReadOptions {
    core::ReadLimits limits{};
    // Worker threads for read_paths; 0 means one per core.
    unsigned threads = 1;
};

// Reads the activities in `bytes`. `source` names the input in errors and in Metadata::source_path
// (source.entry for an archive member); its file or entry name is a hint used only when the content is
// not recognised. The buffer is used as scratch space (the XML parser works in place).
// A zip archive or a Strava activities.csv is not one activity file: not_supported (read_paths reads them).
core::Expected<std::vector<core::Activity>> read_bytes(std::span<char> bytes, const core::Location& source,
                                                        const ReadOptions& options = {});

// Loads `path` (refused past options.limits.max_file_bytes before loading) and reads it with read_bytes.
// The file's memory is reused by the next call on the same thread.
core::Expected<std::vector<core::Activity>> read_file(const std::filesystem::path& path,
                                                       const ReadOptions& options = {});

// The display name of an input: "runs/a.gpx" or "export.zip(activities/1.fit.gz)".
std::string source_name(const core::Location& source);

}  // namespace hillcoach::io
