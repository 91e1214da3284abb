#include "hillcoach/io/byte_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace hillcoach::io {

void ByteBuffer::reserve(std::size_t n) {
    if (n <= m_capacity) return;
    // make_unique_for_overwrite leaves the bytes uninitialised: they are about to be overwritten by a read.
    auto grown = std::make_unique_for_overwrite<char[]>(n);
    if (m_size > 0) std::memcpy(grown.get(), m_data.get(), m_size);
    m_data = std::move(grown);
    m_capacity = n;
}

std::span<char> ByteBuffer::resize(std::size_t n) {
    reserve(n);
    m_size = n;
    return span();
}

void ByteBuffer::append(const char* data, std::size_t n) {
    if (n == 0) return;
    if (m_size + n > m_capacity) reserve(std::max(m_size + n, m_capacity + m_capacity / 2 + 4096));
    std::memcpy(m_data.get() + m_size, data, n);
    m_size += n;
}

}  // namespace hillcoach::io
