#pragma once
// Word wrapping for terminal output: long values (a session's reason, a note) continue on the next line under
// their first character instead of running past 80 columns.

#include <cstddef>
#include <string>
#include <string_view>

namespace hillcoach::app {

// `text` broken at spaces into lines of at most `width` characters (a longer word stays whole); lines after
// the first start with `indent` spaces. No trailing newline.
std::string wrap_text(std::string_view text, std::size_t width, std::size_t indent);

}  // namespace hillcoach::app
