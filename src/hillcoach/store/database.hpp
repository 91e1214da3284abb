#pragma once
// Database: one connection to an SQLite file over the C API, closed when it goes out of scope. Every error
// is a core::Error (database_error) naming the file and carrying SQLite's own message.
//
// Opening sets what every hillcoach connection relies on:
//   journal_mode=WAL     readers never block the writer and a crash (even SIGKILL) mid-transaction leaves the
//                        last committed state: the uncommitted frames in the -wal file are ignored on reopen
//   synchronous=NORMAL   in WAL mode, durable against a crash of the process; a power loss may lose the last
//                        transactions but never corrupts the file (sqlite.org/wal.html)
//   foreign_keys=ON      child rows (climbs, muscle loads, sources) cascade with their activity
//   busy_timeout         a second hillcoach process waits for the lock instead of failing at once
//
// A connection is used by one thread at a time (SQLite's default threading mode allows moving it between
// threads, as the import writer does).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/store/statement.hpp"

namespace hillcoach::store {

// How long a connection waits for another process's lock before failing with "database is locked".
inline constexpr int k_busy_timeout_ms = 10'000;

class Database {
public:
    // Opens (and creates, with missing parent folders left to the caller) the database at `path`.
    static core::Expected<Database> open(const std::filesystem::path& path);

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;

    // Runs one or more statements that return no rows (schema, pragmas).
    core::Expected<void> execute(std::string_view sql);
    core::Expected<Statement> prepare(std::string_view sql);

    // The single integer a query like "PRAGMA user_version" returns.
    core::Expected<std::int64_t> query_integer(std::string_view sql);

    std::int64_t last_insert_rowid() const;
    const std::filesystem::path& path() const { return m_path; }

    // A database_error naming the file: "<file>: error: <what>: <SQLite's message>".
    core::Error error(std::string_view what) const;

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    Database(std::filesystem::path path, sqlite3* db);

    std::filesystem::path m_path;
    std::unique_ptr<sqlite3, Closer> m_db;
};

// The error of the last call on `db` (a connection or the one a statement belongs to), as above.
core::Error sqlite_error(sqlite3* db, std::string_view what);

}  // namespace hillcoach::store
