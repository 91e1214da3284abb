// Strict numbers and times out of XML text, reference decoding, and offsets -> line:column, including the
// line breaks pugixml overwrites when it parses in place.

#include "hillcoach/io/xml_text.hpp"

#include <string>

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace hillcoach::io {
namespace {

TEST(XmlTextTest, NumbersParseStrictly) {
    EXPECT_EQ(parse_xml_number("12.5"), 12.5);
    EXPECT_EQ(parse_xml_number(" \t12.5\r\n"), 12.5) << "XML white space around is fine";
    EXPECT_EQ(parse_xml_number("-0.25"), -0.25);
    EXPECT_EQ(parse_xml_number("+3"), 3.0) << "xsd:decimal allows a leading plus";
    EXPECT_EQ(parse_xml_number("1e3"), 1000.0);
    EXPECT_EQ(parse_xml_number(".5"), 0.5);
    EXPECT_EQ(parse_xml_number("41.16303957067430019378662109375"), 41.1630395706743);
    EXPECT_EQ(parse_xml_number("&#52;5.5"), 45.5) << "a character reference is valid XML for a digit";

    for (const char* bad : {"", "   ", "abc", "12,5", "12.5x", "1 2", "inf", "nan", "NaN", "0x10", "1e999", "--1",
                            "+-1", "+", "&#xZZ;", "12.5&amp;"}) {
        EXPECT_FALSE(parse_xml_number(bad).has_value()) << '"' << bad << '"';
    }
}

TEST(XmlTextTest, TimesGoThroughIso8601) {
    const auto t = parse_xml_time("\n  2024-05-01T06:30:00Z  ");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->unix_s, 1714545000.0);
    const auto offset = parse_xml_time("2015-12-11T15:43:13.5+01:00");
    ASSERT_TRUE(offset.has_value());
    EXPECT_EQ(offset->unix_s, 1449844993.5);
    EXPECT_EQ(offset->utc_offset_s, 3600);
    EXPECT_TRUE(parse_xml_time("&#50;024-05-01T06:30:00Z").has_value());
    EXPECT_FALSE(parse_xml_time("yesterday").has_value());
    EXPECT_FALSE(parse_xml_time("2024-05-01").has_value());
}

TEST(XmlTextTest, DecodedTextForPeople) {
    EXPECT_EQ(decode_xml_text("Run avec Nico &amp; Mag"), "Run avec Nico & Mag");
    EXPECT_EQ(decode_xml_text("&lt;b&gt; &quot;x&quot; &apos;y&apos;"), "<b> \"x\" 'y'");
    EXPECT_EQ(decode_xml_text("Caf&#233; &#xE9;&#x1F3C3;"), "Café é🏃");
    EXPECT_EQ(decode_xml_text("  two\r\nlines \n"), "two\nlines");
    EXPECT_EQ(decode_xml_text("&nbsp; &#0; & alone"), "&nbsp; &#0; & alone") << "unknown references stay as written";
}

TEST(XmlTextTest, ExcerptsAreCutAtCharacterBoundaries) {
    EXPECT_EQ(quote_excerpt("  short  "), "short");
    EXPECT_EQ(quote_excerpt("abcdefghij", 4), "abcd…");
    EXPECT_EQ(quote_excerpt("aéé", 2), "a…") << "never half of a two-byte character";
}

TEST(XmlTextTest, LocalNamesAndCase) {
    EXPECT_EQ(local_name("gpxtpx:hr"), "hr");
    EXPECT_EQ(local_name("trkpt"), "trkpt");
    EXPECT_EQ(local_name("a:b:c"), "c");
    EXPECT_TRUE(iequals_ascii("Temperature", "temperature"));
    EXPECT_FALSE(iequals_ascii("temp", "temperature"));
}

TEST(XmlTextTest, OffsetsBecomeLinesAndColumns) {
    const std::string text = "ab\ncd\n\xC3\x9C" "ber x";  // "Über x" on line 3
    const XmlPositions positions(text, core::Location{.file = "f.gpx"});
    auto at = [&](std::size_t offset) { return core::format_location(positions.at_offset(offset)); };
    EXPECT_EQ(at(0), "f.gpx:1:1");
    EXPECT_EQ(at(1), "f.gpx:1:2");
    EXPECT_EQ(at(3), "f.gpx:2:1");
    EXPECT_EQ(at(6), "f.gpx:3:1");
    EXPECT_EQ(at(11), "f.gpx:3:5") << "Ü is two bytes and one column";
    EXPECT_EQ(at(1000), "f.gpx:3:7") << "past the end: clamped";
    EXPECT_EQ(positions.at_offset(4).byte_offset, 4U);
    EXPECT_EQ(core::format_location(positions.at(nullptr)), "f.gpx");
    EXPECT_EQ(core::format_location(positions.at("elsewhere")), "f.gpx");
}

TEST(XmlTextTest, ByteOrderMarkIsNotAColumn) {
    const std::string text = "\xEF\xBB\xBF<gpx/>";
    const XmlPositions positions(text, core::Location{.file = "bom.gpx"});
    EXPECT_EQ(core::format_location(positions.at_offset(3)), "bom.gpx:1:1");
    EXPECT_EQ(core::format_location(positions.at_offset(4)), "bom.gpx:1:2");
}

// pugixml writes '\0' over the character after each element and attribute name; here that character is a
// line break. Counting the line breaks left in the parsed buffer would say line 4 for <time>; it is line 7.
TEST(XmlTextTest, LineBreaksOverwrittenByTheInPlaceParserStillCount) {
    std::string text =
        "<gpx\n"
        "  version=\"1.1\">\n"
        "<trk\n"
        "><trkseg><trkpt lat\n"
        "=\"1\" lon=\"2\"\n"
        ">\n"
        "  <time>x</time></trkpt></trkseg></trk></gpx>";
    const XmlPositions positions(text, core::Location{.file = "p.gpx"});
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_buffer_inplace(text.data(), text.size(), pugi::parse_embed_pcdata, pugi::encoding_utf8));
    const char* value = doc.child("gpx").child("trk").child("trkseg").child("trkpt").child("time").child_value();
    ASSERT_TRUE(positions.contains(value));
    EXPECT_EQ(core::format_location(positions.at(value)), "p.gpx:7:9");
    const char* lat = doc.child("gpx").child("trk").child("trkseg").child("trkpt").attribute("lat").value();
    EXPECT_EQ(core::format_location(positions.at(lat)), "p.gpx:5:3");
}

}  // namespace
}  // namespace hillcoach::io
