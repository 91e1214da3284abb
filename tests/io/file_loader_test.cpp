#include "hillcoach/io/file_loader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

using core::ErrorCode;

core::Location at(const std::filesystem::path& p) { return core::Location{.file = p.string()}; }

TEST(FileLoaderTest, LoadsTheWholeFileAndReusesTheBuffer) {
    const auto path = test::data_path("io/containers/flat-run.tcx");
    ByteBuffer buffer;
    ASSERT_TRUE(load_file(path, at(path), 1 << 20, buffer).has_value());
    EXPECT_EQ(buffer.view(), test::read_bytes(path));
    const std::size_t capacity = buffer.capacity();
    const auto smaller = test::data_path("io/containers/hill-run.gpx");
    ASSERT_TRUE(load_file(smaller, at(smaller), 1 << 20, buffer).has_value());
    EXPECT_EQ(buffer.view(), test::read_bytes(smaller));
    EXPECT_EQ(buffer.capacity(), capacity);  // no new allocation for a file that fits
}

TEST(FileLoaderTest, RefusesAFileOverTheLimitFromItsSizeAlone) {
    // A sparse 4 GiB file: loading it would take seconds and gigabytes; the refusal needs neither.
    const auto dir = test::temp_dir("loader");
    const auto path = dir / "huge.gpx";
    {
        std::ofstream create(path);
    }
    ASSERT_EQ(::truncate(path.c_str(), 4LL << 30), 0);
    ByteBuffer buffer;
    EXPECT_ERROR(load_file(path, at(path), 256ULL << 20, buffer), ErrorCode::file_too_large,
                 "huge.gpx: error: file is 4096 MiB, over the size limit of 256 MiB; not loaded");
    EXPECT_EQ(buffer.capacity(), 0U);
    std::filesystem::remove(path);
}

TEST(FileLoaderTest, SmallLimitForTests) {
    const auto path = test::data_path("io/containers/hill-run.gpx");
    ByteBuffer buffer;
    EXPECT_ERROR(load_file(path, at(path), 100, buffer), ErrorCode::file_too_large,
                 "over the size limit of 100 bytes; not loaded");
}

TEST(FileLoaderTest, EmptyMissingAndFolder) {
    ByteBuffer buffer;
    const auto empty = test::data_path("io/bad/301-empty.gpx");
    EXPECT_ERROR(load_file(empty, at(empty), 1 << 20, buffer), ErrorCode::empty_file,
                 "301-empty.gpx: error: file is empty (0 bytes)");
    const auto missing = test::data_path("io/no-such-file.gpx");
    EXPECT_ERROR(load_file(missing, at(missing), 1 << 20, buffer), ErrorCode::io_error,
                 "no-such-file.gpx: error: cannot open: No such file or directory");
    const auto folder = test::data_path("io/containers");
    EXPECT_ERROR(load_file(folder, at(folder), 1 << 20, buffer), ErrorCode::io_error, "is a folder, not a file");
}

TEST(FileLoaderTest, HeadReadsOnlyTheStart) {
    const auto path = test::data_path("io/containers/hill-run.gpx");
    ByteBuffer buffer;
    ASSERT_TRUE(load_file_head(path, at(path), 5, buffer).has_value());
    EXPECT_EQ(buffer.view(), "<?xml");
}

TEST(FileLoaderTest, SizesForMessages) {
    EXPECT_EQ(format_size(812), "812 bytes");
    EXPECT_EQ(format_size(256ULL << 20), "256 MiB");
    EXPECT_EQ(format_size((3ULL << 20) + (1ULL << 19)), "3.5 MiB");
}

}  // namespace
}  // namespace hillcoach::io
