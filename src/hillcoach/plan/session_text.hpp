#pragma once
// Sessions in words, one line each, for every written form of a plan (the terminal, Markdown, the iCalendar
// event's description, the FIT workout's step names): "15 min easy warm-up; 6 x [150 m hard up 7 %, 150 m
// easy down 7 %]; 10 min easy cool-down", and an exercise as "2 x 10 each leg, tempo 3-0-1 (down-pause-up s),
// dumbbells".

#include <functional>
#include <string>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

std::string minutes_text(double seconds);  // "45 min", "1:30 h"
std::string metres_text(double metres);    // "150 m", "12.3 km"
std::string effort_word(Effort effort);    // "marathon pace"
// How a step's length is written: metres_text unless the caller shows other units (a report under
// --units imperial passes its own formatter, so "492 ft hard up 7 %").
using LengthText = std::function<std::string(double metres)>;
std::string step_text(const Step& step, const LengthText& length = metres_text);  // "150 m hard up 7 %"
std::string steps_text(const Session& session, const LengthText& length = metres_text);
std::string exercise_text(const Exercise& exercise);
// "52 min, 8.1 km, +30 m" (strength: its time; rest: "").
std::string session_numbers_text(const Session& session);

}  // namespace hillcoach::plan
