#include "hillcoach/report/html_escape.hpp"

#include <string>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "svg_test_support.hpp"

namespace hillcoach::report {
namespace {

TEST(HtmlEscape, ReplacesTheFiveSpecialCharacters) {
    EXPECT_EQ(html_escape("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
    EXPECT_EQ(html_escape("Morning run"), "Morning run");
    EXPECT_EQ(html_escape(""), "");
    // Already-escaped text is escaped again: it is text, not markup.
    EXPECT_EQ(html_escape("&amp;"), "&amp;amp;");
}

TEST(HtmlEscape, KeepsValidUtf8) {
    EXPECT_EQ(html_escape("Côte de la Croix-Fry — 1 467 m ⛰ 🏃"), "Côte de la Croix-Fry — 1 467 m ⛰ 🏃");
    EXPECT_EQ(html_escape("line\tone\nline two"), "line\tone\nline two");
}

TEST(HtmlEscape, ReplacesBrokenUtf8AndControlCharacters) {
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ(html_escape("a\xFF"
                          "b"),
              "a" + fffd + "b");                                            // never a lead byte
    EXPECT_EQ(html_escape("\xC3"), fffd);                                   // truncated sequence
    EXPECT_EQ(html_escape("\xC0\xBC"), fffd + fffd);                        // overlong '<'
    EXPECT_EQ(html_escape("\xE0\x80\xBC"), fffd + fffd + fffd);             // overlong '<' in three bytes
    EXPECT_EQ(html_escape("\xED\xA0\x80"), fffd + fffd + fffd);             // a UTF-16 surrogate
    EXPECT_EQ(html_escape("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // past U+10FFFF
    EXPECT_EQ(html_escape(std::string("a\0b", 3)), "a" + fffd + "b");
    EXPECT_EQ(html_escape("\x1b[31mred"), fffd + "[31mred");
    EXPECT_EQ(html_escape("\x7f"), fffd);
}

TEST(ValidUtf8, CleansWithoutEscaping) {
    EXPECT_EQ(valid_utf8("<b>&\"'</b>"), "<b>&\"'</b>");
    EXPECT_EQ(valid_utf8("ok\xFE"), "ok\xEF\xBF\xBD");
}

// Hostile activity names as a file could carry them, placed in element text and in a quoted attribute: the
// page must parse, keep the text exactly (after U+FFFD replacement) and gain no element or attribute.
TEST(HtmlEscape, HostileNamesStayTextInElementsAndAttributes) {
    const std::string hostile[] = {
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "</title></head><body onload=alert(1)>",
        "]]><!-- --><![CDATA[",
        "&lt;already&gt; &#x3C; &",
        "javascript:alert(1)",
        "a\x01\x02\x1f"
        "b",
    };
    for (const std::string& name : hostile) {
        const std::string page = "<div title=\"" + html_escape(name) + "\" data-x='" + html_escape(name) +
                                 "'><p>" + html_escape(name) + "</p></div>";
        pugi::xml_document doc;
        ASSERT_TRUE(test::parses_as_xml(page, doc)) << name;
        const pugi::xml_node div = doc.child("div");
        EXPECT_EQ(test::count_elements(doc, "*"), 2U) << name;  // div and p only
        EXPECT_EQ(std::distance(div.attributes_begin(), div.attributes_end()), 2) << name;
        EXPECT_EQ(std::string(div.attribute("title").value()), valid_utf8(name)) << name;
        EXPECT_EQ(std::string(div.attribute("data-x").value()), valid_utf8(name)) << name;
        EXPECT_EQ(std::string(div.child("p").text().get()), valid_utf8(name)) << name;
    }
}

}  // namespace
}  // namespace hillcoach::report
