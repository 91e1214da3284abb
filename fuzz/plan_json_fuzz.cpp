// Fuzz target for the saved plan that `plan --adapt` reads back (plan/plan_json.hpp). Any bytes give a plan
// or an error naming the source, never a crash, an uncaught exception or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "hillcoach/plan/plan_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return 0;
    const auto plan = plan::plan_from_json(json, "plan.json");
    if (!plan && plan.error().where.file != "plan.json") std::abort();
    return 0;
}
