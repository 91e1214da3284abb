#pragma once
// Reading many inputs at once: files, folders (recursively), zip archives and Strava bulk exports (a folder
// or zip with activities.csv), with one task per file spread over worker threads.
//
// Results come back through a callback, on the calling thread, in a deterministic order whatever the number
// of threads: the paths in the order given; inside a folder, files by path (byte order); inside a zip, members
// in archive order. Only a few files are in flight at a time (four per thread), so memory stays bounded by a
// few files whatever the folder's size.
//
// What is read, and what is reported:
//   - a path named by the caller is always read, and reported if it fails (a .jpg gives unknown_format);
//   - inside folders and archives, files named like activities (.gpx .tcx .fit .gz) are read and reported;
//     other files are read only if their first bytes are GPX, TCX or FIT, and are skipped silently otherwise
//     (photos, .json, a Strava export's other tables);
//   - .zip files found in folders are walked like folders; zips inside zips are not opened;
//   - an archive member named like "../x" or "/x" is skipped with a zip_unsafe_path warning;
//   - a folder holding a Strava activities.csv gives the files under it their Strava name, type and id.

#include <any>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/error.hpp"
#include "hillcoach/io/read.hpp"

namespace hillcoach::io {

// What one input gave: its activities, or the error that stopped it; warnings about the input itself
// (a skipped archive member) travel here, warnings about an activity travel with the activity.
struct ReadOutcome {
    core::Location source;                   // the file, and the member for archive members
    std::vector<core::Activity> activities;  // empty when error is set
    std::optional<core::Error> error;
    std::vector<core::Warning> warnings;
    // Whatever the caller's OutcomeWorker made of this outcome on the reading thread, for its sink.
    std::any attachment;

    bool failed() const { return error.has_value(); }
};

// Runs on the thread that read the input, before the outcome is delivered: work that belongs with each file
// (summaries, rendering) then runs in parallel too. It may change the outcome and fill its attachment.
using OutcomeWorker = std::function<void(ReadOutcome&)>;
using OutcomeSink = std::function<void(ReadOutcome&&)>;

struct BatchSummary {
    std::size_t inputs = 0;      // outcomes delivered
    std::size_t activities = 0;  // activities read
    std::size_t failed = 0;      // outcomes with an error
    std::size_t warnings = 0;    // input-level warnings (activity warnings are the activity's)
};

// Reads everything under `paths` (see above) on options.threads threads, delivering each outcome to `sink`
// on the calling thread, in order, after `worker` (if given) has run on it on a reading thread. Never stops at
// a bad input.
BatchSummary read_paths(std::span<const std::filesystem::path> paths, const ReadOptions& options,
                        const OutcomeSink& sink, const OutcomeWorker& worker = {});

// The same for a zip archive held in memory (one member after another, on the calling thread).
BatchSummary read_zip_bytes(std::string_view zip, const core::Location& source, const ReadOptions& options,
                            const OutcomeSink& sink);

}  // namespace hillcoach::io
