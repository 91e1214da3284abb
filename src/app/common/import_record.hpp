#pragma once
// One analysed activity as the store keeps it: its digest, the session's reason and where it came from.
// `hillcoach import` and the dashboard's uploads (`hillcoach serve`) both make their records here, so an
// activity imported either way is stored with the same numbers.

#include "hillcoach/analysis/activity_analysis.hpp"
#include "hillcoach/core/activity.hpp"
#include "hillcoach/store/store.hpp"

namespace hillcoach::app {

// The record of `activity` (the file_index-th of its file) already analysed as `analysis`; its source path is
// the activity's metadata.source_path.
store::ImportRecord import_record(const core::Activity& activity, const analysis::ActivityAnalysis& analysis,
                                  int file_index, double imported_at_s);

}  // namespace hillcoach::app
