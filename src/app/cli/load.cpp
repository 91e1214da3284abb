// hillcoach load: the load channels over time (training/load_channels.hpp): daily load, acute and chronic
// load (EWMA) and the acute:chronic ratio, per channel.

#include <algorithm>
#include <cmath>
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/command.hpp"
#include "app/cli/history_options.hpp"
#include "hillcoach/training/load_channels.hpp"

namespace hillcoach::app {
namespace {

constexpr int k_default_text_weeks = 12;
constexpr std::size_t k_max_text_channels = 3;  // 80 columns

struct LoadFlags {
    HistoryFlags history{};
    std::vector<std::string> channels{};
    bool daily = false;
};

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

nlohmann::json series_json(const training::LoadSeries& s, const History& h, training::Day from, training::Day to) {
    nlohmann::json days = nlohmann::json::array();
    for (training::Day d = from; d <= to; ++d) {
        const auto i = static_cast<std::size_t>(d - s.first_day);
        nlohmann::json day = {{"day", training::format_day(d)}};
        for (training::Channel c : training::k_channels) {
            const training::ChannelSeries& cs = s[c];
            day[std::string(training::to_string(c))] = {{"load", cs.load[i]},
                                                        {"acute", cs.acute[i]},
                                                        {"chronic", cs.chronic[i]},
                                                        {"acwr", number_or_null(cs.acwr[i])}};
        }
        days.push_back(std::move(day));
    }
    const training::LoadOptions& o = s.options;
    return {{"time_zone", h.calendar.zone_name()},
            {"acute_days", o.acute_days},
            {"chronic_days", o.chronic_days},
            {"ratio_acute_days", o.ratio_acute_days},
            {"ratio_chronic_days", o.ratio_chronic_days},
            {"days", std::move(days)}};
}

void print_text(const training::LoadSeries& s, const History& h, const std::vector<training::Channel>& channels,
                training::Day from, training::Day to, bool daily, std::ostream& out) {
    const training::LoadOptions& o = s.options;
    out << fmt::format("Load ({}; acute, chronic: EWMA {} and {} days; ACWR: {}/{}-day sums)\n",
                       h.calendar.zone_name(), o.acute_days, o.chronic_days, o.ratio_acute_days,
                       o.ratio_chronic_days);
    std::string head = fmt::format("{:<10}", daily ? "day" : "week end");
    std::string sub = fmt::format("{:<10}", "");
    for (training::Channel c : channels) {
        head += fmt::format("  {:<19}", training::to_string(c));
        sub += fmt::format("  {:>6} {:>6} {:>5}", "acute", "chron", "ACWR");
    }
    out << head << '\n' << sub << '\n';
    for (training::Day d = to; d >= from; d -= daily ? 1 : 7) {
        const auto i = static_cast<std::size_t>(d - s.first_day);
        std::string row = fmt::format("{:<10}", training::format_day(d));
        for (training::Channel c : channels) {
            const double r = s[c].acwr[i];
            row += fmt::format("  {:>6.1f} {:>6.1f} {:>5}", s[c].acute[i], s[c].chronic[i],
                               std::isfinite(r) ? fmt::format("{:.2f}", r) : "-");
        }
        out << row << '\n';
    }
    out << "Newest first. stress: hrTSS or pace TSS a day; uphill, eccentric, muscle groups:\n"
           "load points (100 = a flat easy 10 km). docs/models.md, \"Load channels\".\n";
}

void run_load(const LoadFlags& flags, CliContext& ctx) {
    std::vector<training::Channel> channels;
    for (const std::string& name : flags.channels) {
        const auto c = training::channel_from_text(name);
        if (!c) {
            *ctx.err << fmt::format("error: --channel {}: one of stress, uphill, eccentric, quadriceps, "
                                    "hamstrings, glutes, calves, hip_flexors, trunk is expected\n",
                                    name);
            ctx.exit_code = 2;
            return;
        }
        channels.push_back(*c);
    }
    if (channels.empty()) channels = {training::Channel::stress, training::Channel::uphill, training::Channel::eccentric};
    if (!flags.history.json && channels.size() > k_max_text_channels) {
        *ctx.err << "error: at most 3 --channel for text (80 columns); --json gives every channel\n";
        ctx.exit_code = 2;
        return;
    }
    const std::optional<History> h = load_history(flags.history, ctx);
    if (!h) return;
    const training::LoadSeries s = training::load_series(h->digests, h->calendar, h->profile.load);
    if (s.days() == 0) {
        if (flags.history.json)
            *ctx.out << series_json(s, *h, 0, -1).dump(1) << '\n';
        else
            *ctx.out << "No activities with a start time in the history yet.\n";
        return;
    }
    // Weeks end on the day before the week start; the last row is the history's last day.
    training::Day to = h->to ? std::min(*h->to, s.last_day) : s.last_day;
    training::Day from = h->from ? std::max(*h->from, s.first_day) : s.first_day;
    if (!flags.history.json && !h->from) from = std::max(s.first_day, to - (flags.daily ? 27 : 7 * k_default_text_weeks - 1));
    if (!flags.history.json && !flags.daily && h->to) to = std::min(h->calendar.week_of(to) + 6, s.last_day);
    if (to < from) {
        *ctx.out << (flags.history.json ? "{\"days\": []}\n" : "No days of the history in this range.\n");
        return;
    }
    if (flags.history.json) {
        *ctx.out << series_json(s, *h, from, to).dump(1) << '\n';
        return;
    }
    print_text(s, *h, channels, from, to, flags.daily, *ctx.out);
}

constexpr const char* k_load_help = R"(
Training load over time in channels: stress (hrTSS or pace TSS), uphill
concentric load, downhill eccentric load (quadriceps) and each muscle group
(quadriceps, hamstrings, glutes, calves, hip_flexors, trunk). For each: acute
and chronic load (exponentially weighted, 7 and 42 days) and the acute:chronic
ratio (7-day over 28-day rolling sums); windows from the profile's [training].
Text shows the last 12 weeks (one row a week, on the history's last weekday),
or each day with --daily (the last 28 days); --json gives every channel every
day of the history (or of --from .. --to).

Exit status: 0 shown, 1 the database cannot be read, 2 usage error.

Examples:
  hillcoach load
  hillcoach load --channel eccentric --channel quadriceps --daily
  hillcoach load --from 2026-01-01 --json > load.json)";

}  // namespace

void add_load_command(CLI::App& app, CliContext& ctx) {
    auto flags = std::make_shared<LoadFlags>();
    CLI::App* cmd = app.add_subcommand("load", "Acute and chronic load and their ratio, per channel, over time");
    cmd->footer(k_load_help);
    add_history_options(*cmd, flags->history, true, "day");
    cmd->add_option("--channel", flags->channels, "Channel to show (repeat; text: at most 3)")->type_name("NAME");
    cmd->add_flag("--daily", flags->daily, "One row a day instead of one a week");
    cmd->callback([flags, &ctx] { run_load(*flags, ctx); });
}

namespace {
[[maybe_unused]] const bool k_registered = register_command(90, add_load_command);
}  // namespace

}  // namespace hillcoach::app
