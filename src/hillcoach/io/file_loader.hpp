#pragma once
// Loads a file into a reusable buffer, refusing what cannot be an activity before any memory is spent on it:
// a file over the size limit is refused from its size alone (file_too_large), an empty file is empty_file,
// and every system failure is io_error with the system's reason ("No such file or directory").

#include <cstdint>
#include <filesystem>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/io/byte_buffer.hpp"

namespace hillcoach::io {

// Reads the whole of `path` into `out` (resized to the file's size). `where` names the file in errors.
// A file that grows past `max_bytes` while it is read is refused as well.
core::Expected<void> load_file(const std::filesystem::path& path, const core::Location& where,
                               std::uint64_t max_bytes, ByteBuffer& out);

// Reads at most `max_bytes` from the start of `path` (for sniffing); a shorter file gives all of it.
core::Expected<void> load_file_head(const std::filesystem::path& path, const core::Location& where,
                                    std::size_t max_bytes, ByteBuffer& out);

// "256 MiB", "3.5 MiB", "812 bytes": sizes in error messages.
std::string format_size(std::uint64_t bytes);

}  // namespace hillcoach::io
