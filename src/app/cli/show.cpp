// hillcoach show ID: everything the history database holds about one activity.

#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/cli/activity_summary.hpp"
#include "app/cli/command.hpp"
#include "app/cli/db_option.hpp"
#include "app/cli/history_text.hpp"
#include "app/cli/stored_activity_json.hpp"
#include "hillcoach/core/time.hpp"

namespace hillcoach::app {
namespace {

struct ShowOptions {
    DbFlag db;
    std::int64_t id = 0;
    bool json = false;
};

std::string percent(double grade) { return fmt::format("{:.1f}%", grade * 100.0); }

std::string or_dash(const std::optional<double>& v, const char* format) {
    return v ? fmt::format(fmt::runtime(format), *v) : std::string("-");
}

std::string minutes(const std::optional<double>& s) {
    if (!s) return "-";
    const auto total = static_cast<long long>(std::llround(*s));
    return total >= 3600 ? duration_text(*s) : fmt::format("{}:{:02}", total / 60, total % 60);
}

class ShowText {
public:
    explicit ShowText(std::ostream& out) : m_out(out) {}

    void print(const store::StoredActivity& a) {
        const training::ActivityDigest& d = a.digest;
        m_out << fmt::format("Activity {}{}\n", d.id.value, d.name.empty() ? "" : ": " + d.name);
        line("start", start_text(d));
        line("sport", std::string(core::to_string(d.sport)));
        line("session", fmt::format("{}: {}", analysis::session_type_label(d.session_type), a.session_reason));
        if (d.focused_hill()) line("hill focus", fmt::format("{} ({})", training::to_string(d.hill_focus), d.focus_reason));
        std::string distance = distance_text(d.distance_m);
        if (d.flat_equivalent_distance_m) distance += ", grade-adjusted " + distance_text(*d.flat_equivalent_distance_m);
        line("distance", distance);
        line("time", d.moving_s ? fmt::format("{} moving, {} elapsed", duration_text(*d.moving_s),
                                              d.elapsed_s ? duration_text(*d.elapsed_s) : "-")
                                : "no times recorded");
        line("elevation", d.ascent_m && d.descent_m ? fmt::format("+{:.0f} m, -{:.0f} m", *d.ascent_m, *d.descent_m)
                                                    : "none recorded");
        if (d.avg_heart_rate_bpm) line("heart rate", fmt::format("{:.0f} avg", *d.avg_heart_rate_bpm));
        stress(d);
        descents(d);
        effort(d);
        climbs(d);
        muscles(d);
        m_out << "\nSources\n";
        for (const store::SourceFile& s : a.sources) {
            m_out << fmt::format("  {} ({}, imported {})\n", s.path, s.format,
                                 core::format_iso8601_utc(std::round(s.imported_at_s)));
        }
    }

private:
    void line(std::string_view label, const std::string& value) { m_out << fmt::format("  {:<16} {}\n", label, value); }

    void stress(const training::ActivityDigest& d) {
        std::string text = d.stress ? fmt::format("{:.0f} ({})", *d.stress, training::to_string(d.stress_source))
                                    : "none (no heart rate or pace to judge by)";
        if (d.trimp) text += fmt::format(", TRIMP {:.0f}", *d.trimp);
        line("stress", text);
        if (d.uphill_concentric_load || d.downhill_eccentric_load) {
            line("hill load", fmt::format("uphill concentric {}, downhill eccentric (quadriceps) {}",
                                          or_dash(d.uphill_concentric_load, "{:.0f}"),
                                          or_dash(d.downhill_eccentric_load, "{:.0f}")));
        }
    }

    void descents(const training::ActivityDigest& d) {
        const auto text = [](const training::DescentDigest& x) {
            return fmt::format("-{:.0f} m over {} at {}{}", x.drop_m, distance_text(x.length_m), percent(x.avg_grade),
                               x.time_s ? " in " + minutes(x.time_s) : "");
        };
        if (d.longest_descent) line("longest descent", text(*d.longest_descent));
        if (d.steepest_descent) line("steepest descent", text(*d.steepest_descent));
    }

