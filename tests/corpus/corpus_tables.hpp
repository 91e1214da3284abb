#pragma once
// The corpus's own tables (MANIFEST.tsv, oracles-fit.tsv, oracles-tcx.tsv, gpx-structure.tsv): rows as
// column-name → text maps, so a test reads exactly the column the corpus README documents.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hillcoach::test {

using TsvRow = std::map<std::string, std::string>;

// Every row of a tab-separated file whose first line names the columns.
std::vector<TsvRow> read_tsv(const std::filesystem::path& path);
// The value of a column as a number; nullopt when empty or not a number.
std::optional<double> tsv_number(const TsvRow& row, const std::string& column);
// The value of a column, "" if absent.
std::string tsv_text(const TsvRow& row, const std::string& column);

}  // namespace hillcoach::test
