#pragma once
// GPX and TCX documents: one entry point that parses the XML once and hands the document to the reader its
// root element names (<gpx> or <TrainingCenterDatabase>).

#include <span>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"

namespace hillcoach::io {

// Parses `buffer` in place (pugixml; the buffer is modified) and reads every activity in it:
// a GPX gives one activity (several tracks/segments are joined in order, routes only when there is no track);
// a TCX gives one per <Activity> (multi-sport files give several), or its <Course>s as fallback.
// Errors name source.file (and source.entry) with line:column from the byte offset.
// Metadata::format, sport, creator, name and times are set; source_path and content_hash are the caller's.
core::Expected<std::vector<core::Activity>> read_xml_activity(std::span<char> buffer, const core::Location& source);

}  // namespace hillcoach::io
