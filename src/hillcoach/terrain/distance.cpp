#include "hillcoach/terrain/distance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "hillcoach/terrain/moving_time.hpp"
#include "hillcoach/terrain/step_length.hpp"

namespace hillcoach::terrain {
namespace {

// A step is a jump when it is longer than k_max_plausible_speed_m_s allows for its time plus this slack: the
// slack absorbs two fixes written with the same time and the error of a poor fix (tens of metres).
constexpr double k_jump_slack_m = 50.0;

struct Fix {
    std::size_t sample = 0;
    double time_s = 0.0;  // NaN without time
    FixScale scale;
};

bool valid_position(double lat, double lon) {
    return std::isfinite(lat) && std::isfinite(lon) && std::abs(lat) <= 90.0;
}

std::vector<Fix> collect_fixes(const core::Samples& s) {
    std::vector<Fix> fixes;
    fixes.reserve(s.size());
    FixScaler scaler;
    double first_s = std::numeric_limits<double>::infinity();
    double last_s = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!valid_position(s.latitude_deg[i], s.longitude_deg[i])) continue;
        fixes.push_back(
            Fix{.sample = i, .time_s = s.time_s[i], .scale = scaler(s.latitude_deg[i], s.longitude_deg[i])});
        if (std::isfinite(s.time_s[i])) {
            first_s = std::min(first_s, s.time_s[i]);
            last_s = std::max(last_s, s.time_s[i]);
        }
    }
    // Every fix at one time (an export that wrote a placeholder, 1901-12-13 in gpxpy's Mojstrovka.gpx): the
    // times say nothing, and read as times they would make every step longer than 50 m a jump.
    if (fixes.size() > 2 && !(last_s > first_s)) {
        for (Fix& f : fixes) f.time_s = std::numeric_limits<double>::quiet_NaN();
    }
    return fixes;
}

double distance_between(const Fix& a, const Fix& b) {
    return step_length_m(a.scale, b.scale);
}

// Whether a step of `length` metres from a to b is faster than anything moves. Without a time at either end
// there is no speed to judge: a route or a track exported without times keeps its steps, however far apart
// its points are (an excursion that comes back is still dropped, by its shape).
bool is_jump(const Fix& a, const Fix& b, double length) {
    const double dt = b.time_s - a.time_s;
    if (!std::isfinite(dt)) return false;
    return length > k_max_plausible_speed_m_s * std::abs(dt) + k_jump_slack_m;
}

bool is_jump(const Fix& a, const Fix& b) {
    return is_jump(a, b, distance_between(a, b));
}

// At the ends a fix is wild when it jumps away from a track that is consistent.
bool is_wild_end(const std::vector<Fix>& f, std::size_t k) {
    const std::size_t n = f.size();
    if (n < 3) return false;
    if (k == 0) return is_jump(f[0], f[1]) && !is_jump(f[1], f[2]);
    return is_jump(f[n - 2], f[n - 1]) && !is_jump(f[n - 3], f[n - 2]);
}

double step_speed(const Fix& a, const Fix& b, double length) {
    const double dt = b.time_s - a.time_s;
    return std::isfinite(dt) && dt > 0.0 ? length / dt : std::numeric_limits<double>::infinity();
}

// Drops excursions: up to k_max_spike_fixes fixes that leave the track with a step longer than
// k_position_spike_m at more than k_position_spike_ratio times the speed so far (plus 1 m/s), and after which
// a fix is back where the runner could be: within k_spike_return_ratio times the speed so far (plus 1 m/s) of
// the last good fix over the time since it, or within k_position_spike_m. A single fix thrown off, a burst of
// 2-4 fixes thrown off together (consumer GPS under trees, a tunnel's exit), and a teleporting fix
// (broken-start-latlng.fit) are all excursions; a real change of pace or a real jump that stays is not,
// because nothing comes back.
struct KeptFixes {
    std::vector<Fix> fixes;
    std::vector<double> step_m;  // from the previous kept fix (0 for the first); each step is measured once
    double raw_length_m = 0.0;   // every step between consecutive fixes, dropped ones included
    std::size_t dropped = 0;
};

