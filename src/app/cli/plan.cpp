// hillcoach plan: a progressive hill and strength plan from the profile file and flags (and, with --db, from
// the stored history), printed for the terminal or written as Markdown, JSON, iCalendar or FIT workouts.
//
// Every profile setting is also a flag; flags win over the file. Errors in the profile (a value out of
// range, a race goal without a date) are reported on stderr with exit status 1; a malformed flag is a usage
// error (2).

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/cli/athlete_options.hpp"
#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"
#include "app/cli/plan_adapt.hpp"
#include "app/cli/plan_text.hpp"
#include "hillcoach/plan/adapt.hpp"
#include "hillcoach/plan/history.hpp"
#include "hillcoach/plan/plan_json.hpp"
#include "hillcoach/plan/plan_profile.hpp"
#include "hillcoach/plan/planner.hpp"
#include "hillcoach/report/plan_fit.hpp"
#include "hillcoach/report/plan_ics.hpp"
#include "hillcoach/training/climb_library.hpp"

namespace hillcoach::app {
namespace {

namespace chr = std::chrono;

struct PlanOptions {
    AthleteFlags athlete;
    std::string level;
    std::string goal;
    std::string race_date;
    std::optional<double> race_distance_km;
    std::optional<double> race_ascent_m;
    std::optional<int> days_per_week;
    std::optional<double> minutes_per_week;
    std::string long_run_day;
    std::string gym;
    std::string hills;
    std::string treadmill;
    std::string stadium;
    std::vector<std::string> injuries;
    std::string start;
    std::optional<int> weeks;
    std::string today;
    DbFlag db;
    bool adapt = false;
    bool json = false;
    std::string format = "text";
    std::string output;
};

std::optional<bool> yes_no(const std::string& word) {
    if (word.empty()) return std::nullopt;
    return word == "yes";
}

// The flags as a profile (only what was given); words and dates were checked by CLI11.
plan::PlanProfile profile_from_flags(const PlanOptions& o) {
    plan::PlanProfile p;
    if (!o.level.empty()) p.level = plan::level_from_text(o.level);
    if (!o.goal.empty()) p.goal = plan::goal_from_text(o.goal);
    if (!o.race_date.empty()) p.race_date = plan::parse_date(o.race_date);
    if (o.race_distance_km) p.race_distance_m = *o.race_distance_km * 1000.0;
    p.race_ascent_m = o.race_ascent_m;
    p.days_per_week = o.days_per_week;
    p.minutes_per_week = o.minutes_per_week;
    if (!o.long_run_day.empty()) p.long_run_day = plan::weekday_from_text(o.long_run_day);
    p.gym = yes_no(o.gym);
    p.hills = yes_no(o.hills);
    p.treadmill = yes_no(o.treadmill);
    p.stadium = yes_no(o.stadium);
    p.injuries = o.injuries;
    if (!o.start.empty()) p.start = plan::parse_date(o.start);
    p.weeks = o.weeks;
    return p;
}

plan::Date today_utc() {
    return chr::floor<chr::days>(chr::system_clock::now());
}

core::Expected<plan::Runner> runner_from(const PlanOptions& o, std::vector<core::Warning>& warnings) {
    plan::PlanProfile file;
    if (!o.athlete.profile_path.empty()) {
        auto read = plan::read_plan_profile(o.athlete.profile_path);
        if (!read) return read.error();
        file = read->profile;
        warnings.insert(warnings.end(), read->warnings.begin(), read->warnings.end());
    }
    std::vector<core::Warning> athlete_warnings;  // the same file's [athlete] warnings, already collected
    auto athlete = athlete_profile(o.athlete, athlete_warnings);
    if (!athlete) return athlete.error();
    plan::PlanProfile merged = plan::merge(file, profile_from_flags(o));
    merged.athlete = *athlete;
    const plan::Date today = o.today.empty() ? today_utc() : *plan::parse_date(o.today);
    return plan::resolve(merged, today);
}

bool write_output(const std::string& text, const PlanOptions& o, CliContext& ctx) {
    if (o.output.empty()) {
        *ctx.out << text;
        return true;
    }
    std::ofstream file(o.output, std::ios::binary);
    file << text;
    if (!file) {
        *ctx.err << fmt::format("hillcoach plan: error: cannot write {}\n", o.output);
        return false;
    }
    return true;
}

// FIT workouts: one file per session into the folder -o names (made when missing).
bool write_workouts(const plan::Plan& made, const PlanOptions& o, CliContext& ctx) {
    std::error_code ec;
    std::filesystem::create_directories(o.output, ec);
    if (ec) {
        *ctx.err << fmt::format("hillcoach plan: error: cannot make the folder {}: {}\n", o.output,
                                ec.message());
        return false;
    }
    const auto files = report::plan_workouts(made);
    for (const report::WorkoutFile& f : files) {
        std::ofstream out(std::filesystem::path(o.output) / f.name, std::ios::binary);
        out << f.bytes;
        if (!out) {
            *ctx.err << fmt::format("hillcoach plan: error: cannot write {}/{}\n", o.output, f.name);
            return false;
        }
    }
    *ctx.err << fmt::format("hillcoach plan: {} workout files in {}\n", files.size(), o.output);
    return true;
}

core::Expected<plan::Plan> plan_from_history(const plan::Runner& runner, const PlanHistory& h) {
    plan::PlanRequest request{.runner = runner};
    const auto weeks = plan::history_weeks(h.digests, h.calendar, runner.start);
    request.history = plan::starting_point_from_history(weeks, runner, runner.start);
    request.hills = plan::hills_from_library(training::climb_library(h.digests), h.digests);
    return plan::make_plan(request);
}

void run_plan(const PlanOptions& o, CliContext& ctx) {
    const std::string format = o.json ? "json" : o.format;
    if (format == "fit" && o.output.empty()) {
        *ctx.err
            << "hillcoach plan: error: --format fit writes one file per session: give a folder with -o\n";
        ctx.exit_code = 2;
        return;
    }
    if (o.adapt && o.db.path.empty()) {
        *ctx.err << "hillcoach plan: error: --adapt compares the saved plan with the history: give --db\n";
        ctx.exit_code = 2;
        return;
    }
    std::vector<core::Warning> warnings;
    const auto runner = runner_from(o, warnings);
    for (const core::Warning& w : warnings) *ctx.err << w.message() << '\n';
    if (!runner) {
        *ctx.err << runner.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    core::Expected<plan::Plan> made = plan::make_plan(plan::PlanRequest{.runner = *runner});
    if (!o.db.path.empty()) {
        const auto history = read_plan_history(o.db.path, o.athlete.profile_path);
        if (!history) {
            *ctx.err << history.error().message() << '\n';
            ctx.exit_code = 1;
            return;
        }
        const plan::Date today = o.today.empty() ? today_utc() : *plan::parse_date(o.today);
        if (o.adapt) {
            plan::AdaptReport report;
            made = adapt_saved_plan(o.db.path, *history, today, report);
            if (made) print_adapt_report(report, "hillcoach plan --adapt", *ctx.err);
        } else {
            made = plan_from_history(*runner, *history);
        }
        if (made) {
            const auto saved = save_plan(*made, o.db.path);
            if (!saved) made = saved.error();
        }
    }
    if (!made) {
        *ctx.err << made.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    bool ok = true;
    if (format == "fit") {
        ok = write_workouts(*made, o, ctx);
    } else if (format == "json") {
        ok = write_output(plan::plan_json(*made).dump(o.output.empty() ? -1 : 1) + '\n', o, ctx);
    } else if (format == "markdown") {
        ok = write_output(plan_markdown(*made), o, ctx);
    } else if (format == "ics") {
        ok = write_output(report::plan_ics(*made), o, ctx);
    } else {
        ok = write_output(plan_text(*made, ctx.color && o.output.empty()), o, ctx);
    }
    if (!ok) ctx.exit_code = 1;
}

bool valid_date(const std::string& text) {
    return plan::parse_date(text).has_value();
}

CLI::Validator date_check() {
    return CLI::Validator(
        [](std::string& text) {
            return valid_date(text) ? std::string() : "not a date like 2026-09-12: " + text;
        },
        "DATE");
}

constexpr const char* k_plan_help = R"(
Makes a week-by-week plan that builds leg strength on hills safely: phases
(base, hill strength, specific, taper for races), deload weeks, hill sessions
that progress a step at a time (more reps, longer, steeper, faster), downhill
work introduced small, and strength sessions with sets, reps and tempo. Every
session says where to do it and why.

The profile file (--profile, docs/profile.md) holds [athlete], [runner], [goal]
and [plan]; every setting is also a flag, and flags win. Without a profile or
flags the plan assumes a regular runner aiming at general fitness, and says so.

Formats: text (the terminal, 80 columns), markdown, json (docs/cli.md lists
every key and the session kinds), ics (a calendar: one event per session, its
steps in the description), fit (workout files for watches, one per session,
into the folder -o names).

With --db the plan starts from the stored history (the 4 weeks before its
start: time, climbing, long run, threshold pace) and puts hill sessions on
your own hills; the plan is saved next to the database (DB.plan.json).
--adapt compares that saved plan with what was run since it started and
re-plans the weeks ahead: missed sessions are not crammed in, extra load is
absorbed, warnings of `hillcoach check` make the next week lighter.

Exit status: 0 plan made, 1 the profile is wrong (reported on stderr), 2 usage
error.

Examples:
  hillcoach plan --level regular --goal hilly-race --race-date 2026-09-12 \
      --race-distance-km 42 --race-ascent-m 2400 --days-per-week 5 --gym yes
  hillcoach plan --profile me.toml --format markdown -o plan.md
  hillcoach plan --goal return --injury "sore left knee" --weeks 8 --json
  hillcoach plan --db runs.db --profile me.toml --format ics -o plan.ics
  hillcoach plan --db runs.db --profile me.toml --adapt)";

}  // namespace

void add_plan_command(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<PlanOptions>();
    CLI::App* cmd = app.add_subcommand("plan", "A progressive hill and strength plan for your goal");
    cmd->footer(k_plan_help);
    add_athlete_options(*cmd, o->athlete);
    cmd->add_option("--level", o->level, "new | regular | advanced")
        ->check(CLI::IsMember({"new", "regular", "advanced"}));
    cmd->add_option("--goal", o->goal, "strength | muscle | hilly-race | flat-race | fitness | return")
        ->check(CLI::IsMember({"strength", "muscle", "hilly-race", "flat-race", "fitness", "return"}));
    cmd->add_option("--race-date", o->race_date, "Race day (race goals)")->check(date_check());
    cmd->add_option("--race-distance-km", o->race_distance_km, "Race distance")
        ->check(CLI::Range(plan::k_min_race_distance_m / 1000.0, plan::k_max_race_distance_m / 1000.0))
        ->type_name("KM");
    cmd->add_option("--race-ascent-m", o->race_ascent_m, "Race climbing")
        ->check(CLI::Range(0.0, plan::k_max_race_ascent_m))
        ->type_name("M");
    cmd->add_option("--days-per-week", o->days_per_week, "Days with a session")
        ->check(CLI::Range(plan::k_min_days_per_week, plan::k_max_days_per_week))
        ->type_name("N");
    cmd->add_option("--minutes-per-week", o->minutes_per_week, "Time for all sessions together")
        ->check(CLI::Range(plan::k_min_minutes_per_week, plan::k_max_minutes_per_week))
        ->type_name("MIN");
    cmd->add_option("--long-run-day", o->long_run_day, "Day of the long run (monday ... sunday)")
        ->check(CLI::Validator(
            [](std::string& t) {
                return plan::weekday_from_text(t) ? std::string() : "not a day of the week: " + t;
            },
            "DAY"));
    for (auto [flag, field, what] : {std::tuple{"--gym", &o->gym, "Access to a gym"},
                                     std::tuple{"--hills", &o->hills, "Hills within reach"},
                                     std::tuple{"--treadmill", &o->treadmill, "A treadmill with incline"},
                                     std::tuple{"--stadium", &o->stadium, "Stadium steps or stairs"}}) {
        cmd->add_option(flag, *field, what)->check(CLI::IsMember({"yes", "no"}))->type_name("yes|no");
    }
    cmd->add_option("--injury", o->injuries, "A current or recent injury, in your words (repeatable)")
        ->type_name("TEXT");
    cmd->add_option("--start", o->start, "First day of the plan (default: next Monday)")->check(date_check());
    cmd->add_option("--weeks", o->weeks, "Plan length without a race")
        ->check(CLI::Range(plan::k_min_plan_weeks, plan::k_max_plan_weeks))
        ->type_name("N");
    cmd->add_option("--today", o->today, "The day the plan counts from (default: today, UTC)")
        ->check(date_check());
    add_db_option(*cmd, o->db);
    cmd->add_flag("--adapt", o->adapt, "Re-plan the saved plan from what was really run (needs --db)");
    cmd->add_flag("--json", o->json, "The plan as JSON (same as --format json)");
    cmd->add_option("--format", o->format, "text | markdown | json | ics | fit")
        ->check(CLI::IsMember({"text", "markdown", "json", "ics", "fit"}));
    cmd->add_option("-o,--output", o->output, "Write to this file (fit: folder) instead of stdout")
        ->type_name("PATH");
    cmd->callback([o, &ctx] { run_plan(*o, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(120, add_plan_command);
}  // namespace

}  // namespace hillcoach::app
