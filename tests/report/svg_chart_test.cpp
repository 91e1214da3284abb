#include "hillcoach/report/svg_chart.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "svg_test_support.hpp"

namespace hillcoach::report {
namespace {

using test::count_elements;
using test::parses_as_xml;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

SvgChart simple_chart(std::string title = "A chart") {
    return SvgChart(std::move(title), Axis{.range = {0.0, 10.0}, .label = "distance (km)"},
                    Axis{.range = {100.0, 200.0}, .label = "elevation (m)"});
}

TEST(NiceTicks, StepsOfOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_EQ(nice_ticks({0.0, 10.0}, 5), (std::vector<double>{0, 2, 4, 6, 8, 10}));
    EXPECT_EQ(nice_ticks({0.0, 1.0}, 4), (std::vector<double>{0, 0.25, 0.5, 0.75, 1.0}));
    EXPECT_EQ(nice_ticks({103.0, 187.0}, 5), (std::vector<double>{120, 140, 160, 180}));
    // A negative range crosses zero at an exact 0, never "-0" or 1e-17.
    const auto ticks = nice_ticks({-0.3, 0.3}, 6);
    ASSERT_FALSE(ticks.empty());
    EXPECT_NE(std::find(ticks.begin(), ticks.end(), 0.0), ticks.end());
}

TEST(NiceTicks, DegenerateRangesGiveAtMostOneTick) {
    EXPECT_EQ(nice_ticks({5.0, 5.0}, 5), (std::vector<double>{5.0}));
    EXPECT_TRUE(nice_ticks({k_nan, 1.0}, 5).empty());
    EXPECT_EQ(nice_ticks({0.0, 1.0}, 0), (std::vector<double>{0.0}));
}

TEST(NumberText, DropsTrailingZerosAndNegativeZero) {
    EXPECT_EQ(number_text(1.50), "1.5");
    EXPECT_EQ(number_text(2.0), "2");
    EXPECT_EQ(number_text(-0.001), "0");
    EXPECT_EQ(number_text(123.456, 1), "123.5");
    EXPECT_EQ(number_text(k_nan), "0");
}

TEST(SvgChart, MapsDataToThePlotArea) {
    const SvgChart chart = simple_chart();
    const ChartSize size;
    EXPECT_DOUBLE_EQ(chart.screen_x(0.0), size.left);
    EXPECT_DOUBLE_EQ(chart.screen_x(10.0), size.width - size.right);
    EXPECT_DOUBLE_EQ(chart.screen_y(100.0), size.height - size.bottom);  // y grows upwards
    EXPECT_DOUBLE_EQ(chart.screen_y(200.0), size.top);
    EXPECT_DOUBLE_EQ(chart.screen_x(5.0), (size.left + size.width - size.right) / 2.0);
    // Values outside the range are clamped to the plot, never drawn over the axis labels.
    EXPECT_DOUBLE_EQ(chart.screen_y(1000.0), size.top);
    EXPECT_DOUBLE_EQ(chart.screen_x(-4.0), size.left);
}

TEST(SvgChart, InvertedAxisPutsLargeValuesAtTheBottom) {
    const SvgChart chart("Pace", Axis{.range = {0.0, 1.0}}, Axis{.range = {240.0, 360.0}, .inverted = true});
    EXPECT_LT(chart.screen_y(240.0), chart.screen_y(360.0));  // fast (small) pace is up
}

TEST(SvgChart, RendersWellFormedScalableSvg) {
    SvgChart chart = simple_chart();
    const std::vector<ChartPoint> points = {{0, 120}, {2, 150}, {5, 180}, {10, 110}};
    chart.line(points, "#333", 1.5, "elevation", "elevation");
    chart.area(points, "#f0964a", "", "fill");
    chart.bar(1, 2, 100, 130, "#123456", "bar one");
    chart.marker({5, 180}, "#222", "top", "the top");
    chart.horizontal_band(140, 160, "#eee", "safe");
    chart.vertical_span(2, 5, "#b8432a", "C1", "Climb 1");
    chart.legend({{"climb", "#b8432a"}});
    pugi::xml_document doc;
    ASSERT_TRUE(parses_as_xml(chart.render(), doc));
    const pugi::xml_node svg = doc.child("svg");
    ASSERT_TRUE(svg);
    EXPECT_STREQ(svg.attribute("viewBox").value(), "0 0 640 260");
    EXPECT_STREQ(svg.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
    // No fixed size: it takes its container's width (a phone's or a desktop's).
    EXPECT_FALSE(svg.attribute("width"));
    EXPECT_FALSE(svg.attribute("height"));
    EXPECT_STREQ(svg.attribute("role").value(), "img");
    EXPECT_STREQ(svg.child("title").text().get(), "A chart");
    EXPECT_EQ(count_elements(svg, "polyline"), 1U);
    EXPECT_EQ(count_elements(svg, "polygon"), 1U);
    EXPECT_EQ(count_elements(svg, "circle"), 1U);
    EXPECT_STREQ(svg.select_node(".//rect[@class='bar']").node().child("title").text().get(), "bar one");
    EXPECT_TRUE(svg.select_node(".//rect[@data-band='safe']"));
    EXPECT_STREQ(svg.select_node(".//rect[@data-span='C1']").node().child("title").text().get(), "Climb 1");
    // The line's points are the data mapped to the screen.
    const std::string coords = svg.select_node(".//polyline").node().attribute("points").value();
    EXPECT_EQ(coords, "56,175.6 170,115 341,54.4 626,195.8");
}

TEST(SvgChart, TicksAndAxisTitlesAreDrawn) {
    SvgChart chart = simple_chart();
    pugi::xml_document doc;
    ASSERT_TRUE(parses_as_xml(chart.render(), doc));
    std::vector<std::string> texts;
    for (const auto& n : doc.select_nodes("//text")) texts.emplace_back(n.node().text().get());
    for (const char* expected : {"0", "2", "10", "100", "140", "200", "distance (km)", "elevation (m)"}) {
        EXPECT_NE(std::find(texts.begin(), texts.end(), expected), texts.end()) << expected;
    }
    SvgChart bare("Outline", Axis{.range = {0.0, 1.0}}, Axis{.range = {0.0, 1.0}}, ChartSize{.axes = false});
    ASSERT_TRUE(parses_as_xml(bare.render(), doc));
    EXPECT_EQ(count_elements(doc, "text"), 0U);
    EXPECT_EQ(count_elements(doc, "line"), 0U);
}

TEST(SvgChart, CategoricalAxisLabelsEachPosition) {
    SvgChart chart("Bars", Axis{.range = {-0.5, 2.5}, .categories = {"a", "b<", "c"}},
                   Axis{.range = {0.0, 10.0}});
    pugi::xml_document doc;
    ASSERT_TRUE(parses_as_xml(chart.render(), doc));
    EXPECT_TRUE(doc.select_node("//text[text()='b<']"));
    EXPECT_FALSE(doc.select_node("//text[text()='0.5']"));  // no numeric x ticks
}

TEST(SvgChart, NanBreaksALineIntoPieces) {
    SvgChart chart = simple_chart();
    const std::vector<ChartPoint> points = {{0, 120},   {1, 130},   {2, k_nan}, {3, 150},     {4, 160},
                                            {5, k_nan}, {6, k_nan}, {7, 170},   {k_nan, 150}, {9, 150}};
    chart.line(points, "#000", 1.0, "", "s");
    chart.area(points, "#000", "", "a");
    pugi::xml_document doc;
    ASSERT_TRUE(parses_as_xml(chart.render(), doc));
    // Pieces: [0,1], [3,4], [7], [9].
    EXPECT_EQ(count_elements(doc, "polyline"), 4U);
    EXPECT_EQ(count_elements(doc, "polygon"), 4U);
    for (const auto& n : doc.select_nodes("//polyline")) {
        EXPECT_EQ(std::string(n.node().attribute("points").value()).find("nan"), std::string::npos);
    }
}

TEST(SvgChart, HostileTextCannotBreakTheMarkup) {
    const std::string evil = "</title><script>alert(1)</script>\"' onload=\"x\" &amp;";
    SvgChart chart(evil, Axis{.range = {0.0, 1.0}, .label = evil}, Axis{.range = {0.0, 1.0}, .label = evil});
    chart.line(std::vector<ChartPoint>{{0, 0}, {1, 1}}, "red\" onclick=\"x", 1.0, evil, evil);
    chart.bar(0, 1, 0, 1, "#000", evil);
    chart.marker({0.5, 0.5}, "#000", evil, evil);
    chart.vertical_span(0, 1, "#000", evil, evil);
    chart.horizontal_band(0, 1, "#000", evil);
    chart.legend({{evil, evil}});
    const std::string svg = chart.render();
    pugi::xml_document doc;
    ASSERT_TRUE(parses_as_xml(svg, doc));
    EXPECT_EQ(count_elements(doc, "script"), 0U);
    EXPECT_FALSE(doc.select_node("//*[@onload]"));
    EXPECT_FALSE(doc.select_node("//*[@onclick]"));
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    // The text survives, as text.
    EXPECT_STREQ(doc.child("svg").child("title").text().get(), evil.c_str());
}

}  // namespace
}  // namespace hillcoach::report
