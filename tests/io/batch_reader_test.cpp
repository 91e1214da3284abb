// read_paths: folders, zips and Strava exports, in a deterministic order whatever the number of threads.

#include "hillcoach/io/batch_reader.hpp"

#include <any>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "io/archive_builder.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;

// One line per outcome: "source: N activities" or "source: error code", plus warnings.
std::vector<std::string> describe(const std::vector<fs::path>& paths, unsigned threads,
                                  std::vector<ReadOutcome>* keep = nullptr) {
    std::vector<std::string> lines;
    ReadOptions options;
    options.threads = threads;
    read_paths(paths, options, [&](ReadOutcome&& outcome) {
        std::string line = source_name(outcome.source) + ": ";
        if (outcome.error) {
            line += std::string(core::error_code_id(outcome.error->code));
        } else {
            line += std::to_string(outcome.activities.size()) + " activities";
        }
        for (const auto& w : outcome.warnings) line += " warning " + std::string(core::error_code_id(w.code));
        lines.push_back(line);
        if (keep) keep->push_back(std::move(outcome));
    });
    return lines;
}

void write_file(const fs::path& path, std::string_view bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(BatchReaderTest, MixedFolderGoesOnPastBadFilesInPathOrder) {
    const fs::path folder = test::data_path("io/bad/310-mixed-folder");
    const std::string f = folder.string();
    const std::vector<std::string> expected{
        f + "/a-good.gpx: 1 activities",
        f + "/b-broken.gpx: xml_malformed",
        // c-photo.jpg, d-notes.json and README are not activities: skipped without a word.
        f + "/nested/e-good.tcx: 1 activities",
        f + "/nested/f-empty.fit: empty_file",
    };
    EXPECT_EQ(describe({folder}, 1), expected);
}

TEST(BatchReaderTest, OrderAndResultsDoNotDependOnThreads) {
    // Twenty copies of two files plus a broken one, read on 1 and 3 threads.
    const fs::path dir = test::temp_dir("batch-order");
    const std::string gpx = test::read_bytes(test::data_path("io/containers/hill-run.gpx"));
    const std::string tcx = test::read_bytes(test::data_path("io/containers/flat-run.tcx"));
    for (int i = 0; i < 20; ++i) {
        write_file(dir / ("r" + std::to_string(100 + i) + ".gpx"), gpx);
        write_file(dir / ("s" + std::to_string(100 + i) + ".tcx.gz"), test::make_gzip(tcx));
    }
    write_file(dir / "r105x.gpx", "<gpx><trk>");
    std::vector<ReadOutcome> one;
    std::vector<ReadOutcome> three;
    const auto lines_one = describe({dir}, 1, &one);
    const auto lines_three = describe({dir}, 3, &three);
    EXPECT_EQ(lines_one.size(), 41U);
    EXPECT_EQ(lines_one, lines_three);
    for (std::size_t i = 0; i < one.size(); ++i) {
        if (one[i].failed()) continue;
        EXPECT_EQ(one[i].activities.front().metadata.content_hash, three[i].activities.front().metadata.content_hash);
        EXPECT_EQ(one[i].activities.front().samples.size(), three[i].activities.front().samples.size());
    }
}

TEST(BatchReaderTest, NamedPathsAreAlwaysReadAndMissingOnesReported) {
    const fs::path png = test::data_path("io/bad/305-not-an-activity.png");
    const fs::path missing = test::data_path("io/nothing-here");
    const auto lines = describe({png, missing}, 2);
    EXPECT_EQ(lines, (std::vector<std::string>{png.string() + ": unknown_format", missing.string() + ": io_error"}));
}

TEST(BatchReaderTest, StravaExportFolderNamesAndTypesActivities) {
    std::vector<ReadOutcome> outcomes;
    const fs::path folder = test::data_path("io/containers/strava-export");
    const auto lines = describe({folder}, 2, &outcomes);
    ASSERT_EQ(lines, (std::vector<std::string>{folder.string() + "/activities/1001.gpx: 1 activities",
                                                folder.string() + "/activities/1002.tcx.gz: 1 activities"}));
    const auto& hill = outcomes[0].activities.front().metadata;
    EXPECT_EQ(hill.name, "Hill repeats, 4 x 400 m");
    EXPECT_EQ(hill.sport, core::Sport::trail_running);
    EXPECT_EQ(hill.external_id, "1001");
    const auto& flat = outcomes[1].activities.front().metadata;
    EXPECT_EQ(flat.name, "Easy flat");
    EXPECT_EQ(flat.sport, core::Sport::running);
    EXPECT_EQ(flat.external_id, "1002");
}

TEST(BatchReaderTest, StravaExportZipWithTheTableAfterTheActivities) {
    // The table comes last in the archive: names must still reach every activity (two passes).
    const fs::path src = test::data_path("io/containers/strava-export");
    const std::string zip = test::make_zip({
        {"export_42/activities/1001.gpx", test::read_bytes(src / "activities/1001.gpx")},
        {"export_42/activities/1002.tcx.gz", test::read_bytes(src / "activities/1002.tcx.gz")},
        {"export_42/media/photo.jpg", test::read_bytes(src / "media/photo.jpg")},
        {"export_42/profile.json", "{}"},
        {"export_42/activities.csv", test::read_bytes(src / "activities.csv")},
    });
    const fs::path dir = test::temp_dir("strava-zip");
    write_file(dir / "export_42.zip", zip);
    std::vector<ReadOutcome> outcomes;
    const auto lines = describe({dir / "export_42.zip"}, 2, &outcomes);
    const std::string z = (dir / "export_42.zip").string();
    ASSERT_EQ(lines, (std::vector<std::string>{z + "(export_42/activities/1001.gpx): 1 activities",
                                                z + "(export_42/activities/1002.tcx.gz): 1 activities"}));
    EXPECT_EQ(outcomes[0].activities.front().metadata.name, "Hill repeats, 4 x 400 m");
    EXPECT_EQ(outcomes[0].activities.front().metadata.source_path, z + "(export_42/activities/1001.gpx)");
    EXPECT_EQ(outcomes[1].activities.front().metadata.external_id, "1002");
}

TEST(BatchReaderTest, ZipInsideAFolderIsWalked) {
    const fs::path dir = test::temp_dir("zip-in-folder");
    const std::string gpx = test::read_bytes(test::data_path("io/containers/hill-run.gpx"));
    write_file(dir / "a.gpx", gpx);
    write_file(dir / "b.zip", test::make_zip({{"x.gpx", gpx}, {"inner.zip", test::make_zip({{"y.gpx", gpx}})}}));
    const auto lines = describe({dir}, 1);
    EXPECT_EQ(lines, (std::vector<std::string>{(dir / "a.gpx").string() + ": 1 activities",
                                                (dir / "b.zip").string() + "(x.gpx): 1 activities"}));
}

TEST(BatchReaderTest, TheWorkerRunsOnTheReadingThreadsAndItsAttachmentArrivesInOrder) {
    const fs::path dir = test::temp_dir("batch-worker");
    const std::string gpx = test::read_bytes(test::data_path("io/containers/hill-run.gpx"));
    for (int i = 0; i < 12; ++i) write_file(dir / ("r" + std::to_string(10 + i) + ".gpx"), gpx);
    write_file(dir / "r15x.gpx", "");
    ReadOptions options;
    options.threads = 3;
    const auto caller = std::this_thread::get_id();
    std::mutex mutex;
    std::set<std::thread::id> worker_threads;
    std::vector<std::string> seen;
    const auto summary = read_paths(
        std::vector<fs::path>{dir}, options,
        [&](ReadOutcome&& o) {
            EXPECT_EQ(std::this_thread::get_id(), caller);  // the sink runs on the calling thread
            seen.push_back(std::any_cast<std::string>(o.attachment));
        },
        [&](ReadOutcome& o) {
            {
                const std::lock_guard lock(mutex);
                worker_threads.insert(std::this_thread::get_id());
            }
            o.attachment = fs::path(o.source.file).filename().string() + (o.failed() ? " failed" : " read");
            o.activities.clear();  // a worker may drop what it no longer needs
        });
    ASSERT_EQ(seen.size(), 13U);
    EXPECT_EQ(seen[0], "r10.gpx read");
    EXPECT_EQ(seen[6], "r15x.gpx failed");
    EXPECT_EQ(seen[12], "r21.gpx read");
    EXPECT_EQ(summary.activities, 12U);  // counted as read, before the worker dropped them
    EXPECT_EQ(summary.failed, 1U);
    EXPECT_FALSE(worker_threads.count(caller));
}

TEST(BatchReaderTest, ZipBytesInMemory) {
    const std::string gpx = test::read_bytes(test::data_path("io/containers/hill-run.gpx"));
    const std::string zip = test::make_zip({{"x.gpx", gpx}, {"bad.fit", "not fit"}});
    std::vector<std::string> lines;
    const auto summary = read_zip_bytes(zip, {.file = "mem.zip"}, {}, [&](ReadOutcome&& o) {
        lines.push_back(source_name(o.source) + (o.failed() ? " failed" : " read"));
    });
    EXPECT_EQ(lines, (std::vector<std::string>{"mem.zip(x.gpx) read", "mem.zip(bad.fit) failed"}));
    EXPECT_EQ(summary.inputs, 2U);
    EXPECT_EQ(summary.activities, 1U);
    EXPECT_EQ(summary.failed, 1U);
}

}  // namespace
}  // namespace hillcoach::io
