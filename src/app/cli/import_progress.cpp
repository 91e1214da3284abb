#include "app/cli/import_progress.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <system_error>

#include <fmt/format.h>

namespace hillcoach::app {
namespace {

constexpr auto k_terminal_interval = std::chrono::milliseconds(100);
constexpr auto k_plain_interval = std::chrono::seconds(5);
constexpr int k_bar_width = 30;

std::string lowercase(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// What batch_reader reads inside a folder by its name (batch_reader.hpp). Files it would read only by their
// first bytes are not counted: the bar then ends a little early, which is harmless.
enum class Kind { activity, zip, other };
Kind kind_of(const std::filesystem::path& path) {
    const std::string name = lowercase(path.filename().string());
    if (ends_with(name, ".zip")) return Kind::zip;
    for (std::string_view ext : {".gpx", ".tcx", ".fit", ".gz"})
        if (ends_with(name, ext)) return Kind::activity;
    return Kind::other;
}

}  // namespace

ImportProgress::ImportProgress(std::ostream& err, bool terminal, std::optional<std::size_t> expected_inputs)
    : m_err(err), m_terminal(terminal), m_expected(expected_inputs), m_start(std::chrono::steady_clock::now()),
      m_last(m_start) {}

std::string ImportProgress::line(const ImportTally& t) const {
    const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    std::string counts = fmt::format("{} imported, {} duplicate{}, {} failed", t.imported, t.duplicates,
                                     t.duplicates == 1 ? "" : "s", t.failed);
    if (m_terminal && m_expected && *m_expected > 0) {
        const double share = std::min(1.0, static_cast<double>(t.inputs) / static_cast<double>(*m_expected));
        const int filled = static_cast<int>(share * k_bar_width);
        return fmt::format("[{}{}] {:>3.0f}% {}/{} files, {} ({:.0f} s)", std::string(filled, '#'),
                           std::string(k_bar_width - filled, '.'), share * 100.0, t.inputs, *m_expected, counts,
                           elapsed_s);
    }
    if (m_expected) {
        return fmt::format("import: {} of {} files read: {} ({:.0f} s)", t.inputs, *m_expected, counts, elapsed_s);
    }
    return fmt::format("import: {} files read: {} ({:.0f} s)", t.inputs, counts, elapsed_s);
}

void ImportProgress::update(const ImportTally& tally) {
    const auto now = std::chrono::steady_clock::now();
    const auto interval = m_terminal ? std::chrono::steady_clock::duration(k_terminal_interval)
                                     : std::chrono::steady_clock::duration(k_plain_interval);
    if (now - m_last < interval) return;
    m_last = now;
    if (m_terminal) {
        // \r and "erase to end of line": the line is redrawn in place.
        m_err << '\r' << line(tally) << "\x1b[K" << std::flush;
        m_drawn = true;
    } else {
        m_err << line(tally) << '\n' << std::flush;
    }
}

void ImportProgress::finish() {
    if (m_terminal && m_drawn) m_err << "\r\x1b[K" << std::flush;
    m_drawn = false;
}

std::optional<std::size_t> count_activity_files(std::span<const std::filesystem::path> paths) {
    std::size_t count = 0;
    for (const std::filesystem::path& path : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            std::filesystem::recursive_directory_iterator it(path, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                if (!it->is_regular_file(ec)) continue;
                const Kind kind = kind_of(it->path());
                if (kind == Kind::zip) return std::nullopt;
                if (kind == Kind::activity) ++count;
            }
            if (ec) return std::nullopt;
        } else if (std::filesystem::exists(path, ec)) {
            if (kind_of(path) == Kind::zip) return std::nullopt;
            ++count;  // a named file is always read
        } else {
            return std::nullopt;
        }
    }
    return count;
}

}  // namespace hillcoach::app
