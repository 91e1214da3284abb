#pragma once
// A Strava bulk export ("Download or Delete Your Account" > "Request your archive"): a folder or zip with
// activities.csv at its root and the original files under activities/ ("activities/1234567890.fit.gz",
// ".gpx", ".tcx", each possibly gzipped). activities.csv gives, per activity, the columns read here:
//   "Activity ID"    Strava's id                          -> Metadata::external_id
//   "Activity Name"  the title the athlete gave it        -> Metadata::name
//   "Activity Type"  "Run", "Trail Run", "Ride", "Hike"…  -> Metadata::sport_raw and Metadata::sport
//   "Activity Description"                                -> Metadata::description
//   "Filename"       the file's path inside the export    (the key; empty for manual entries)
// Strava repeats some column names further right (a second "Distance", "Elapsed Time"); only the first of
// each is meant, and none of the repeated ones is read.

#include <string>
#include <string_view>
#include <unordered_map>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"

namespace hillcoach::io {

struct StravaActivityInfo {
    std::string id;
    std::string name;
    std::string type;
    std::string description;
};

class StravaExportIndex {
public:
    // Reads activities.csv. csv_malformed for a CSV error or when "Activity ID" or "Filename" is missing.
    static core::Expected<StravaExportIndex> parse(std::string_view csv_text, const core::Location& source);

    // The row whose Filename is `relative_path` ("activities/123.fit.gz", '/' separators), or null.
    const StravaActivityInfo* find(std::string_view relative_path) const;
    std::size_t size() const { return m_by_file.size(); }

private:
    std::unordered_map<std::string, StravaActivityInfo> m_by_file;
};

// The file name of an export's table.
inline constexpr std::string_view k_strava_csv_name = "activities.csv";

// Gives the activity Strava's name, type (which wins over the file's own sport: it is the athlete's choice,
// while the device's is often "generic") and id.
void apply_strava_info(const StravaActivityInfo& info, core::Activity& activity);

}  // namespace hillcoach::io
