#include "app/common/import_record.hpp"

#include <string>

#include "hillcoach/training/activity_digest.hpp"

namespace hillcoach::app {

store::ImportRecord import_record(const core::Activity& activity, const analysis::ActivityAnalysis& analysis,
                                  int file_index, double imported_at_s) {
    store::ImportRecord r;
    r.digest = training::make_digest(analysis);
    r.session_reason = analysis.session.reason;
    r.source = {.content_hash = activity.metadata.content_hash,
                .file_index = file_index,
                .path = activity.metadata.source_path,
                .format = std::string(core::to_string(activity.metadata.format)),
                .external_id = activity.metadata.external_id,
                .imported_at_s = imported_at_s};
    return r;
}

}  // namespace hillcoach::app
