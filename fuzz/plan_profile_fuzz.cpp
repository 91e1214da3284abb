// Fuzz target for the planner's profile reader (plan/plan_profile.hpp: [athlete], [runner], [goal] and [plan]
// through toml++). Any text gives a profile or an error that names the profile; a profile read is written
// back as TOML (to_toml, what the invariants test prints) and that text must read again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hillcoach/plan/plan_profile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto read = plan::parse_plan_profile(text, "profile.toml");
    if (!read) {
        if (read.error().where.file != "profile.toml") std::abort();
        return 0;
    }
    if (!plan::parse_plan_profile(plan::to_toml(read->profile), "again.toml")) std::abort();
    return 0;
}
