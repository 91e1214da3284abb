// Total ascent on the shared benchmark workload (../shared/bench/make_workload.py): 1,000 one-hour runs whose
// noise-free ascent is in truth.tsv; 40 % carry GPS-like altitude error (sigma about 3 m, wandering over
// about 50 s), 60 % barometric-like (0.3 m drift, 0.2 m steps). Issue 3's targets: the per-file median
// absolute error of total ascent at most 5 %, and at most 8 % over the GPS-noise runs alone. For scale
// (PEERS.md), summing every rise gives 2.7x the truth over the whole set, gpxpy 1.62x and sports-lib 1.13x.
//
// The workload is large (1 GB of GPX) and not part of the repository: the test runs when HILLCOACH_WORKLOAD
// names the folder (e.g. /tmp/hillcoach-workload, made by make_workload.py --fit --gzip --out DIR) and skips
// visibly otherwise. The same numbers, with timings, come from bench/course_build (bench/RESULTS.md).
//
// The algorithm and its constants are the ones every activity gets (docs/models.md); the runs are told apart
// only by the elevation source detected from the signal, never by their file names or truth.tsv's label.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "corpus/corpus_tables.hpp"
#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/terrain/course_builder.hpp"

namespace hillcoach::test {
namespace {

struct Truth {
    double ascent_m = 0.0;
    bool barometric = false;
    std::string style;
};

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

TEST(WorkloadAccuracyTest, AscentOnTheBenchmarkRuns) {
    const char* env = std::getenv("HILLCOACH_WORKLOAD");
    if (!env || !std::filesystem::exists(std::filesystem::path(env) / "truth.tsv")) {
        GTEST_SKIP() << "workload tests skipped: set HILLCOACH_WORKLOAD to a folder made by "
                        "../shared/bench/make_workload.py (truth.tsv, runs/*.gpx)";
    }
    const std::filesystem::path root(env);
    std::map<std::string, Truth> truth;  // by file name
    std::vector<std::filesystem::path> files;
    for (const TsvRow& r : read_tsv(root / "truth.tsv")) {
        const std::string file = tsv_text(r, "file");
        if (file.rfind("runs/", 0) != 0) continue;
        truth[std::filesystem::path(file).filename().string()] =
            Truth{.ascent_m = *tsv_number(r, "true_ascent_m"),
                  .barometric = tsv_text(r, "barometric") == "1",
                  .style = tsv_text(r, "style")};
        files.push_back(root / file);
    }
    ASSERT_GE(files.size(), 100u);

    std::mutex lock;
    std::vector<double> all, gps, baro;
    std::map<std::string, std::vector<double>> signed_by_style;
    double sum_ours = 0.0, sum_truth = 0.0;
    std::size_t labelled_right = 0, read_failed = 0;
    io::ReadOptions options;
    options.threads = 2;
    io::read_paths(files, options, [&](io::ReadOutcome&& outcome) {
        if (outcome.error || outcome.activities.size() != 1) {
            std::lock_guard guard(lock);
            ++read_failed;
            return;
        }
        const terrain::Course course = terrain::build_course(outcome.activities.front());
        const Truth& t = truth.at(std::filesystem::path(outcome.source.file).filename().string());
        const double ours = course.ascent_m.value_or(0.0);
        const double error = (ours - t.ascent_m) / t.ascent_m;
        const bool said_barometric = course.elevation_source == core::ElevationSource::barometric;
        std::lock_guard guard(lock);
        all.push_back(std::abs(error));
        (t.barometric ? baro : gps).push_back(std::abs(error));
        signed_by_style[(t.barometric ? "baro " : "gps  ") + t.style].push_back(error);
        sum_ours += ours;
        sum_truth += t.ascent_m;
        labelled_right += said_barometric == t.barometric;
    });
    ASSERT_EQ(read_failed, 0u);
    std::printf("runs %zu (GPS noise %zu, barometric %zu); elevation source detected as labelled: %zu\n",
                all.size(), gps.size(), baro.size(), labelled_right);
    std::printf("median absolute error: all %.2f %%, GPS-noise runs %.2f %%, barometric runs %.2f %%\n",
                100.0 * median(all), 100.0 * median(gps), 100.0 * median(baro));
    std::printf(
        "total ascent: ours %.0f m, truth %.0f m (%.3fx; naive sum 2.7x, gpxpy 1.62x, sports-lib 1.13x)\n",
        sum_ours, sum_truth, sum_ours / sum_truth);
    for (const auto& [group, errors] : signed_by_style) {
        std::printf("  %-16s %4zu runs, median signed error %+.1f %%\n", group.c_str(), errors.size(),
                    100.0 * median(errors));
    }
    EXPECT_EQ(all.size(), files.size());
    EXPECT_LE(median(all), 0.05);
    EXPECT_LE(median(gps), 0.08);
    EXPECT_EQ(labelled_right, all.size()) << "the elevation source is detected from the signal";
}

}  // namespace
}  // namespace hillcoach::test
