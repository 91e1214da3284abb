#include "hillcoach/physiology/toml_profile.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace hillcoach::physiology {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

core::Location toml_location(const std::string& source, const toml::source_region& region) {
    core::Location where{.file = source};
    if (region.begin.line > 0) where.line = region.begin.line;
    if (region.begin.column > 0) where.column = region.begin.column;
    return where;
}

core::Error toml_value_error(const std::string& source, const toml::node& node, std::string reason) {
    return core::make_error(core::ErrorCode::invalid_argument, toml_location(source, node.source()),
                            std::move(reason));
}

std::optional<double> toml_number(const toml::node& node) {
    if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
    if (const auto* f = node.as_floating_point()) return f->get();
    return std::nullopt;
}

core::Expected<toml::table> parse_toml_profile(std::string_view text, const std::string& source) {
    try {
        return toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        return core::make_error(core::ErrorCode::invalid_argument, toml_location(source, e.source()),
                                fmt::format("not a valid TOML profile: {}", e.description()));
    }
}

core::Expected<std::string> read_profile_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return core::make_error(core::ErrorCode::io_error, core::Location{.file = path.string()},
                                "cannot open the profile file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace hillcoach::physiology
