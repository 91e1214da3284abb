#pragma once
// A plan as a runner reads it: in the terminal (80 columns, wrapped) and as Markdown (`plan --format
// markdown`). Each week: its dates, phase, focus and totals; each session: day, title, time, distance,
// climbing, its steps in one line ("15 min easy; 6 x [100 m hard up 5 %, 100 m easy down 5 %]; ..."),
// exercises with sets, reps and tempo, where to do it and why.

#include <string>

#include "hillcoach/plan/plan.hpp"

namespace hillcoach::app {

std::string plan_text(const plan::Plan& plan, bool color);
std::string plan_markdown(const plan::Plan& plan);

}  // namespace hillcoach::app
