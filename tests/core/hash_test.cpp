#include "hillcoach/core/hash.hpp"

#include <gtest/gtest.h>

using hillcoach::core::content_hash;

TEST(ContentHash, StableHexOfFixedWidth) {
    const auto a = content_hash("hello");
    EXPECT_EQ(a.size(), 32u);
    EXPECT_EQ(a, content_hash("hello"));
    EXPECT_NE(a, content_hash("hellp"));
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
    // XXH3-128 of the empty input, from the xxHash reference (high64 then low64).
    EXPECT_EQ(content_hash(""), "99aa06d3014798d86001c324468d497f");
}
