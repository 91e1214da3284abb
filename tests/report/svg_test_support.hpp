#pragma once
// Parsing report markup back in tests: an <svg> or a whole page must be well-formed XML, and tests count and
// inspect its elements instead of matching strings.

#include <algorithm>
#include <cstddef>
#include <string>

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace hillcoach::test {

// Parses `markup` as XML; the test fails (with pugixml's reason and offset) when it is not well-formed.
inline ::testing::AssertionResult parses_as_xml(const std::string& markup, pugi::xml_document& doc) {
    const pugi::xml_parse_result r =
        doc.load_buffer(markup.data(), markup.size(), pugi::parse_default | pugi::parse_doctype);
    if (r) return ::testing::AssertionSuccess();
    const auto from = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset - 60, 0));
    return ::testing::AssertionFailure()
           << r.description() << " at byte " << r.offset << ": ..." << markup.substr(from, 120) << "...";
}

// Number of elements named `name` anywhere under `node`.
inline std::size_t count_elements(pugi::xml_node node, const char* name) {
    return node.select_nodes((std::string(".//") + name).c_str()).size();
}

}  // namespace hillcoach::test
