#include "app/cli/saved_plan.hpp"

#include <nlohmann/json.hpp>

#include "hillcoach/plan/plan_json.hpp"

namespace hillcoach::app {

std::filesystem::path saved_plan_path(const std::filesystem::path& db) {
    return db.string() + ".plan.json";
}

core::Expected<plan::Plan> read_plan(std::istream& in, const std::string& source) {
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) {
        return core::make_error(core::ErrorCode::invalid_argument, core::Location{.file = source},
                                "not a plan: the file is not JSON (`hillcoach plan --json` writes one)");
    }
    return plan::plan_from_json(j, source);
}

}  // namespace hillcoach::app
