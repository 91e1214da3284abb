#pragma once
// The plan as a calendar page (`hillcoach report --plan`): one row per week (its phase, deload, focus and
// totals) and a cell per day holding that day's sessions, each with its kind, time, distance, climbing, the
// hill it uses, and why it is there. Like every report it is one self-contained HTML file: no script (the
// details of a session open with <details>, and its reason also shows on hover as a title), nothing from the
// network, seven columns on a wide screen and one on a phone.
//
// Every text of the plan (titles, hills, reasons, notes, injuries: some come from the runner's profile or
// their activity files) goes through html_escape().

#include <string>

#include "hillcoach/plan/plan.hpp"
#include "hillcoach/report/units.hpp"

namespace hillcoach::report {

struct PlanCalendarOptions {
    UnitFormat units{};
    std::string title{};   // empty: "<goal> plan, <first day> to <last day>"
    std::string source{};  // where the plan came from (a file), stated under the title; may be empty
};

// The calendar itself: a <div class="plan-calendar"> with one <section class="week"> per week. Each day cell
// carries data-date="YYYY-MM-DD" and each session data-kind="<session kind name>", for tests and tools.
std::string plan_calendar(const plan::Plan& plan, const UnitFormat& units);

// "<goal> plan, <first day> to <last day>": the page's title unless one is given.
std::string plan_calendar_title(const plan::Plan& plan);

// The whole page: the runner's goal and starting point, the phases, the calendar and the plan's notes.
std::string plan_calendar_html(const plan::Plan& plan, const PlanCalendarOptions& options = {});

}  // namespace hillcoach::report
