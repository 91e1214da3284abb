#pragma once
// Text and time helpers shared by the history commands (list, show, delete, export): dates given on the
// command line, and an activity's start as the runner saw it.

#include <optional>
#include <string>
#include <string_view>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/training/activity_digest.hpp"

namespace hillcoach::app {

// "2026-05-01" (the whole UTC day: its start, or with `end_of_day` the start of the next day) or a full
// ISO 8601 time ("2026-05-01T06:00:00+02:00"); invalid_argument naming `option` otherwise.
core::Expected<double> parse_date_option(std::string_view text, std::string_view option, bool end_of_day);

// "2026-05-01 08:30" in the activity's local time when the file stated its offset, else "… UTC";
// "-" without a start time.
std::string start_text(const training::ActivityDigest& digest);

// "2026-05-01" (local date when known), "-" without a start time.
std::string date_text(const training::ActivityDigest& digest);

}  // namespace hillcoach::app
