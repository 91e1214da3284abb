#include "hillcoach/store/schema.hpp"

#include <gtest/gtest.h>

#include "digest_fixtures.hpp"
#include "hillcoach/store/store.hpp"
#include "support/test_data.hpp"

namespace hillcoach::store {
namespace {

TEST(Schema, NewFileGetsTheCurrentVersionAndOurApplicationId) {
    const auto path = test::temp_dir("schema-new") / "h.db";
    auto store = Store::open(path);
    ASSERT_TRUE(store) << store.error().message();
    EXPECT_EQ(*store->database().query_integer("PRAGMA user_version"), current_schema_version());
    EXPECT_EQ(*store->database().query_integer("PRAGMA application_id"), k_application_id);
    EXPECT_EQ(current_schema_version(), 2);
    // Migrations are numbered 1, 2, ... without gaps.
    int expected = 1;
    for (const Migration& m : migrations()) EXPECT_EQ(m.version, expected++);
}

// A version-1 file (as the first release wrote it, with an activity in it) is upgraded on open: the import
// log appears, the activity is intact and its source has no import run.
TEST(Schema, VersionOneFileIsMigrated) {
    const auto path = test::temp_dir("schema-v1") / "h.db";
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(migrate(*db, 1));
        ASSERT_EQ(*db->query_integer("PRAGMA user_version"), 1);
        EXPECT_FALSE(db->query_integer("SELECT count(*) FROM imports"));  // no such table yet
        ActivityWriter writer(*db);
        const auto digest = test::analysed_digests()[1];
        ASSERT_TRUE(db->execute("BEGIN"));
        auto id = writer.insert(digest, "a hilly run");
        ASSERT_TRUE(id);
        // Version 1 has no import_id column: write the source as version 1 did.
        ASSERT_TRUE(db->execute("INSERT INTO activity_sources (activity_id, content_hash, file_index, path, format, "
                                "external_id, imported_at) VALUES (1, 'abc', 0, 'old.fit', 'fit', '', 1.7e9)"));
        ASSERT_TRUE(db->execute("COMMIT"));
    }
    auto store = Store::open(path);
    ASSERT_TRUE(store) << store.error().message();
    EXPECT_EQ(*store->database().query_integer("PRAGMA user_version"), 2);
    EXPECT_EQ(*store->database().query_integer("SELECT count(*) FROM imports"), 0);
    auto a = store->activity(core::ActivityId{1});
    ASSERT_TRUE(a) << a.error().message();
    training::ActivityDigest expected = test::analysed_digests()[1];
    expected.id = core::ActivityId{1};
    EXPECT_TRUE(a->digest == expected);
    ASSERT_EQ(a->sources.size(), 1U);
    EXPECT_EQ(a->sources[0].path, "old.fit");
    EXPECT_FALSE(a->import_id.has_value());
    // The upgraded file takes new imports.
    auto run = store->begin_import(1.8e9);
    ASSERT_TRUE(run);
    ASSERT_TRUE(store->add(std::vector{test::record_of(test::analysed_digests()[0], 5)}, *run));
    EXPECT_EQ(*store->count(), 2);
}

TEST(Schema, NewerFileIsRefused) {
    const auto path = test::temp_dir("schema-newer") / "h.db";
    {
        auto store = Store::open(path);
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->database().execute("PRAGMA user_version = 99"));
    }
    EXPECT_ERROR(Store::open(path), core::ErrorCode::database_error,
                 "h.db: error: the database has schema version 99, newer than this hillcoach knows (2)");
}

TEST(Schema, ForeignSqliteFileIsRefusedUntouched) {
    const auto path = test::temp_dir("schema-foreign") / "photos.db";
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)"));
    }
    EXPECT_ERROR(Store::open(path), core::ErrorCode::database_error, "photos.db: error: not a hillcoach database");
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(*db->query_integer("SELECT count(*) FROM sqlite_schema"), 1);  // nothing added
    ASSERT_TRUE(db->execute("PRAGMA application_id = 1234"));
    EXPECT_ERROR(Store::open(path), core::ErrorCode::database_error, "not a hillcoach database (application_id 0x4d2)");
}

// Two connections opening a new file at once (two imports started together): the second one finds the
// schema made by the first and does not try to make it again.
TEST(Schema, MigrationIsIdempotentAcrossConnections) {
    const auto path = test::temp_dir("schema-twice") / "h.db";
    auto first = Database::open(path);
    auto second = Database::open(path);
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(migrate(*first));
    auto again = migrate(*second);
    EXPECT_TRUE(again) << again.error().message();
    EXPECT_EQ(*second->query_integer("PRAGMA user_version"), 2);
}

}  // namespace
}  // namespace hillcoach::store
