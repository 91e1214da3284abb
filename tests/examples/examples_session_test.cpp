// Every file in examples/ analysed: its session type is the one the synth example table built it as
// (synth/examples.cpp, ExampleSpec::session), and the file set is exactly the table's. The examples are what a
// new user runs first (`make demo`), so a model change that mistakes a hill-sprint session for an easy run
// shows here.

#include <filesystem>
#include <map>
#include <cstdio>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "hillcoach/analysis/analyze.hpp"
#include "hillcoach/io/read.hpp"
#include "hillcoach/synth/examples.hpp"
#include "support/test_data.hpp"

namespace hillcoach::analysis {
namespace {

// Examples analysed as another type than they were built as, each with the reason. The test fails on a
// mismatch not listed here and on a listed one that now matches (so the list cannot go stale).
const std::map<std::string, std::string>& known_mismatches() {
    static const std::map<std::string, std::string> reasons{};
    return reasons;
}

std::filesystem::path examples_dir() {
    return test::data_path("../../examples");
}

TEST(ExamplesSessionTest, EveryExampleIsAnalysedAsTheSessionItWasBuiltAs) {
    const auto table = synth::example_activities();
    ASSERT_GE(table.size(), 10u);
    std::set<std::string> listed;
    for (const auto& e : table) {
        listed.insert(e.file_name);
        ASSERT_FALSE(e.session.empty()) << e.file_name << ": the table gives no session type";
        const auto read = io::read_file(examples_dir() / e.file_name);
        ASSERT_TRUE(read.has_value()) << e.file_name;
        ASSERT_EQ(read->size(), 1u) << e.file_name;
        const ActivityAnalysis a = analyze(read->front());
        const bool matches = to_string(a.session.type) == e.session;
        const bool known = known_mismatches().count(e.file_name) == 1;
        std::printf("%-42s built as %-22s analysed as %-22s %s\n", e.file_name.c_str(), e.session.c_str(),
                    std::string(to_string(a.session.type)).c_str(), a.session.reason.c_str());
        if (known) {
            EXPECT_FALSE(matches) << e.file_name << " now matches: remove it from known_mismatches()";
        } else {
            EXPECT_TRUE(matches) << e.file_name << " (" << e.summary << "): analysed as "
                                 << session_type_label(a.session.type) << ": " << a.session.reason;
        }
    }
    // And no file in examples/ escapes the check.
    for (const auto& entry : std::filesystem::directory_iterator(examples_dir())) {
        const std::string name = entry.path().filename().string();
        if (name == "README.md") continue;
        EXPECT_TRUE(listed.count(name) == 1) << name << " is in examples/ but not in the synth example table";
    }
}

}  // namespace
}  // namespace hillcoach::analysis
