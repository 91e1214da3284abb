#include "app/cli/history_options.hpp"

#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "hillcoach/store/store.hpp"

namespace hillcoach::app {
namespace {

void fail(CliContext& ctx, const core::Error& e, int code) {
    *ctx.err << e.message() << '\n';
    ctx.exit_code = code;
}

std::optional<training::Day> date_flag(const std::string& text, const char* flag, CliContext& ctx, bool& bad) {
    if (text.empty()) return std::nullopt;
    const auto day = training::parse_day(text);
    if (!day) {
        *ctx.err << fmt::format("error: {} {}: a date YYYY-MM-DD is expected\n", flag, text);
        ctx.exit_code = 2;
        bad = true;
    }
    return day;
}

}  // namespace

void add_history_options(CLI::App& command, HistoryFlags& flags, bool range, const std::string& range_what) {
    add_db_option(command, flags.db);
    command.add_option("--profile", flags.profile_path,
                       "TOML profile: [training] time zone and windows, [guidance] thresholds, [goal]")
        ->type_name("PATH");
    command.add_option("--tz", flags.time_zone, "Time zone of the calendar (IANA name; default: the profile's, "
                                                "else this machine's)")
        ->type_name("ZONE");
    command.add_option("--week-start", flags.week_start, "First day of the week (default: monday)")
        ->type_name("DAY");
    if (range) {
        command.add_option("--from", flags.from, "First " + range_what + " (the week holding this date)")
            ->type_name("YYYY-MM-DD");
        command.add_option("--to", flags.to, "Last " + range_what + " (the week holding this date)")
            ->type_name("YYYY-MM-DD");
    }
    command.add_flag("--json", flags.json, "JSON output (docs/cli.md lists the keys)");
}

std::optional<History> load_history(const HistoryFlags& flags, CliContext& ctx) {
    training::TrainingProfile profile;
    if (!flags.profile_path.empty()) {
        auto read = training::read_training_profile(flags.profile_path);
        if (!read) {
            fail(ctx, read.error(), read.error().code == core::ErrorCode::io_error ? 1 : 2);
            return std::nullopt;
        }
        profile = std::move(*read);
        for (const core::Warning& w : profile.warnings) *ctx.err << w.message() << '\n';
    }
    std::string zone = flags.time_zone;
    if (zone.empty()) zone = profile.time_zone.value_or(training::Calendar::system_zone_name());
    std::chrono::weekday week_start = profile.week_start.value_or(std::chrono::Monday);
    if (!flags.week_start.empty()) {
        const auto day = training::weekday_from_text(flags.week_start);
        if (!day) {
            *ctx.err << fmt::format("error: --week-start {}: a day of the week is expected (monday ... sunday)\n",
                                    flags.week_start);
            ctx.exit_code = 2;
            return std::nullopt;
        }
        week_start = *day;
    }
    auto calendar = training::Calendar::make(zone, week_start);
    if (!calendar) {
        fail(ctx, calendar.error(), 2);
        return std::nullopt;
    }
    bool bad = false;
    const auto from = date_flag(flags.from, "--from", ctx, bad);
    const auto to = date_flag(flags.to, "--to", ctx, bad);
    if (bad) return std::nullopt;

    auto path = db_path(flags.db);
    if (!path) {
        fail(ctx, path.error(), 1);
        return std::nullopt;
    }
    // Reading never creates a database: a mistyped --db must not leave an empty file behind.
    std::error_code ec;
    if (!std::filesystem::exists(*path, ec)) {
        *ctx.err << fmt::format("{}: error: no history database here (import activities first: hillcoach import "
                                "--db {} PATH...)\n",
                                path->string(), path->string());
        ctx.exit_code = 1;
        return std::nullopt;
    }
    auto store = store::Store::open(*path);
    if (!store) {
        fail(ctx, store.error(), 1);
        return std::nullopt;
    }
    auto digests = store->digests();
    if (!digests) {
        fail(ctx, digests.error(), 1);
        return std::nullopt;
    }
    return History{.digests = std::move(*digests),
                   .profile = std::move(profile),
                   .calendar = *calendar,
                   .from = from,
                   .to = to};
}

std::string km_cell(double metres) { return fmt::format("{:.1f}", metres / 1000.0); }

std::string hours_cell(double seconds) {
    const auto minutes = static_cast<long long>(std::llround(seconds / 60.0));
    return fmt::format("{}:{:02d}", minutes / 60, minutes % 60);
}

}  // namespace hillcoach::app
