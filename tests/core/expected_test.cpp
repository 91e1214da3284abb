#include "hillcoach/core/expected.hpp"

#include <string>

#include <gtest/gtest.h>

using namespace hillcoach::core;

namespace {
Expected<int> parse_positive(int v) {
    if (v <= 0) return Unexpected{make_error(ErrorCode::bad_number, {.file = "x"}, "not positive")};
    return v;
}
}  // namespace

TEST(Expected, HoldsValueOrError) {
    const auto ok = parse_positive(3);
    ASSERT_TRUE(ok);
    EXPECT_EQ(*ok, 3);
    const auto bad = parse_positive(-1);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::bad_number);
    EXPECT_THROW((void)bad.value(), std::logic_error);
    EXPECT_THROW((void)ok.error(), std::logic_error);
}

TEST(Expected, MovesOutLargeValues) {
    Expected<std::string> s = std::string(1000, 'x');
    const std::string taken = std::move(s).value();
    EXPECT_EQ(taken.size(), 1000u);
}

TEST(Expected, VoidCarriesOnlyAnError) {
    Expected<void> ok;
    EXPECT_TRUE(ok);
    Expected<void> bad = make_error(ErrorCode::io_error, {.file = "f"}, "gone");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message(), "f: error: gone");
}
