#pragma once
// The store's schema and its migrations. PRAGMA user_version holds the schema version of a file; opening a
// file runs, in order, every migration above its version, each in its own transaction together with the
// version bump, so a crash between two migrations leaves a file at a consistent earlier version that the
// next open carries on from. Migrations are only ever appended: a released one never changes (a test
// builds a version-1 file with migration 1 alone and upgrades it).
//
// PRAGMA application_id marks the file as hillcoach's, so an unrelated SQLite file given to --db is refused
// instead of getting our tables added to it. docs/store.md describes every table and column.

#include <cstdint>
#include <span>
#include <string_view>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/store/database.hpp"

namespace hillcoach::store {

// "HCDB": PRAGMA application_id of every hillcoach database.
inline constexpr std::int64_t k_application_id = 0x48434442;

struct Migration {
    int version = 0;                  // the user_version after it
    std::string_view description{};  // for docs and errors
    std::string_view sql{};
};

// Every migration, in order; the last one's version is the current schema version.
std::span<const Migration> migrations();
int current_schema_version();

// Upgrades `db` to `target_version` (default: current). Refuses (database_error) a file of a newer schema
// than this build knows, or a non-empty SQLite file that is not a hillcoach database.
core::Expected<void> migrate(Database& db, int target_version = current_schema_version());

}  // namespace hillcoach::store
