#include "hillcoach/store/store.hpp"

#include <gtest/gtest.h>

#include "digest_fixtures.hpp"
#include "support/test_data.hpp"

namespace hillcoach::store {
namespace {

using test::record_of;

Store open_store(const std::string& name) {
    auto store = Store::open(test::temp_dir(name) / "history.db");
    if (!store) throw std::runtime_error(store.error().message());
    return std::move(*store);
}

std::vector<ImportRecord> records_of(const std::vector<training::ActivityDigest>& digests, int first_index = 0) {
    std::vector<ImportRecord> out;
    for (std::size_t k = 0; k < digests.size(); ++k) out.push_back(record_of(digests[k], first_index + static_cast<int>(k)));
    return out;
}

// Every digest stored comes back equal to what went in (with the id the store gave it), for analysed runs
// and for digests reaching every corner of the type.
void expect_round_trip(const std::vector<training::ActivityDigest>& digests, const std::string& name) {
    Store store = open_store(name);
    const std::vector<ImportRecord> records = records_of(digests);
    auto added = store.add(records);
    ASSERT_TRUE(added) << added.error().message();
    ASSERT_EQ(added->size(), digests.size());
    for (std::size_t k = 0; k < digests.size(); ++k) {
        ASSERT_EQ((*added)[k].status, AddStatus::imported) << k;
        training::ActivityDigest expected = digests[k];
        expected.id = (*added)[k].id;
        auto stored = store.activity((*added)[k].id);
        ASSERT_TRUE(stored) << stored.error().message();
        EXPECT_TRUE(stored->digest == expected) << "digest " << k << " (" << expected.name << ") changed in the store";
        EXPECT_EQ(stored->session_reason, records[k].session_reason);
        ASSERT_EQ(stored->sources.size(), 1U);
        EXPECT_EQ(stored->sources[0], records[k].source);
    }
}

TEST(Store, AnalysedDigestsRoundTrip) {
    const auto digests = test::analysed_digests();
    // The fixtures exercise what they claim: repeats, climbs, descents, muscle load.
    ASSERT_EQ(digests[0].hill_focus, training::HillFocus::hill_repeats);
    ASSERT_FALSE(digests[1].climbs.empty());
    ASSERT_TRUE(digests[1].muscle_load.has_value());
    ASSERT_TRUE(digests[3].longest_descent.has_value());
    expect_round_trip(digests, "analysed-round-trip");
}

TEST(Store, CornerDigestsRoundTrip) { expect_round_trip(test::corner_digests(42, 40), "corner-round-trip"); }

TEST(Store, DigestsAreOrderedByStartTime) {
    Store store = open_store("order");
    auto digests = test::corner_digests(7, 20);
    ASSERT_TRUE(store.add(records_of(digests)));
    auto all = store.digests();
    ASSERT_TRUE(all) << all.error().message();
    ASSERT_EQ(all->size(), digests.size());
    // Without a start time first, then by start, ties by id.
    for (std::size_t k = 1; k < all->size(); ++k) {
        const auto& a = (*all)[k - 1];
        const auto& b = (*all)[k];
        if (!a.start_time_s) continue;
        ASSERT_TRUE(b.start_time_s.has_value()) << k;
        EXPECT_TRUE(*a.start_time_s < *b.start_time_s || (*a.start_time_s == *b.start_time_s && a.id < b.id)) << k;
    }
}

TEST(Store, QueryFiltersByTimeSportAndSessionType) {
    Store store = open_store("query");
    ASSERT_TRUE(store.add(records_of(test::analysed_digests(1777615200.0))));  // one a day from 2026-05-01
    auto from = store.activities({.from_s = 1777615200.0 + 86400.0, .to_s = 1777615200.0 + 3 * 86400.0});
    ASSERT_TRUE(from);
    ASSERT_EQ(from->size(), 2U);
    EXPECT_EQ(from->front().digest.name, test::analysed_digests()[1].name);
    auto repeats = store.activities({.session_type = analysis::SessionType::hill_repeats});
    ASSERT_TRUE(repeats);
    ASSERT_EQ(repeats->size(), 1U);
    EXPECT_FALSE(repeats->front().digest.climbs.empty());  // children come with the filtered parents
    auto cycling = store.activities({.sport = core::Sport::cycling});
    ASSERT_TRUE(cycling);
    EXPECT_TRUE(cycling->empty());
}

TEST(Store, SameFileIsStoredOnce) {
    Store store = open_store("same-file");
    const auto digests = test::analysed_digests();
    ASSERT_TRUE(store.add(records_of(digests)));
    auto again = store.add(records_of(digests));
    ASSERT_TRUE(again);
    for (const AddResult& r : *again) EXPECT_EQ(r.status, AddStatus::same_file);
    EXPECT_EQ(*store.count(), static_cast<std::int64_t>(digests.size()));
    auto keys = store.source_keys();
    ASSERT_TRUE(keys);
    EXPECT_EQ(keys->size(), digests.size());
    EXPECT_TRUE(keys->contains("hash-3#0"));
    EXPECT_EQ(source_key("abc", 2), "abc#2");
}

TEST(Store, SameRunFromAnotherFormatIsStoredOnceWithBothSources) {
    Store store = open_store("same-run");
    training::ActivityDigest fit = test::analysed_digests()[1];
    ImportRecord first = record_of(fit, 1);
    first.source.format = "fit";
    ImportRecord second = record_of(fit, 2);  // other bytes, same run: 40 s later, 2 % shorter
    *second.digest.start_time_s += 40.0;
    *second.digest.elapsed_s *= 0.98;
    ImportRecord other = record_of(fit, 3);  // a run 90 s later is another run
    *other.digest.start_time_s += 90.0;
    ImportRecord longer = record_of(fit, 4);  // same start but 10 % longer: another run
    *longer.digest.elapsed_s *= 1.10;
    auto added = store.add(std::vector{first, second, other, longer});
    ASSERT_TRUE(added) << added.error().message();
    EXPECT_EQ((*added)[0].status, AddStatus::imported);
    EXPECT_EQ((*added)[1].status, AddStatus::same_activity);
    EXPECT_EQ((*added)[1].id, (*added)[0].id);
    EXPECT_EQ((*added)[2].status, AddStatus::imported);
    EXPECT_EQ((*added)[3].status, AddStatus::imported);
    auto stored = store.activity((*added)[0].id);
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->sources.size(), 2U);
    EXPECT_EQ(stored->sources[0].format, "fit");
    EXPECT_EQ(stored->sources[1].content_hash, "hash-2");
    // The second file is now known: importing it again is a same-file duplicate.
    auto again = store.add(std::vector{second});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->front().status, AddStatus::same_file);
}

