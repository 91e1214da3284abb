// hillcoach climbs: the runner's own hills across the history (training/climb_library.hpp), most-run first.

#include <algorithm>
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/activity_summary.hpp"
#include "app/cli/command.hpp"
#include "app/cli/history_options.hpp"
#include "hillcoach/training/climb_library.hpp"

namespace hillcoach::app {
namespace {

struct ClimbsFlags {
    HistoryFlags history{};
    int min_runs = 1;
    int limit = 20;
    double radius_m = training::k_default_match_radius_m;
};

nlohmann::json optional_json(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

nlohmann::json effort_json(const training::ClimbEffort& e, const training::Calendar& cal) {
    return {{"activity", e.activity.valid() ? nlohmann::json(e.activity.value) : nlohmann::json()},
            {"activity_name", e.activity_name},
            {"date", e.start_time_s ? nlohmann::json(training::format_day(cal.local_day(*e.start_time_s)))
                                    : nlohmann::json()},
            {"time_s", optional_json(e.time_s)},
            {"best_time_s", optional_json(e.best_time_s)},
            {"vam_m_h", optional_json(e.vam_m_h)},
            {"reps", e.reps}};
}

nlohmann::json place_json(const training::ClimbPlace& p, const training::Calendar& cal) {
    return {{"id", p.id.value},
            {"start", {{"lat", p.start.latitude_deg}, {"lon", p.start.longitude_deg}}},
            {"top", {{"lat", p.top.latitude_deg}, {"lon", p.top.longitude_deg}}},
            {"length_m", p.length_m},
            {"gain_m", p.gain_m},
            {"avg_grade", p.avg_grade},
            {"max_grade", p.max_grade},
            {"runs", p.runs},
            {"ascents", p.ascents},
            {"best", p.best ? effort_json(*p.best, cal) : nlohmann::json()},
            {"recent", p.recent ? effort_json(*p.recent, cal) : nlohmann::json()}};
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
    std::vector<const training::ClimbPlace*> shown;
    for (const training::ClimbPlace& p : places)
        if (p.runs >= flags.min_runs) shown.push_back(&p);
    std::stable_sort(shown.begin(), shown.end(), [](const training::ClimbPlace* a, const training::ClimbPlace* b) {
        if (a->runs != b->runs) return a->runs > b->runs;
        return a->gain_m > b->gain_m;
    });
    if (flags.limit > 0 && shown.size() > static_cast<std::size_t>(flags.limit))
        shown.resize(static_cast<std::size_t>(flags.limit));
    if (flags.history.json) {
        nlohmann::json array = nlohmann::json::array();
        for (const training::ClimbPlace* p : shown) array.push_back(place_json(*p, h->calendar));
        *ctx.out << array.dump(1) << '\n';
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
