// The plan as iCalendar, parsed back with libical: one all-day event per session (rest days left out), with
// its date, a summary naming the session and its size, the steps in the description, and stable UIDs.
// Python's icalendar reads the same file in the CLI tests (tests/cli/check_plan.py).

#include "hillcoach/report/plan_ics.hpp"

#include <libical/ical.h>

#include <set>

#include <gtest/gtest.h>

#include "hillcoach/plan/planner.hpp"

namespace hillcoach::report {
namespace {

namespace chr = std::chrono;

plan::Plan sample_plan() {
    plan::PlanProfile p;
    p.level = plan::Level::regular;
    p.goal = plan::Goal::hilly_race;
    p.start = plan::Date{chr::year{2026} / chr::May / 4};
    p.race_date = plan::Date{chr::year{2026} / chr::June / 28};
    p.days_per_week = 5;
    p.gym = true;
    return plan::make_plan(plan::PlanRequest{.runner = *plan::resolve(p, *p.start)});
}

TEST(PlanIcsTest, EverySessionIsAnEventThatParsesBack) {
    const plan::Plan plan = sample_plan();
    const std::string text = plan_ics(plan);
    std::size_t expected = 0;
    for (const plan::Week& w : plan.weeks) {
        for (const plan::Session& s : w.sessions) expected += s.kind != plan::SessionKind::rest;
    }
    icalcomponent* calendar = icalparser_parse_string(text.c_str());
    ASSERT_NE(calendar, nullptr);
    EXPECT_EQ(icalcomponent_isa(calendar), ICAL_VCALENDAR_COMPONENT);
    EXPECT_EQ(icalcomponent_count_errors(calendar), 0);
    std::size_t events = 0;
    std::set<std::string> uids;
    bool saw_hill = false;
    for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e != nullptr;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        ++events;
        uids.insert(icalcomponent_get_uid(e));
        const icaltimetype start = icalcomponent_get_dtstart(e);
        EXPECT_TRUE(start.is_date);
        const std::string summary = icalcomponent_get_summary(e);
        const std::string description = icalcomponent_get_description(e);
        EXPECT_NE(description.find("Why: "), std::string::npos) << summary;
        if (summary.starts_with("Short hill repeats") || summary.starts_with("Long hill repeats")) {
            saw_hill = true;
            EXPECT_NE(description.find("Steps: 15 min easy warm-up"), std::string::npos) << description;
            EXPECT_NE(description.find("Where: "), std::string::npos);
        }
    }
    EXPECT_EQ(events, expected);
    EXPECT_EQ(uids.size(), events);  // every UID distinct
    EXPECT_TRUE(saw_hill);
    icalcomponent_free(calendar);
    EXPECT_EQ(plan_ics(plan), text);  // deterministic
}

TEST(PlanIcsTest, FirstEventHasTheSessionsDateAndNumbers) {
    const plan::Plan plan = sample_plan();
    const plan::Session* first = nullptr;
    for (const plan::Session& s : plan.weeks[0].sessions) {
        if (s.kind != plan::SessionKind::rest && first == nullptr) first = &s;
    }
    ASSERT_NE(first, nullptr);
    icalcomponent* calendar = icalparser_parse_string(plan_ics(plan).c_str());
    icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
    ASSERT_NE(e, nullptr);
    const icaltimetype start = icalcomponent_get_dtstart(e);
    const chr::year_month_day ymd{first->date};
    EXPECT_EQ(start.year, static_cast<int>(ymd.year()));
    EXPECT_EQ(start.month, static_cast<int>(static_cast<unsigned>(ymd.month())));
    EXPECT_EQ(start.day, static_cast<int>(static_cast<unsigned>(ymd.day())));
    EXPECT_TRUE(std::string(icalcomponent_get_summary(e)).starts_with(first->title));
    icalcomponent_free(calendar);
}

}  // namespace
}  // namespace hillcoach::report
