#pragma once
// Where test inputs live, and the corpus rule: tests over ../shared/corpus read it through HILLCOACH_CORPUS;
// where it is absent they skip with a visible message, except under CI=true, where its absence fails.

#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "hillcoach/core/error.hpp"
#include "hillcoach/core/expected.hpp"

namespace hillcoach::test {

// tests/data/<relative> (HILLCOACH_TEST_DATA is set by ctest; falls back to the source tree).
std::filesystem::path data_path(const std::string& relative);
// The corpus folder from HILLCOACH_CORPUS, if it is set and exists.
std::optional<std::filesystem::path> corpus_root();
bool running_in_ci();
// Whole file as bytes.
std::string read_bytes(const std::filesystem::path& path);
// A fresh, empty temporary folder for one test (removed by the OS, not by us, so failures can be inspected).
std::filesystem::path temp_dir(const std::string& name);

}  // namespace hillcoach::test

// Sets `var` to the corpus root, or skips (fails under CI=true) with a message saying why.
#define HILLCOACH_REQUIRE_CORPUS(var)                                                             \
    const auto var##_opt = ::hillcoach::test::corpus_root();                                      \
    if (!var##_opt) {                                                                             \
        if (::hillcoach::test::running_in_ci()) {                                                 \
            FAIL() << "HILLCOACH_CORPUS is not set or missing, and CI=true requires the corpus";  \
        }                                                                                         \
        GTEST_SKIP() << "corpus tests skipped: set HILLCOACH_CORPUS to ../shared/corpus";         \
    }                                                                                             \
    const std::filesystem::path var = *var##_opt

// Asserts that an Expected holds an error with this code whose rendered message contains `text`
// (use it for the position and the reason: EXPECT_ERROR(r, ErrorCode::bad_time, "gpx:12:7: error: ...")).
#define EXPECT_ERROR(result, expected_code, text)                                                          \
    do {                                                                                                   \
        const auto& hc_r = (result);                                                                       \
        ASSERT_FALSE(hc_r.has_value()) << "expected error " << ::hillcoach::core::error_code_id(expected_code); \
        EXPECT_EQ(::hillcoach::core::error_code_id(hc_r.error().code),                                     \
                  ::hillcoach::core::error_code_id(expected_code))                                         \
            << hc_r.error().message();                                                                     \
        EXPECT_NE(hc_r.error().message().find(text), std::string::npos)                                    \
            << "message: " << hc_r.error().message() << "\nexpected to contain: " << (text);               \
    } while (0)