TEST(Store, DeleteCascadesToEveryChildRow) {
    Store store = open_store("delete");
    auto added = store.add(records_of(test::analysed_digests()));
    ASSERT_TRUE(added);
    const core::ActivityId id = (*added)[0].id;
    Database& db = store.database();
    const auto rows = [&db](const std::string& table) {
        return *db.query_integer("SELECT count(*) FROM " + table);
    };
    const std::int64_t climbs = rows("climbs"), muscles = rows("muscle_loads"), sources = rows("activity_sources");
    const auto before = store.activity(id);
    ASSERT_TRUE(before);
    ASSERT_TRUE(store.remove(id));
    EXPECT_EQ(rows("climbs"), climbs - static_cast<std::int64_t>(before->digest.climbs.size()));
    EXPECT_EQ(rows("muscle_loads"), muscles - 6);
    EXPECT_EQ(rows("activity_sources"), sources - 1);
    EXPECT_EQ(*store.count(), 3);
    EXPECT_ERROR(store.activity(id), core::ErrorCode::not_found, "no activity with id");
    EXPECT_ERROR(store.remove(id), core::ErrorCode::not_found, "history.db: error: no activity with id");
    EXPECT_ERROR(store.remove(core::ActivityId{999}), core::ErrorCode::not_found, "no activity with id 999");
}