KeptFixes drop_wild_fixes(const std::vector<Fix>& all) {
    const std::size_t n = all.size();
    KeptFixes out;
    out.fixes.reserve(n);
    out.step_m.reserve(n);
    std::size_t k = 0;
    if (n > 0 && is_wild_end(all, 0)) {
        out.dropped = 1;
        out.raw_length_m += distance_between(all[0], all[1]);
        k = 1;
    }
    if (k < n) {
        out.fixes.push_back(all[k]);
        out.step_m.push_back(0.0);
        ++k;
    }
    std::size_t prev_index = k - 1;  // index in `all` of the last kept fix
    double speed = 0.0;              // of the last accepted step
    double last_step_m = 0.0;        // its length: the measure of pace where the fixes have no times
    while (k < n) {
        const Fix& prev = out.fixes.back();
        const double step = distance_between(prev, all[k]);
        // The raw length sums consecutive fixes; after a dropped excursion the kept step is not one of them.
        out.raw_length_m += prev_index + 1 == k ? step : distance_between(all[k - 1], all[k]);
        const bool timed = std::isfinite(all[k].time_s - prev.time_s);
        const bool jump = is_jump(prev, all[k], step);
        // Without times, a step leaves the track when it is that much longer than the steps so far, and the
        // way back is measured in steps rather than seconds.
        const bool leaves =
            jump || (step > k_position_spike_m &&
                     (timed ? step_speed(prev, all[k], step) > k_position_spike_ratio * (speed + 1.0)
                            : step > k_position_spike_ratio * (last_step_m + 1.0)));
        std::size_t back = 0;  // the fix that returns, if any
        if (leaves) {
            for (std::size_t j = k + 1; j < n && j <= k + k_max_spike_fixes; ++j) {
                const double bridge = distance_between(prev, all[j]);
                const double dt = all[j].time_s - prev.time_s;
                const double reach = std::max(k_position_spike_m,
                                              std::isfinite(dt) ? k_spike_return_ratio * (speed + 1.0) * dt
                                                                : k_spike_return_ratio * (last_step_m + 1.0) *
                                                                      static_cast<double>(j - prev_index));
                if (bridge <= reach && !is_jump(prev, all[j], bridge)) {
                    back = j;
                    break;
                }
            }
            if (back == 0 && k + 1 == n && is_wild_end(all, k)) back = n;
        }
        if (back > 0) {
            for (std::size_t j = k + 1; j < back && j < n; ++j)
                out.raw_length_m += distance_between(all[j - 1], all[j]);
            out.dropped += back - k;
            k = back;
            continue;
        }
        if (!jump) {
            const double v = step_speed(prev, all[k], step);
            if (std::isfinite(v)) speed = v;
            last_step_m = step;
        }
        out.fixes.push_back(all[k]);
        out.step_m.push_back(step);
        prev_index = k++;
    }
    return out;
}

