#include "hillcoach/synth/activity_file.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "hillcoach/io/fit/fit_activity_writer.hpp"
#include "hillcoach/io/gpx_writer.hpp"
#include "hillcoach/io/tcx_writer.hpp"

namespace hillcoach::synth {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<core::FileFormat> file_format_from_text(std::string_view text) {
    const std::string t = lower(text);
    if (t == "gpx") return core::FileFormat::gpx;
    if (t == "tcx") return core::FileFormat::tcx;
    if (t == "fit") return core::FileFormat::fit;
    return std::nullopt;
}

std::optional<FileKind> file_kind_from_name(std::string_view name) {
    std::string n = lower(name);
    FileKind kind;
    if (ends_with(n, ".gz")) {
        kind.gzip = true;
        n.resize(n.size() - 3);
    }
    const auto dot = n.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    const auto format = file_format_from_text(std::string_view(n).substr(dot + 1));
    if (!format) return std::nullopt;
    kind.format = *format;
    return kind;
}

std::string encode_activity(const core::Activity& activity, FileKind kind) {
    std::string bytes;
    switch (kind.format) {
        case core::FileFormat::gpx:
            bytes = io::write_gpx(activity);
            break;
        case core::FileFormat::tcx:
            bytes = io::write_tcx(activity);
            break;
        case core::FileFormat::fit:
            bytes = io::fit::write_fit_activity(activity);
            break;
    }
    return kind.gzip ? gzip_bytes(bytes) : bytes;
}

// zlib's deflate with a gzip wrapper (window bits 15 + 16) writes a header with mtime 0 and no name unless
// deflateSetHeader is called, which is what makes the output reproducible.
std::string gzip_bytes(std::string_view data) {
    if (data.size() > 0xFFFFFFFFULL) throw std::length_error("gzip: input over 4 GiB");
    z_stream zs{};
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("gzip: deflateInit2 failed");
    }
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&zs, Z_FINISH);
    const auto written = static_cast<std::size_t>(zs.total_out);
    deflateEnd(&zs);
    if (status != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
    out.resize(written);
    return out;
}

}  // namespace hillcoach::synth
