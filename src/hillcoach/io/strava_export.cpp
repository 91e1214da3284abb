#include "hillcoach/io/strava_export.hpp"

#include <fmt/format.h>

#include "hillcoach/io/csv_reader.hpp"

namespace hillcoach::io {
namespace {

core::Error missing_column(const core::Location& source, std::string_view name) {
    core::Location at = source;
    at.line = 1;
    at.column = 1;
    return core::make_error(core::ErrorCode::csv_malformed, at,
                            fmt::format("no \"{}\" column: not a Strava export's activities.csv", name));
}

std::string field_or_empty(const std::vector<std::string>& row, std::optional<std::size_t> column) {
    return column ? row[*column] : std::string{};
}

}  // namespace

core::Expected<StravaExportIndex> StravaExportIndex::parse(std::string_view csv_text, const core::Location& source) {
    auto table = read_csv(csv_text, source);
    if (!table) return table.error();
    const auto id = table->column("Activity ID");
    const auto file = table->column("Filename");
    if (!id) return missing_column(source, "Activity ID");
    if (!file) return missing_column(source, "Filename");
    const auto name = table->column("Activity Name");
    const auto type = table->column("Activity Type");
    const auto description = table->column("Activity Description");

    StravaExportIndex index;
    for (const auto& row : table->rows) {
        const std::string& path = row[*file];
        if (path.empty()) continue;  // a manual entry: no file to match
        index.m_by_file[path] = StravaActivityInfo{.id = row[*id],
                                                   .name = field_or_empty(row, name),
                                                   .type = field_or_empty(row, type),
                                                   .description = field_or_empty(row, description)};
    }
    return index;
}

const StravaActivityInfo* StravaExportIndex::find(std::string_view relative_path) const {
    const auto it = m_by_file.find(std::string(relative_path));
    return it == m_by_file.end() ? nullptr : &it->second;
}

void apply_strava_info(const StravaActivityInfo& info, core::Activity& activity) {
    auto& meta = activity.metadata;
    if (!info.id.empty()) meta.external_id = info.id;
    if (!info.name.empty()) meta.name = info.name;
    if (!info.description.empty()) meta.description = info.description;
    if (!info.type.empty()) {
        const core::Sport sport = core::sport_from_text(info.type);
        if (sport != core::Sport::unknown) {
            meta.sport = sport;
            meta.sport_raw = info.type;
            meta.sub_sport.clear();
        }
    }
}

}  // namespace hillcoach::io
