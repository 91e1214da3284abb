#include "hillcoach/training/activity_digest.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "hillcoach/analysis/classify.hpp"

namespace hillcoach::training {
namespace {

constexpr std::array<std::pair<StressSource, std::string_view>, 3> k_stress_sources{{
    {StressSource::none, "none"},
    {StressSource::hr_tss, "hr_tss"},
    {StressSource::pace_tss, "pace_tss"},
}};

constexpr std::array<std::pair<HillFocus, std::string_view>, 5> k_hill_focuses{{
    {HillFocus::none, "none"},
    {HillFocus::hill_repeats, "hill_repeats"},
    {HillFocus::hill_sprints, "hill_sprints"},
    {HillFocus::downhill, "downhill"},
    {HillFocus::mountain, "mountain"},
}};

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                             std::string_view text) {
    for (const auto& [v, name] : table)
        if (name == text) return v;
    return std::nullopt;
}

bool is_foot_sport(core::Sport sport) {
    switch (sport) {
        case core::Sport::running:
        case core::Sport::trail_running:
        case core::Sport::treadmill_running:
        case core::Sport::walking:
        case core::Sport::hiking:
        case core::Sport::unknown:
            return true;
        default:
            return false;
    }
}

// The step from i-1 to i, when it is a timed moving step.
std::optional<double> moving_step_s(const terrain::Course& c, std::size_t i) {
    if (!c.moving.empty() && c.moving[i] == 0) return std::nullopt;
    const double dt = c.time_s[i] - c.time_s[i - 1];
    if (!std::isfinite(dt) || dt <= 0.0) return std::nullopt;
    return dt;
}

double step_speed_m_s(const terrain::Course& c, std::size_t i, double dt) {
    if (std::isfinite(c.speed_m_s[i])) return c.speed_m_s[i];
    const double dd = c.distance_m[i] - c.distance_m[i - 1];
    return std::isfinite(dd) ? dd / dt : 0.0;
}

const std::vector<double>* gap_series(const analysis::ActivityAnalysis& a) {
    return a.physiology.gap ? &a.physiology.gap->gap_speed_per_sample_m_s : nullptr;
}

std::optional<double> threshold_speed(const analysis::ActivityAnalysis& a) {
    if (!a.physiology.athlete.threshold_speed_m_s) return std::nullopt;
    return a.physiology.athlete.threshold_speed_m_s->value;
}

// Where the first focused climb starts: the first rep of the first back-to-back set, else the first climb.
std::optional<std::size_t> first_focused_climb(const analysis::ActivityAnalysis& a) {
    std::optional<std::size_t> first;
    for (const terrain::RepeatGroup& g : a.repeats) {
        if (!g.back_to_back || g.reps.empty()) continue;
        const std::size_t start = g.reps.front().ascent.first;
        if (!first || start < *first) first = start;
    }
    if (first) return first;
    if (!a.climbs.empty()) return a.climbs.front().first;
    return std::nullopt;
}

std::optional<WarmUpDigest> warmup_of(const analysis::ActivityAnalysis& a) {
    const terrain::Course& c = a.course;
    const std::optional<std::size_t> end = first_focused_climb(a);
    if (!end || *end >= c.size()) return std::nullopt;
    const std::vector<double>* gap = gap_series(a);
    const std::optional<double> v_threshold = threshold_speed(a);
    const double hr_threshold = a.physiology.athlete.threshold_hr_bpm.value;

    WarmUpDigest w;
    w.first_climb_start_m = c.distance_m[*end];
    double hr_time_s = 0.0, hr_sum = 0.0, gap_time_s = 0.0, gap_distance_m = 0.0;
    for (std::size_t i = 1; i <= *end; ++i) {
        const std::optional<double> dt = moving_step_s(c, i);
        if (!dt) continue;
        const double dd = std::max(0.0, c.distance_m[i] - c.distance_m[i - 1]);
        w.moving_s += *dt;
        w.distance_m += dd;
        const double hr = c.heart_rate_bpm[i];
        const double v_gap = gap && i < gap->size() ? (*gap)[i] : std::numeric_limits<double>::quiet_NaN();
        bool easy = true;
        if (std::isfinite(hr)) {
            hr_time_s += *dt;
            hr_sum += hr * *dt;
            if (hr_threshold > 0.0 && hr >= k_easy_hr_fraction * hr_threshold) easy = false;
        }
        if (std::isfinite(v_gap)) {
            gap_time_s += *dt;
            gap_distance_m += v_gap * *dt;
            if (v_threshold && v_gap >= k_easy_speed_fraction * *v_threshold) easy = false;
        }
        if (easy) {
            w.easy_s += *dt;
            w.easy_m += dd;
        }
    }
    if (hr_time_s > 0.0) w.avg_heart_rate_bpm = hr_sum / hr_time_s;
    if (gap_time_s > 0.0) w.gap_speed_m_s = gap_distance_m / gap_time_s;
    return w;
}

struct RacePace {
    double time_s = 0.0;
    double distance_m = 0.0;
};

std::optional<RacePace> flat_race_pace_of(const analysis::ActivityAnalysis& a) {
    const std::optional<double> v_threshold = threshold_speed(a);
    if (!v_threshold || *v_threshold <= 0.0) return std::nullopt;
    const terrain::Course& c = a.course;
    const bool has_grade = std::any_of(c.grade.begin(), c.grade.end(), [](double g) { return std::isfinite(g); });
    RacePace r;
    for (std::size_t i = 1; i < c.size(); ++i) {
        const std::optional<double> dt = moving_step_s(c, i);
        if (!dt) continue;
        if (has_grade && !(std::abs(c.grade[i]) < k_race_pace_max_abs_grade)) continue;
        if (step_speed_m_s(c, i, *dt) < k_race_pace_speed_fraction * *v_threshold) continue;
        r.time_s += *dt;
        r.distance_m += std::max(0.0, c.distance_m[i] - c.distance_m[i - 1]);
    }
    return r;
}

DescentDigest descent_of(const terrain::Hill& h) {
    return {.drop_m = h.height_m, .length_m = h.length_m(), .avg_grade = h.avg_grade, .time_s = h.time_s};
}

ClimbDigest climb_of(const terrain::Hill& h) {
    return {.start_position = h.start_position,
            .top_position = h.end_position,
            .start_m = h.start_m,
            .length_m = h.length_m(),
            .gain_m = h.height_m,
            .avg_grade = h.avg_grade,
            .max_grade = h.max_grade,
            .time_s = h.time_s,
            .best_time_s = h.time_s,
            .vam_m_h = h.vertical_speed_m_h,
            .avg_heart_rate_bpm = h.avg_heart_rate_bpm,
            .reps = 1,
            .back_to_back = false};
}

template <class T, class Get>
std::optional<double> median_of(const std::vector<T>& items, Get get) {
    std::vector<double> v;
    for (const T& item : items)
        if (const std::optional<double> x = get(item)) v.push_back(*x);
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// The hill of a repeat set, as one climb: where the first rep starts, the reps' medians, the fastest rep.
ClimbDigest repeat_hill_of(const terrain::RepeatGroup& g) {
    const terrain::Hill& first = g.reps.front().ascent;
    ClimbDigest d = climb_of(first);
    d.length_m = g.length_m;
    d.gain_m = g.height_m;
    d.avg_grade = g.avg_grade;
    d.max_grade = *median_of(g.reps, [](const terrain::Rep& r) -> std::optional<double> { return r.ascent.max_grade; });
    d.time_s = g.rep_time_s;
    d.best_time_s.reset();
    for (const terrain::Rep& r : g.reps)
        if (r.ascent.time_s && (!d.best_time_s || *r.ascent.time_s < *d.best_time_s)) d.best_time_s = r.ascent.time_s;
    d.vam_m_h = d.time_s && *d.time_s > 0.0 ? std::optional<double>(d.gain_m / *d.time_s * 3600.0) : std::nullopt;
    d.avg_heart_rate_bpm = median_of(g.reps, [](const terrain::Rep& r) { return r.ascent.avg_heart_rate_bpm; });
    d.reps = static_cast<int>(g.reps.size());
    d.back_to_back = g.back_to_back;
    return d;
}

// A climb that is one of a set's reps (it overlaps a rep by more than half its length) is kept once, as the set.
bool is_a_rep(const terrain::Hill& climb, const std::vector<terrain::RepeatGroup>& groups) {
    for (const terrain::RepeatGroup& g : groups) {
        for (const terrain::Rep& r : g.reps) {
            const double overlap =
                std::min(climb.end_m, r.ascent.end_m) - std::max(climb.start_m, r.ascent.start_m);
            if (overlap > 0.5 * climb.length_m()) return true;
        }
    }
    return false;
}

std::vector<ClimbDigest> climbs_of(const analysis::ActivityAnalysis& a) {
    std::vector<ClimbDigest> out;
    for (const terrain::Hill& h : a.climbs)
        if (!is_a_rep(h, a.repeats)) out.push_back(climb_of(h));
    for (const terrain::RepeatGroup& g : a.repeats)
        if (!g.reps.empty()) out.push_back(repeat_hill_of(g));
    std::stable_sort(out.begin(), out.end(),
                     [](const ClimbDigest& x, const ClimbDigest& y) { return x.start_m < y.start_m; });
    return out;
}

std::optional<double> start_time_of(const analysis::ActivityAnalysis& a) {
    if (a.metadata.start_time_s) return a.metadata.start_time_s;
    for (double t : a.course.time_s)
        if (std::isfinite(t)) return t;
    return std::nullopt;
}

void set_stress(const analysis::ActivityAnalysis& a, ActivityDigest& d) {
    const physiology::PhysiologyResult& p = a.physiology;
    d.trimp = p.trimp;
    d.hr_tss = p.hr_tss;
    if (p.pace) d.pace_tss = p.pace->pace_tss;
    if (d.hr_tss) {
        d.stress = d.hr_tss;
        d.stress_source = StressSource::hr_tss;
    } else if (d.pace_tss && is_foot_sport(a.metadata.sport)) {
        d.stress = d.pace_tss;
        d.stress_source = StressSource::pace_tss;
    }
    d.threshold_hr_bpm = p.athlete.threshold_hr_bpm.value;
    d.threshold_speed_m_s = threshold_speed(a);
}

void set_muscle_load(const analysis::ActivityAnalysis& a, ActivityDigest& d) {
    if (!a.physiology.muscle_load) return;
    const physiology::MuscleLoad& m = *a.physiology.muscle_load;
    d.muscle_load = m.total;
    d.uphill_concentric_load = whole_leg_concentric_points(m.lifting);
    d.downhill_eccentric_load = m.lowering.eccentric_of(physiology::MuscleGroup::quadriceps);
}

void set_descents(const analysis::ActivityAnalysis& a, ActivityDigest& d) {
    for (const terrain::Hill& h : a.descents) {
        if (!d.longest_descent || h.height_m > d.longest_descent->drop_m) d.longest_descent = descent_of(h);
        if (!d.steepest_descent || h.avg_grade < d.steepest_descent->avg_grade) d.steepest_descent = descent_of(h);
    }
}

}  // namespace

std::string_view to_string(StressSource source) { return name_of(k_stress_sources, source); }
std::optional<StressSource> stress_source_from_text(std::string_view text) {
    return value_of(k_stress_sources, text);
}
std::string_view to_string(HillFocus focus) { return name_of(k_hill_focuses, focus); }
std::optional<HillFocus> hill_focus_from_text(std::string_view text) { return value_of(k_hill_focuses, text); }

double whole_leg_concentric_points(const physiology::MuscleProfile& lifting_points) {
    const physiology::MuscleProfile& reference = physiology::reference_work_j_per_kg();
    double work = 0.0, reference_work = 0.0;
    for (std::size_t g = 0; g < physiology::k_muscle_group_count; ++g) {
        work += lifting_points.concentric[g] / 100.0 * reference.concentric[g];
        reference_work += reference.concentric[g];
    }
    return reference_work > 0.0 ? 100.0 * work / reference_work : 0.0;
}

HillFocusResult hill_focus_of(const analysis::ActivityAnalysis& a) {
    switch (a.session.type) {
        case analysis::SessionType::hill_repeats:
            return {HillFocus::hill_repeats, a.session.reason};
        case analysis::SessionType::hill_sprints:
            return {HillFocus::hill_sprints, a.session.reason};
        case analysis::SessionType::downhill_focused:
            return {HillFocus::downhill, a.session.reason};
        case analysis::SessionType::hike_or_walk:
        case analysis::SessionType::other_sport:
            return {};
        default:
            break;
    }
    const std::optional<double> ascent = a.summary.ascent_m;
    const double km = a.summary.distance_m / 1000.0;
    if (ascent && km > 0.0 && *ascent >= analysis::k_mountain_min_ascent_m &&
        *ascent / km >= analysis::k_mountain_m_per_km) {
        return {HillFocus::mountain, fmt::format("+{:.0f} m, {:.0f} m per km", *ascent, *ascent / km)};
    }
    return {};
}

ActivityDigest make_digest(const analysis::ActivityAnalysis& a) {
    ActivityDigest d;
    d.name = a.metadata.name;
    d.start_time_s = start_time_of(a);
    d.utc_offset_s = a.metadata.utc_offset_s;
    d.sport = a.metadata.sport;
    d.session_type = a.session.type;
    HillFocusResult focus = hill_focus_of(a);
    d.hill_focus = focus.focus;
    d.focus_reason = std::move(focus.reason);

    d.distance_m = a.summary.distance_m;
    d.moving_s = a.summary.moving_s;
    d.elapsed_s = a.summary.elapsed_s;
    d.ascent_m = a.summary.ascent_m;
    d.descent_m = a.summary.descent_m;
    if (a.physiology.gap) d.flat_equivalent_distance_m = a.physiology.gap->flat_equivalent_distance_m;
    d.avg_heart_rate_bpm = a.summary.avg_heart_rate_bpm;

    set_stress(a, d);
    set_muscle_load(a, d);
    set_descents(a, d);
    d.warmup = warmup_of(a);
    if (const std::optional<RacePace> r = flat_race_pace_of(a)) {
        d.flat_race_pace_s = r->time_s;
        d.flat_race_pace_m = r->distance_m;
    }
    d.climbs = climbs_of(a);
    return d;
}

bool operator==(const ClimbDigest& x, const ClimbDigest& y) {
    const auto point = [](const std::optional<terrain::GeoPoint>& p) {
        return p ? std::optional(std::pair(p->latitude_deg, p->longitude_deg)) : std::nullopt;
    };
    return point(x.start_position) == point(y.start_position) && point(x.top_position) == point(y.top_position) &&
           x.start_m == y.start_m && x.length_m == y.length_m && x.gain_m == y.gain_m &&
           x.avg_grade == y.avg_grade && x.max_grade == y.max_grade && x.time_s == y.time_s &&
           x.best_time_s == y.best_time_s && x.vam_m_h == y.vam_m_h &&
           x.avg_heart_rate_bpm == y.avg_heart_rate_bpm && x.reps == y.reps && x.back_to_back == y.back_to_back;
}

bool operator==(const ActivityDigest& x, const ActivityDigest& y) {
    const auto muscles = [](const std::optional<physiology::MuscleProfile>& m) {
        return m ? std::optional(std::pair(m->concentric, m->eccentric)) : std::nullopt;
    };
    return x.id == y.id && x.name == y.name && x.start_time_s == y.start_time_s &&
           x.utc_offset_s == y.utc_offset_s && x.sport == y.sport && x.session_type == y.session_type &&
           x.hill_focus == y.hill_focus && x.focus_reason == y.focus_reason && x.distance_m == y.distance_m &&
           x.moving_s == y.moving_s && x.elapsed_s == y.elapsed_s && x.ascent_m == y.ascent_m &&
           x.descent_m == y.descent_m && x.flat_equivalent_distance_m == y.flat_equivalent_distance_m &&
           x.avg_heart_rate_bpm == y.avg_heart_rate_bpm && x.stress == y.stress &&
           x.stress_source == y.stress_source && x.trimp == y.trimp && x.hr_tss == y.hr_tss &&
           x.pace_tss == y.pace_tss && x.threshold_hr_bpm == y.threshold_hr_bpm &&
           x.threshold_speed_m_s == y.threshold_speed_m_s && x.uphill_concentric_load == y.uphill_concentric_load &&
           x.downhill_eccentric_load == y.downhill_eccentric_load && muscles(x.muscle_load) == muscles(y.muscle_load) &&
           x.longest_descent == y.longest_descent && x.steepest_descent == y.steepest_descent &&
           x.warmup == y.warmup && x.flat_race_pace_s == y.flat_race_pace_s &&
           x.flat_race_pace_m == y.flat_race_pace_m && x.climbs == y.climbs;
}

}  // namespace hillcoach::training
