#include "hillcoach/core/error.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/test_data.hpp"

using namespace hillcoach::core;

TEST(Error, RendersXmlPositionGccStyle) {
    const Error e = make_error(ErrorCode::bad_time, {.file = "run.gpx", .line = 12, .column = 7},
                               "cannot read time \"yesterday\"");
    EXPECT_EQ(e.message(), "run.gpx:12:7: error: cannot read time \"yesterday\"");
}

TEST(Error, RendersByteOffsetAndArchiveEntry) {
    const Error e = make_error(ErrorCode::fit_truncated,
                               {.file = "export.zip", .entry = "activities/1.fit", .byte_offset = 4711},
                               "data ends inside a record message");
    EXPECT_EQ(e.message(), "export.zip(activities/1.fit): byte 4711: error: data ends inside a record message");
}

TEST(Error, WarningSaysWarning) {
    const Warning w = make_warning(ErrorCode::fit_file_crc, {.file = "a.fit", .byte_offset = 100}, "CRC differs");
    EXPECT_EQ(w.message(), "a.fit: byte 100: warning: CRC differs");
}

TEST(Error, EveryCodeHasAnIdThatRoundTrips) {
    for (std::size_t i = 0; i < error_code_count; ++i) {
        const auto code = static_cast<ErrorCode>(i);
        const auto id = error_code_id(code);
        ASSERT_FALSE(id.empty());
        EXPECT_FALSE(error_code_description(code).empty());
        ASSERT_TRUE(error_code_from_id(id).has_value()) << id;
        EXPECT_EQ(*error_code_from_id(id), code);
    }
    EXPECT_FALSE(error_code_from_id("no_such_code").has_value());
}

// docs/errors.md is the user's list of codes: it must name every one.
TEST(Error, DocsListEveryCode) {
    const auto doc = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "docs/errors.md";
    std::ifstream in(doc);
    ASSERT_TRUE(in) << "missing " << doc;
    std::stringstream text;
    text << in.rdbuf();
    for (std::size_t i = 0; i < error_code_count; ++i) {
        // Built by append rather than operator+: g++ 12 -O3 gives a false -Wrestrict on "`" + string.
        std::string id(1, '`');
        id.append(error_code_id(static_cast<ErrorCode>(i))).push_back('`');
        EXPECT_NE(text.str().find(id), std::string::npos) << "docs/errors.md does not list " << id;
    }
}