// Per fix: whether both half windows around it show less than stop speed of straight-line displacement.
// Fixes without time are never a stop.
//
// The displacement of a half is the farthest any of its fixes gets from the fix judged, not just its end: a
// runner who sprints 40 m up a hill and walks back down inside 30 s ends the half where it began, and when
// the other half is a timer pause (auto-pause at the bottom, no fixes) that one chord would make the whole
// rep a stop (examples/2026-03-24-hill-sprints.fit lost 600 m and every rep that way). The end chord is
// measured first: on a running fix it already settles the half, so only standing fixes pay for the scan of
// their window, and the pass stays linear in practice.
std::vector<std::uint8_t> stop_cores(const std::vector<Fix>& f) {
    const std::size_t n = f.size();
    std::vector<std::uint8_t> core(n, 0);
    std::size_t back = 0;
    std::size_t fwd = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double t = f[k].time_s;
        if (!std::isfinite(t)) continue;
        while (back < k && !(f[back].time_s >= t - k_stop_half_window_s)) ++back;
        if (fwd < k) fwd = k;
        while (fwd + 1 < n && f[fwd + 1].time_s <= t + k_stop_half_window_s) ++fwd;
        // A half is judged only when it spans at least half its window; a fix with neither judged is no stop.
        int judged = 0;
        bool moving = false;
        // The half from fix `from` to fix `to` (indices), one end of which is k.
        const auto judge = [&](std::size_t from, std::size_t to) {
            const double span = f[to].time_s - f[from].time_s;
            if (!(span >= 0.5 * k_stop_half_window_s)) return;
            ++judged;
            const double allowed_m = k_stop_speed_m_s * span;
            const std::size_t end = from == k ? to : from;
            if (distance_between(f[k], f[end]) >= allowed_m) {
                moving = true;
                return;
            }
            // Inside the half, twice the end's allowance: a standing receiver's fixes differ by sigma 3.5 m
            // per axis (2.5 m each), so one of them lies 15 m off with probability exp(-9.2) = 1e-4 and even
            // a long stop keeps its core, while a sprint out and back goes tens of metres out.
            const double excursion_m = 2.0 * allowed_m;
            for (std::size_t j = from + 1; j < to && !moving; ++j) {
                if (j != k && distance_between(f[k], f[j]) >= excursion_m) moving = true;
            }
        };
        judge(back, k);
        if (!moving) judge(k, fwd);  // one moving half settles it: running costs one chord per fix
        core[k] = judged > 0 && !moving;
    }
    return core;
}

struct Centroid {
    FixScale scale;
    double radius_m = 0.0;  // how far the stop reaches
};

Centroid centroid_of(const std::vector<Fix>& f, std::size_t first, std::size_t last) {
    const double lon0 = f[first].scale.longitude_deg;
    double sum_lat = 0.0;
    double sum_lon = 0.0;
    for (std::size_t k = first; k <= last; ++k) {
        sum_lat += f[k].scale.latitude_deg;
        sum_lon += lon0 + std::remainder(f[k].scale.longitude_deg - lon0, 360.0);
    }
    const double count = static_cast<double>(last - first + 1);
    Centroid c{.scale = fix_scale(sum_lat / count, sum_lon / count)};
    double sum_sq = 0.0;
    for (std::size_t k = first; k <= last; ++k) {
        const LocalOffset d = local_offset_m(c.scale, f[k].scale);
        sum_sq += d.east_m * d.east_m + d.north_m * d.north_m;
    }
    c.radius_m =
        std::clamp(k_stop_edge_sigmas * std::sqrt(sum_sq / count), k_stop_edge_min_m, k_stop_edge_max_m);
    return c;
}

struct Stop {
    std::size_t first = 0;  // fix indices, inclusive
    std::size_t last = 0;
    Centroid centre;
};

