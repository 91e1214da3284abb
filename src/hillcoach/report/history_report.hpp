#pragma once
// The history as one self-contained HTML page (`hillcoach report --weeks`): weekly ascent and descent, weekly
// load, and the acute:chronic ratio of the load channels against their safe band, with the weeks as a table.
// Built from the training module's values (weeks.hpp, load_channels.hpp), so the page shows exactly the
// numbers `hillcoach weeks` and `hillcoach load` print.

#include <string>
#include <vector>

#include "hillcoach/report/units.hpp"
#include "hillcoach/training/load_channels.hpp"
#include "hillcoach/training/weeks.hpp"

namespace hillcoach::report {

// The band a channel's 7/28-day acute:chronic ratio is drawn against: 0.8..1.3 is the "sweet spot" where
// injury risk was lowest, and 1.5 and above the "danger zone" (T. J. Gabbett, "The training-injury prevention
// paradox", Br J Sports Med 50(5), 273-280, 2016). The guidance rules use the same 1.5
// (training::GuidanceThresholds::max_eccentric_acwr).
inline constexpr double k_acwr_safe_low = 0.8;
inline constexpr double k_acwr_safe_high = 1.3;
inline constexpr double k_acwr_danger = 1.5;

// Ascent up and descent down per week (bars), in `units`.
std::string weekly_ascent_chart(const std::vector<training::WeekRow>& weeks, const UnitFormat& units);
// Stress per week (bars) with the week's uphill and eccentric load (lines).
std::string weekly_load_chart(const std::vector<training::WeekRow>& weeks);
// The channel's daily 7/28-day ratio over the history, against the safe band and the danger zone; "" when it
// is never defined (a history shorter than 28 days).
std::string acwr_chart(const training::LoadSeries& series, training::Channel channel);

struct HistoryReportOptions {
    UnitFormat units{};
    std::string title = "Training history";
    std::string zone_name{};  // the calendar's time zone, stated under the title
};

std::string history_report_html(const std::vector<training::WeekRow>& weeks,
                                const training::LoadSeries& series, const HistoryReportOptions& options = {});

}  // namespace hillcoach::report
