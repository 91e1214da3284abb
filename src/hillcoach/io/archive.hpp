#pragma once
// Compressed files and archives, entirely in memory: a .gz is inflated into a buffer, a .zip is walked member
// by member (libarchive). Nothing is ever extracted to disk, so a member named "../x" or "/etc/x" cannot write
// anywhere; such members are still skipped and reported (zip_unsafe_path), because no honest export names its
// files that way.
//
// gzip goes through zlib itself rather than libarchive's gzip filter: that filter neither checks the trailer's
// CRC-32 and length (RFC 1952), so a damaged file could inflate to silently wrong bytes, nor stops after one
// layer (a .gz inside a .gz came out fully inflated). zlib checks both and tells the byte where a stream broke.
//
// Sizes are bounded: inflating stops with file_too_large as soon as the output passes the limit, so a
// "zip bomb" (a few KiB that inflate to gigabytes) costs at most the limit in memory.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/io/byte_buffer.hpp"

struct archive;

namespace hillcoach::io {

// Inflates a gzip file (one or more concatenated members) into `out`. Errors: gzip_corrupt at the byte of
// the compressed input where the damage was found (a CRC mismatch is found at the trailer), also naming how
// many bytes inflated before it; file_too_large when the output would pass `max_output`; empty_file when it
// inflates to nothing.
core::Expected<void> gunzip(std::string_view compressed, const core::Location& where, std::uint64_t max_output,
                            ByteBuffer& out);

// True for archive member names that would leave the extraction folder if they were extracted:
// absolute paths ("/x", "\x", "C:x"), and any ".." path component ("../x", "a/../../x", "a\..\x").
bool is_unsafe_member_path(std::string_view name);

struct ZipMember {
    std::string name;                     // the path stored in the archive, as stored
    bool is_regular_file = false;         // false for folders, links and devices
    std::optional<std::uint64_t> size{};  // uncompressed size, where the archive states it
};

// Walks a zip archive's members in archive order, reading each one's data on request.
class ZipReader {
public:
    // Streams the archive from disk (it may be far larger than any one member: Strava exports reach gigabytes).
    static core::Expected<ZipReader> open_file(const std::filesystem::path& path, const core::Location& where);
    // Reads an archive held in memory; `bytes` must outlive the reader.
    static core::Expected<ZipReader> open_memory(std::string_view bytes, const core::Location& where);

    ZipReader(ZipReader&&) noexcept;
    ZipReader& operator=(ZipReader&&) noexcept;
    ~ZipReader();

    // The next member, or nullopt after the last. archive_corrupt when the archive cannot be walked further.
    core::Expected<std::optional<ZipMember>> next();
    // Appends the current member's data to `out` until the member ends or `out` holds `stop_after` bytes;
    // a second call goes on where the first stopped. file_too_large once the member passes `max_bytes`;
    // archive_corrupt when its data does not inflate.
    core::Expected<void> read(ByteBuffer& out, std::uint64_t max_bytes, std::size_t stop_after = SIZE_MAX);
    // True once the current member's data has been read to its end.
    bool member_done() const { return m_member_done; }

private:
    struct ArchiveDeleter {
        void operator()(struct archive* a) const;
    };
    ZipReader(std::unique_ptr<struct archive, ArchiveDeleter> a, core::Location where);
    core::Location member_location() const;

    std::unique_ptr<struct archive, ArchiveDeleter> m_archive;
    core::Location m_where;
    std::string m_member;
    bool m_member_done = true;
};

}  // namespace hillcoach::io
