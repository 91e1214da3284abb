// Every GPX file of the corpus (MANIFEST.tsv) against gpx-structure.tsv, counts computed independently from the
// files: points (track points, or route points for route-only files), points with ele/time/hr/cad, first and
// last time, lowest and highest elevation. Files without a track or route point must be refused with
// no_points. Where the reader drops a value on purpose (a time going backwards, an elevation of exactly 0 m
// everywhere, an implausible heart rate) the test counts the warning that says so. Prints one line per file.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "corpus/corpus_tables.hpp"
#include "hillcoach/core/time.hpp"
#include "hillcoach/io/xml_activity_reader.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

std::size_t finite_count(const std::vector<double>& v) {
    return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](double x) { return std::isfinite(x); }));
}

// How many samples a summarised warning stands for: "(N times in this file; …)", or 1; 0 without one.
std::size_t warned(const core::Activity& a, core::ErrorCode code, const std::string& reason_start) {
    for (const auto& w : a.warnings) {
        if (w.code != code || w.reason.rfind(reason_start, 0) != 0) continue;
        const auto open = w.reason.rfind(" (");
        const auto times = w.reason.find(" times in this file");
        if (open != std::string::npos && times != std::string::npos && times > open) {
            return std::stoul(w.reason.substr(open + 2, times - open - 2));
        }
        return 1;
    }
    return 0;
}

double table_time(const test::TsvRow& row, const std::string& column) {
    const auto t = core::parse_iso8601(test::tsv_text(row, column));
    return t ? t->unix_s : std::numeric_limits<double>::quiet_NaN();
}

void check_file(const std::filesystem::path& root, const test::TsvRow& structure) {
    const std::string path = test::tsv_text(structure, "path");
    SCOPED_TRACE(path);
    std::string bytes = test::read_bytes(root / path);
    const auto read = read_xml_activity(std::span<char>(bytes.data(), bytes.size()), core::Location{.file = path});

    const std::size_t trkpt = static_cast<std::size_t>(test::tsv_number(structure, "n_trkpt").value_or(0));
    const std::size_t rtept = static_cast<std::size_t>(test::tsv_number(structure, "n_rtept").value_or(0));
    if (trkpt == 0 && rtept == 0) {
        EXPECT_ERROR(read, core::ErrorCode::no_points, "error: the GPX file has no track or route point");
        std::printf("  %-62s refused: %s\n", path.c_str(), read ? "-" : read.error().reason.c_str());
        return;
    }
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), 1U);
    const core::Activity& a = read->front();
    const auto& s = a.samples;
    EXPECT_EQ(s.size(), trkpt > 0 ? trkpt : rtept);
    EXPECT_EQ(a.metadata.format_version, test::tsv_text(structure, "gpx_version"));
    EXPECT_EQ(a.metadata.creator, test::tsv_text(structure, "creator"));

    const std::size_t backwards = warned(a, core::ErrorCode::time_backwards, "time ");
    const std::size_t zero_ele = warned(a, core::ErrorCode::bad_number, "all ");
    const std::size_t bad_hr = warned(a, core::ErrorCode::bad_number, "heart rate ");
    const std::size_t with_ele = finite_count(s.elevation_m);
    const std::size_t with_time = finite_count(s.time_s) + backwards;
    const std::size_t with_hr = finite_count(s.heart_rate_bpm) + bad_hr;
    const std::size_t with_cad = finite_count(s.cadence_rpm);

    // sports-lib/6037744996.gpx breaks strict parsers, so its row was counted by regular expression and
    // over-counts (<time> in <metadata>, cadence written twice): those columns are upper bounds.
    const bool approximate = test::tsv_text(structure, "parse_note").find("approximate") != std::string::npos;
    auto expect_count = [&](std::size_t ours, const char* column) {
        const auto expected = static_cast<std::size_t>(test::tsv_number(structure, column).value_or(0));
        if (approximate) {
            EXPECT_LE(ours, expected) << column;
            EXPECT_EQ(ours > 0, expected > 0) << column;
        } else {
            EXPECT_EQ(ours, expected) << column;
        }
    };
    const bool all_zero = test::tsv_number(structure, "ele_min") == 0.0 && test::tsv_number(structure, "ele_max") == 0.0;
    if (all_zero) {
        EXPECT_EQ(with_ele, 0U) << "every <ele> is 0 m: read as missing";
        EXPECT_EQ(zero_ele, 1U);
    } else {
        expect_count(with_ele, "pts_with_ele");
    }
    expect_count(with_time, "pts_with_time");
    expect_count(with_hr, "pts_with_hr");
    expect_count(with_cad, "pts_with_cad");

    const auto first = std::find_if(s.time_s.begin(), s.time_s.end(), [](double t) { return std::isfinite(t); });
    const auto last = std::find_if(s.time_s.rbegin(), s.time_s.rend(), [](double t) { return std::isfinite(t); });
    if (with_time > 0) {
        ASSERT_NE(first, s.time_s.end());
        EXPECT_NEAR(*first, table_time(structure, "time_first"), 1e-6);
        // A last point whose time goes backwards (gpxpy/first_and_last_elevation.gpx) keeps no time.
        if (backwards == 0) {
            EXPECT_NEAR(*last, table_time(structure, "time_last"), 1e-6);
        }
        EXPECT_EQ(a.metadata.start_time_s, *first);
    }
    if (with_ele > 0) {
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        for (const double e : s.elevation_m) {
            if (std::isfinite(e)) lo = std::min(lo, e), hi = std::max(hi, e);
        }
        EXPECT_NEAR(lo, test::tsv_number(structure, "ele_min").value_or(NAN), 1e-9);
        EXPECT_NEAR(hi, test::tsv_number(structure, "ele_max").value_or(NAN), 1e-9);
        EXPECT_NE(a.elevation_source, core::ElevationSource::none);
    } else {
        EXPECT_EQ(a.elevation_source, core::ElevationSource::none);
    }
    std::printf("  %-62s %6zu pts  ele %5zu  time %5zu  hr %5zu  cad %5zu  %-8s %zu warning(s)\n", path.c_str(),
                s.size(), with_ele, with_time, with_hr, with_cad, std::string(core::to_string(a.metadata.sport)).c_str(),
                a.warnings.size());
}

