#include "hillcoach/report/html_page.hpp"

#include <string>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "svg_test_support.hpp"

namespace hillcoach::report {
namespace {

TEST(HtmlPage, IsOneSelfContainedPhoneReadyDocument) {
    HtmlPage page("Hill <repeats> & \"friends\"");
    page.subtitle("Tuesday's session");
    page.section("Summary", key_value_table({{"distance", "10.2 km"}, {"name", "<b>bold</b>"}}), "summary");
    page.figure("Chart", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"></svg>",
                "a caption");
    const std::string html = page.render();
    ASSERT_EQ(html.rfind("<!DOCTYPE html>", 0), 0U);
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    const pugi::xml_node head = doc.child("html").child("head");
    EXPECT_STREQ(head.select_node("meta[@name='viewport']").node().attribute("content").value(),
                 "width=device-width, initial-scale=1");
    EXPECT_STREQ(head.select_node("meta[@charset]").node().attribute("charset").value(), "utf-8");
    // The policy forbids every fetch and every script.
    const std::string csp =
        head.select_node("meta[@http-equiv='Content-Security-Policy']").node().attribute("content").value();
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(test::count_elements(doc, "script"), 0U);
    EXPECT_EQ(test::count_elements(doc, "link"), 0U);
    EXPECT_STREQ(head.child("title").text().get(), "Hill <repeats> & \"friends\"");
    EXPECT_STREQ(doc.select_node("//header/h1").node().text().get(), "Hill <repeats> & \"friends\"");
    EXPECT_STREQ(doc.select_node("//section[@id='summary']//tr[2]/td").node().text().get(), "<b>bold</b>");
    EXPECT_STREQ(doc.select_node("//figcaption").node().text().get(), "a caption");
    EXPECT_NE(html.find("svg.chart { width: 100%; height: auto;"), std::string::npos);
}

TEST(DataTable, RightAlignsNumericColumnsAndEscapesCells) {
    const std::string table =
        data_table({"#", "name", "height"}, {{"1", "A & B", "120 m"}, {"2", "<i>", "-"}});
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(table, doc));
    EXPECT_STREQ(doc.select_node("//thead/tr/th[1]").node().attribute("class").value(), "num");
    EXPECT_FALSE(doc.select_node("//thead/tr/th[2]").node().attribute("class"));
    EXPECT_STREQ(doc.select_node("//thead/tr/th[3]").node().attribute("class").value(), "num");
    EXPECT_STREQ(doc.select_node("//tbody/tr[2]/td[2]").node().text().get(), "<i>");
    EXPECT_EQ(test::count_elements(doc, "i"), 0U);
}

TEST(Paragraph, EscapesItsText) {
    EXPECT_EQ(paragraph("1 < 2"), "<p>1 &lt; 2</p>");
}

}  // namespace
}  // namespace hillcoach::report
