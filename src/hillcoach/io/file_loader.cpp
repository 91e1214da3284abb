#include "hillcoach/io/file_loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include <fmt/format.h>

namespace hillcoach::io {
namespace {

core::Error system_error(const core::Location& where, std::string_view what, int err) {
    // std::generic_category().message is the thread-safe strerror.
    return core::make_error(core::ErrorCode::io_error, where,
                            fmt::format("{}: {}", what, std::generic_category().message(err)));
}

// Closes the descriptor on every path out of the loaders.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    int get() const { return m_fd; }

private:
    int m_fd;
};

core::Expected<int> open_regular_file(const std::filesystem::path& path, const core::Location& where,
                                      struct stat& info) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return system_error(where, "cannot open", errno);
    if (::fstat(fd, &info) != 0) {
        const int err = errno;
        ::close(fd);
        return system_error(where, "cannot read file status", err);
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return core::make_error(core::ErrorCode::io_error, where,
                                S_ISDIR(info.st_mode) ? "is a folder, not a file" : "is not a regular file");
    }
    return fd;
}

// Reads up to `limit` bytes into buffer[0, limit); returns how many were read.
core::Expected<std::size_t> read_up_to(int fd, const core::Location& where, char* buffer, std::size_t limit) {
    std::size_t got = 0;
    while (got < limit) {
        const ssize_t n = ::read(fd, buffer + got, limit - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            return system_error(where, "cannot read", errno);
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    return got;
}

}  // namespace

std::string format_size(std::uint64_t bytes) {
    constexpr double k_mib = 1024.0 * 1024.0;
    if (bytes < 1024 * 1024) return fmt::format("{} bytes", bytes);
    const double mib = static_cast<double>(bytes) / k_mib;
    if (bytes % (1024 * 1024) == 0) return fmt::format("{} MiB", bytes / (1024 * 1024));
    return fmt::format("{:.1f} MiB", mib);
}

core::Expected<void> load_file(const std::filesystem::path& path, const core::Location& where,
                               std::uint64_t max_bytes, ByteBuffer& out) {
    out.clear();
    struct stat info {};
    auto opened = open_regular_file(path, where, info);
    if (!opened) return opened.error();
    const FileDescriptor fd(*opened);
    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (size > max_bytes) {
        return core::make_error(core::ErrorCode::file_too_large, where,
                                fmt::format("file is {}, over the size limit of {}; not loaded", format_size(size),
                                            format_size(max_bytes)));
    }
    if (size == 0) return core::make_error(core::ErrorCode::empty_file, where, "file is empty (0 bytes)");
    // One byte more than the size: a file still being written shows up as growth, checked against the limit.
    const std::size_t room = static_cast<std::size_t>(std::min<std::uint64_t>(size + 1, max_bytes + 1));
    out.resize(room);
    auto got = read_up_to(fd.get(), where, out.data(), room);
    if (!got) return got.error();
    // The file grew since fstat (a recording still being written): read on, in steps, up to the limit.
    while (*got == out.size() && *got <= max_bytes) {
        constexpr std::size_t k_step = 1 << 20;
        const std::size_t before = *got;
        const auto step = static_cast<std::size_t>(std::min<std::uint64_t>(k_step, max_bytes + 1 - before));
        out.resize(before + step);
        auto more = read_up_to(fd.get(), where, out.data() + before, step);
        if (!more) return more.error();
        *got = before + *more;
        if (*more < step) break;
    }
    if (*got > max_bytes) {
        return core::make_error(core::ErrorCode::file_too_large, where,
                                fmt::format("file grew past the size limit of {} while it was read",
                                            format_size(max_bytes)));
    }
    if (*got == 0) return core::make_error(core::ErrorCode::empty_file, where, "file is empty (0 bytes)");
    out.resize(*got);
    return {};
}

core::Expected<void> load_file_head(const std::filesystem::path& path, const core::Location& where,
                                    std::size_t max_bytes, ByteBuffer& out) {
    out.clear();
    struct stat info {};
    auto opened = open_regular_file(path, where, info);
    if (!opened) return opened.error();
    const FileDescriptor fd(*opened);
    out.resize(max_bytes);
    auto got = read_up_to(fd.get(), where, out.data(), max_bytes);
    if (!got) return got.error();
    out.resize(*got);
    return {};
}

}  // namespace hillcoach::io
