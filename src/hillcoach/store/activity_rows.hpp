#pragma once
// An activity to rows and back: one row in `activities` (the digest as typed columns), one row per climb in
// `climbs`, one per muscle group in `muscle_loads`, one per source file in `activity_sources`. The parent
// row counts its children (climb_count, muscle_group_count) so that a reader can tell a whole activity from a
// damaged one; SQLite's transactions make sure the counts always hold (docs/store.md).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hillcoach/analysis/classify.hpp"
#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/core/ids.hpp"
#include "hillcoach/store/database.hpp"
#include "hillcoach/store/stored_activity.hpp"

namespace hillcoach::store {

// Inserts activities with statements prepared once (an import writes thousands of rows). Each call must run
// inside a transaction the caller holds.
class ActivityWriter {
public:
    explicit ActivityWriter(Database& db) : m_db(&db) {}

    // The digest's id is ignored; the new activity's id is returned.
    core::Expected<core::ActivityId> insert(const training::ActivityDigest& digest, std::string_view session_reason);
    core::Expected<void> add_source(core::ActivityId activity, const SourceFile& source,
                                    std::optional<std::int64_t> import_id);

private:
    core::Expected<void> insert_climbs(core::ActivityId id, const std::vector<training::ClimbDigest>& climbs);
    core::Expected<void> insert_muscles(core::ActivityId id, const physiology::MuscleProfile& load);

    Database* m_db = nullptr;
    Statement m_activity;
    Statement m_climb;
    Statement m_muscle;
    Statement m_source;
};

// Which activities to read. Unset members do not filter.
struct ActivityQuery {
    std::optional<core::ActivityId> id{};
    std::optional<double> from_s{};  // start_time >= from_s
    std::optional<double> to_s{};    // start_time < to_s
    std::optional<core::Sport> sport{};
    std::optional<analysis::SessionType> session_type{};
    bool with_sources = false;  // also read each activity's source files (and its import run)
};

// The matching activities (digest, session reason and, if asked, sources: first imported first), by start
// time then id; activities without a start time come first. An activity whose child rows do not match its
// counts is reported as damaged (database_error): it cannot happen through this module's transactions.
core::Expected<std::vector<StoredActivity>> read_activities(Database& db, const ActivityQuery& query = {});

}  // namespace hillcoach::store
