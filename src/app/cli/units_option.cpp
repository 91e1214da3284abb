// Built only with the report module (HILLCOACH_WITH_REPORT, src/hillcoach/report/CMakeLists.txt).
#ifdef HILLCOACH_WITH_REPORT
#include "app/cli/units_option.hpp"

namespace hillcoach::app {

void add_units_option(CLI::App& command, report::UnitSystem& system) {
    // A string option with a check, converted in the callback: CLI11 2.1 cannot default-print an enum class.
    command
        .add_option_function<std::string>(
            "--units",
            [&system](const std::string& text) {
                system = report::unit_system_from_text(text).value_or(report::UnitSystem::metric);
            },
            "Units shown: metric (km, m, /km) or imperial (mi, ft, /mi)")
        ->check(CLI::IsMember({"metric", "imperial"}))
        ->default_str("metric")
        ->type_name("metric|imperial");
}

}  // namespace hillcoach::app

#endif  // HILLCOACH_WITH_REPORT
