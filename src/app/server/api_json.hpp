#pragma once
// The JSON the dashboard's API answers with (docs/api.md lists every key). SI units in the keys' names, as
// everywhere in hillcoach; text that came from a file is made valid UTF-8 (report::valid_utf8) and is escaped
// by the page that shows it (the dashboard sets it as text, never as markup).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/server/activity_library.hpp"
#include "hillcoach/report/units.hpp"

namespace hillcoach::app::server {

using Json = nlohmann::ordered_json;

// One row of the activity list.
Json activity_list_item(const LibraryEntry& entry);
// The activity page: the list's keys, the summary as text in `units`, the charts it has, the analysis.
Json activity_detail(const LibraryEntry& entry, const report::UnitFormat& units);
// {"error": {"status": 404, "message": "..."}}
Json error_json(int status, std::string_view message);

}  // namespace hillcoach::app::server
