#include "app/common/stored_source.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "hillcoach/io/batch_reader.hpp"

namespace hillcoach::app {
namespace {

// The file to open for a source path: "export.zip(activities/1.fit.gz)" is read from export.zip (io names
// archive members so, io::source_name); any other path is the file itself.
std::filesystem::path file_of(const std::string& source_path) {
    std::error_code ec;
    if (std::filesystem::exists(source_path, ec)) return source_path;
    const auto open = source_path.find('(');
    if (open != std::string::npos && source_path.ends_with(')')) return source_path.substr(0, open);
    return source_path;
}

// The activity of `source` in its file, if the file is still there and still holds the same bytes.
std::optional<core::Activity> read_source(const store::SourceFile& source, const io::ReadOptions& options,
                                          std::string& why) {
    const std::filesystem::path file = file_of(source.path);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        why = "no longer there";
        return std::nullopt;
    }
    std::optional<core::Activity> found;
    bool changed = false;
    const std::vector<std::filesystem::path> paths{file};
    // An archive gives one outcome per member: the source is the one with its content hash.
    io::read_paths(paths, options, [&](io::ReadOutcome&& outcome) {
        if (found || outcome.activities.empty()) return;
        if (outcome.activities.front().metadata.content_hash != source.content_hash) {
            changed = true;
            return;
        }
        const auto index = static_cast<std::size_t>(source.file_index);
        if (source.file_index >= 0 && index < outcome.activities.size()) {
            found = std::move(outcome.activities[index]);
        }
    });
    if (!found) why = changed ? "changed since the import" : "unreadable or without that activity now";
    return found;
}

}  // namespace

core::Expected<core::Activity> read_stored_activity(const store::StoredActivity& stored,
                                                    const io::ReadOptions& options) {
    std::string tried;
    for (const store::SourceFile& source : stored.sources) {
        std::string why;
        if (auto activity = read_source(source, options, why)) return std::move(*activity);
        tried += fmt::format("{}{} ({})", tried.empty() ? "" : ", ", source.path, why);
    }
    const std::int64_t id = stored.digest.id.value;
    return core::make_error(
        core::ErrorCode::not_found, {.file = fmt::format("activity {}", id)},
        fmt::format("cannot read its track again from {}: the history keeps an activity's numbers, not its "
                    "samples (`hillcoach show {}` prints them)",
                    tried.empty() ? "any file (none recorded)" : tried, id));
}

}  // namespace hillcoach::app