// Runs of core fixes become stops:
//   - consecutive runs less than a stop window apart whose centroids are within two stop radii plus what stop
//     speed allows over the gap are one stop (a receiver standing for minutes drifts by several metres, and a
//     fix now and then looks like motion);
//   - each stop then reaches back to the first fix, and on to the last fix, within its radius of its centroid
//     in the half window before and after it. The core misses the stop's first and last half window (one of
//     its halves still holds some running), and the runner leaves the radius for good once running, so the
//     last fix inside the radius is where the stop ended.
std::vector<Stop> find_stops(const std::vector<Fix>& f) {
    const std::vector<std::uint8_t> core = stop_cores(f);
    const std::size_t n = f.size();
    std::vector<Stop> runs;
    for (std::size_t k = 0; k < n;) {
        if (!core[k]) {
            ++k;
            continue;
        }
        std::size_t last = k;
        while (last + 1 < n && core[last + 1]) ++last;
        Stop run{.first = k, .last = last, .centre = centroid_of(f, k, last)};
        if (!runs.empty()) {
            const Stop& before = runs.back();
            const double gap_s = f[run.first].time_s - f[before.last].time_s;
            const double reach =
                2.0 * std::max(before.centre.radius_m, run.centre.radius_m) + k_stop_speed_m_s * gap_s;
            if (gap_s <= 2.0 * k_stop_half_window_s &&
                distance_between(Fix{.scale = before.centre.scale}, Fix{.scale = run.centre.scale}) <=
                    reach) {
                run.first = before.first;
                run.centre = centroid_of(f, run.first, run.last);
                runs.pop_back();
            }
        }
        runs.push_back(run);
        k = last + 1;
    }
    for (std::size_t r = 0; r < runs.size(); ++r) {
        Stop& stop = runs[r];
        const Fix centre{.scale = stop.centre.scale};
        const auto near = [&](std::size_t j) {
            return distance_between(f[j], centre) <= stop.centre.radius_m;
        };
        const std::size_t floor = r == 0 ? 0 : runs[r - 1].last + 1;
        const std::size_t ceiling = r + 1 < runs.size() ? runs[r + 1].first : n;  // exclusive
        const double from_s = f[stop.first].time_s - k_stop_half_window_s;
        const double to_s = f[stop.last].time_s + k_stop_half_window_s;
        std::size_t first = stop.first;
        for (std::size_t j = stop.first; j > floor && f[j - 1].time_s >= from_s; --j) {
            if (near(j - 1)) first = j - 1;
        }
        std::size_t last = stop.last;
        for (std::size_t j = stop.last + 1; j < ceiling && f[j].time_s <= to_s; ++j) {
            if (near(j)) last = j;
        }
        stop.first = first;
        stop.last = last;
    }
    return runs;
}

// Cumulative distance per sample from the per-fix distances: samples between two fixes are interpolated over
// time (Suunto files alternate position records with altitude/heart-rate records); before the first fix 0,
// after the last fix its value.
void spread_to_samples(const core::Samples& s, const std::vector<Fix>& f, const std::vector<double>& at_fix,
                       std::vector<double>& out) {
    out.assign(s.size(), 0.0);
    if (f.empty()) return;
    std::size_t k = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        while (k + 1 < f.size() && f[k + 1].sample <= i) ++k;
        if (i < f[0].sample) continue;
        if (f[k].sample == i || k + 1 >= f.size()) {
            out[i] = at_fix[k];
            continue;
        }
        const double t0 = f[k].time_s;
        const double t1 = f[k + 1].time_s;
        const double t = s.time_s[i];
        double w = 0.0;
        if (std::isfinite(t0) && std::isfinite(t1) && std::isfinite(t) && t1 > t0)
            w = std::clamp((t - t0) / (t1 - t0), 0.0, 1.0);
        // Never below the sample before: a sample whose time runs backwards must not take distance back.
        out[i] = std::max(i > 0 ? out[i - 1] : 0.0, at_fix[k] + w * (at_fix[k + 1] - at_fix[k]));
    }
}

}  // namespace

