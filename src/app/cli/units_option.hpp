#pragma once
// --units metric|imperial for any command that shows distances, heights or paces (report, serve). The value
// only changes how numbers are printed; everything computed stays SI (report/units.hpp).

#include <string>

#include <CLI/CLI.hpp>

#include "hillcoach/report/units.hpp"

namespace hillcoach::app {

// Adds --units to `command`, storing the choice in `system` (default metric; a bad word is a usage error).
void add_units_option(CLI::App& command, report::UnitSystem& system);

}  // namespace hillcoach::app
