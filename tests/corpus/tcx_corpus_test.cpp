// Every TCX file of the corpus (MANIFEST.tsv) against oracles-tcx.tsv: the number of activities, each lap's
// totals exactly as written (time, distance, calories, heart rate, maximum speed, intensity, trigger), the
// trackpoints of each lap and how many carry altitude, heart rate, distance and a position, and the activity
// totals against the oracle's SUM rows. Values the reader refuses on purpose are expected refused: heart rate
// 255 (the "invalid" byte) and a running MaximumSpeed no runner reaches (a km/h value). The Course file is read
// as a course. Prints one line per activity.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "corpus/corpus_tables.hpp"
#include "hillcoach/core/time.hpp"
#include "hillcoach/io/xml_activity_reader.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

// The bound the reader puts on a running lap's MaximumSpeed (tcx_reader.cpp: 12.5 m/s).
constexpr double k_max_foot_speed_m_s = 12.5;
constexpr double k_invalid_heart_rate = 255.0;

std::size_t finite_in(const std::vector<double>& v, std::size_t first, std::size_t end) {
    return static_cast<std::size_t>(
        std::count_if(v.begin() + static_cast<std::ptrdiff_t>(first), v.begin() + static_cast<std::ptrdiff_t>(end),
                      [](double x) { return std::isfinite(x); }));
}

std::size_t positions_in(const core::Samples& s, std::size_t first, std::size_t end) {
    std::size_t n = 0;
    for (std::size_t i = first; i < end; ++i) n += std::isfinite(s.latitude_deg[i]) && std::isfinite(s.longitude_deg[i]);
    return n;
}

// A total as the oracle gives it and as the reader should keep it: nullopt where the oracle is empty, or
// where the file's value is one the reader refuses.
std::optional<double> oracle(const test::TsvRow& row, const std::string& column) { return test::tsv_number(row, column); }

void expect_same(const std::optional<double>& ours, const std::optional<double>& expected, const std::string& what) {
    ASSERT_EQ(ours.has_value(), expected.has_value()) << what;
    if (expected) {
        EXPECT_NEAR(*ours, *expected, 1e-9 * std::max(1.0, std::fabs(*expected))) << what;
    }
}

std::optional<double> usable_hr(std::optional<double> hr) {
    return hr && *hr == k_invalid_heart_rate ? std::nullopt : hr;
}

void check_lap(const core::Activity& a, const core::Lap& lap, const test::TsvRow& row, bool course, bool hr_dropped) {
    const std::string index = test::tsv_text(row, "lap_index");
    SCOPED_TRACE("lap " + index);
    const auto& t = lap.totals;
    if (const auto start = core::parse_iso8601(test::tsv_text(row, "lap_start_time"))) {
        EXPECT_EQ(t.start_time_s, start->unix_s);
    }
    expect_same(t.timer_s, oracle(row, "total_time_s"), "total_time_s");
    expect_same(t.distance_m, oracle(row, "distance_m"), "distance_m");
    expect_same(t.calories_kcal, oracle(row, "calories"), "calories");
    expect_same(t.avg_heart_rate_bpm, usable_hr(oracle(row, "avg_hr")), "avg_hr");
    expect_same(t.max_heart_rate_bpm, usable_hr(oracle(row, "max_hr")), "max_hr");
    std::optional<double> max_speed = oracle(row, "max_speed_mps");
    const bool foot = a.metadata.sport == core::Sport::running;
    if (max_speed && foot && *max_speed > k_max_foot_speed_m_s) max_speed.reset();
    expect_same(t.max_speed_m_s, max_speed, "max_speed_mps");
    EXPECT_EQ(lap.intensity, test::tsv_text(row, "intensity"));
    EXPECT_EQ(lap.trigger, test::tsv_text(row, "trigger"));
    if (course) return;  // a course's trackpoints are beside its laps, not in them
    const auto& s = a.samples;
    const std::size_t f = lap.first_sample;
    const std::size_t e = lap.end_sample;
    EXPECT_EQ(e - f, static_cast<std::size_t>(oracle(row, "n_trackpoints").value_or(-1)));
    EXPECT_EQ(finite_in(s.elevation_m, f, e), static_cast<std::size_t>(oracle(row, "tp_with_altitude").value_or(-1)));
    EXPECT_EQ(finite_in(s.distance_m, f, e), static_cast<std::size_t>(oracle(row, "tp_with_distance").value_or(-1)));
    EXPECT_EQ(positions_in(s, f, e), static_cast<std::size_t>(oracle(row, "tp_with_position").value_or(-1)));
    if (hr_dropped) {
        EXPECT_EQ(finite_in(s.heart_rate_bpm, f, e), 0U) << "every heart rate in this file is 255";
    } else {
        EXPECT_EQ(finite_in(s.heart_rate_bpm, f, e), static_cast<std::size_t>(oracle(row, "tp_with_hr").value_or(-1)));
    }
}

