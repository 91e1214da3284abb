// The list of subcommands, filled before main() runs by each command file's registration.

#include <algorithm>
#include <vector>

#include "app/cli/command.hpp"

namespace hillcoach::app {
namespace {

struct Registration {
    int order = 0;
    CommandAdder add = nullptr;
};

// A function-local static: registrations run during static initialisation of other files, in an order the
// language leaves open, and this is built on first use whatever that order is.
std::vector<Registration>& registrations() {
    static std::vector<Registration> list;
    return list;
}

}  // namespace

bool register_command(int order, CommandAdder add) {
    registrations().push_back({.order = order, .add = add});
    return true;
}

void add_registered_commands(CLI::App& app, CliContext& ctx) {
    auto list = registrations();
    std::stable_sort(list.begin(), list.end(),
                     [](const Registration& a, const Registration& b) { return a.order < b.order; });
    for (const auto& r : list) r.add(app, ctx);
}

}  // namespace hillcoach::app
