#pragma once
// A synthetic activity as the bytes of a file: GPX, TCX or FIT through io's writers, optionally gzipped the
// way Strava's bulk export ships them (run.fit.gz).

#include <optional>
#include <string>
#include <string_view>

#include "hillcoach/core/activity.hpp"

namespace hillcoach::synth {

struct FileKind {
    core::FileFormat format = core::FileFormat::gpx;
    bool gzip = false;
};

// The kind a file name asks for: ".gpx", ".tcx", ".fit", each optionally followed by ".gz"
// (case-insensitive); nullopt for any other name.
std::optional<FileKind> file_kind_from_name(std::string_view name);
// "gpx", "tcx", "fit" (case-insensitive), for a --format option.
std::optional<core::FileFormat> file_format_from_text(std::string_view text);

// The file's bytes. Deterministic: the same activity gives the same bytes (the gzip header carries no time
// and no name).
std::string encode_activity(const core::Activity& activity, FileKind kind);

// gzip (RFC 1952) of `data` at the best compression, with mtime 0 and no file name in the header.
std::string gzip_bytes(std::string_view data);

}  // namespace hillcoach::synth
