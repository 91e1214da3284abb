#pragma once
// Builds gzip files and zip archives in memory with libarchive's writer, so container tests make the exact
// archive they need at run time (member names no zip tool would write, bombs, exports).

#include <archive.h>
#include <archive_entry.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hillcoach::test {

namespace detail {

inline la_ssize_t append_to_string(struct archive*, void* client, const void* buffer, std::size_t length) {
    static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
    return static_cast<la_ssize_t>(length);
}

inline void check(int status, struct archive* a) {
    if (status < ARCHIVE_WARN) throw std::runtime_error(std::string("libarchive: ") + archive_error_string(a));
}

inline void write_entry(struct archive* a, std::string_view name, std::string_view bytes) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, std::string(name).c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    check(archive_write_header(a, entry), a);
    if (!bytes.empty()) archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(entry);
}

}  // namespace detail

// A zip archive (deflate) holding the members in the order given; names are written exactly as given.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members) {
    std::string out;
    struct archive* a = archive_write_new();
    detail::check(archive_write_set_format_zip(a), a);
    detail::check(archive_write_set_bytes_in_last_block(a, 1), a);
    detail::check(archive_write_open(a, &out, nullptr, detail::append_to_string, nullptr), a);
    for (const auto& [name, bytes] : members) detail::write_entry(a, name, bytes);
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

// A gzip file of `bytes`.
inline std::string make_gzip(std::string_view bytes) {
    std::string out;
    struct archive* a = archive_write_new();
    detail::check(archive_write_set_format_raw(a), a);
    detail::check(archive_write_add_filter_gzip(a), a);
    detail::check(archive_write_set_bytes_in_last_block(a, 1), a);
    detail::check(archive_write_open(a, &out, nullptr, detail::append_to_string, nullptr), a);
    detail::write_entry(a, "data", bytes);
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

}  // namespace hillcoach::test
