#include "hillcoach/training/load_channels.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hillcoach::training {
namespace {

constexpr std::array<std::string_view, k_channel_count> k_channel_names{
    "stress", "uphill", "eccentric", "quadriceps", "hamstrings", "glutes", "calves", "hip_flexors", "trunk"};

constexpr std::size_t k_first_muscle_channel = static_cast<std::size_t>(Channel::quadriceps);

void fill_ewma(const std::vector<double>& load, int days, std::vector<double>& out) {
    const double alpha = ewma_alpha(days);
    out.resize(load.size());
    double x = 0.0;
    for (std::size_t i = 0; i < load.size(); ++i) {
        x += alpha * (load[i] - x);
        out[i] = x;
    }
}

// Rolling sums by a running total: O(days), not O(days x window).
void fill_acwr(const std::vector<double>& load, int acute_days, int chronic_days, std::vector<double>& out) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    out.assign(load.size(), nan);
    const auto acute_n = static_cast<std::size_t>(std::max(acute_days, 1));
    const auto chronic_n = static_cast<std::size_t>(std::max(chronic_days, 1));
    double acute = 0.0, chronic = 0.0;
    for (std::size_t i = 0; i < load.size(); ++i) {
        acute += load[i];
        chronic += load[i];
        if (i >= acute_n) acute -= load[i - acute_n];
        if (i >= chronic_n) chronic -= load[i - chronic_n];
        // Running totals drift by rounding; a window of zeros must read zero, not 1e-14.
        if (std::abs(chronic) < 1e-9) chronic = 0.0;
        if (std::abs(acute) < 1e-9) acute = 0.0;
        if (i + 1 < chronic_n || chronic <= 0.0) continue;
        const double chronic_per_acute = chronic * static_cast<double>(acute_n) / static_cast<double>(chronic_n);
        out[i] = acute / chronic_per_acute;
    }
}

}  // namespace

std::string_view to_string(Channel channel) { return k_channel_names[static_cast<std::size_t>(channel)]; }

std::optional<Channel> channel_from_text(std::string_view text) {
    for (Channel c : k_channels)
        if (to_string(c) == text) return c;
    return std::nullopt;
}

double ewma_alpha(int days) { return 1.0 - std::exp(-1.0 / static_cast<double>(std::max(days, 1))); }

double channel_load(const ActivityDigest& d, Channel channel) {
    switch (channel) {
        case Channel::stress:
            return d.stress.value_or(0.0);
        case Channel::uphill:
            return d.uphill_concentric_load.value_or(0.0);
        case Channel::eccentric:
            return d.downhill_eccentric_load.value_or(0.0);
        default:
            break;
    }
    if (!d.muscle_load) return 0.0;
    const std::size_t g = static_cast<std::size_t>(channel) - k_first_muscle_channel;
    return 0.5 * (d.muscle_load->concentric[g] + d.muscle_load->eccentric[g]);
}

std::optional<double> LoadSeries::acwr(Channel c, Day day) const {
    if (!contains(day)) return std::nullopt;
    const double r = (*this)[c].acwr[static_cast<std::size_t>(day - first_day)];
    if (!std::isfinite(r)) return std::nullopt;
    return r;
}

double LoadSeries::sum(Channel c, Day from, Day to) const {
    from = std::max(from, first_day);
    to = std::min(to, last_day);
    double s = 0.0;
    const std::vector<double>& load = (*this)[c].load;
    for (Day d = from; d <= to; ++d) s += load[static_cast<std::size_t>(d - first_day)];
    return s;
}

LoadSeries load_series(const std::vector<ActivityDigest>& digests, const Calendar& calendar,
                       const LoadOptions& options, std::optional<Day> from, std::optional<Day> through) {
    LoadSeries s;
    s.options = options;
    std::vector<std::pair<Day, const ActivityDigest*>> dated;
    dated.reserve(digests.size());
    for (const ActivityDigest& d : digests)
        if (d.start_time_s) dated.emplace_back(calendar.local_day(*d.start_time_s), &d);
    std::optional<Day> first = from, last = through;
    for (const auto& [day, d] : dated) {
        if (!first || day < *first) first = day;
        if (!last || day > *last) last = day;
    }
    if (!first || !last || *last < *first) return s;
    s.first_day = *first;
    s.last_day = *last;
    const std::size_t n = s.days();
    for (ChannelSeries& c : s.channels) c.load.assign(n, 0.0);
    for (const auto& [day, d] : dated) {
        if (!s.contains(day)) continue;
        const auto i = static_cast<std::size_t>(day - s.first_day);
        for (Channel c : k_channels) s.channels[static_cast<std::size_t>(c)].load[i] += channel_load(*d, c);
    }
    for (ChannelSeries& c : s.channels) {
        fill_ewma(c.load, options.acute_days, c.acute);
        fill_ewma(c.load, options.chronic_days, c.chronic);
        fill_acwr(c.load, options.ratio_acute_days, options.ratio_chronic_days, c.acwr);
    }
    return s;
}

}  // namespace hillcoach::training
