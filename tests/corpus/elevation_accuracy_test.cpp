// Total ascent (terrain::build_course) against the device's own total, over every corpus activity whose
// device recorded one:
//   FIT   the session's total_ascent_m (oracles-fit.tsv, one row per session; a file's activities pair
//         with its sessions in order)
//   GPX, TCX  no ascent of their own: the session total of their FIT twin (corpus README, "Same activity in
//         several formats"), so the same ascent is measured from the poorer copy of the recording
// Targets (issue 3): over the files whose device ascent is at least k_relative_floor_m, the median absolute
// relative error is at most 5 %; over all of them, at least 80 % are within 10 % or 15 m.
//
// Why a floor for the relative error: below 20 m a percentage measures the device's rounding to whole metres
// and its own threshold, not the terrain (2 m against the device's 3 m is 33 %); those files still count in
// the 10 %-or-15 m share.
//
// The issue's own population, asserted as well (IssuePopulation below): every activity whose device wrote an
// ascent field, with no floor. A written 0 m counts: the device did record a total, and a 0 we must match
// (a flat indoor ride) is as much a result as 300 m; leaving the zeros out would hide a spurious ascent of
// ours on a flat file. Its relative error is taken against max(device, k_device_resolution_m), the whole
// metre the FIT field resolves, so 0 against 0 is exact and 3 m against 0 is 300 %. An activity with no
// altitude at all (no ascent of ours) counts too, as a miss: it is outside every target. A 0 against 0 is an
// easy exact match, so the median over the non-zero device totals alone is printed beside it: measured
// 5.1 % over 35 (the 7 device totals of 1-4 m, 6 of them 25-267 % off by whole-metre rounding, push it onto
// the files near 5 %), over the 5 % target, so the target holds only with the recorded zeros counted; it is
// not asserted (see the floor above, and docs/models.md).
//
// Device totals are not truth (corpus README, caveat 1). Nothing is excluded: the table shows every file and
// its error. The constants of the algorithm are the same for every file (docs/models.md); no file is tuned
// for.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "corpus/corpus_tables.hpp"
#include "hillcoach/io/read.hpp"
#include "hillcoach/terrain/course_builder.hpp"
#include "support/test_data.hpp"

