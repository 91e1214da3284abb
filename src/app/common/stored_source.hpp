#pragma once
// A stored activity's track, read again from the file it was imported from. The store keeps an activity's
// numbers (its digest) and where it came from, not its samples (docs/store.md), so whatever needs the
// samples (`hillcoach report ID`) reads the source file again and checks it is still the same bytes.
//
// This lives in app/common (shared by the command line and the dashboard server) because it joins two
// modules that may not include each other (store and io).

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/io/read.hpp"
#include "hillcoach/store/stored_activity.hpp"

namespace hillcoach::app {

// Reads the activity from the first of its sources that still holds it: the same content hash, the activity
// at the source's index in the file. A source named "archive.zip(member)" is read from the archive.
// ErrorCode::not_found naming every source tried (moved, deleted or changed since the import) otherwise.
core::Expected<core::Activity> read_stored_activity(const store::StoredActivity& stored,
                                                    const io::ReadOptions& options);

}  // namespace hillcoach::app
