#pragma once
// The one way text from a file (an activity's name, its creator, a path, a climb's label) enters HTML or SVG.
// Every report and the dashboard's server-side pages go through html_escape(); nothing is inserted raw.

#include <string>
#include <string_view>

namespace hillcoach::report {

// Text safe inside an element or a quoted attribute: & < > " ' become character references; bytes that are
// not valid UTF-8 and control characters other than tab and newline become U+FFFD, so a hostile or broken
// name can neither close a tag nor corrupt the page's encoding.
std::string html_escape(std::string_view text);

// Valid UTF-8 with the same replacement (U+FFFD for broken sequences and control characters), for text that
// goes into JSON: nlohmann::json refuses to serialise invalid UTF-8.
std::string valid_utf8(std::string_view text);

}  // namespace hillcoach::report
