#pragma once
// The activities the dashboard shows, analysed once and kept in memory: those read at start-up
// (`hillcoach serve PATH...`) and those uploaded since. Thread-safe: the HTTP server answers on several
// threads; readers share entries by shared_ptr and never wait on an analysis (it runs outside the lock).
//
// An activity is known by its identity (io's content hash of the file and its index in the file): uploading
// the same file twice gives the first one's id back.
//
// Over a store (`hillcoach serve --db`), entries carry the store's ids, and activities whose track cannot be
// read again (source file gone or changed) are kept as digests only: the history views count them, the list
// and activity pages do not show them (history_only()).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "hillcoach/analysis/activity_analysis.hpp"
#include "hillcoach/core/activity.hpp"
#include "hillcoach/training/activity_digest.hpp"

namespace hillcoach::app::server {

struct LibraryEntry {
    std::int64_t id = 0;
    core::Activity activity{};
    analysis::ActivityAnalysis analysis{};
    training::ActivityDigest digest{};  // what the history views read (its id is this entry's)
};

// Which activities a list shows; every set condition must hold.
struct ActivityFilter {
    std::optional<analysis::SessionType> session{};
    std::optional<core::Sport> sport{};
    std::optional<double> from_s{};  // start at or after (UTC seconds)
    std::optional<double> to_s{};    // start before
    std::optional<double> min_ascent_m{};
    std::string text{};  // case-insensitive part of the name or file name
    std::size_t limit = 1000;
};

class ActivityLibrary {
  public:
    struct Added {
        std::int64_t id = 0;
        bool is_new = true;
    };

    // Keeps the analysed activity; an activity already here (same content hash and index) is not added again.
    // `id`: the store's id of the activity; none: the next free id.
    Added add(core::Activity activity, analysis::ActivityAnalysis analysis, int file_index,
              std::optional<std::int64_t> id = std::nullopt);
    // A stored activity whose track could not be read again: counted by the history views only.
    void add_history_only(training::ActivityDigest digest);
    std::size_t history_only() const;
    std::shared_ptr<const LibraryEntry> find(std::int64_t id) const;
    // Newest first (activities without a start time last), at most filter.limit.
    std::vector<std::shared_ptr<const LibraryEntry>> list(const ActivityFilter& filter) const;
    std::size_t size() const;
    // Every activity's digest, in the order added (the history views' input).
    std::vector<training::ActivityDigest> digests() const;

  private:
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<const LibraryEntry>> m_entries;   // in the order added
    std::unordered_map<std::int64_t, std::size_t> m_by_id;        // id to position in m_entries
    std::unordered_map<std::string, std::int64_t> m_by_identity;  // "content hash#index" to id
    std::vector<training::ActivityDigest> m_history_only;
    std::int64_t m_last_id = 0;
};

// Does `entry` pass `filter` (limit aside)?
bool matches(const LibraryEntry& entry, const ActivityFilter& filter);

}  // namespace hillcoach::app::server
