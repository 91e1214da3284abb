#pragma once
// Store: the runner's history in one SQLite file (docs/store.md). Opening creates the file if needed and
// brings its schema up to date; every change runs in a transaction; reads see the last committed state.
//
// One Store is one connection, for one thread at a time. Several processes may use one file at once (WAL:
// readers never wait; a second writer waits for the first, up to k_busy_timeout_ms).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/store/activity_rows.hpp"
#include "hillcoach/store/database.hpp"
#include "hillcoach/store/stored_activity.hpp"

namespace hillcoach::store {

// One analysed activity on its way in.
struct ImportRecord {
    training::ActivityDigest digest{};
    std::string session_reason{};
    SourceFile source{};
};

// What became of one record.
enum class AddStatus : unsigned char {
    imported,       // a new activity
    same_file,      // this file (content hash and index) was imported before: nothing written
    same_activity,  // the same run from another file (same_activity.hpp): the file is recorded as its source
};

struct AddResult {
    AddStatus status = AddStatus::imported;
    core::ActivityId id{};  // the new activity, or the one it duplicates
};

// One activity of one file: "<content hash>#<index in the file>".
std::string source_key(std::string_view content_hash, int file_index);

class Store {
public:
    static core::Expected<Store> open(const std::filesystem::path& path);

    // Every activity's digest, by start time (activities without one first), then id.
    core::Expected<std::vector<training::ActivityDigest>> digests() const;
    core::Expected<std::vector<StoredActivity>> activities(const ActivityQuery& query = {}) const;
    // One activity with its sources; not_found when there is none with that id.
    core::Expected<StoredActivity> activity(core::ActivityId id) const;
    core::Expected<std::int64_t> count() const;

    // Deletes an activity and everything hanging from it (climbs, muscle loads, sources); not_found when
    // there is none with that id.
    core::Expected<void> remove(core::ActivityId id);

    // source_key() of every stored source: an import skips the analysis of these.
    core::Expected<std::unordered_set<std::string>> source_keys() const;

    // An import run: begin_import() logs its start and returns its id; add() writes one batch in one
    // transaction (all of it or, on an error, none of it), updating the run's counts in the same
    // transaction; finish_import() records its end and the inputs that failed.
    core::Expected<std::int64_t> begin_import(double now_s);
    core::Expected<std::vector<AddResult>> add(std::span<const ImportRecord> batch,
                                               std::optional<std::int64_t> import_id = std::nullopt);
    core::Expected<void> finish_import(std::int64_t import_id, double now_s, std::int64_t failed);

    // The connection, for what this interface does not cover (tests, PRAGMAs).
    Database& database() const { return *m_db; }
    const std::filesystem::path& path() const { return m_db->path(); }

private:
    explicit Store(Database&& db);
    core::Expected<AddResult> add_one(const ImportRecord& record, std::optional<std::int64_t> import_id);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<ActivityWriter> m_writer;
    std::unique_ptr<Statement> m_find_source;
    std::unique_ptr<Statement> m_find_near;
};

}  // namespace hillcoach::store
