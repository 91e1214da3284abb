#include "hillcoach/report/activity_report.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "hillcoach/analysis/analyze.hpp"
#include "hillcoach/io/read.hpp"
#include "hillcoach/report/activity_charts.hpp"
#include "support/test_data.hpp"
#include "svg_test_support.hpp"

namespace hillcoach::report {
namespace {

struct Analysed {
    core::Activity activity;
    analysis::ActivityAnalysis analysis;
};

// tests/data/analysis/hilly-run.fit: flat 1000 m, up 1500 m +120 m, down 600 m -80 m, flat 500 m, with
// heart rate and a barometric altimeter (tests/data/analysis/README.md).
Analysed hilly_run() {
    auto read = io::read_file(test::data_path("analysis/hilly-run.fit"));
    EXPECT_TRUE(read.has_value());
    Analysed out{.activity = std::move(read.value().front()), .analysis = {}};
    out.analysis = analysis::analyze(out.activity);
    return out;
}

// A self-contained report has no element that loads anything (no src or href at all), no attribute that is a
// URL (the SVG namespace aside) and no CSS url(). Text that merely mentions a URL is only text.
bool loads_from_network(const std::string& html, const pugi::xml_document& doc) {
    if (doc.select_node("//*[@src or @href]")) return true;
    if (doc.select_node("//@*[name() != 'xmlns' and (contains(., '://') or starts-with(., '//'))]"))
        return true;
    return html.find("url(") != std::string::npos;
}

// The number a text starts with ("3.51 km" gives 3.51), and the text after it.
std::pair<double, std::string> leading_number(const std::string& text) {
    std::size_t from = text.empty() || text[0] != '+' ? 0 : 1;
    double v = std::numeric_limits<double>::quiet_NaN();
    const auto [end, ec] = std::from_chars(text.data() + from, text.data() + text.size(), v);
    if (ec != std::errc()) return {std::numeric_limits<double>::quiet_NaN(), text};
    return {v, std::string(end, text.data() + text.size())};
}

TEST(ActivityReport, HasEveryChartAndTheSummary) {
    const Analysed run = hilly_run();
    ASSERT_EQ(run.analysis.climbs.size(), 1U);
    const std::string html = activity_report_html(run.activity, run.analysis);
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    EXPECT_FALSE(loads_from_network(html, doc));
    EXPECT_EQ(test::count_elements(doc, "script"), 0U);
    // A FIT file has no name: the title is the file name.
    EXPECT_STREQ(doc.select_node("//h1").node().text().get(), "hilly-run.fit");
    for (const char* id :
         {"summary", "elevation", "outline", "pace", "heart_rate", "grades", "muscle_load", "climbs"}) {
        EXPECT_TRUE(doc.select_node(("//section[@id='" + std::string(id) + "']").c_str())) << id;
    }
    for (const char* id : {"elevation", "outline", "pace", "heart_rate", "grades", "muscle_load"}) {
        const auto svg = doc.select_node(("//section[@id='" + std::string(id) + "']//svg").c_str()).node();
        ASSERT_TRUE(svg) << id;
        EXPECT_TRUE(svg.attribute("viewBox")) << id;
    }
    // The summary table states the distance and the ascent in metric units.
    const auto row = [&](const char* label) {
        return std::string(
            doc.select_node(("//section[@id='summary']//tr[th='" + std::string(label) + "']/td").c_str())
                .node()
                .text()
                .get());
    };
    // 3.6 km of course (1000 + 1500 + 600 + 500 m of ground, horizontal); about 120 m up.
    const auto [km, km_unit] = leading_number(row("distance"));
    EXPECT_NEAR(km, 3.55, 0.1) << row("distance");
    EXPECT_EQ(km_unit, " km");
    const auto [up, up_rest] = leading_number(row("elevation"));
    EXPECT_NEAR(up, 120.0, 15.0) << row("elevation");
    EXPECT_EQ(up_rest.rfind(" m, -", 0), 0U) << row("elevation");
    EXPECT_FALSE(row("grade-adjusted pace").empty());
    EXPECT_FALSE(row("heart rate").empty());
}

TEST(ActivityReport, ElevationProfileIsColouredByGradeWithHillsMarked) {
    const Analysed run = hilly_run();
    const std::string svg = elevation_chart(run.analysis, UnitFormat{});
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(svg, doc));
    // One shaded span per climb and per descent, labelled C1.., D1...
    EXPECT_EQ(doc.select_nodes("//rect[starts-with(@data-span,'C')]").size(), run.analysis.climbs.size());
    EXPECT_EQ(doc.select_nodes("//rect[starts-with(@data-span,'D')]").size(), run.analysis.descents.size());
    const std::string climb_tip = doc.select_node("//rect[@data-span='C1']/title").node().text().get();
    EXPECT_EQ(climb_tip.rfind("Climb 1: ", 0), 0U) << climb_tip;
    // The fill has pieces in the flat band and in a climbing band of 6..10 % (the climb averages 8 %).
    EXPECT_TRUE(doc.select_node("//polygon[@data-series='grade-band-4']"));
    EXPECT_TRUE(doc.select_node("//polygon[@data-series='grade-band-6']"));
    EXPECT_TRUE(doc.select_node("//polygon[@data-series='grade-band-6']/title[text()='6..10%']"));
    // No climbing band steeper than the course's steepest part (8 %, smoothed) appears.
    EXPECT_FALSE(doc.select_node("//polygon[@data-series='grade-band-8']"));
    EXPECT_TRUE(doc.select_node("//polyline[@data-series='elevation']"));
}

TEST(ActivityReport, ImperialUnitsReachTheChartsAndTables) {
    const Analysed run = hilly_run();
    const std::string html = activity_report_html(
        run.activity, run.analysis, ActivityReportOptions{.units = UnitFormat(UnitSystem::imperial)});
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    EXPECT_TRUE(doc.select_node("//section[@id='elevation']//text[text()='elevation (ft)']"));
    EXPECT_TRUE(doc.select_node("//section[@id='elevation']//text[text()='distance (mi)']"));
    EXPECT_TRUE(doc.select_node("//section[@id='pace']//text[text()='pace (min/mi)']"));
    const std::string distance =
        doc.select_node("//section[@id='summary']//tr[th='distance']/td").node().text().get();
    const auto [miles, mi_unit] = leading_number(distance);
    EXPECT_NEAR(miles, 3.55 / 1.609344, 0.07) << distance;
    EXPECT_EQ(mi_unit, " mi");
    const std::string elevation =
        doc.select_node("//section[@id='summary']//tr[th='elevation']/td").node().text().get();
    const auto [feet, ft_rest] = leading_number(elevation);
    EXPECT_NEAR(feet, 120.0 / 0.3048, 50.0) << elevation;
    EXPECT_EQ(ft_rest.rfind(" ft, -", 0), 0U) << elevation;
}

TEST(ActivityReport, HostileFileTextIsEscaped) {
    Analysed run = hilly_run();
    run.activity.metadata.name = "<script>alert(1)</script><img src=\"http://evil.example/x.png\">";
    run.activity.metadata.creator = "\"><svg onload=alert(1)>";
    const std::string html = activity_report_html(run.activity, run.analysis);
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    EXPECT_EQ(test::count_elements(doc, "script"), 0U);
    EXPECT_EQ(test::count_elements(doc, "img"), 0U);
    EXPECT_FALSE(doc.select_node("//*[@onload]"));
    EXPECT_FALSE(loads_from_network(html, doc));
    EXPECT_STREQ(doc.select_node("//h1").node().text().get(), run.activity.metadata.name.c_str());
    EXPECT_STREQ(doc.select_node("//tr[th='recorded with']/td").node().text().get(),
                 "\"><svg onload=alert(1)>");
}

TEST(ActivityReport, OneChartByIdIsTheSameAsInTheFullSet) {
    const Analysed run = hilly_run();
    const auto all = activity_charts(run.activity, run.analysis, UnitFormat{});
    ASSERT_EQ(all.size(), 6U);
    for (const auto& chart : all) {
        const auto one = activity_chart(chart.id, run.activity, run.analysis, UnitFormat{});
        ASSERT_TRUE(one.has_value()) << chart.id;
        EXPECT_EQ(one->svg, chart.svg) << chart.id;
        EXPECT_EQ(one->title, chart.title) << chart.id;
    }
    EXPECT_FALSE(activity_chart("nothing", run.activity, run.analysis, UnitFormat{}).has_value());
}

TEST(ActivityReport, ActivityWithoutElevationOrHeartRateLeavesThoseChartsOut) {
    Analysed run = hilly_run();
    for (auto& v : run.activity.samples.elevation_m) v = std::numeric_limits<double>::quiet_NaN();
    for (auto& v : run.activity.samples.heart_rate_bpm) v = std::numeric_limits<double>::quiet_NaN();
    run.analysis = analysis::analyze(run.activity);
    const auto charts = activity_charts(run.activity, run.analysis, UnitFormat{});
    std::vector<std::string> ids;
    for (const auto& c : charts) ids.push_back(c.id);
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "heart_rate"), ids.end());
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "elevation"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "outline"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "pace"), ids.end());
    EXPECT_FALSE(activity_chart("heart_rate", run.activity, run.analysis, UnitFormat{}).has_value());
    pugi::xml_document doc;
    EXPECT_TRUE(test::parses_as_xml(activity_report_html(run.activity, run.analysis), doc));
}

}  // namespace
}  // namespace hillcoach::report
