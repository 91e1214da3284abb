#include "hillcoach/io/batch_reader.hpp"

#include <algorithm>
#include <map>
#include <system_error>

#include <fmt/format.h>

#include "hillcoach/io/archive.hpp"
#include "hillcoach/io/file_loader.hpp"
#include "hillcoach/io/read_pipeline.hpp"
#include "hillcoach/io/sniff.hpp"

namespace hillcoach::io {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;

ReadOutcome error_outcome(core::Error error) {
    ReadOutcome outcome;
    outcome.source = error.where;
    outcome.error = std::move(error);
    return outcome;
}

bool has_name(std::string_view path, std::string_view name) {
    const auto slash = path.find_last_of('/');
    return (slash == std::string_view::npos ? path : path.substr(slash + 1)) == name;
}

// The Strava exports found in one folder tree or archive, by the folder holding their activities.csv
// ("" for the root, "export/" for a sub-folder; '/' separators).
class ExportScopes {
public:
    void add(std::string folder, std::shared_ptr<const StravaExportIndex> index) {
        m_scopes.emplace(std::move(folder), std::move(index));
    }
    // The innermost export holding `relative_path`, and the path inside it.
    void assign(std::string_view relative_path, ReadTask& task) const {
        for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
            if (relative_path.substr(0, it->first.size()) == it->first) {
                task.strava = it->second;
                task.strava_key = std::string(relative_path.substr(it->first.size()));
                return;
            }
        }
    }

private:
    // Ordered by folder: a longer prefix of the same path sorts after its parent, so reverse order finds the
    // innermost export first.
    std::map<std::string, std::shared_ptr<const StravaExportIndex>> m_scopes;
};

std::string folder_of(std::string_view relative_path) {
    const auto slash = relative_path.find_last_of('/');
    return slash == std::string_view::npos ? std::string{} : std::string(relative_path.substr(0, slash + 1));
}

class BatchReader {
public:
    BatchReader(const ReadOptions& options, const OutcomeSink& sink, const OutcomeWorker& worker)
        : m_options(options), m_pipeline(options, sink, worker) {}

    void read_path(const fs::path& path);
    void read_zip(std::optional<fs::path> file, std::string_view memory, const core::Location& where);
    BatchSummary finish() {
        m_pipeline.finish();
        return m_pipeline.summary();
    }

private:
    void read_folder(const fs::path& folder);
    void read_named_file(const fs::path& path);
    std::optional<core::Error> load_export_index(const fs::path& csv, const std::string& folder, ExportScopes& scopes);
    ExportScopes scan_zip_exports(std::optional<fs::path> file, std::string_view memory, const core::Location& where);
    bool read_zip_member(ZipReader& zip, const ZipMember& member, const core::Location& where,
                         const ExportScopes& scopes);

    const ReadOptions& m_options;
    ReadPipeline m_pipeline;
    ByteBuffer m_scratch;
};

void BatchReader::read_path(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    const core::Location where{.file = path.string()};
    if (ec || !fs::exists(status)) {
        m_pipeline.submit_outcome(error_outcome(core::make_error(
            ErrorCode::io_error, where,
            "cannot open: " + (ec ? ec.message() : std::make_error_code(std::errc::no_such_file_or_directory).message()))));
        return;
    }
    if (fs::is_directory(status)) {
        read_folder(path);
        return;
    }
    read_named_file(path);
}

void BatchReader::read_named_file(const fs::path& path) {
    const core::Location where{.file = path.string()};
    // A zip is walked from disk, never loaded whole (Strava exports reach gigabytes). Only files not named
    // like activities are sniffed here: a folder of runs named on the command line costs no extra reads.
    if (!named_like_activity(where.file) && load_file_head(path, where, k_sniff_bytes, m_scratch) &&
        sniff_content(m_scratch.view()) == Content::zip) {
        read_zip(path, {}, where);
        return;
    }
    ReadTask task;
    task.source = where;
    task.path = path;
    task.named = true;
    m_pipeline.submit(std::move(task));
}

std::optional<core::Error> BatchReader::load_export_index(const fs::path& csv, const std::string& folder,
                                                          ExportScopes& scopes) {
    const core::Location where{.file = csv.string()};
    auto loaded = load_file(csv, where, m_options.limits.max_file_bytes, m_scratch);
    if (!loaded) return loaded.error();
    if (sniff_content(m_scratch.view()) != Content::strava_csv) return std::nullopt;  // some other table
    auto index = StravaExportIndex::parse(m_scratch.view(), where);
    if (!index) return index.error();
    scopes.add(folder, std::make_shared<const StravaExportIndex>(std::move(*index)));
    return std::nullopt;
}

void BatchReader::read_folder(const fs::path& folder) {
    std::vector<std::pair<std::string, fs::path>> files;  // (path relative to folder, path)
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec);
    // A folder that cannot be listed, or a sub-folder that cannot be entered, is reported; the rest is read.
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec)) {
            files.emplace_back(fs::relative(it->path(), folder, type_ec).generic_string(), it->path());
        }
    }
    if (ec) {
        const fs::path at = it == fs::recursive_directory_iterator() ? folder : it->path();
        m_pipeline.submit_outcome(error_outcome(
            core::make_error(ErrorCode::io_error, core::Location{.file = at.string()}, "cannot list: " + ec.message())));
    }
    std::sort(files.begin(), files.end());

    ExportScopes scopes;
    std::map<std::string, core::Error> bad_tables;
    for (const auto& [relative, path] : files) {
        if (!has_name(relative, k_strava_csv_name)) continue;
        if (auto error = load_export_index(path, folder_of(relative), scopes)) bad_tables.emplace(relative, *error);
    }

    for (const auto& [relative, path] : files) {
        if (has_name(relative, k_strava_csv_name)) {
            if (auto bad = bad_tables.find(relative); bad != bad_tables.end()) {
                m_pipeline.submit_outcome(error_outcome(bad->second));
            }
            continue;
        }
        if (content_from_name(relative) == Content::zip) {
            read_zip(path, {}, core::Location{.file = path.string()});
            continue;
        }
        ReadTask task;
        task.source = core::Location{.file = path.string()};
        task.path = path;
        scopes.assign(relative, task);
        m_pipeline.submit(std::move(task));
    }
}

