// The climb library's one JSON shape (app/common/climb_library_json.hpp), shared by `hillcoach climbs --json` and
// the dashboard's /api/climbs. Tested here because app/common is linked into the server's test executable.
#include "app/common/climb_library_json.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace hillcoach::app {
namespace {

using Json = nlohmann::ordered_json;

// 2026-05-04 23:30 UTC: still the 4th in UTC, already the 5th in Zurich (UTC+2 in summer).
constexpr double k_late_evening_utc_s = 1777937400.0;

training::Calendar calendar(const char* zone) {
    auto made = training::Calendar::make(zone);
    EXPECT_TRUE(made.has_value()) << zone;
    return *made;
}

training::ClimbPlace place(std::int64_t id, int runs, double gain_m) {
    training::ClimbPlace p;
    p.id = core::ClimbPlaceId{id};
    p.start = {.latitude_deg = 46.123456789, .longitude_deg = 7.00000004};
    p.top = {.latitude_deg = -33.87654321, .longitude_deg = -151.2};
    p.length_m = 1500.0;
    p.gain_m = gain_m;
    p.avg_grade = 0.08;
    p.max_grade = 0.15;
    p.runs = runs;
    p.ascents = runs;
    return p;
}

training::ClimbEffort effort() {
    training::ClimbEffort e;
    e.activity = core::ActivityId{12};
    e.activity_name = "Gurten loop";
    e.start_time_s = k_late_evening_utc_s;
    e.time_s = 540.0;
    e.best_time_s = 530.0;
    e.vam_m_h = 800.0;
    e.avg_heart_rate_bpm = 161.0;
    e.reps = 1;
    return e;
}

TEST(ClimbLibraryJson, KeysInTheDocumentedOrderAndPositionsAsLatLonTo7Decimals) {
    training::ClimbPlace p = place(3001, 2, 120.0);
    p.best = effort();
    const Json j = climb_place_json(p, calendar("UTC"));
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"id", "start", "top", "length_m", "gain_m", "avg_grade", "max_grade",
                                              "runs", "ascents", "best", "recent"}));
    EXPECT_EQ(j["id"], 3001);
    EXPECT_EQ(j["start"], (Json{{"lat", 46.1234568}, {"lon", 7.0}}));
    EXPECT_EQ(j["top"], (Json{{"lat", -33.8765432}, {"lon", -151.2}}));
    EXPECT_DOUBLE_EQ(j["gain_m"].get<double>(), 120.0);
    EXPECT_DOUBLE_EQ(j["avg_grade"].get<double>(), 0.08);
    EXPECT_EQ(j["runs"], 2);
    EXPECT_TRUE(j["recent"].is_null());

    std::vector<std::string> effort_keys;
    for (const auto& [key, value] : j["best"].items()) effort_keys.push_back(key);
    EXPECT_EQ(effort_keys, (std::vector<std::string>{"activity", "activity_name", "start_s", "date", "time_s",
                                                     "best_time_s", "vam_m_h", "avg_heart_rate_bpm", "reps"}));
    EXPECT_EQ(j["best"]["activity"], 12);
    EXPECT_EQ(j["best"]["activity_name"], "Gurten loop");
    EXPECT_DOUBLE_EQ(j["best"]["start_s"].get<double>(), k_late_evening_utc_s);
    EXPECT_DOUBLE_EQ(j["best"]["time_s"].get<double>(), 540.0);
    EXPECT_DOUBLE_EQ(j["best"]["avg_heart_rate_bpm"].get<double>(), 161.0);
}

TEST(ClimbLibraryJson, EffortDateIsTheLocalDayOfTheCalendar) {
    training::ClimbPlace p = place(1, 1, 50.0);
    p.recent = effort();
    EXPECT_EQ(climb_place_json(p, calendar("UTC"))["recent"]["date"], "2026-05-04");
    EXPECT_EQ(climb_place_json(p, calendar("Europe/Zurich"))["recent"]["date"], "2026-05-05");
}

TEST(ClimbLibraryJson, MissingValuesAreNull) {
    training::ClimbPlace p = place(1, 1, 50.0);
    p.max_grade = std::numeric_limits<double>::quiet_NaN();
    training::ClimbEffort e;  // not stored yet: no activity id, no start, no times
    e.activity_name = "";
    p.best = e;
    const Json j = climb_place_json(p, calendar("UTC"));
    EXPECT_TRUE(j["max_grade"].is_null());
    for (const char* key : {"activity", "start_s", "date", "time_s", "best_time_s", "vam_m_h", "avg_heart_rate_bpm"})
        EXPECT_TRUE(j["best"][key].is_null()) << key;
    EXPECT_EQ(j["best"]["reps"], 1);
}

// A FIT name cut in the middle of a character must not make the whole answer unprintable.
TEST(ClimbLibraryJson, BrokenUtf8InANameIsReplacedSoTheJsonPrints) {
    training::ClimbPlace p = place(1, 1, 50.0);
    training::ClimbEffort e = effort();
    e.activity_name = "Col du Mollendruz \xC3";  // the first byte of a two-byte character, then the end
    p.best = e;
    const Json j = climb_place_json(p, calendar("UTC"));
    EXPECT_EQ(j["best"]["activity_name"], "Col du Mollendruz \xEF\xBF\xBD");  // U+FFFD
    EXPECT_NO_THROW((void)j.dump());
}

TEST(ClimbLibraryJson, MostRunFirstThenBiggerGainThenLibraryOrder) {
    const std::vector<training::ClimbPlace> places{place(1, 1, 300.0), place(2, 3, 40.0), place(3, 3, 90.0),
                                                   place(4, 2, 10.0), place(5, 2, 10.0)};
    std::vector<std::int64_t> ids;
    for (const training::ClimbPlace* p : most_run_first(places)) ids.push_back(p->id.value);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{3, 2, 4, 5, 1}));
    ids.clear();
    for (const training::ClimbPlace* p : most_run_first(places, 2)) ids.push_back(p->id.value);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{3, 2, 4, 5}));
    EXPECT_TRUE(most_run_first(places, 4).empty());

    const Json array = climb_library_json(most_run_first(places), calendar("UTC"));
    ASSERT_EQ(array.size(), 5U);
    EXPECT_EQ(array[0]["id"], 3);
    EXPECT_EQ(array[4]["id"], 1);
    EXPECT_TRUE(climb_library_json({}, calendar("UTC")).is_array());
    EXPECT_TRUE(climb_library_json({}, calendar("UTC")).empty());
}

}  // namespace
}  // namespace hillcoach::app
