#include "hillcoach/io/archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "hillcoach/io/file_loader.hpp"

namespace hillcoach::io {
namespace {

using core::ErrorCode;

constexpr std::size_t k_read_step = 256 * 1024;
// zlib counts in 32-bit unsigned ints; larger spans are fed in pieces.
constexpr std::size_t k_max_zlib_chunk = std::size_t{1} << 30;

std::string archive_reason(struct archive* a, std::string_view fallback) {
    const char* text = archive_error_string(a);
    return (text && *text) ? std::string(text) : std::string(fallback);
}

// The gzip trailer's ISIZE (RFC 1952: uncompressed size modulo 2^32) sizes the buffer in one step for
// every real activity file; a wrong or hostile value only costs a reallocation, since the output is
// still bounded by the limit.
std::size_t gzip_size_hint(std::string_view compressed, std::uint64_t max_output) {
    if (compressed.size() < 18) return 0;
    const auto* tail = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
    const std::uint64_t isize = std::uint64_t{tail[0]} | std::uint64_t{tail[1]} << 8 |
                                std::uint64_t{tail[2]} << 16 | std::uint64_t{tail[3]} << 24;
    return static_cast<std::size_t>(std::min<std::uint64_t>(isize, max_output) + 1);
}

// Reads the rest of the current entry into `out`, failing past `max_bytes`. `what` names the data in the
// corruption message ("gzip data", "member data").
core::Expected<void> read_entry_data(struct archive* a, ByteBuffer& out, std::uint64_t max_bytes,
                                     std::size_t stop_after, const core::Location& where, ErrorCode corrupt_code,
                                     std::string_view what, bool& done) {
    while (out.size() < stop_after) {
        const std::size_t before = out.size();
        std::size_t step = std::max(k_read_step, out.capacity() - before);
        // One byte past the limit is enough to know the limit is passed.
        const std::uint64_t left = max_bytes - std::min<std::uint64_t>(max_bytes, before);
        step = static_cast<std::size_t>(std::min<std::uint64_t>(step, left == UINT64_MAX ? left : left + 1));
        out.resize(before + step);
        const la_ssize_t n = archive_read_data(a, out.data() + before, step);
        if (n < 0) {
            out.resize(before);
            return core::make_error(corrupt_code, where,
                                    fmt::format("{} is corrupt after {} bytes: {}", what, before,
                                                archive_reason(a, "cannot decompress")));
        }
        out.resize(before + static_cast<std::size_t>(n));
        if (out.size() > max_bytes) {
            return core::make_error(ErrorCode::file_too_large, where,
                                    fmt::format("decompresses to more than the size limit of {}; not loaded",
                                                format_size(max_bytes)));
        }
        if (n == 0) {
            done = true;
            break;
        }
    }
    return {};
}

}  // namespace

void ZipReader::ArchiveDeleter::operator()(struct archive* a) const { archive_read_free(a); }

core::Expected<void> gunzip(std::string_view compressed, const core::Location& where, std::uint64_t max_output,
                            ByteBuffer& out) {
    out.clear();
    z_stream stream{};
    // 16 + MAX_WBITS: a gzip wrapper (RFC 1952), whose trailer CRC-32 and length zlib checks.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
        return core::make_error(ErrorCode::internal_error, where, "zlib cannot start inflating");
    }
    const std::unique_ptr<z_stream, int (*)(z_stream*)> end_stream(&stream, inflateEnd);
    const auto* input = reinterpret_cast<const unsigned char*>(compressed.data());
    std::size_t consumed = 0;
    out.reserve(gzip_size_hint(compressed, max_output));
    while (true) {
        if (out.size() == out.capacity()) out.reserve(out.capacity() + std::max(out.capacity() / 2, k_read_step));
        const std::size_t room = std::min<std::uint64_t>({out.capacity() - out.size(),
                                                          max_output + 1 - std::min(max_output, out.size()),
                                                          k_max_zlib_chunk});
        const std::size_t offered = std::min<std::size_t>(compressed.size() - consumed, k_max_zlib_chunk);
        stream.next_in = const_cast<unsigned char*>(input + consumed);  // zlib's API is not const-correct
        stream.avail_in = static_cast<uInt>(offered);
        stream.next_out = reinterpret_cast<unsigned char*>(out.data() + out.size());
        stream.avail_out = static_cast<uInt>(room);
        const int status = inflate(&stream, Z_NO_FLUSH);
        consumed += offered - stream.avail_in;
        out.resize(out.size() + (room - stream.avail_out));
        if (out.size() > max_output) {
            return core::make_error(ErrorCode::file_too_large, where,
                                    fmt::format("decompresses to more than the size limit of {}; not loaded",
                                                format_size(max_output)));
        }
        if (status == Z_STREAM_END) {
            // gzip(1): concatenated members inflate to the concatenation; anything else after the end is
            // ignored, as gzip itself does ("trailing garbage ignored").
            const std::string_view rest = compressed.substr(consumed);
            if (rest.size() < 2 || rest.substr(0, 2) != "\x1f\x8b") break;
            inflateReset(&stream);
            continue;
        }
        if (status == Z_OK) continue;
        if (status == Z_BUF_ERROR && consumed == compressed.size()) {
            core::Location at = where;
            at.byte_offset = consumed;
            return core::make_error(ErrorCode::gzip_corrupt, at,
                                    fmt::format("gzip data is truncated: the stream ends after {} inflated bytes",
                                                out.size()));
        }
        if (status == Z_BUF_ERROR) continue;  // the output was full: grow and go on
        core::Location at = where;
        at.byte_offset = consumed;
        return core::make_error(ErrorCode::gzip_corrupt, at,
                                fmt::format("gzip data is corrupt after {} inflated bytes: {}", out.size(),
                                            stream.msg ? stream.msg : "inflate failed"));
    }
    if (out.empty()) return core::make_error(ErrorCode::empty_file, where, "gzip stream inflates to 0 bytes");
    return {};
}

