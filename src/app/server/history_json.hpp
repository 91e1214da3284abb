#pragma once
// The dashboard's history views as JSON (docs/api.md): calendar weeks, the load channels day by day, the
// guidance findings of `hillcoach check` and the climb library, all computed by the training module from the
// library's digests, so they are the numbers the command line prints.

#include <string>
#include <vector>

#include "app/server/api_json.hpp"
#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"
#include "hillcoach/training/load_channels.hpp"
#include "hillcoach/training/weeks.hpp"

namespace hillcoach::app::server {

Json weeks_json(const std::vector<training::WeekRow>& weeks, const training::Calendar& calendar);
// Each day of the series for one channel: load, acute and chronic load, ratio (null where undefined).
Json load_json(const training::LoadSeries& series, training::Channel channel);
// The findings over every week of the history.
Json check_json(const std::vector<training::ActivityDigest>& digests, const training::Calendar& calendar);
// Every place of the climb library, most-run first, as `hillcoach climbs --json --limit 0` prints it
// (app/common/climb_library_json.hpp), efforts dated in the calendar's zone.
Json climbs_json(const std::vector<training::ActivityDigest>& digests, const training::Calendar& calendar);

}  // namespace hillcoach::app::server
