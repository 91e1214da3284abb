// hillcoach climbs: the runner's own hills across the history (training/climb_library.hpp), most-run first.
// --json prints app/common/climb_library_json's shape, the one the dashboard's /api/climbs answers with.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/cli/activity_summary.hpp"
#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"
#include "app/cli/history_options.hpp"
#include "app/common/climb_library_json.hpp"
#include "hillcoach/store/store.hpp"
#include "hillcoach/training/climb_library.hpp"

namespace hillcoach::app {
namespace {

struct ClimbsFlags {
    HistoryFlags history{};
    int min_runs = 1;
    int limit = 20;
    double radius_m = training::k_default_match_radius_m;
};

// Most files (every FIT) carry no activity name, and the dashboard titles such an activity by its file's name
// (report::activity_title); so do the listed efforts here, so that `climbs --json` and /api/climbs name an effort
// alike. One store lookup per unnamed activity shown; without the store the names stay as stored.
void title_unnamed_efforts(std::vector<training::ClimbPlace>& places, const DbFlag& db) {
    std::map<std::int64_t, std::string> titles;
    std::optional<store::Store> history;
    const auto title = [&](std::optional<training::ClimbEffort>& e) {
        if (!e || !e->activity_name.empty() || !e->activity.valid()) return;
        auto [it, fresh] = titles.try_emplace(e->activity.value);
        if (fresh) {
            if (!history) {
                auto opened = open_history(db);
                if (!opened) return;
                history.emplace(std::move(*opened));
            }
            const auto stored = history->activity(e->activity);
            if (stored && !stored->sources.empty())
                it->second = std::filesystem::path(stored->sources.front().path).filename().string();
        }
        e->activity_name = it->second;
    };
    for (training::ClimbPlace& p : places) {
        title(p.best);
        title(p.recent);
    }
}

std::string time_cell(const std::optional<double>& s) { return s ? duration_text(*s) : "-"; }

std::string date_cell(const std::optional<training::ClimbEffort>& e, const training::Calendar& cal) {
    return e && e->start_time_s ? training::format_day(cal.local_day(*e->start_time_s)) : "-";
}

void print_text(const std::vector<const training::ClimbPlace*>& places, std::size_t total,
                const training::Calendar& cal, std::ostream& out) {
    out << fmt::format("{:>8} {:>4} {:>5} {:>6} {:>5} {:>5} {:>8} {:>8} {:>10}\n", "id", "runs", "ups", "length",
                       "gain", "grade", "best", "recent", "last run");
    for (const training::ClimbPlace* p : places) {
        out << fmt::format("{:>8} {:>4} {:>5} {:>6} {:>5.0f} {:>5.1f} {:>8} {:>8} {:>10}\n", p->id.value, p->runs,
                           p->ascents, distance_text(p->length_m), p->gain_m, p->avg_grade * 100.0,
                           time_cell(p->best ? p->best->best_time_s : std::nullopt),
                           time_cell(p->recent ? p->recent->time_s : std::nullopt), date_cell(p->recent, cal));
    }
    out << fmt::format("{} of {} places. runs: activities up it; ups: times up (reps counted);\n"
                       "gain m, grade %; best: fastest time up; recent: the last run's time.\n",
                       places.size(), total);
}

void run_climbs(const ClimbsFlags& flags, CliContext& ctx) {
    const std::optional<History> h = load_history(flags.history, ctx);
    if (!h) return;
    const std::vector<training::ClimbPlace> places =
        training::climb_library(h->digests, {.match_radius_m = flags.radius_m});
    std::vector<const training::ClimbPlace*> shown = most_run_first(places, flags.min_runs);
    if (flags.limit > 0 && shown.size() > static_cast<std::size_t>(flags.limit))
        shown.resize(static_cast<std::size_t>(flags.limit));
    if (flags.history.json) {
        std::vector<training::ClimbPlace> listed;
        listed.reserve(shown.size());
        for (const training::ClimbPlace* p : shown) listed.push_back(*p);
        title_unnamed_efforts(listed, flags.history.db);
        std::vector<const training::ClimbPlace*> in_order;
        for (const training::ClimbPlace& p : listed) in_order.push_back(&p);
        *ctx.out << climb_library_json(in_order, h->calendar).dump(1) << '\n';
        return;
    }
    if (places.empty()) {
        *ctx.out << "No climbs with positions in the history yet.\n";
        return;
    }
    print_text(shown, places.size(), h->calendar, *ctx.out);
}

constexpr const char* k_climbs_help = R"(
The runner's own hills: every climb of the history grouped into places (the
same hill is recognised by its bottom and its top, both within --radius
metres), with length, gain and grade (medians over the runs), how often it was
run, the fastest time up and the latest run's. Most-run places first.

Exit status: 0 shown, 1 the database cannot be read, 2 usage error.

Examples:
  hillcoach climbs
  hillcoach climbs --min-runs 3 --limit 10
  hillcoach climbs --json > climbs.json)";

}  // namespace

void add_climbs_command(CLI::App& app, CliContext& ctx) {
    auto flags = std::make_shared<ClimbsFlags>();
    CLI::App* cmd = app.add_subcommand("climbs", "The runner's own hills across the history");
    cmd->footer(k_climbs_help);
    add_history_options(*cmd, flags->history, false, "");
    cmd->add_option("--min-runs", flags->min_runs, "Only places run at least N times (default 1)")
        ->check(CLI::Range(1, 100000))
        ->type_name("N");
    cmd->add_option("--limit", flags->limit, "At most N places (default 20; 0: all)")
        ->check(CLI::Range(0, 1000000))
        ->type_name("N");
    cmd->add_option("--radius", flags->radius_m, "Metres within which two climbs' ends are the same (default 50)")
        ->check(CLI::Range(5.0, 500.0))
        ->type_name("M");
    cmd->callback([flags, &ctx] { run_climbs(*flags, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(110, add_climbs_command);
}  // namespace

}  // namespace hillcoach::app
