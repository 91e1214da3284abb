#include "hillcoach/store/store.hpp"

#include <fmt/format.h>

#include "hillcoach/store/same_activity.hpp"
#include "hillcoach/store/schema.hpp"
#include "hillcoach/store/transaction.hpp"

namespace hillcoach::store {
namespace {

core::Error not_found(const Database& db, core::ActivityId id) {
    return core::make_error(core::ErrorCode::not_found, core::Location{.file = db.path().string()},
                            fmt::format("no activity with id {}", id.value));
}

core::Expected<Statement*> prepared(Database& db, std::unique_ptr<Statement>& slot, std::string_view sql) {
    if (!slot) {
        auto s = db.prepare(sql);
        if (!s) return s.error();
        slot = std::make_unique<Statement>(std::move(*s));
    }
    return slot.get();
}

// A duplicate may know what the stored copy does not: a FIT file has no activity name, while the same run in
// a Strava export carries the name and type from activities.csv. Whichever arrives first is stored; the other
// fills only what is missing (an empty name; a plain or unknown sport where the other names a specific one),
// so re-importing never overwrites what a file or the runner gave.
core::Expected<void> fill_missing(Database& db, core::ActivityId id, const training::ActivityDigest& digest) {
    if (!digest.name.empty()) {
        auto s = db.prepare("UPDATE activities SET name = ? WHERE id = ? AND (name IS NULL OR name = '')");
        if (!s) return s.error();
        s->bind(1, digest.name).bind(2, id.value);
        if (auto r = s->run(); !r) return r;
    }
    if (digest.sport != core::Sport::unknown && digest.sport != core::Sport::running) {
        auto s = db.prepare("UPDATE activities SET sport = ? WHERE id = ? AND sport IN ('unknown', 'running')");
        if (!s) return s.error();
        s->bind(1, std::string(to_string(digest.sport))).bind(2, id.value);
        if (auto r = s->run(); !r) return r;
    }
    return {};
}

}  // namespace

Store::Store(Database&& db)
    : m_db(std::make_unique<Database>(std::move(db))), m_writer(std::make_unique<ActivityWriter>(*m_db)) {}

core::Expected<Store> Store::open(const std::filesystem::path& path) {
    auto db = Database::open(path);
    if (!db) return db.error();
    if (auto r = migrate(*db); !r) return r.error();
    return Store(std::move(*db));
}

core::Expected<std::vector<training::ActivityDigest>> Store::digests() const {
    auto stored = read_activities(*m_db);
    if (!stored) return stored.error();
    std::vector<training::ActivityDigest> out;
    out.reserve(stored->size());
    for (StoredActivity& a : *stored) out.push_back(std::move(a.digest));
    return out;
}

core::Expected<std::vector<StoredActivity>> Store::activities(const ActivityQuery& query) const {
    return read_activities(*m_db, query);
}

core::Expected<StoredActivity> Store::activity(core::ActivityId id) const {
    auto found = read_activities(*m_db, ActivityQuery{.id = id, .with_sources = true});
    if (!found) return found.error();
    if (found->empty()) return not_found(*m_db, id);
    return std::move(found->front());
}

core::Expected<std::int64_t> Store::count() const { return m_db->query_integer("SELECT count(*) FROM activities"); }

core::Expected<void> Store::remove(core::ActivityId id) {
    auto transaction = Transaction::begin(*m_db);
    if (!transaction) return transaction.error();
    auto s = m_db->prepare("DELETE FROM activities WHERE id = ?");
    if (!s) return s.error();
    s->bind(1, id.value);
    if (auto r = s->run(); !r) return r;
    auto changed = m_db->query_integer("SELECT changes()");
    if (!changed) return changed.error();
    if (*changed == 0) return not_found(*m_db, id);
    return transaction->commit();
}

std::string source_key(std::string_view content_hash, int file_index) {
    return fmt::format("{}#{}", content_hash, file_index);
}

core::Expected<std::unordered_set<std::string>> Store::source_keys() const {
    auto s = m_db->prepare("SELECT content_hash, file_index FROM activity_sources");
    if (!s) return s.error();
    std::unordered_set<std::string> out;
    for (;;) {
        auto row = s->step();
        if (!row) return row.error();
        if (!*row) break;
        out.insert(source_key(s->text(0), static_cast<int>(s->integer(1))));
    }
    return out;
}

core::Expected<std::int64_t> Store::begin_import(double now_s) {
    auto transaction = Transaction::begin(*m_db);
    if (!transaction) return transaction.error();
    auto s = m_db->prepare("INSERT INTO imports (started_at) VALUES (?)");
    if (!s) return s.error();
    s->bind(1, now_s);
    if (auto r = s->run(); !r) return r.error();
    const std::int64_t id = m_db->last_insert_rowid();
    if (auto r = transaction->commit(); !r) return r.error();
    return id;
}

core::Expected<void> Store::finish_import(std::int64_t import_id, double now_s, std::int64_t failed) {
    auto transaction = Transaction::begin(*m_db);
    if (!transaction) return transaction.error();
    auto s = m_db->prepare("UPDATE imports SET finished_at = ?, failed = failed + ? WHERE id = ?");
    if (!s) return s.error();
    s->bind(1, now_s).bind(2, failed).bind(3, import_id);
    if (auto r = s->run(); !r) return r;
    return transaction->commit();
}

core::Expected<AddResult> Store::add_one(const ImportRecord& record, std::optional<std::int64_t> import_id) {
    auto find_source = prepared(*m_db, m_find_source,
                                "SELECT activity_id FROM activity_sources WHERE content_hash = ? AND file_index = ?");
    if (!find_source) return find_source.error();
    Statement& same_file = **find_source;
    same_file.bind(1, record.source.content_hash).bind(2, record.source.file_index);
    auto row = same_file.step();
    if (!row) return row.error();
    if (*row) {
        const core::ActivityId existing{same_file.integer(0)};
        same_file.reset();
        if (auto r = fill_missing(*m_db, existing, record.digest); !r) return r.error();
        return AddResult{.status = AddStatus::same_file, .id = existing};
    }
    same_file.reset();

    const ActivityTiming timing = timing_of(record.digest);
    if (timing.start_s) {
        auto find_near = prepared(*m_db, m_find_near,
                                  "SELECT id, start_time, elapsed_s, moving_s FROM activities "
                                  "WHERE start_time BETWEEN ? AND ? ORDER BY abs(start_time - ?), id");
        if (!find_near) return find_near.error();
        Statement& near = **find_near;
        near.bind(1, *timing.start_s - k_same_start_window_s).bind(2, *timing.start_s + k_same_start_window_s);
        near.bind(3, *timing.start_s);
        std::optional<core::ActivityId> match;
        for (;;) {
            auto next = near.step();
            if (!next) return next.error();
            if (!*next) break;
            const std::optional<double> elapsed = near.optional_real(2);
            const ActivityTiming other{.start_s = near.optional_real(1),
                                       .duration_s = elapsed ? elapsed : near.optional_real(3)};
            if (same_activity(timing, other)) {
                match = core::ActivityId{near.integer(0)};
                break;
            }
        }
        near.reset();
        if (match) {
            if (auto r = m_writer->add_source(*match, record.source, import_id); !r) return r.error();
            if (auto r = fill_missing(*m_db, *match, record.digest); !r) return r.error();
            return AddResult{.status = AddStatus::same_activity, .id = *match};
        }
    }

    auto id = m_writer->insert(record.digest, record.session_reason);
    if (!id) return id.error();
    if (auto r = m_writer->add_source(*id, record.source, import_id); !r) return r.error();
    return AddResult{.status = AddStatus::imported, .id = *id};
}

core::Expected<std::vector<AddResult>> Store::add(std::span<const ImportRecord> batch,
                                                  std::optional<std::int64_t> import_id) {
    auto transaction = Transaction::begin(*m_db);
    if (!transaction) return transaction.error();
    std::vector<AddResult> results;
    results.reserve(batch.size());
    std::int64_t imported = 0;
    for (const ImportRecord& record : batch) {
        auto result = add_one(record, import_id);
        if (!result) return result.error();  // the transaction rolls the whole batch back
        if (result->status == AddStatus::imported) ++imported;
        results.push_back(*result);
    }
    if (import_id) {
        auto s = m_db->prepare("UPDATE imports SET imported = imported + ?, duplicates = duplicates + ? WHERE id = ?");
        if (!s) return s.error();
        s->bind(1, imported).bind(2, static_cast<std::int64_t>(batch.size()) - imported).bind(3, *import_id);
        if (auto r = s->run(); !r) return r.error();
    }
    if (auto r = transaction->commit(); !r) return r.error();
    return results;
}

}  // namespace hillcoach::store
