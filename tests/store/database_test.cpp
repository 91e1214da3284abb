#include "hillcoach/store/database.hpp"

#include <cmath>
#include <fstream>

#include <gtest/gtest.h>

#include "hillcoach/store/transaction.hpp"
#include "support/test_data.hpp"

namespace hillcoach::store {
namespace {

Database open_db(const std::string& name) {
    auto db = Database::open(test::temp_dir(name) / "test.db");
    if (!db) throw std::runtime_error(db.error().message());
    return std::move(*db);
}

TEST(Database, OpensInWalModeWithForeignKeysAndBusyTimeout) {
    Database db = open_db("pragmas");
    auto mode = db.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode);
    ASSERT_TRUE(*mode->step());
    EXPECT_EQ(mode->text(0), "wal");
    EXPECT_EQ(*db.query_integer("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(*db.query_integer("PRAGMA busy_timeout"), k_busy_timeout_ms);
    EXPECT_EQ(*db.query_integer("PRAGMA synchronous"), 1);  // NORMAL
}

TEST(Database, ErrorsNameTheFileAndCarrySqlitesMessage) {
    Database db = open_db("errors");
    EXPECT_ERROR(db.prepare("SELEC 1"), core::ErrorCode::database_error, "test.db: error: cannot prepare a statement: near \"SELEC\": syntax error");
    EXPECT_ERROR(db.execute("INSERT INTO nowhere VALUES (1)"), core::ErrorCode::database_error, "no such table: nowhere");
    ASSERT_TRUE(db.execute("CREATE TABLE t (x INTEGER NOT NULL)"));
    auto insert = db.prepare("INSERT INTO t VALUES (?)");
    ASSERT_TRUE(insert);
    insert->bind_null(1);
    EXPECT_ERROR(insert->run(), core::ErrorCode::database_error, "test.db: error: statement failed: NOT NULL constraint failed: t.x");
}

TEST(Database, RefusesAFileThatIsNotADatabase) {
    const auto path = test::temp_dir("not-db") / "notes.db";
    std::ofstream(path) << "These are my running notes, not a database. They are long enough to fill a page header.\n"
                        << std::string(200, 'x');
    EXPECT_ERROR(Database::open(path), core::ErrorCode::database_error, "notes.db: error: ");
    EXPECT_ERROR(Database::open(path), core::ErrorCode::database_error, "file is not a database");
}

TEST(Database, RefusesAPathInAMissingFolder) {
    const auto path = test::temp_dir("missing") / "no" / "such" / "folder" / "h.db";
    EXPECT_ERROR(Database::open(path), core::ErrorCode::database_error, "h.db: error: cannot open the database: unable to open database file");
}

TEST(Statement, OptionalsAreNullsAndNanIsNull) {
    Database db = open_db("values");
    ASSERT_TRUE(db.execute("CREATE TABLE v (r REAL, i INTEGER, t TEXT)"));
    auto insert = db.prepare("INSERT INTO v VALUES (?, ?, ?)");
    ASSERT_TRUE(insert);
    insert->bind(1, std::optional<double>()).bind(2, std::optional<int>()).bind(3, std::string("x\0y", 3));
    ASSERT_TRUE(insert->run());
    insert->bind(1, std::nan("")).bind(2, std::int64_t{1} << 53).bind(3, "");
    ASSERT_TRUE(insert->run());
    insert->bind(1, 0.1 + 0.2).bind(2, -7).bind(3, "Zürich");
    ASSERT_TRUE(insert->run());
    auto select = db.prepare("SELECT r, i, t FROM v ORDER BY rowid");
    ASSERT_TRUE(select);
    ASSERT_TRUE(*select->step());
    EXPECT_FALSE(select->optional_real(0).has_value());
    EXPECT_FALSE(select->optional_integer(1).has_value());
    EXPECT_EQ(select->text(2), std::string("x\0y", 3));  // embedded NUL kept: lengths, not C strings
    ASSERT_TRUE(*select->step());
    EXPECT_TRUE(select->is_null(0));  // SQLite stores NaN as NULL ...
    EXPECT_TRUE(std::isnan(select->real(0)));  // ... and a required real reads it back as NaN
    EXPECT_EQ(select->integer(1), std::int64_t{1} << 53);
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->real(0), 0.1 + 0.2);  // bit-exact doubles
    EXPECT_EQ(select->integer(1), -7);
    EXPECT_EQ(select->text(2), "Zürich");
    EXPECT_FALSE(*select->step());
}

TEST(Transaction, RollsBackUnlessCommitted) {
    Database db = open_db("transaction");
    ASSERT_TRUE(db.execute("CREATE TABLE t (x INTEGER)"));
    {
        auto t = Transaction::begin(db);
        ASSERT_TRUE(t);
        ASSERT_TRUE(db.execute("INSERT INTO t VALUES (1)"));
        EXPECT_EQ(*db.query_integer("SELECT count(*) FROM t"), 1);
    }
    EXPECT_EQ(*db.query_integer("SELECT count(*) FROM t"), 0);
    {
        auto t = Transaction::begin(db);
        ASSERT_TRUE(t);
        ASSERT_TRUE(db.execute("INSERT INTO t VALUES (2)"));
        ASSERT_TRUE(t->commit());
    }
    EXPECT_EQ(*db.query_integer("SELECT sum(x) FROM t"), 2);
}

TEST(Transaction, SecondWriterWaitsThenFailsWithLockedMessage) {
    const auto path = test::temp_dir("locked") / "test.db";
    auto first = Database::open(path);
    auto second = Database::open(path);
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(second->execute("PRAGMA busy_timeout = 0"));  // do not wait the full timeout in a test
    auto held = Transaction::begin(*first);
    ASSERT_TRUE(held);
    EXPECT_ERROR(Transaction::begin(*second), core::ErrorCode::database_error, "database is locked");
}

}  // namespace
}  // namespace hillcoach::store
