// hillcoach weeks: one row per calendar week of the history (training/weeks.hpp), in the athlete's time zone,
// empty weeks included; text for an 80-column terminal or a JSON array.

#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/command.hpp"
#include "app/cli/history_options.hpp"
#include "hillcoach/training/weeks.hpp"

namespace hillcoach::app {
namespace {

nlohmann::json optional_json(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

nlohmann::json week_json(const training::WeekRow& w) {
    return {{"week_start", training::format_day(w.start)},
            {"week_end", training::format_day(w.end())},
            {"activities", w.activities},
            {"distance_m", w.distance_m},
            {"time_s", w.time_s},
            {"ascent_m", w.ascent_m},
            {"descent_m", w.descent_m},
            {"hill_sessions", w.hill_sessions},
            {"flat_equivalent_distance_m", w.flat_equivalent_distance_m},
            {"stress", w.stress},
            {"uphill_load", w.uphill_load},
            {"eccentric_load", w.eccentric_load},
            {"acwr", optional_json(w.acwr)},
            {"eccentric_acwr", optional_json(w.eccentric_acwr)}};
}

std::string ratio_cell(const std::optional<double>& r) { return r ? fmt::format("{:.2f}", *r) : "-"; }

void print_text(const std::vector<training::WeekRow>& rows, const History& h, std::ostream& out) {
    out << fmt::format("Weeks ({}, starting {})\n", h.calendar.zone_name(),
                       training::weekday_name(h.calendar.week_start()));
    out << fmt::format("{:<10} {:>4} {:>6} {:>6} {:>6} {:>6} {:>5} {:>6} {:>6} {:>5} {:>5}\n", "week of", "runs",
                       "km", "time", "up m", "down m", "hills", "GA km", "stress", "ecc.", "ACWR");
    for (const training::WeekRow& w : rows) {
        out << fmt::format("{:<10} {:>4} {:>6} {:>6} {:>6.0f} {:>6.0f} {:>5} {:>6} {:>6.0f} {:>5.0f} {:>5}\n",
                           training::format_day(w.start), w.activities, km_cell(w.distance_m),
                           hours_cell(w.time_s), w.ascent_m, w.descent_m, w.hill_sessions,
                           km_cell(w.flat_equivalent_distance_m), w.stress, w.eccentric_load, ratio_cell(w.acwr));
    }
    out << "time: moving h:mm; hills: focused hill sessions; GA km: grade-adjusted distance;\n"
           "stress: hrTSS or pace TSS; ecc.: downhill eccentric load (quadriceps points);\n"
           "ACWR: stress acute:chronic ratio (7/28 days) at the week's end (docs/models.md).\n";
}

void run_weeks(const HistoryFlags& flags, CliContext& ctx) {
    const std::optional<History> h = load_history(flags, ctx);
    if (!h) return;
    const training::LoadSeries series = training::load_series(h->digests, h->calendar, h->profile.load);
    std::vector<training::WeekRow> rows = training::weeks(h->digests, h->calendar, series);
    std::erase_if(rows, [&](const training::WeekRow& w) {
        return (h->from && w.end() < *h->from) || (h->to && w.start > *h->to);
    });
    if (flags.json) {
        nlohmann::json array = nlohmann::json::array();
        for (const training::WeekRow& w : rows) array.push_back(week_json(w));
        *ctx.out << array.dump(1) << '\n';
        return;
    }
    if (rows.empty()) {
        *ctx.out << "No activities with a start time in this range of the history.\n";
        return;
    }
    print_text(rows, *h, *ctx.out);
}

constexpr const char* k_weeks_help = R"(
One row per calendar week of the history, from the first activity's week to the
last one's, weeks without activities included: activities, distance, moving
time, ascent, descent, focused hill sessions (hill repeats, sprints, downhill or
mountain sessions), grade-adjusted distance, training stress, downhill
eccentric load and the stress acute:chronic ratio. Weeks follow the athlete's
time zone (--tz, else [training] time_zone in the profile, else this machine's)
and start on Monday unless --week-start or the profile says otherwise.

Exit status: 0 shown, 1 the database cannot be read, 2 usage error (a bad
date, zone or day, a bad profile value).

Examples:
  hillcoach weeks
  hillcoach weeks --from 2026-01-01 --to 2026-03-31
  hillcoach weeks --tz Europe/Zurich --week-start sunday
  hillcoach weeks --db runs.db --json > weeks.json)";

}  // namespace

void add_weeks_command(CLI::App& app, CliContext& ctx) {
    auto flags = std::make_shared<HistoryFlags>();
    CLI::App* cmd = app.add_subcommand("weeks", "Weekly totals, hill sessions and load of the history");
    cmd->footer(k_weeks_help);
    add_history_options(*cmd, *flags, true, "week");
    cmd->callback([flags, &ctx] { run_weeks(*flags, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(80, add_weeks_command);
}  // namespace

}  // namespace hillcoach::app
