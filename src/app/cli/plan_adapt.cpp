#include "app/cli/plan_adapt.hpp"

#include <chrono>
#include <fstream>

#include <fmt/format.h>

#include "app/cli/saved_plan.hpp"
#include "hillcoach/plan/history.hpp"
#include "hillcoach/plan/plan_json.hpp"
#include "hillcoach/store/store.hpp"
#include "hillcoach/training/climb_library.hpp"
#include "hillcoach/training/guidance.hpp"

namespace hillcoach::app {

namespace chr = std::chrono;

core::Expected<PlanHistory> read_plan_history(const std::filesystem::path& db,
                                              const std::filesystem::path& profile_path) {
    training::TrainingProfile settings;
    if (!profile_path.empty()) {
        auto read = training::read_training_profile(profile_path);
        if (!read) return read.error();
        settings = *read;
    }
    auto calendar =
        training::Calendar::make(settings.time_zone.value_or(training::Calendar::system_zone_name()),
                                 settings.week_start.value_or(chr::Monday));
    if (!calendar) return calendar.error();
    auto store = store::Store::open(db);
    if (!store) return store.error();
    auto digests = store->digests();
    if (!digests) return digests.error();
    return PlanHistory{.digests = std::move(*digests), .calendar = *calendar, .settings = std::move(settings)};
}

core::Expected<plan::Plan> adapt_saved_plan(const std::filesystem::path& db, const PlanHistory& h,
                                            plan::Date today, plan::AdaptReport& report) {
    const std::filesystem::path path = saved_plan_path(db);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return core::make_error(core::ErrorCode::io_error, core::Location{.file = path.string()},
                                "no saved plan to adapt: make one with `hillcoach plan --db` first");
    }
    auto saved = read_plan(in, path.string());
    if (!saved) return saved.error();
    const training::GuidanceInput guidance{.digests = &h.digests,
                                           .calendar = &h.calendar,
                                           .load = h.settings.load,
                                           .thresholds = h.settings.guidance,
                                           .goal = h.settings.goal};
    const auto findings =
        training::check(guidance, plan::day_of_date(today - chr::days{14}), plan::day_of_date(today));
    plan::AdaptInput input{
        .done = plan::done_activities(h.digests, h.calendar,
                                      saved->weeks.empty() ? today : saved->weeks.front().start),
        .warnings = plan::guidance_warnings(findings),
        .today = today,
        .hills = plan::hills_from_library(training::climb_library(h.digests), h.digests)};
    report = plan::adapt(*saved, input);
    return std::move(*saved);
}

core::Expected<void> save_plan(const plan::Plan& made, const std::filesystem::path& db) {
    const std::filesystem::path path = saved_plan_path(db);
    std::ofstream out(path, std::ios::binary);
    out << plan::plan_json(made).dump(1) << '\n';
    if (!out)
        return core::make_error(core::ErrorCode::io_error, core::Location{.file = path.string()},
                                "cannot save the plan");
    return {};
}

void print_adapt_report(const plan::AdaptReport& report, const std::string& who, std::ostream& err) {
    err << fmt::format("{}: {} done, {} moved, {} missed, {} extra\n", who, report.done, report.moved,
                       report.missed, report.extra);
    for (const std::string& change : report.changes) err << "  " << change << '\n';
}

bool adapt_after_import(const std::filesystem::path& db, const std::filesystem::path& profile_path,
                        const std::string& who, std::ostream& err) {
    std::error_code ec;
    if (!std::filesystem::exists(saved_plan_path(db), ec)) return true;
    const auto history = read_plan_history(db, profile_path);
    if (!history) {
        err << who << ": the saved plan was not adapted: " << history.error().message() << '\n';
        return false;
    }
    const plan::Date today = chr::floor<chr::days>(chr::system_clock::now());
    plan::AdaptReport report;
    auto adapted = adapt_saved_plan(db, *history, today, report);
    core::Expected<void> saved = adapted ? save_plan(*adapted, db) : core::Expected<void>(adapted.error());
    if (!saved) {
        err << who << ": the saved plan was not adapted: " << saved.error().message() << '\n';
        return false;
    }
    print_adapt_report(report, who, err);
    return true;
}

}  // namespace hillcoach::app
