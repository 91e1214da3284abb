#pragma once
// How a subcommand plugs into the hillcoach command line: each lives in its own file and registers itself
// with add_<name>_command(app, ctx). Callbacks set ctx.exit_code: 0 all good, 1 some input failed,
// 2 usage error (set by main from CLI11's parse errors).

#include <iosfwd>

#include <CLI/CLI.hpp>

namespace hillcoach::app {

struct CliContext {
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
    bool color = false;  // stdout is a terminal and NO_COLOR is unset
    int exit_code = 0;
};

void add_info_command(CLI::App& app, CliContext& ctx);
void add_synth_command(CLI::App& app, CliContext& ctx);
void add_analyze_command(CLI::App& app, CliContext& ctx);

}  // namespace hillcoach::app
