#include "hillcoach/report/plan_ics.hpp"

#include <libical/ical.h>

#include <chrono>
#include <memory>

#include <fmt/format.h>

#include "hillcoach/plan/session_text.hpp"

namespace hillcoach::report {
namespace {

namespace chr = std::chrono;

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

icaltimetype day_of(plan::Date d) {
    const chr::year_month_day ymd{d};
    icaltimetype t = icaltime_null_date();
    t.year = static_cast<int>(ymd.year());
    t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    return t;
}

std::string description(const plan::Session& s) {
    std::string text;
    const auto add = [&text](const std::string& line) {
        if (!line.empty()) text += (text.empty() ? "" : "\n") + line;
    };
    if (!s.steps.empty()) add("Steps: " + plan::steps_text(s));
    for (const plan::Exercise& e : s.exercises) {
        add(fmt::format("{}: {}. Progression: {}", e.name, plan::exercise_text(e), e.progression));
    }
    if (!s.where.empty()) add("Where: " + s.where);
    if (!s.why.empty()) add("Why: " + s.why);
    return text;
}

}  // namespace

std::string plan_ics(const plan::Plan& plan) {
    std::unique_ptr<icalcomponent, ComponentFree> calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//hillcoach//plan//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icaltimetype stamp = day_of(plan.runner.start);
    stamp.is_date = 0;
    stamp.zone = icaltimezone_get_utc_timezone();
    const std::string goal(plan::to_string(plan.runner.goal));
    for (std::size_t w = 0; w < plan.weeks.size(); ++w) {
        int in_day = 0;
        plan::Date last{};
        for (const plan::Session& s : plan.weeks[w].sessions) {
            in_day = s.date == last ? in_day + 1 : 0;
            last = s.date;
            if (s.kind == plan::SessionKind::rest) continue;
            icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
            const std::string uid = fmt::format("{}-{}-{}-{}@hillcoach", plan::format_date(s.date), in_day,
                                                plan::to_string(s.kind), goal);
            icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
            icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
            icalcomponent_add_property(event, icalproperty_new_dtstart(day_of(s.date)));
            icalcomponent_add_property(event, icalproperty_new_dtend(day_of(s.date + chr::days{1})));
            const std::string numbers = plan::session_numbers_text(s);
            const std::string summary = numbers.empty() ? s.title : fmt::format("{}, {}", s.title, numbers);
            icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
            icalcomponent_add_property(event, icalproperty_new_description(description(s).c_str()));
            const std::string categories =
                fmt::format("hillcoach,{},week {}", plan::to_string(s.kind), w + 1);
            icalcomponent_add_property(event, icalproperty_new_categories(categories.c_str()));
            icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
            icalcomponent_add_component(calendar.get(), event);
        }
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string out = text != nullptr ? text : "";
    icalmemory_free_buffer(text);
    return out;
}

}  // namespace hillcoach::report