namespace hillcoach::test {
namespace {

constexpr double k_relative_floor_m = 20.0;
constexpr double k_median_target = 0.05;
constexpr double k_share_target = 0.80;
constexpr double k_within_fraction = 0.10;
constexpr double k_within_m = 15.0;
// FIT session total_ascent is a whole number of metres (uint16, scale 1).
constexpr double k_device_resolution_m = 1.0;

// The corpus README's "Same activity in several formats": GPX/TCX copies and the FIT file whose session
// totals describe them.
const std::vector<std::pair<std::string, std::string>>& twins() {
    static const std::vector<std::pair<std::string, std::string>> list{
        {"public/sports-lib/6782987395.gpx", "public/sports-lib/6782987395.fit"},
        {"public/sports-lib/6782987395.tcx", "public/sports-lib/6782987395.fit"},
        {"public/sports-lib/2067489619.gpx", "public/sports-lib/2067489619.fit"},
        {"public/sports-lib/3939576645.gpx", "public/sports-lib/3939576645.fit"},
        {"public/gpsbabel/garmin-edge-800-output.gpx", "public/gpsbabel/garmin-edge-800.fit"},
        {"public/gpsbabel/lezyne_super_gps-garmin_fit-sample-bad-endian.gpx",
         "public/gpsbabel/lezyne_super_gps-garmin_fit-sample-bad-endian.fit"},
    };
    return list;
}

struct Row {
    std::string file;  // path#activity
    std::string source;
    double device_m = 0.0;
    std::optional<double> ours_m;
    // No altitude recorded (no ascent of ours) against a device 0: left out of the floor-based figures,
    // counted (as a miss) in the issue's population.
    bool silent = false;
    bool within() const {
        return ours_m && std::abs(*ours_m - device_m) <= std::max(k_within_m, k_within_fraction * device_m);
    }
    std::optional<double> relative() const {
        if (!ours_m || device_m < k_relative_floor_m) return std::nullopt;
        return (*ours_m - device_m) / device_m;
    }
    // Absolute relative error with no floor but the device's resolution; +infinity without an ascent of ours.
    double issue_error() const {
        if (!ours_m) return std::numeric_limits<double>::infinity();
        return std::abs(*ours_m - device_m) / std::max(device_m, k_device_resolution_m);
    }
};

double median_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// Device ascent per session of each FIT file, in session order (empty optional where the session has none).
std::map<std::string, std::vector<std::optional<double>>> device_ascents(const std::filesystem::path& root) {
    std::map<std::string, std::vector<std::optional<double>>> out;
    for (const TsvRow& r : read_tsv(root / "oracles-fit.tsv")) {
        if (tsv_text(r, "session_index").empty()) continue;
        out[tsv_text(r, "path")].push_back(tsv_number(r, "total_ascent_m"));
    }
    return out;
}

void compare_file(const std::filesystem::path& root, const std::string& path,
                  const std::vector<std::optional<double>>& device, std::vector<Row>& rows) {
    auto read = io::read_file(root / path);
    ASSERT_TRUE(read.has_value()) << path << ": " << read.error().message();
    // Activities pair with sessions in order; a file the reader splits differently is reported, not guessed
    // at.
    ASSERT_EQ(read->size(), device.size()) << path << ": activities and device sessions do not pair up";
    for (std::size_t k = 0; k < device.size(); ++k) {
        if (!device[k]) continue;
        const terrain::Course course = terrain::build_course((*read)[k]);
        // No altitude recorded: the device's 0 measures nothing, so the floor-based figures leave the row
        // out; the issue's population keeps it (silent).
        rows.push_back(Row{.file = path + "#" + std::to_string(k),
                           .source = std::string(core::to_string(course.elevation_source)),
                           .device_m = *device[k],
                           .ours_m = course.ascent_m,
                           .silent = !course.ascent_m && *device[k] == 0.0});
    }
}

std::vector<Row> all_rows(const std::filesystem::path& root) {
    const auto device = device_ascents(root);
    std::vector<Row> rows;
    for (const auto& [path, sessions] : device) {
        if (std::none_of(sessions.begin(), sessions.end(), [](const auto& a) { return a.has_value(); }))
            continue;
        compare_file(root, path, sessions, rows);
    }
    for (const auto& [copy, fit] : twins()) compare_file(root, copy, device.at(fit), rows);
    return rows;
}

TEST(ElevationAccuracyCorpusTest, AscentAgainstTheDevicesOwnTotals) {
    HILLCOACH_REQUIRE_CORPUS(root);
    std::vector<Row> rows = all_rows(root);
    if (HasFatalFailure()) return;
    std::erase_if(rows, [](const Row& r) { return r.silent; });

    std::printf("%-72s %-10s %8s %8s %8s\n", "file", "source", "device", "ours", "error");
    std::vector<double> relative;
    std::size_t within = 0;
    for (const Row& r : rows) {
        const auto rel = r.relative();
        if (rel) relative.push_back(std::abs(*rel));
        within += r.within();
        std::printf(
            "%-72s %-10s %8.0f %8s %8s%s\n", r.file.c_str(), r.source.c_str(), r.device_m,
            r.ours_m ? std::to_string(static_cast<long>(std::lround(*r.ours_m))).c_str() : "none",
            rel ? (std::to_string(static_cast<int>(std::lround(100.0 * *rel))) + " %").c_str()
                : (r.ours_m ? (std::to_string(static_cast<long>(std::lround(*r.ours_m - r.device_m))) + " m")
                                  .c_str()
                            : "-"),
            r.within() ? "" : "   outside 10 % / 15 m");
    }
    ASSERT_GE(rows.size(), 30u) << "the corpus holds about 40 activities with a device ascent";
    ASSERT_GE(relative.size(), 20u);
    const double median = median_of(relative);
    const double share = static_cast<double>(within) / static_cast<double>(rows.size());
    std::printf("median absolute error (device ascent >= %.0f m, %zu activities): %.1f %%\n",
                k_relative_floor_m, relative.size(), 100.0 * median);
    std::printf("within 10 %% or 15 m: %zu of %zu (%.0f %%)\n", within, rows.size(), 100.0 * share);
    EXPECT_LE(median, k_median_target);
    EXPECT_GE(share, k_share_target);
}

// The issue's sentence taken literally: over every activity whose device wrote a total ascent (see the top of
// the file for how a 0 counts), the median absolute error is at most 5 % and at least 80 % are within 10 %
// or 15 m. The rows are those of the test above plus the activities with no altitude at all.
TEST(ElevationAccuracyCorpusTest, IssuePopulationEveryRecordedDeviceAscent) {
    HILLCOACH_REQUIRE_CORPUS(root);
    const std::vector<Row> rows = all_rows(root);
    if (HasFatalFailure()) return;
    ASSERT_GE(rows.size(), 40u) << "the corpus holds about 50 activities with a device ascent field";
    std::vector<double> all;
    std::vector<double> non_zero;
    std::size_t within = 0;
    std::size_t zeros = 0;
    std::size_t silent = 0;
    for (const Row& r : rows) {
        all.push_back(r.issue_error());
        if (r.device_m > 0.0) non_zero.push_back(r.issue_error());
        zeros += r.device_m == 0.0;
        silent += r.silent;
        within += r.within();
        if (r.silent)
            std::printf("%-72s %-10s %8.0f %8s %8s   no altitude: a miss\n", r.file.c_str(), r.source.c_str(),
                        r.device_m, "none", "-");
    }
    ASSERT_GE(non_zero.size(), 30u);
    const double median_all = median_of(all);
    const double median_non_zero = median_of(non_zero);
    const double share = static_cast<double>(within) / static_cast<double>(rows.size());
    std::printf(
        "issue population: %zu activities with a device ascent (%zu of them 0 m, %zu with no altitude)\n",
        rows.size(), zeros, silent);
    std::printf("median absolute error, all %zu: %.1f %%; device ascent above 0 (%zu): %.1f %%\n", all.size(),
                100.0 * median_all, non_zero.size(), 100.0 * median_non_zero);
    std::printf("within 10 %% or 15 m: %zu of %zu (%.0f %%)\n", within, rows.size(), 100.0 * share);
    EXPECT_LE(median_all, k_median_target);
    EXPECT_GE(share, k_share_target);
}

}  // namespace
}  // namespace hillcoach::test