TrackDistance track_distance(const core::Samples& samples, const std::vector<double>& timer_running) {
    TrackDistance out;
    out.distance_m.assign(samples.size(), 0.0);
    out.stationary.assign(samples.size(), 0);
    const std::vector<Fix> all = collect_fixes(samples);
    out.fixes = all.size();
    if (all.size() < 2) return out;

    KeptFixes kept = drop_wild_fixes(all);
    out.raw_length_m = kept.raw_length_m;
    out.dropped_fixes = kept.dropped;
    std::vector<Fix>& f = kept.fixes;
    const std::vector<Stop> stops = find_stops(f);
    out.stops = stops.size();
    std::vector<std::uint8_t> in_stop(f.size(), 0);
    for (const Stop& stop : stops) {
        for (std::size_t k = stop.first; k <= stop.last; ++k) {
            f[k].scale = stop.centre.scale;
            in_stop[k] = 1;
        }
        const double span = f[stop.last].time_s - f[stop.first].time_s;
        if (std::isfinite(span) && span > 0.0) out.stopped_s += span;
        const std::size_t last_sample = f[stop.last].sample;
        for (std::size_t i = f[stop.first].sample; i <= last_sample; ++i) out.stationary[i] = 1;
    }

    // The running total rather than at_fix.back(): g++ 12 at -O3 takes back() of a vector it cannot prove
    // non-empty for a possible null dereference.
    std::vector<double> at_fix(f.size(), 0.0);
    double total = 0.0;
    for (std::size_t k = 1; k < f.size(); ++k) {
        // Steps touching a stop were moved to its centroid and are measured again; the others were measured
        // once.
        double step = in_stop[k] || in_stop[k - 1] ? distance_between(f[k - 1], f[k]) : kept.step_m[k];
        if (is_jump(f[k - 1], f[k], step)) {
            ++out.jumps;
            step = 0.0;
        } else if (timer_running.size() == samples.size()) {
            double running_s = 0.0;
            for (std::size_t i = f[k - 1].sample + 1; i <= f[k].sample; ++i) running_s += timer_running[i];
            const double clock_s = f[k].time_s - f[k - 1].time_s;
            const bool across_pause = std::isfinite(clock_s) && clock_s - running_s > k_stop_gap_s;
            if (across_pause && step > k_max_plausible_speed_m_s * running_s + k_jump_slack_m) {
                ++out.pause_moves;
                out.pause_moved_m += step;
                step = 0.0;
            }
        }
        total += step;
        at_fix[k] = total;
    }
    out.length_m = total;
    spread_to_samples(samples, f, at_fix, out.distance_m);
    return out;
}

DeviceDistance device_distance(const core::Samples& s, const std::vector<double>& timer_running) {
    DeviceDistance out;
    const auto& d = s.distance_m;
    std::size_t first = s.size();
    std::size_t last = 0;
    std::size_t count = 0;
    double prev = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!std::isfinite(d[i])) continue;
        if (count > 0 && d[i] < prev - k_device_distance_backstep_m) {
            out.problem = fmt::format("the device distance goes back from {:.1f} m to {:.1f} m at sample {}",
                                      prev, d[i], i);
            return out;
        }
        if (count == 0) first = i;
        last = i;
        prev = std::max(prev, d[i]);
        ++count;
    }
    if (count >= 2 && d[last] > d[first]) {
        // Monotone within the backstep: small backsteps are held at the running maximum. Gaps are filled over
        // time.
        out.distance_m.assign(s.size(), 0.0);
        double running_max = 0.0;
        std::size_t prev_i = first;
        for (std::size_t i = first; i < s.size(); ++i) {
            if (!std::isfinite(d[i])) continue;
            running_max = std::max(running_max, d[i] - d[first]);
            out.distance_m[i] = running_max;
            for (std::size_t j = prev_i + 1; j < i; ++j) {
                const double t0 = s.time_s[prev_i];
                const double t1 = s.time_s[i];
                double w = 0.0;
                if (std::isfinite(t0) && std::isfinite(t1) && std::isfinite(s.time_s[j]) && t1 > t0) {
                    w = std::clamp((s.time_s[j] - t0) / (t1 - t0), 0.0, 1.0);
                }
                out.distance_m[j] = out.distance_m[prev_i] + w * (running_max - out.distance_m[prev_i]);
            }
            prev_i = i;
        }
        for (std::size_t j = last + 1; j < s.size(); ++j) out.distance_m[j] = out.distance_m[last];
        out.length_m = out.distance_m.back();
        return out;
    }
    // No distance channel: the speed channel over the steps the timer ran (a treadmill's foot pod or belt).
    if (!core::Samples::has_values(s.speed_m_s)) {
        out.problem = count == 0 ? "no distance or speed channel" : "the distance channel does not advance";
        return out;
    }
    double total = 0.0;
    std::vector<double> integrated(s.size(), 0.0);
    bool any_speed = false;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const double v = std::isfinite(s.speed_m_s[i]) ? s.speed_m_s[i] : s.speed_m_s[i - 1];
        if (std::isfinite(v) && v >= 0.0 && i < timer_running.size()) {
            total += v * timer_running[i];
            any_speed = true;
        }
        integrated[i] = total;
    }
    if (any_speed && total > 0.0) {
        out.distance_m = std::move(integrated);
        out.length_m = total;
        out.from_speed = true;
        return out;
    }
    out.problem = count == 0 ? "no distance or speed channel" : "the distance channel does not advance";
    return out;
}