TEST(GpxCorpusTest, EveryGpxMatchesItsStructureRow) {
    HILLCOACH_REQUIRE_CORPUS(root);
    std::map<std::string, test::TsvRow> structure;
    for (auto& row : test::read_tsv(root / "gpx-structure.tsv")) structure[test::tsv_text(row, "path")] = row;
    std::size_t files = 0;
    for (const auto& row : test::read_tsv(root / "MANIFEST.tsv")) {
        if (test::tsv_text(row, "format").rfind("gpx", 0) != 0) continue;
        const std::string path = test::tsv_text(row, "path");
        const auto it = structure.find(path);
        ASSERT_NE(it, structure.end()) << path << " has no row in gpx-structure.tsv";
        check_file(root, it->second);
        ++files;
    }
    EXPECT_EQ(files, structure.size()) << "every structure row is a manifest GPX";
    EXPECT_GE(files, 35U);
}

// The same Garmin Connect run as GPX and TCX (sports-lib/6782987395): the two exports must agree where they
// carry the same thing, the start of the activity and the heart rate of its first points.
TEST(GpxCorpusTest, GpxAndTcxExportsOfOneRunAgree) {
    HILLCOACH_REQUIRE_CORPUS(root);
    std::string gpx = test::read_bytes(root / "public/sports-lib/6782987395.gpx");
    std::string tcx = test::read_bytes(root / "public/sports-lib/6782987395.tcx");
    const auto g = read_xml_activity(std::span<char>(gpx.data(), gpx.size()), core::Location{.file = "6782987395.gpx"});
    const auto t = read_xml_activity(std::span<char>(tcx.data(), tcx.size()), core::Location{.file = "6782987395.tcx"});
    ASSERT_TRUE(g.has_value() && t.has_value());
    const auto& gs = g->front().samples;
    const auto& ts = t->front().samples;
    EXPECT_EQ(gs.time_s.front(), ts.time_s.front());
    EXPECT_EQ(gs.heart_rate_bpm.front(), ts.heart_rate_bpm.front());
    EXPECT_NEAR(gs.latitude_deg.front(), ts.latitude_deg.front(), 1e-12);
    EXPECT_EQ(g->front().metadata.sport, t->front().metadata.sport);
}

}  // namespace
}  // namespace hillcoach::io
