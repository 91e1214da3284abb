#pragma once
// What every TOML profile reader shares (the athlete's [athlete] here, training's [training]/[guidance]/[goal],
// the plan's [runner]/[goal]/[plan]): reading the file, parsing it with toml++, and errors that point at the
// line and column of the value that is wrong. It lives in physiology, the lowest module that reads a profile.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "hillcoach/core/expected.hpp"

namespace hillcoach::physiology {

// ASCII lower case (profile words are ASCII: "female", "monday").
std::string lower_ascii(std::string_view text);

// Where a TOML node or parse error is: the source's name, with its line and column when toml++ knows them.
core::Location toml_location(const std::string& source, const toml::source_region& region);

// invalid_argument at `node`'s position.
core::Error toml_value_error(const std::string& source, const toml::node& node, std::string reason);

// An integer or a floating-point value as a double; nullopt for anything else.
std::optional<double> toml_number(const toml::node& node);

// The text parsed as TOML; invalid_argument "not a valid TOML profile: ..." at the error's position.
core::Expected<toml::table> parse_toml_profile(std::string_view text, const std::string& source);

// The file's whole text; io_error "cannot open the profile file" naming it.
core::Expected<std::string> read_profile_text(const std::filesystem::path& path);

}  // namespace hillcoach::physiology
