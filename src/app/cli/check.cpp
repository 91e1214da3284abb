// hillcoach check: the guidance rules (training/guidance.hpp) over the latest week of the history or a range
// of weeks; each finding with its reason and the numbers behind it.

#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/command.hpp"
#include "app/cli/history_options.hpp"
#include "app/cli/text_wrap.hpp"
#include "hillcoach/training/guidance.hpp"

namespace hillcoach::app {
namespace {

constexpr std::size_t k_width = 80;

nlohmann::json finding_json(const training::Finding& f) {
    nlohmann::json evidence = nlohmann::json::object();
    for (const training::Evidence& e : f.evidence)
        evidence[e.key] = e.number ? nlohmann::json(*e.number) : nlohmann::json(e.text);
    nlohmann::json activities = nlohmann::json::array();
    for (core::ActivityId id : f.activities)
        if (id.valid()) activities.push_back(id.value);
    return {{"rule", f.rule},
            {"week_start", training::format_day(f.week_start)},
            {"severity", training::to_string(f.severity)},
            {"message", f.message},
            {"evidence", evidence},
            {"activities", activities}};
}

std::string evidence_text(const training::Finding& f) {
    std::string s = "evidence:";
    for (const training::Evidence& e : f.evidence) {
        if (e.number)
            s += fmt::format(" {} {:.4g};", e.key, *e.number);
        else
            s += fmt::format(" {} {};", e.key, e.text);
    }
    if (!f.activities.empty()) {
        s += " activities";
        for (core::ActivityId id : f.activities)
            if (id.valid()) s += fmt::format(" {}", id.value);
        s += ";";
    }
    s.pop_back();
    return s;
}

void print_rules(std::ostream& out) {
    for (const training::RuleInfo& r : training::guidance_rules()) {
        out << fmt::format("{} ({})\n", r.id, training::to_string(r.severity));
        out << "  " << wrap_text(r.reason, k_width - 2, 2) << '\n';
    }
}

struct CheckFlags {
    HistoryFlags history{};
    bool list_rules = false;
};

void run_check(const CheckFlags& flags, CliContext& ctx) {
    if (flags.list_rules) {
        print_rules(*ctx.out);
        return;
    }
    const std::optional<History> h = load_history(flags.history, ctx);
    if (!h) return;
    const training::GuidanceInput input{.digests = &h->digests,
                                        .calendar = &h->calendar,
                                        .load = h->profile.load,
                                        .thresholds = h->profile.guidance,
                                        .goal = h->profile.goal};
    const std::vector<training::Finding> findings = training::check(input, h->from, h->to);
    if (flags.history.json) {
        nlohmann::json array = nlohmann::json::array();
        for (const training::Finding& f : findings) array.push_back(finding_json(f));
        *ctx.out << array.dump(1) << '\n';
        return;
    }
    std::ostream& out = *ctx.out;
    if (h->digests.empty()) {
        out << "No activities in the history yet.\n";
        return;
    }
    if (findings.empty()) {
        out << fmt::format("Nothing to report: {} rules checked{}.\n", training::guidance_rules().size(),
                           h->from || h->to ? " over the chosen weeks" : " on the latest week");
        return;
    }
    for (const training::Finding& f : findings) {
        out << fmt::format("week of {}  {}  {}\n", training::format_day(f.week_start),
                           training::to_string(f.severity), f.rule);
        out << "  " << wrap_text(f.message, k_width - 2, 2) << '\n';
        out << "  " << wrap_text(evidence_text(f), k_width - 2, 4) << '\n';
    }
    out << fmt::format("{} finding{} (docs/models.md, \"Guidance rules\", explains each rule).\n", findings.size(),
                       findings.size() == 1 ? "" : "s");
}

constexpr const char* k_check_help = R"(
Checks the history against the guidance rules (hillcoach check --rules lists
them: hill sessions per week and 48 h apart, jumps in downhill eccentric load,
big descents after a break, uphill without downhill and the reverse, fast
ramps of ascent and load, hill sessions without warm-up, goal specificity,
months of flat easy running) and prints what it finds for the latest week, or
for the weeks from --from to --to, each with its reason and evidence.
Thresholds come from the profile's [guidance] table, the goal from [goal].

Exit status: 0 checked (findings are not failures), 1 the database cannot be
read, 2 usage error (a bad date, zone or profile value).

Examples:
  hillcoach check
  hillcoach check --from 2026-01-05 --to 2026-03-29
  hillcoach check --profile me.toml --json
  hillcoach check --rules)";

}  // namespace

void add_check_command(CLI::App& app, CliContext& ctx) {
    auto flags = std::make_shared<CheckFlags>();
    CLI::App* cmd = app.add_subcommand("check", "Guidance: warnings about hill training in the history");
    cmd->footer(k_check_help);
    add_history_options(*cmd, flags->history, true, "week to check");
    cmd->add_flag("--rules", flags->list_rules, "List the rules with their reasons and stop");
    cmd->callback([flags, &ctx] { run_check(*flags, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(100, add_check_command);
}  // namespace

}  // namespace hillcoach::app