void check_totals(const core::Activity& a, const test::TsvRow& sum) {
    SCOPED_TRACE("SUM");
    const auto& d = a.device;
    expect_same(d.timer_s, oracle(sum, "total_time_s"), "total_time_s");
    EXPECT_NEAR(d.distance_m.value_or(NAN), oracle(sum, "distance_m").value_or(NAN), 0.005) << "distance_m";
    std::optional<double> kcal = oracle(sum, "calories");
    if (kcal == 0.0) kcal.reset();  // 0 kcal for a whole activity: not counted
    expect_same(d.calories_kcal, kcal, "calories");
    const auto avg = usable_hr(oracle(sum, "avg_hr"));
    ASSERT_EQ(d.avg_heart_rate_bpm.has_value(), avg.has_value());
    if (avg) {
        EXPECT_NEAR(*d.avg_heart_rate_bpm, *avg, 0.05) << "the oracle rounds to 0.1 bpm";
    }
    expect_same(d.max_heart_rate_bpm, usable_hr(oracle(sum, "max_hr")), "max_hr");
    EXPECT_EQ(a.samples.size(), static_cast<std::size_t>(oracle(sum, "n_trackpoints").value_or(-1)));
}

struct OracleActivity {
    std::vector<test::TsvRow> laps;
    std::optional<test::TsvRow> sum;
};

void check_file(const std::filesystem::path& root, const std::string& path,
                const std::map<std::string, OracleActivity>& expected) {
    SCOPED_TRACE(path);
    std::string bytes = test::read_bytes(root / path);
    const auto read = read_xml_activity(std::span<char>(bytes.data(), bytes.size()), core::Location{.file = path});
    ASSERT_TRUE(read.has_value()) << read.error().message();
    ASSERT_EQ(read->size(), expected.size());
    std::size_t k = 0;
    for (const auto& [activity_index, want] : expected) {
        const core::Activity& a = (*read)[k++];
        SCOPED_TRACE("activity " + activity_index);
        const test::TsvRow& first = want.laps.front();
        const bool course = test::tsv_text(first, "sport") == "Course";
        if (course) {
            EXPECT_EQ(a.metadata.name, test::tsv_text(first, "activity_id"));
            EXPECT_EQ(a.metadata.sport_raw, "");
        } else {
            EXPECT_EQ(a.metadata.sport_raw, test::tsv_text(first, "sport"));
            const auto id = core::parse_iso8601(test::tsv_text(first, "activity_id"));
            ASSERT_TRUE(id.has_value());
            EXPECT_EQ(a.device.start_time_s, id->unix_s);
        }
        EXPECT_EQ(a.metadata.creator, test::tsv_text(first, "creator"));
        ASSERT_EQ(a.laps.size(), want.laps.size());
        const bool hr_dropped = std::any_of(a.warnings.begin(), a.warnings.end(), [](const core::Warning& w) {
            return w.reason.rfind("heart rate 255 bpm", 0) == 0;
        });
        for (std::size_t i = 0; i < want.laps.size(); ++i) check_lap(a, a.laps[i], want.laps[i], course, hr_dropped);
        if (want.sum) check_totals(a, *want.sum);
        std::printf("  %-58s #%s %-8s %3zu lap(s) %5zu pts  %8.1f m %7.1f s  %zu warning(s)\n", path.c_str(),
                    activity_index.c_str(), std::string(core::to_string(a.metadata.sport)).c_str(), a.laps.size(),
                    a.samples.size(), a.device.distance_m.value_or(NAN), a.device.timer_s.value_or(NAN),
                    a.warnings.size());
    }
}

TEST(TcxCorpusTest, EveryTcxMatchesTheOracle) {
    HILLCOACH_REQUIRE_CORPUS(root);
    std::map<std::string, std::map<std::string, OracleActivity>> oracles;
    for (auto& row : test::read_tsv(root / "oracles-tcx.tsv")) {
        OracleActivity& a = oracles[test::tsv_text(row, "path")][test::tsv_text(row, "activity_index")];
        if (test::tsv_text(row, "lap_index") == "SUM") {
            a.sum = row;
        } else {
            a.laps.push_back(row);
        }
    }
    std::size_t files = 0;
    for (const auto& row : test::read_tsv(root / "MANIFEST.tsv")) {
        if (test::tsv_text(row, "format") != "tcx") continue;
        const std::string path = test::tsv_text(row, "path");
        const auto it = oracles.find(path);
        ASSERT_NE(it, oracles.end()) << path << " has no oracle rows";
        check_file(root, path, it->second);
        ++files;
    }
    EXPECT_EQ(files, oracles.size());
    EXPECT_GE(files, 13U);
}

// gpsbabel/course.tcx is gpsbabel/history.tcx turned into a course: the same 1,205 points.
TEST(TcxCorpusTest, CourseHoldsTheRideItWasMadeFrom) {
    HILLCOACH_REQUIRE_CORPUS(root);
    std::string course = test::read_bytes(root / "public/gpsbabel/course.tcx");
    std::string ride = test::read_bytes(root / "public/gpsbabel/history.tcx");
    const auto c = read_xml_activity(std::span<char>(course.data(), course.size()), core::Location{.file = "course"});
    const auto r = read_xml_activity(std::span<char>(ride.data(), ride.size()), core::Location{.file = "ride"});
    ASSERT_TRUE(c.has_value() && r.has_value());
    const auto& cs = c->front().samples;
    const auto& rs = r->front().samples;
    ASSERT_EQ(cs.size(), rs.size());
    EXPECT_EQ(cs.size(), 1205U);
    EXPECT_EQ(cs.time_s, rs.time_s);
    EXPECT_EQ(finite_in(cs.elevation_m, 0, cs.size()), finite_in(rs.elevation_m, 0, rs.size()));
    ASSERT_EQ(c->front().laps.size(), 1U);
    EXPECT_EQ(c->front().laps[0].end_sample, cs.size()) << "the course's one lap covers the whole course";
}

}  // namespace
}  // namespace hillcoach::io
