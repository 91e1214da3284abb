#include "hillcoach/report/history_report.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "svg_test_support.hpp"

namespace hillcoach::report {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// Three weeks from Monday 2024-03-04 (day 19786): a climbing week, an empty week, a descending week.
std::vector<training::WeekRow> three_weeks() {
    const training::Day monday = *training::parse_day("2024-03-04");
    return {
        {.start = monday,
         .activities = 3,
         .distance_m = 30000,
         .time_s = 10800,
         .ascent_m = 900,
         .descent_m = 850,
         .hill_sessions = 1,
         .stress = 180,
         .uphill_load = 100,
         .eccentric_load = 40,
         .acwr = 1.1},
        {.start = monday + 7},
        {.start = monday + 14,
         .activities = 2,
         .distance_m = 21000,
         .time_s = 7200,
         .ascent_m = 200,
         .descent_m = 1200,
         .stress = 120,
         .uphill_load = 20,
         .eccentric_load = 160,
         .acwr = 1.6},
    };
}

// 60 days of a ratio crossing the bands: 1.0 for 30 days (undefined for the first 27), then 1.7.
training::LoadSeries series_with_ratio() {
    training::LoadSeries s;
    s.first_day = *training::parse_day("2024-03-04");
    s.last_day = s.first_day + 59;
    for (auto& c : s.channels) {
        c.load.assign(60, 10.0);
        c.acwr.assign(60, k_nan);
        for (std::size_t d = 27; d < 60; ++d) c.acwr[d] = d < 40 ? 1.0 : 1.7;
    }
    return s;
}

TEST(HistoryCharts, AscentBarsGoUpAndDescentBarsDown) {
    const auto weeks = three_weeks();
    const std::string svg = weekly_ascent_chart(weeks, UnitFormat{});
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(svg, doc));
    const auto bars = doc.select_nodes("//rect[@class='bar']");
    ASSERT_EQ(bars.size(), 4U);  // the empty week has none
    EXPECT_STREQ(bars[0].node().child("title").text().get(), "week of 2024-03-04: +900 m");
    EXPECT_STREQ(bars[3].node().child("title").text().get(), "week of 2024-03-18: -1200 m");
    // The descent bar starts at the zero line and goes down: its top is where the ascent bars' bottom is.
    const double up_bottom =
        bars[0].node().attribute("y").as_double() + bars[0].node().attribute("height").as_double();
    EXPECT_NEAR(bars[3].node().attribute("y").as_double(), up_bottom, 0.11);
    // Heights in proportion: 1200 m of descent is 4/3 of the 900 m climbed.
    EXPECT_NEAR(
        bars[3].node().attribute("height").as_double() / bars[0].node().attribute("height").as_double(),
        1200.0 / 900.0, 0.01);
    const std::string imperial = weekly_ascent_chart(weeks, UnitFormat(UnitSystem::imperial));
    EXPECT_NE(imperial.find("week of 2024-03-04: +2953 ft"), std::string::npos);
    EXPECT_TRUE(weekly_ascent_chart({}, UnitFormat{}).empty());
}

TEST(HistoryCharts, LoadChartHasStressBarsAndChannelLines) {
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(weekly_load_chart(three_weeks()), doc));
    EXPECT_EQ(doc.select_nodes("//rect[@class='bar']").size(), 2U);
    EXPECT_TRUE(doc.select_node("//polyline[@data-series='uphill']"));
    EXPECT_TRUE(doc.select_node("//polyline[@data-series='eccentric']"));
    EXPECT_STREQ(doc.select_node("//rect[@class='bar']/title").node().text().get(),
                 "week of 2024-03-04: stress 180, uphill 100, eccentric 40");
}

TEST(HistoryCharts, RatioIsDrawnAgainstTheSafeBandAndTheDangerZone) {
    const auto series = series_with_ratio();
    const std::string svg = acwr_chart(series, training::Channel::eccentric);
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(svg, doc));
    const auto safe = doc.select_node("//rect[@data-band='safe 0.8-1.3']").node();
    const auto danger = doc.select_node("//rect[@data-band='danger 1.5+']").node();
    ASSERT_TRUE(safe);
    ASSERT_TRUE(danger);
    // Screen y grows downwards: the danger zone sits above the safe band.
    EXPECT_LT(danger.attribute("y").as_double(), safe.attribute("y").as_double());
    // The undefined first 27 days are a gap: the line starts on day 27.
    const auto line = doc.select_node("//polyline[@data-series='eccentric']").node();
    ASSERT_TRUE(line);
    EXPECT_EQ(doc.select_nodes("//polyline").size(), 1U);
    training::LoadSeries short_history;
    short_history.first_day = 0;
    short_history.last_day = 9;
    for (auto& c : short_history.channels) c.acwr.assign(10, k_nan);
    EXPECT_TRUE(acwr_chart(short_history, training::Channel::stress).empty());
}

TEST(HistoryReport, PageHasEveryChartAndTheWeeksNewestFirst) {
    const std::string html =
        history_report_html(three_weeks(), series_with_ratio(),
                            {.units = UnitFormat{}, .title = "History", .zone_name = "Europe/Zurich"});
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    for (const char* id : {"ascent", "load", "ratio-stress", "ratio-uphill", "ratio-eccentric", "weeks"}) {
        EXPECT_TRUE(doc.select_node(("//section[@id='" + std::string(id) + "']").c_str())) << id;
    }
    EXPECT_FALSE(doc.select_node("//script"));
    EXPECT_FALSE(doc.select_node("//*[@src or @href]"));
    const std::string subtitle = doc.select_node("//header/p").node().text().get();
    EXPECT_EQ(
        subtitle,
        "2024-03-04 to 2024-03-24 · 3 weeks · 5 activities · 51.00 km · +1100 m · weeks in Europe/Zurich");
    const auto first_row = doc.select_node("//section[@id='weeks']//tbody/tr[1]").node();
    EXPECT_STREQ(first_row.child("td").text().get(), "2024-03-18");
    EXPECT_STREQ(doc.select_node("//section[@id='weeks']//tbody/tr[1]/td[9]").node().text().get(), "1.60");
    EXPECT_STREQ(doc.select_node("//section[@id='weeks']//tbody/tr[2]/td[9]").node().text().get(), "-");
}

TEST(HistoryReport, EmptyHistorySaysSo) {
    const std::string html = history_report_html({}, training::LoadSeries{});
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    EXPECT_STREQ(doc.select_node("//header/p").node().text().get(),
                 "No activities with a start time in the history.");
    EXPECT_FALSE(doc.select_node("//svg"));
}

}  // namespace
}  // namespace hillcoach::report
