#include "hillcoach/io/read.hpp"

#include <string_view>

#include <fmt/format.h>

#include "hillcoach/core/hash.hpp"
#include "hillcoach/io/archive.hpp"
#include "hillcoach/io/byte_buffer.hpp"
#include "hillcoach/io/file_loader.hpp"
#include "hillcoach/io/fit/fit_reader.hpp"
#include "hillcoach/io/sniff.hpp"
#include "hillcoach/io/xml_activity_reader.hpp"

namespace hillcoach::io {
namespace {

using core::ErrorCode;

// One set of buffers per thread, kept for the thread's life: a folder's next file reuses the memory of the
// last one instead of faulting fresh pages in (see byte_buffer.hpp).
ByteBuffer& thread_file_buffer() {
    thread_local ByteBuffer buffer;
    return buffer;
}
ByteBuffer& thread_inflate_buffer() {
    thread_local ByteBuffer buffer;
    return buffer;
}

std::string_view name_hint(const core::Location& source) {
    return source.entry.empty() ? std::string_view(source.file) : std::string_view(source.entry);
}

// The reader for content that sniffing could not place: the name decides, so that a damaged "run.fit" is
// explained by the FIT reader (bad header at byte 0) rather than called unknown.
Content resolve_by_name(Content sniffed, std::string_view hint) {
    if (sniffed != Content::unknown) return sniffed;
    const Content named = content_from_name(hint);
    // Only an activity's name picks a reader: a table named .csv that is not Strava's stays unknown.
    return is_activity_content(named) || named == Content::gzip ? named : Content::unknown;
}

core::Expected<std::vector<core::Activity>> read_activity_content(std::span<char> bytes, Content content,
                                                                   const core::Location& source) {
    switch (content) {
        case Content::gpx:
        case Content::tcx:
        case Content::xml_other: return read_xml_activity(bytes, source);
        case Content::fit: return fit::read_fit(std::string_view(bytes.data(), bytes.size()), source);
        default: break;
    }
    return core::make_error(ErrorCode::internal_error, source, "no reader for this content");
}

core::Error not_an_activity(Content content, std::string_view head, const core::Location& source) {
    switch (content) {
        case Content::zip:
            return core::make_error(ErrorCode::not_supported, source,
                                    "a zip archive, not one activity file (read it as a folder: hillcoach info)");
        case Content::strava_csv:
            return core::make_error(ErrorCode::not_supported, source,
                                    "a Strava export's activities.csv, not an activity: read the export's folder "
                                    "or zip instead");
        case Content::gzip:
            return core::make_error(ErrorCode::unknown_format, source, "a gzip file inside a gzip file");
        default: break;
    }
    return core::make_error(ErrorCode::unknown_format, source,
                            fmt::format("content is not GPX, TCX or FIT ({})", describe_start(head)));
}

core::Expected<std::vector<core::Activity>> read_plain(std::span<char> bytes, const core::Location& source,
                                                        std::string_view hint) {
    const std::string_view view(bytes.data(), bytes.size());
    const Content content = resolve_by_name(sniff_content(view), hint);
    if (!is_activity_content(content) && content != Content::xml_other) {
        return not_an_activity(content, view, source);
    }
    // Hashed before reading: the XML reader parses in place and changes the bytes.
    std::string hash = core::content_hash(view);
    auto activities = read_activity_content(bytes, content, source);
    if (!activities) return activities;
    const std::string path = source_name(source);
    for (auto& activity : *activities) {
        activity.metadata.source_path = path;
        activity.metadata.content_hash = hash;
    }
    return activities;
}

}  // namespace

std::string source_name(const core::Location& source) {
    if (source.entry.empty()) return source.file;
    return fmt::format("{}({})", source.file, source.entry);
}

core::Expected<std::vector<core::Activity>> read_bytes(std::span<char> bytes, const core::Location& source,
                                                        const ReadOptions& options) {
    if (bytes.empty()) return core::make_error(ErrorCode::empty_file, source, "file is empty (0 bytes)");
    const std::string_view view(bytes.data(), bytes.size());
    const std::string_view hint = name_hint(source);
    if (resolve_by_name(sniff_content(view), hint) != Content::gzip) return read_plain(bytes, source, hint);

    ByteBuffer& inflated = thread_inflate_buffer();
    auto ok = gunzip(view, source, options.limits.max_decompressed_bytes, inflated);
    if (!ok) return ok.error();
    return read_plain(inflated.span(), source, strip_gz_suffix(hint));
}

core::Expected<std::vector<core::Activity>> read_file(const std::filesystem::path& path, const ReadOptions& options) {
    const core::Location source{.file = path.string()};
    ByteBuffer& buffer = thread_file_buffer();
    auto loaded = load_file(path, source, options.limits.max_file_bytes, buffer);
    if (!loaded) return loaded.error();
    return read_bytes(buffer.span(), source, options);
}

}  // namespace hillcoach::io
