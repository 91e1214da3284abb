#pragma once
// How a subcommand plugs into the hillcoach command line: each lives in its own file, defines
// add_<name>_command(app, ctx) and registers it at static-initialisation time with
//   [[maybe_unused]] const bool k_registered = register_command(order, add_<name>_command);
// so a new command is one new file: main.cpp and this header never change for it. Callbacks set ctx.exit_code: 0 all good, 1 some input failed,
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

using CommandAdder = void (*)(CLI::App& app, CliContext& ctx);

// Records a subcommand; `order` is its place in `hillcoach --help` (lower first, ties by registration).
// Always returns true (the value only gives the registration a static variable to live in).
bool register_command(int order, CommandAdder add);

// Adds every registered subcommand to `app`, in order.
void add_registered_commands(CLI::App& app, CliContext& ctx);

}  // namespace hillcoach::app
