#pragma once
// A plan as an iCalendar file (RFC 5545, written with libical) for any calendar application: one all-day
// event per session (rest days are left out), its summary the session's title and size ("Short hill repeats,
// 52 min"), its description the steps, exercises, where and why. The output is deterministic: UIDs come from
// the date and the session's place in its day, DTSTAMP is the plan's start, so a re-made plan replaces the
// same events when imported again.

#include <string>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::report {

std::string plan_ics(const plan::Plan& plan);

}  // namespace hillcoach::report
