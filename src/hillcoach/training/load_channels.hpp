#pragma once
// Load channels: daily training load in several currencies, and the acute and chronic load of each.
// docs/models.md, "Load channels", gives the formulas, constants and sources; in short:
//
//   channels    stress (hr_tss or pace_tss, ActivityDigest::stress), uphill concentric load, downhill eccentric
//               load (quadriceps), and each muscle group (the mean of its concentric and eccentric load points,
//               so the reference run, a flat easy 10 km, is 100 in every channel but stress).
//   daily load  the sum of the channel over the activities starting on that local day.
//   acute, chronic  exponentially weighted moving averages of daily load with time constants acute_days (7)
//               and chronic_days (42): x_d = x_(d-1) + (1 - e^(-1/N)) (load_d - x_(d-1)), from 0 before the
//               first day (the Banister impulse-response decay, as GoldenCheetah computes its PMC: 100 a day for
//               42 days gives a chronic load of 63.2).
//   ACWR        rolling sums, not the EWMAs: the last ratio_acute_days (7) days' load over the last
//               ratio_chronic_days (28) days' load per 7 days (Hulin et al. 2016; Gabbett 2016, whose 0.8-1.3
//               "sweet spot" and >= 1.5 "danger zone" were measured on this form). Undefined (NaN) until the
//               history spans the full 28 days and while the 28-day load is zero.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "hillcoach/training/activity_digest.hpp"
#include "hillcoach/training/calendar.hpp"

namespace hillcoach::training {

enum class Channel : unsigned char {
    stress,
    uphill,
    eccentric,
    quadriceps,
    hamstrings,
    glutes,
    calves,
    hip_flexors,
    trunk
};
inline constexpr std::size_t k_channel_count = 9;
inline constexpr std::array<Channel, k_channel_count> k_channels{
    Channel::stress,     Channel::uphill, Channel::eccentric,   Channel::quadriceps, Channel::hamstrings,
    Channel::glutes,     Channel::calves, Channel::hip_flexors, Channel::trunk};

// "stress", "uphill", "eccentric", "quadriceps", "hamstrings", "glutes", "calves", "hip_flexors", "trunk".
std::string_view to_string(Channel channel);
std::optional<Channel> channel_from_text(std::string_view text);

// Defaults: the performance-management chart's 42/7 days (TrainingPeaks, GoldenCheetah, Runalyze) and the
// 7/28-day ratio of Hulin et al. 2016.
inline constexpr int k_default_acute_days = 7;
inline constexpr int k_default_chronic_days = 42;
inline constexpr int k_default_ratio_acute_days = 7;
inline constexpr int k_default_ratio_chronic_days = 28;

struct LoadOptions {
    int acute_days = k_default_acute_days;
    int chronic_days = k_default_chronic_days;
    int ratio_acute_days = k_default_ratio_acute_days;
    int ratio_chronic_days = k_default_ratio_chronic_days;
};

// One activity's load in a channel (0 when the digest has no value for it: no heart rate and no pace for
// stress, no elevation for the others).
double channel_load(const ActivityDigest& digest, Channel channel);

struct ChannelSeries {
    std::vector<double> load{};     // per day
    std::vector<double> acute{};    // EWMA
    std::vector<double> chronic{};  // EWMA
    std::vector<double> acwr{};     // rolling sums; NaN where undefined
};

// Every channel, day by day from `first_day` through `last_day`.
struct LoadSeries {
    Day first_day = 0;
    Day last_day = -1;  // empty when last_day < first_day
    LoadOptions options{};
    std::array<ChannelSeries, k_channel_count> channels{};

    std::size_t days() const { return last_day < first_day ? 0 : static_cast<std::size_t>(last_day - first_day + 1); }
    bool contains(Day day) const { return day >= first_day && day <= last_day; }
    const ChannelSeries& operator[](Channel c) const { return channels[static_cast<std::size_t>(c)]; }
    // nullopt outside the series or where the ratio is undefined.
    std::optional<double> acwr(Channel c, Day day) const;
    // The sum of a channel's daily load over [from, to], clipped to the series.
    double sum(Channel c, Day from, Day to) const;
};

// The series from the first activity's day (or `from` if earlier) through the last activity's day (or
// `through` if later). Activities without a start time are left out. Errors never: an empty history gives an
// empty series.
LoadSeries load_series(const std::vector<ActivityDigest>& digests, const Calendar& calendar,
                       const LoadOptions& options = {}, std::optional<Day> from = std::nullopt,
                       std::optional<Day> through = std::nullopt);

// The EWMA weight of one day for time constant `days`: 1 - e^(-1/days).
double ewma_alpha(int days);

}  // namespace hillcoach::training
