#include "app/cli/db_option.hpp"

#include <cstdlib>
#include <system_error>

namespace hillcoach::app {
namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

}  // namespace

void add_db_option(CLI::App& command, DbFlag& flag) {
    command
        .add_option("--db", flag.path,
                    "History database (default: $XDG_DATA_HOME/hillcoach/hillcoach.db, "
                    "else ~/.local/share/hillcoach/hillcoach.db)")
        ->type_name("PATH");
}

core::Expected<std::filesystem::path> default_db_path() {
    const std::filesystem::path xdg = env("XDG_DATA_HOME");
    if (xdg.is_absolute()) return xdg / "hillcoach" / "hillcoach.db";
    const std::string home = env("HOME");
    if (home.empty()) {
        return core::make_error(core::ErrorCode::invalid_argument, {},
                                "no database path: neither XDG_DATA_HOME nor HOME is set (give --db PATH)");
    }
    return std::filesystem::path(home) / ".local" / "share" / "hillcoach" / "hillcoach.db";
}

core::Expected<std::filesystem::path> db_path(const DbFlag& flag) {
    std::filesystem::path path;
    if (!flag.path.empty()) {
        path = flag.path;
    } else {
        auto fallback = default_db_path();
        if (!fallback) return fallback.error();
        path = std::move(*fallback);
    }
    const std::filesystem::path parent = path.parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(parent, ec);
        if (ec) {
            return core::make_error(core::ErrorCode::io_error, core::Location{.file = parent.string()},
                                    "cannot create the database's folder: " + ec.message());
        }
    }
    return path;
}

core::Expected<store::Store> open_history(const DbFlag& flag) {
    auto path = db_path(flag);
    if (!path) return path.error();
    return store::Store::open(*path);
}

}  // namespace hillcoach::app
