#pragma once
// The dashboard's page, script and stylesheet, compiled into the binary: `hillcoach serve` needs no files
// beside it, and the server never maps a request path to the file system (so no path can escape a folder).

#include <span>
#include <string_view>

namespace hillcoach::app::server {

struct StaticAsset {
    std::string_view path;          // "/", "/app.js"
    std::string_view content_type;  // "text/html; charset=utf-8"
    std::string_view body;
};

// Every embedded file; a path not listed here is a 404.
std::span<const StaticAsset> static_assets();

}  // namespace hillcoach::app::server
