// Fuzz target for the history settings of the profile (training/training_profile.hpp: the [training],
// [guidance] and [goal] tables through toml++). Any text gives settings or an error that names the profile,
// never a crash or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hillcoach/training/training_profile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto profile = training::parse_training_profile(text, "profile.toml");
    if (!profile && profile.error().where.file != "profile.toml") std::abort();
    (void)training::goal_kind_from_text(text);
    return 0;
}
