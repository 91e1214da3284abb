#pragma once
// The progress of `hillcoach import` on stderr: on a terminal, one line redrawn in place (a bar when the
// number of files is known beforehand, a count otherwise), at most ten times a second; elsewhere (a log, a
// pipe, a test) a plain line at most once every few seconds, so that a long import in a log shows it is alive
// without flooding it. Nothing is shown for an import that ends within the first interval.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>

namespace hillcoach::app {

struct ImportTally {
    std::size_t inputs = 0;      // files (or archive members) read
    std::size_t imported = 0;    // activities written as new
    std::size_t duplicates = 0;  // activities already in the store
    std::size_t failed = 0;      // inputs that could not be read
};

class ImportProgress {
public:
    ImportProgress(std::ostream& err, bool terminal, std::optional<std::size_t> expected_inputs);
    void update(const ImportTally& tally);
    // Clears the terminal line (the summary follows).
    void finish();

private:
    std::string line(const ImportTally& tally) const;

    std::ostream& m_err;
    bool m_terminal = false;
    std::optional<std::size_t> m_expected;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last;
    bool m_drawn = false;
};

// The number of activity files (named .gpx, .tcx, .fit, also .gz) under `paths`, walking folders; nullopt
// when a zip archive is among them (its members are only known once it is opened) or a path is missing.
std::optional<std::size_t> count_activity_files(std::span<const std::filesystem::path> paths);

}  // namespace hillcoach::app
