#include "hillcoach/store/import_writer.hpp"

#include <thread>

#include <gtest/gtest.h>

#include "digest_fixtures.hpp"
#include "support/test_data.hpp"

namespace hillcoach::store {
namespace {

Store open_store(const std::string& name) {
    auto store = Store::open(test::temp_dir(name) / "history.db");
    if (!store) throw std::runtime_error(store.error().message());
    return std::move(*store);
}

// Records from several producer threads end up in the store, each once, in batches of at most batch_size
// activities per transaction (the import run's counts are updated once per batch, so they show it).
TEST(ImportWriter, WritesEveryRecordFromManyProducers) {
    Store store = open_store("writer");
    auto run = store.begin_import(1.8e9);
    ASSERT_TRUE(run);
    const auto digests = test::corner_digests(11, 299);  // 302 digests, 300 with distinct start times
    {
        ImportWriter writer(store, {.batch_size = 64, .max_batch_delay_s = 60.0, .import_id = *run});
        std::vector<std::thread> producers;
        for (int t = 0; t < 3; ++t) {
            producers.emplace_back([&, t] {
                for (std::size_t k = static_cast<std::size_t>(t); k < digests.size(); k += 3)
                    writer.push(test::record_of(digests[k], static_cast<int>(k)));
            });
        }
        for (auto& p : producers) p.join();
        auto counts = writer.finish();
        ASSERT_TRUE(counts) << counts.error().message();
        EXPECT_EQ(counts->written(), 302);
        // The untimed digest is a copy of the full one without times: its own activity; nothing else repeats.
        EXPECT_EQ(counts->imported, 302);
        EXPECT_EQ(writer.committed().imported, 302);
    }
    EXPECT_EQ(*store.count(), 302);
    EXPECT_EQ(*store.database().query_integer("SELECT imported FROM imports"), 302);
}

TEST(ImportWriter, SecondRunFindsEverythingAlreadyThere) {
    Store store = open_store("writer-again");
    const auto digests = test::analysed_digests();
    for (int round = 0; round < 2; ++round) {
        ImportWriter writer(store, {});
        for (std::size_t k = 0; k < digests.size(); ++k) writer.push(test::record_of(digests[k], static_cast<int>(k)));
        auto counts = writer.finish();
        ASSERT_TRUE(counts);
        EXPECT_EQ(counts->imported, round == 0 ? 4 : 0);
        EXPECT_EQ(counts->same_file, round == 0 ? 0 : 4);
    }
}

// A write error stops the writer: finish() returns it, the failing batch left nothing behind, the batches
// before it are committed, and what is pushed afterwards is dropped.
TEST(ImportWriter, WriteErrorStopsAndLeavesWholeBatchesOnly) {
    Store store = open_store("writer-fault");
    ASSERT_TRUE(store.database().execute(
        "CREATE TEMP TRIGGER fail_late BEFORE INSERT ON main.activities WHEN NEW.name = 'run 25' BEGIN "
        "  SELECT RAISE(ABORT, 'disk full (injected)'); END;"));
    const auto digests = test::corner_digests(5, 60);  // "run 25" is the 28th digest, in the 2nd batch of 20
    ImportWriter writer(store, {.batch_size = 20, .max_batch_delay_s = 60.0});
    for (std::size_t k = 0; k < digests.size(); ++k) writer.push(test::record_of(digests[k], static_cast<int>(k)));
    auto counts = writer.finish();
    EXPECT_ERROR(counts, core::ErrorCode::database_error, "history.db: error: statement failed: disk full (injected)");
    EXPECT_TRUE(writer.failed());
    EXPECT_EQ(*store.count(), 20);  // the first batch only
    EXPECT_EQ(*store.database().query_integer("SELECT count(*) FROM activity_sources"), 20);
    EXPECT_EQ(*store.database().query_integer(
                  "SELECT count(*) FROM activities a WHERE climb_count != (SELECT count(*) FROM climbs c WHERE "
                  "c.activity_id = a.id)"),
              0);
}

}  // namespace
}  // namespace hillcoach::store
