#include "support/test_data.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>

namespace hillcoach::test {

std::filesystem::path data_path(const std::string& relative) {
    const char* root = std::getenv("HILLCOACH_TEST_DATA");
    const std::filesystem::path base = root ? std::filesystem::path(root)
                                            : std::filesystem::path(__FILE__).parent_path().parent_path() / "data";
    return base / relative;
}

std::optional<std::filesystem::path> corpus_root() {
    const char* root = std::getenv("HILLCOACH_CORPUS");
    if (!root || !*root) return std::nullopt;
    std::filesystem::path p(root);
    std::error_code ec;
    if (!std::filesystem::is_directory(p, ec)) return std::nullopt;
    return p;
}

bool running_in_ci() {
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open test input " + path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::filesystem::path temp_dir(const std::string& name) {
    std::random_device rd;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("hillcoach-test-" + name + "-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace hillcoach::test