core::Expected<ZipReader> open_zip(const std::optional<fs::path>& file, std::string_view memory,
                                   const core::Location& where) {
    return file ? ZipReader::open_file(*file, where) : ZipReader::open_memory(memory, where);
}

// First pass over an archive: the Strava tables it holds. Errors are left to the second pass, which meets
// them again and reports them in their place.
ExportScopes BatchReader::scan_zip_exports(std::optional<fs::path> file, std::string_view memory,
                                           const core::Location& where) {
    ExportScopes scopes;
    auto zip = open_zip(file, memory, where);
    if (!zip) return scopes;
    while (true) {
        auto member = zip->next();
        if (!member || !*member) break;
        const ZipMember& m = **member;
        if (!m.is_regular_file || !has_name(m.name, k_strava_csv_name) || is_unsafe_member_path(m.name)) continue;
        m_scratch.clear();
        if (!zip->read(m_scratch, m_options.limits.max_decompressed_bytes)) continue;
        if (sniff_content(m_scratch.view()) != Content::strava_csv) continue;
        core::Location at = where;
        at.entry = m.name;
        if (auto index = StravaExportIndex::parse(m_scratch.view(), at)) {
            scopes.add(folder_of(m.name), std::make_shared<const StravaExportIndex>(std::move(*index)));
        }
    }
    return scopes;
}

void BatchReader::read_zip(std::optional<fs::path> file, std::string_view memory, const core::Location& where) {
    const ExportScopes scopes = scan_zip_exports(file, memory, where);
    auto zip = open_zip(file, memory, where);
    if (!zip) {
        m_pipeline.submit_outcome(error_outcome(zip.error()));
        return;
    }
    while (true) {
        auto member = zip->next();
        if (!member) {
            m_pipeline.submit_outcome(error_outcome(member.error()));
            return;
        }
        if (!*member) return;
        if (!read_zip_member(*zip, **member, where, scopes)) return;
    }
}

// Returns false when the archive cannot be read further.
bool BatchReader::read_zip_member(ZipReader& zip, const ZipMember& member, const core::Location& where,
                                  const ExportScopes& scopes) {
    if (!member.is_regular_file) return true;
    core::Location at = where;
    at.entry = member.name;
    if (is_unsafe_member_path(member.name)) {
        ReadOutcome skipped;
        skipped.source = at;
        skipped.warnings.push_back(core::make_warning(
            ErrorCode::zip_unsafe_path, at,
            "member path leaves the archive's folder; skipped (hillcoach never extracts archives to disk)"));
        m_pipeline.submit_outcome(std::move(skipped));
        return true;
    }
    const std::uint64_t limit = m_options.limits.max_decompressed_bytes;
    const bool activity_name = named_like_activity(member.name);
    if (has_name(member.name, k_strava_csv_name)) return true;
    ByteBuffer bytes = m_pipeline.take_buffer();
    if (!activity_name) {
        // Photos and other tables in an export: only the first bytes are inflated to tell.
        auto head = zip.read(bytes, limit, k_sniff_bytes);
        if (!head || !is_activity_content(sniff_content(bytes.view()))) return true;
    }
    if (member.size && *member.size > limit) {
        m_pipeline.submit_outcome(error_outcome(core::make_error(
            ErrorCode::file_too_large, at,
            fmt::format("member is {}, over the size limit of {}; not loaded", format_size(*member.size),
                        format_size(limit)))));
        return true;
    }
    if (member.size) bytes.reserve(static_cast<std::size_t>(*member.size));
    auto data = zip.read(bytes, limit);
    if (!data) {
        m_pipeline.submit_outcome(error_outcome(data.error()));
        return data.error().code != ErrorCode::archive_corrupt;
    }
    ReadTask task;
    task.source = at;
    task.in_memory = true;
    task.bytes = std::move(bytes);
    scopes.assign(member.name, task);
    m_pipeline.submit(std::move(task));
    return true;
}

}  // namespace

BatchSummary read_paths(std::span<const std::filesystem::path> paths, const ReadOptions& options,
                        const OutcomeSink& sink, const OutcomeWorker& worker) {
    BatchReader reader(options, sink, worker);
    for (const auto& path : paths) reader.read_path(path);
    return reader.finish();
}

BatchSummary read_zip_bytes(std::string_view zip, const core::Location& source, const ReadOptions& options,
                            const OutcomeSink& sink) {
    ReadOptions one_thread = options;
    one_thread.threads = 1;
    const OutcomeWorker no_worker;
    BatchReader reader(one_thread, sink, no_worker);
    reader.read_zip(std::nullopt, zip, source);
    return reader.finish();
}

}  // namespace hillcoach::io