// A write that fails in the middle of a batch (a trigger standing in for a full disk) leaves nothing of the
// batch: no activity, no child row, no source, and the counts of the import run unchanged.
TEST(Store, FailedWriteMidBatchLeavesNothingHalfWritten) {
    Store store = open_store("fault");
    auto import_id = store.begin_import(1.8e9);
    ASSERT_TRUE(import_id);
    ASSERT_TRUE(store.add(records_of(test::corner_digests(1, 3), 100), *import_id));
    const auto snapshot = [&store] {
        Database& db = store.database();
        return std::vector{*db.query_integer("SELECT count(*) FROM activities"),
                           *db.query_integer("SELECT count(*) FROM climbs"),
                           *db.query_integer("SELECT count(*) FROM muscle_loads"),
                           *db.query_integer("SELECT count(*) FROM activity_sources"),
                           *db.query_integer("SELECT imported + duplicates FROM imports")};
    };
    const auto before = snapshot();
    // Fails the 7th climb row written from now on: inside the batch's second or third activity.
    ASSERT_TRUE(store.database().execute(
        "CREATE TEMP TABLE climb_writes (n INTEGER); INSERT INTO climb_writes VALUES (0);"
        "CREATE TEMP TRIGGER fail_climb BEFORE INSERT ON main.climbs BEGIN "
        "  UPDATE climb_writes SET n = n + 1;"
        "  SELECT RAISE(ABORT, 'injected write failure') WHERE (SELECT n FROM climb_writes) >= 7; END;"));
    auto digests = test::corner_digests(2, 20);
    auto failed = store.add(records_of(digests, 200), *import_id);
    EXPECT_ERROR(failed, core::ErrorCode::database_error, "injected write failure");
    EXPECT_ERROR(failed, core::ErrorCode::database_error, "history.db");
    EXPECT_EQ(snapshot(), before);
    auto orphans = store.database().prepare("PRAGMA foreign_key_check");
    ASSERT_TRUE(orphans);
    EXPECT_FALSE(*orphans->step());
    // The store is still usable: without the fault the same batch goes in whole.
    ASSERT_TRUE(store.database().execute("DROP TRIGGER temp.fail_climb"));
    auto retried = store.add(records_of(digests, 200), *import_id);
    ASSERT_TRUE(retried) << retried.error().message();
    // 20 random runs, the empty digest and the untimed one are new; the full one is the same run as before.
    EXPECT_EQ(snapshot()[0], before[0] + 22);
    EXPECT_EQ(snapshot()[4], before[4] + 23);
}

TEST(Store, ImportRunIsLogged) {
    Store store = open_store("import-log");
    auto id = store.begin_import(1.8e9);
    ASSERT_TRUE(id);
    const auto digests = test::analysed_digests();
    ASSERT_TRUE(store.add(records_of(digests), *id));
    ASSERT_TRUE(store.add(records_of(digests), *id));
    ASSERT_TRUE(store.finish_import(*id, 1.8e9 + 5.0, 2));
    auto s = store.database().prepare("SELECT imported, duplicates, failed, finished_at - started_at FROM imports");
    ASSERT_TRUE(s);
    ASSERT_TRUE(*s->step());
    EXPECT_EQ(s->integer(0), 4);
    EXPECT_EQ(s->integer(1), 4);
    EXPECT_EQ(s->integer(2), 2);
    EXPECT_EQ(s->real(3), 5.0);
    auto stored = store.activity(core::ActivityId{1});
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->import_id, *id);
}

TEST(Store, ReopenedStoreSeesCommittedActivities) {
    const auto path = test::temp_dir("reopen") / "history.db";
    {
        auto store = Store::open(path);
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->add(records_of(test::analysed_digests())));
    }
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    auto digests = store->digests();
    ASSERT_TRUE(digests);
    EXPECT_EQ(digests->size(), 4U);
}

}  // namespace
}  // namespace hillcoach::store