    void effort(const training::ActivityDigest& d) {
        if (d.warmup) {
            const training::WarmUpDigest& w = *d.warmup;
            line("warm-up", fmt::format("{} in {} before the first climb ({} of it easy)", distance_text(w.distance_m),
                                        minutes(w.moving_s), minutes(w.easy_s)));
        }
        if (d.flat_race_pace_s && d.flat_race_pace_m) {
            line("flat race pace", fmt::format("{} over {}", minutes(d.flat_race_pace_s), distance_text(*d.flat_race_pace_m)));
        }
    }

    void climbs(const training::ActivityDigest& d) {
        m_out << "\nClimbs\n";
        if (d.climbs.empty()) {
            m_out << "  none\n";
            return;
        }
        constexpr const char* row = "  {:>3} {:>9} {:>8} {:>6} {:>6} {:>6} {:>7} {:>7} {:>5}\n";
        m_out << fmt::format(row, "#", "start", "length", "gain", "grade", "max", "time", "best", "reps");
        for (std::size_t k = 0; k < d.climbs.size(); ++k) {
            const training::ClimbDigest& c = d.climbs[k];
            m_out << fmt::format(row, k + 1, distance_text(c.start_m), distance_text(c.length_m),
                                 fmt::format("{:.0f} m", c.gain_m), percent(c.avg_grade), percent(c.max_grade),
                                 minutes(c.time_s), minutes(c.best_time_s), c.reps);
        }
    }

    void muscles(const training::ActivityDigest& d) {
        if (!d.muscle_load) return;
        m_out << "\nMuscle load (100 = the whole reference run's work of each group)\n";
        m_out << fmt::format("  {:<12} {:>10} {:>10}\n", "group", "concentric", "eccentric");
        for (physiology::MuscleGroup g : physiology::k_muscle_groups) {
            m_out << fmt::format("  {:<12} {:>10.0f} {:>10.0f}\n", physiology::label(g),
                                 d.muscle_load->concentric_of(g), d.muscle_load->eccentric_of(g));
        }
    }

    std::ostream& m_out;
};

void run_show(const ShowOptions& options, CliContext& ctx) {
    auto history = open_history(options.db);
    if (!history) {
        *ctx.err << history.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    auto activity = history->activity(core::ActivityId{options.id});
    if (!activity) {
        *ctx.err << activity.error().message() << '\n';
        ctx.exit_code = 1;
        return;
    }
    if (options.json) {
        *ctx.out << stored_activity_json(*activity, JsonPrecision::rounded).dump() << '\n';
        return;
    }
    ShowText(*ctx.out).print(*activity);
}

constexpr const char* k_show_help = R"(
Shows what the history database holds about one activity (its id is the first
column of `hillcoach list`): start, sport, session type and why, hill focus,
distance and grade-adjusted distance, times, ascent and descent, heart rate,
training stress and hill load, longest and steepest descent, warm-up before the
first climb, time at race pace on the flat, climbs (and hills of repeat sets),
load per muscle group, and the files it came from. --json writes the same as
one JSON object (docs/cli.md).

Exit status: 0 shown, 1 no activity with that id or the database cannot be
read, 2 usage error.

Examples:
  hillcoach show 12
  hillcoach show --json 12 | jq .climbs)";

}  // namespace

void add_show_command(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* cmd = app.add_subcommand("show", "Everything stored about one activity");
    cmd->footer(k_show_help);
    cmd->add_option("id", options->id, "The activity's id (hillcoach list)")
        ->required()
        ->check(CLI::PositiveNumber)
        ->type_name("ID");
    add_db_option(*cmd, options->db);
    cmd->add_flag("--json", options->json, "One JSON object (docs/cli.md)");
    cmd->callback([options, &ctx] { run_show(*options, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(50, add_show_command);
}  // namespace

}  // namespace hillcoach::app