bool is_unsafe_member_path(std::string_view name) {
    if (name.empty()) return false;
    if (name[0] == '/' || name[0] == '\\') return true;
    if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0]))) return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

ZipReader::ZipReader(std::unique_ptr<struct archive, ArchiveDeleter> a, core::Location where)
    : m_archive(std::move(a)), m_where(std::move(where)) {}
ZipReader::ZipReader(ZipReader&&) noexcept = default;
ZipReader& ZipReader::operator=(ZipReader&&) noexcept = default;
ZipReader::~ZipReader() = default;

namespace {

std::unique_ptr<struct archive, void (*)(struct archive*)> new_zip_archive() {
    std::unique_ptr<struct archive, void (*)(struct archive*)> a(
        archive_read_new(), [](struct archive* p) { archive_read_free(p); });
    if (a) archive_read_support_format_zip(a.get());
    return a;
}

}  // namespace

core::Expected<ZipReader> ZipReader::open_file(const std::filesystem::path& path, const core::Location& where) {
    auto a = new_zip_archive();
    if (!a) return core::make_error(ErrorCode::internal_error, where, "libarchive: out of memory");
    if (archive_read_open_filename(a.get(), path.c_str(), 64 * 1024) != ARCHIVE_OK) {
        const int err = archive_errno(a.get());
        return core::make_error(err == ENOENT || err == EACCES ? ErrorCode::io_error : ErrorCode::archive_corrupt,
                                where, "cannot open the zip archive: " + archive_reason(a.get(), "unknown error"));
    }
    return ZipReader(std::unique_ptr<struct archive, ArchiveDeleter>(a.release()), where);
}

core::Expected<ZipReader> ZipReader::open_memory(std::string_view bytes, const core::Location& where) {
    auto a = new_zip_archive();
    if (!a) return core::make_error(ErrorCode::internal_error, where, "libarchive: out of memory");
    if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
        return core::make_error(ErrorCode::archive_corrupt, where,
                                "cannot open the zip archive: " + archive_reason(a.get(), "unknown error"));
    }
    return ZipReader(std::unique_ptr<struct archive, ArchiveDeleter>(a.release()), where);
}

core::Location ZipReader::member_location() const {
    core::Location at = m_where;
    at.entry = m_member;
    return at;
}

core::Expected<std::optional<ZipMember>> ZipReader::next() {
    struct archive_entry* entry = nullptr;
    const int status = archive_read_next_header(m_archive.get(), &entry);
    if (status == ARCHIVE_EOF) return std::optional<ZipMember>{};
    if (status < ARCHIVE_WARN) {
        core::Location at = m_where;
        return core::make_error(ErrorCode::archive_corrupt, at,
                                m_member.empty() ? "zip archive is corrupt: " + archive_reason(m_archive.get(), "")
                                                 : fmt::format("zip archive is corrupt after member \"{}\": {}",
                                                               m_member, archive_reason(m_archive.get(), "")));
    }
    ZipMember member;
    const char* name = archive_entry_pathname(entry);
    if (!name) name = archive_entry_pathname_utf8(entry);
    member.name = name ? name : "";
    member.is_regular_file = archive_entry_filetype(entry) == AE_IFREG;
    if (archive_entry_size_is_set(entry) && archive_entry_size(entry) >= 0) {
        member.size = static_cast<std::uint64_t>(archive_entry_size(entry));
    }
    m_member = member.name;
    m_member_done = false;
    return std::optional<ZipMember>{std::move(member)};
}

core::Expected<void> ZipReader::read(ByteBuffer& out, std::uint64_t max_bytes, std::size_t stop_after) {
    if (m_member_done) return {};
    return read_entry_data(m_archive.get(), out, max_bytes, stop_after, member_location(),
                           ErrorCode::archive_corrupt, "member data", m_member_done);
}

}  // namespace hillcoach::io
