#pragma once
// --db PATH: the history database every history command reads or writes (import, list, show, delete, export,
// weeks, load, check, climbs, plan, ...). Without it: $XDG_DATA_HOME/hillcoach/hillcoach.db, else
// ~/.local/share/hillcoach/hillcoach.db (the XDG Base Directory specification's default for user data).

#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/store/store.hpp"

namespace hillcoach::app {

struct DbFlag {
    std::string path;  // empty: the default
};

// Adds --db PATH to `command`.
void add_db_option(CLI::App& command, DbFlag& flag);

// The default database path from the environment; invalid_argument when neither XDG_DATA_HOME nor HOME is
// set (an absolute XDG_DATA_HOME only: the specification says a relative one is to be ignored).
core::Expected<std::filesystem::path> default_db_path();

// The database to use: the flag's path or the default, with its parent folders created (io_error naming the
// folder when that fails).
core::Expected<std::filesystem::path> db_path(const DbFlag& flag);

// db_path() opened as the history store (created and brought to the current schema if needed).
core::Expected<store::Store> open_history(const DbFlag& flag);

}  // namespace hillcoach::app