std::string_view to_string(DistanceSource s) {
    switch (s) {
        case DistanceSource::none:
            return "none";
        case DistanceSource::positions:
            return "positions";
        case DistanceSource::device:
            return "device";
    }
    return "none";
}

CourseDistance course_distance(const core::Samples& samples, const std::vector<double>& timer_running,
                               const DistanceOptions& options) {
    CourseDistance out;
    TrackDistance track = track_distance(samples, timer_running);
    DeviceDistance device = device_distance(samples, timer_running);
    const bool has_track = track.fixes >= 2 && track.length_m > 0.0;
    // An integrated speed channel only stands in for a missing track (a treadmill's belt or foot pod): where
    // there is a track, a speed integral is no independent check of it.
    const bool has_device = !device.distance_m.empty() && !(device.from_speed && has_track);
    if (has_track) out.track_length_m = track.length_m;
    if (has_device) out.device_length_m = device.length_m;
    out.stationary = std::move(track.stationary);
    if (has_track && (track.stops > 0 || track.dropped_fixes > 0 || track.jumps > 0)) {
        out.notes.push_back(
            fmt::format("GPS track cleaned: {:.0f} m as recorded, {:.0f} m after removing {} stop(s) ({:.0f} "
                        "s standing), {} wild "
                        "fix(es) and {} jump(s)",
                        track.raw_length_m, track.length_m, track.stops, track.stopped_s, track.dropped_fixes,
                        track.jumps));
    }
    if (has_track && track.pause_moves > 0) {
        out.notes.push_back(
            fmt::format("{:.0f} m moved across {} pause(s) not counted: more than the seconds "
                        "the timer ran could cover",
                        track.pause_moved_m, track.pause_moves));
    }
    const std::string device_what = device.from_speed ? "device speed integrated" : "device distance";
    if (has_device && !has_track) {
        out.source = DistanceSource::device;
        out.distance_m = std::move(device.distance_m);
        out.notes.push_back(fmt::format("{} used ({:.0f} m): no GPS track", device_what, device.length_m));
        return out;
    }
    if (has_device && has_track) {
        const double difference = (device.length_m - track.length_m) / track.length_m;
        if (options.prefer_device && difference >= -k_device_shorter_tolerance &&
            difference <= k_device_longer_tolerance) {
            out.source = DistanceSource::device;
            out.distance_m = std::move(device.distance_m);
            out.notes.push_back(
                fmt::format("{} used ({:.0f} m): within {:+.1f} % of the GPS track ({:.0f} m)", device_what,
                            device.length_m, 100.0 * difference, track.length_m));
            return out;
        }
        out.notes.push_back(
            fmt::format("GPS track used ({:.0f} m): the {} ({:.0f} m) differs from it by {:+.1f} %",
                        track.length_m, device_what, device.length_m, 100.0 * difference));
    } else if (has_track) {
        out.notes.push_back(
            fmt::format("GPS track used ({:.0f} m): {}", track.length_m,
                        device.problem.empty() || device.from_speed ? "no device distance" : device.problem));
    }
    if (has_track) {
        out.source = DistanceSource::positions;
        out.distance_m = std::move(track.distance_m);
        return out;
    }
    out.distance_m.assign(samples.size(), 0.0);
    out.notes.push_back("no distance: no GPS track and no device distance or speed");
    return out;
}

}  // namespace hillcoach::terrain
