#include "hillcoach/store/database.hpp"

#include <utility>

#include <fmt/format.h>
#include <sqlite3.h>

namespace hillcoach::store {

core::Error sqlite_error(sqlite3* db, std::string_view what) {
    const char* file = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
    const char* message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    return core::make_error(core::ErrorCode::database_error, core::Location{.file = file ? file : ""},
                            fmt::format("{}: {}", what, message));
}

void Database::Closer::operator()(sqlite3* db) const {
    // sqlite3_close_v2 defers the close until every statement is finalized, so a Statement that outlives
    // its Database by mistake never touches freed memory.
    sqlite3_close_v2(db);
}

Database::Database(std::filesystem::path path, sqlite3* db) : m_path(std::move(path)), m_db(db) {}

core::Expected<Database> Database::open(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    // NOMUTEX (SQLite's multi-thread mode): a connection is only ever used by one thread at a time (see
    // database.hpp), so the lock SQLite would take around every call guards nothing; it was 11 % of
    // `hillcoach weeks` over ten years (perf), one lock and unlock per column read.
    const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    Database db(path, raw);
    if (rc != SQLITE_OK) {
        const std::string reason = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return core::make_error(core::ErrorCode::database_error, core::Location{.file = path.string()},
                                fmt::format("cannot open the database: {}", reason));
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, k_busy_timeout_ms);
    // journal_mode answers with the mode in force: a file that cannot switch to WAL (a read-only folder, a
    // file system without shared memory) answers "delete" and is refused rather than used without the
    // crash guarantees the store is built on.
    auto mode = db.prepare("PRAGMA journal_mode=WAL");
    if (!mode) return mode.error();
    auto row = mode->step();
    if (!row) return row.error();
    if (!*row || mode->text(0) != "wal") {
        return core::make_error(core::ErrorCode::database_error, core::Location{.file = path.string()},
                                fmt::format("cannot switch the database to WAL mode (journal mode is \"{}\")",
                                            *row ? mode->text(0) : std::string()));
    }
    mode = Statement();
    if (auto r = db.execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"); !r) return r.error();
    return db;
}

core::Expected<void> Database::execute(std::string_view sql) {
    std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return {};
    const std::string reason = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return core::make_error(core::ErrorCode::database_error, core::Location{.file = m_path.string()},
                            fmt::format("statement failed: {}", reason));
}

core::Expected<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_db.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return error("cannot prepare a statement");
    }
    return Statement(statement);
}

core::Expected<std::int64_t> Database::query_integer(std::string_view sql) {
    auto statement = prepare(sql);
    if (!statement) return statement.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return error("a query returned no row");
    return statement->integer(0);
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db.get()); }

core::Error Database::error(std::string_view what) const {
    core::Error e = sqlite_error(m_db.get(), what);
    e.where.file = m_path.string();
    return e;
}

}  // namespace hillcoach::store
