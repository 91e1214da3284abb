#pragma once
// A growable byte buffer that keeps its memory between uses and never zero-fills it.
//
// Reading a folder loads one file after another; a std::string or std::vector would zero every byte it grows
// by and hand large blocks back to the allocator between files. One ByteBuffer per worker thread, reused for
// every file it reads, makes the memory a file needs a one-time cost (../shared/bench/PEERS.md measured 6.7x
// on a folder of GPX files when each file's memory went back to the kernel).

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

namespace hillcoach::io {

class ByteBuffer {
public:
    ByteBuffer() = default;
    ByteBuffer(const ByteBuffer&) = delete;
    ByteBuffer& operator=(const ByteBuffer&) = delete;
    ByteBuffer(ByteBuffer&&) noexcept = default;
    ByteBuffer& operator=(ByteBuffer&&) noexcept = default;

    // Sets the size to n bytes. The first min(old size, n) bytes are kept; the others are left uninitialised.
    std::span<char> resize(std::size_t n);
    // Makes room for n bytes without changing the size.
    void reserve(std::size_t n);
    // Appends bytes, growing geometrically.
    void append(const char* data, std::size_t n);
    void clear() noexcept { m_size = 0; }

    char* data() noexcept { return m_data.get(); }
    const char* data() const noexcept { return m_data.get(); }
    std::size_t size() const noexcept { return m_size; }
    std::size_t capacity() const noexcept { return m_capacity; }
    bool empty() const noexcept { return m_size == 0; }
    std::span<char> span() noexcept { return {m_data.get(), m_size}; }
    std::string_view view() const noexcept { return {m_data.get(), m_size}; }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

}  // namespace hillcoach::io
