#include "hillcoach/store/schema.hpp"

#include <array>

#include <fmt/format.h>

#include "hillcoach/store/transaction.hpp"

namespace hillcoach::store {
namespace {

// Version 1: activities (one row per activity: the training digest as typed columns), their climbs and
// muscle loads (child rows, counted in the parent so that a whole activity can be recognised), and the files
// each came from (one activity may come from several files: the same run as FIT and as GPX).
constexpr std::string_view k_version_1 = R"sql(
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    start_time REAL,
    utc_offset_s INTEGER,
    sport TEXT NOT NULL,
    session_type TEXT NOT NULL,
    session_reason TEXT NOT NULL,
    hill_focus TEXT NOT NULL,
    focus_reason TEXT NOT NULL,
    distance_m REAL,
    moving_s REAL,
    elapsed_s REAL,
    ascent_m REAL,
    descent_m REAL,
    flat_equivalent_distance_m REAL,
    avg_heart_rate_bpm REAL,
    stress REAL,
    stress_source TEXT NOT NULL,
    trimp REAL,
    hr_tss REAL,
    pace_tss REAL,
    threshold_hr_bpm REAL,
    threshold_speed_m_s REAL,
    uphill_concentric_load REAL,
    downhill_eccentric_load REAL,
    has_longest_descent INTEGER NOT NULL,
    longest_descent_drop_m REAL,
    longest_descent_length_m REAL,
    longest_descent_avg_grade REAL,
    longest_descent_time_s REAL,
    has_steepest_descent INTEGER NOT NULL,
    steepest_descent_drop_m REAL,
    steepest_descent_length_m REAL,
    steepest_descent_avg_grade REAL,
    steepest_descent_time_s REAL,
    has_warmup INTEGER NOT NULL,
    warmup_first_climb_start_m REAL,
    warmup_moving_s REAL,
    warmup_distance_m REAL,
    warmup_easy_s REAL,
    warmup_easy_m REAL,
    warmup_avg_heart_rate_bpm REAL,
    warmup_gap_speed_m_s REAL,
    flat_race_pace_s REAL,
    flat_race_pace_m REAL,
    climb_count INTEGER NOT NULL,
    muscle_group_count INTEGER NOT NULL
);
CREATE INDEX activities_by_start ON activities(start_time);

CREATE TABLE climbs (
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_lat_deg REAL,
    start_lon_deg REAL,
    top_lat_deg REAL,
    top_lon_deg REAL,
    start_m REAL,
    length_m REAL,
    gain_m REAL,
    avg_grade REAL,
    max_grade REAL,
    time_s REAL,
    best_time_s REAL,
    vam_m_h REAL,
    avg_heart_rate_bpm REAL,
    reps INTEGER NOT NULL,
    back_to_back INTEGER NOT NULL,
    PRIMARY KEY (activity_id, seq)
) WITHOUT ROWID;

CREATE TABLE muscle_loads (
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    muscle TEXT NOT NULL,
    concentric REAL,
    eccentric REAL,
    PRIMARY KEY (activity_id, muscle)
) WITHOUT ROWID;

CREATE TABLE activity_sources (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    file_index INTEGER NOT NULL,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    external_id TEXT NOT NULL,
    imported_at REAL NOT NULL,
    UNIQUE (content_hash, file_index)
);
CREATE INDEX activity_sources_by_activity ON activity_sources(activity_id);
)sql";

// Version 2: a log of import runs. Each batch transaction updates its run's counts, so a run that was
// killed shows what it committed and no finished_at; each source row names the run that brought it.
constexpr std::string_view k_version_2 = R"sql(
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    started_at REAL NOT NULL,
    finished_at REAL,
    imported INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE activity_sources ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
)sql";

constexpr std::array<Migration, 2> k_migrations{{
    {.version = 1, .description = "activities, climbs, muscle loads and source files", .sql = k_version_1},
    {.version = 2, .description = "the import log", .sql = k_version_2},
}};

core::Error refuse(const Database& db, std::string reason) {
    return core::make_error(core::ErrorCode::database_error, core::Location{.file = db.path().string()},
                            std::move(reason));
}

// A file nobody has written to yet (user_version 0, no tables) is ours to set up; anything else with
// version 0 or another application id belongs to someone else.
core::Expected<void> check_owner(Database& db, std::int64_t version) {
    auto application = db.query_integer("PRAGMA application_id");
    if (!application) return application.error();
    if (*application == k_application_id) return {};
    if (*application != 0) {
        return refuse(db, fmt::format("not a hillcoach database (application_id {:#x})", *application));
    }
    auto tables = db.query_integer("SELECT count(*) FROM sqlite_schema");
    if (!tables) return tables.error();
    if (version != 0 || *tables != 0) {
        return refuse(db, "not a hillcoach database (an SQLite file holding other tables)");
    }
    return {};
}

// The version is read again inside the transaction: another process may have migrated the file while this
// one waited for the lock (two imports started at once on a new file).
core::Expected<void> apply(Database& db, const Migration& m, bool first) {
    auto transaction = Transaction::begin(db);
    if (!transaction) return transaction.error();
    auto version = db.query_integer("PRAGMA user_version");
    if (!version) return version.error();
    if (*version >= m.version) return {};
    if (auto r = db.execute(m.sql); !r) {
        core::Error e = r.error();
        e.reason = fmt::format("migration to schema version {} ({}) failed: {}", m.version, m.description,
                               e.reason);
        return e;
    }
    std::string pragmas = fmt::format("PRAGMA user_version = {};", m.version);
    if (first) pragmas += fmt::format("PRAGMA application_id = {};", k_application_id);
    if (auto r = db.execute(pragmas); !r) return r.error();
    return transaction->commit();
}

}  // namespace

std::span<const Migration> migrations() { return k_migrations; }

int current_schema_version() { return k_migrations.back().version; }

core::Expected<void> migrate(Database& db, int target_version) {
    auto version = db.query_integer("PRAGMA user_version");
    if (!version) return version.error();
    if (auto r = check_owner(db, *version); !r) return r;
    if (*version > current_schema_version()) {
        return refuse(db, fmt::format("the database has schema version {}, newer than this hillcoach knows ({}): "
                                      "it was written by a newer hillcoach",
                                      *version, current_schema_version()));
    }
    for (const Migration& m : k_migrations) {
        if (m.version <= *version || m.version > target_version) continue;
        if (auto r = apply(db, m, m.version == 1); !r) return r;
    }
    return {};
}

}  // namespace hillcoach::store
