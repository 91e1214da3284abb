// hillcoach: the command-line tool. Parses the command line, runs one subcommand, maps the outcome to an
// exit status. Every exception that reaches this boundary is a bug or a resource failure: it is reported as
// one line and exit status 1, never a stack trace.

#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/cli/command.hpp"

namespace {

bool wants_color() {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return isatty(STDOUT_FILENO) == 1;
}

// Files are read one after another into memory that is freed between them. glibc would hand each large
// block back to the kernel and fault it in again for the next file, which made reading a folder several
// times slower (../shared/bench/PEERS.md); keeping freed memory in the process avoids it.
void keep_freed_memory() {
    mallopt(M_MMAP_THRESHOLD, 512 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
}

}  // namespace

int main(int argc, char** argv) {
    keep_freed_memory();
    std::ios::sync_with_stdio(false);
    hillcoach::app::CliContext ctx{.out = &std::cout, .err = &std::cerr, .color = wants_color(), .exit_code = 0};

    CLI::App app{"hillcoach: hill-training insight and plans from your GPS activities, offline and private"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "hillcoach 0.1.0");
    hillcoach::app::add_registered_commands(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        std::cerr << "hillcoach: error: " << e.what() << '\n';
        return 1;
    }
    std::cout.flush();
    return ctx.exit_code;
}
