#pragma once
// The physiology part of `hillcoach analyze` in the terminal: grade-adjusted pace, energy, load scores, time in
// zones, the muscle-load table with its one-line summary, and which athlete settings were estimated or
// defaulted (with how), in 80 columns.

#include <ostream>
#include <string>
#include <vector>

#include "hillcoach/physiology/muscle_load.hpp"
#include "hillcoach/physiology/physiology_summary.hpp"

namespace hillcoach::app {

void print_physiology(std::ostream& out, const physiology::PhysiologyResult& result);
// The same as a string (for reports built as strings on the reading threads).
std::string physiology_text(const physiology::PhysiologyResult& result);

}  // namespace hillcoach::app
