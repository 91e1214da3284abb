#include "app/cli/text_wrap.hpp"

namespace hillcoach::app {

std::string wrap_text(std::string_view text, std::size_t width, std::size_t indent) {
    std::string out;
    std::size_t line = 0;  // characters on the current line
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ') ++pos;
        if (pos >= text.size()) break;
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(pos, end - pos);
        if (line > 0 && line + 1 + word.size() > width) {
            out += '\n';
            out.append(indent, ' ');
            line = 0;
        } else if (line > 0) {
            out += ' ';
            ++line;
        }
        out += word;
        line += word.size();
        pos = end;
    }
    return out;
}

}  // namespace hillcoach::app
