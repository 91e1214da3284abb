#include "hillcoach/training/climb_library.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include "hillcoach/terrain/geodesy.hpp"

namespace hillcoach::training {
namespace {

// The fewest metres a degree of latitude spans (at the equator, WGS84) and the equatorial metres per degree of
// longitude: cells sized with them are at least the radius wide everywhere.
constexpr double k_min_m_per_deg_lat = 110574.0;
constexpr double k_m_per_deg_lon_equator = 111319.0;
constexpr double k_max_cell_lat_deg = 89.0;  // the grid's columns stop narrowing here (no running at the poles)
constexpr double k_pi = 3.14159265358979323846;

class Grid {
public:
    explicit Grid(double radius_m) : m_radius_m(radius_m), m_cell_lat_deg(radius_m / k_min_m_per_deg_lat) {}

    void insert(const terrain::GeoPoint& p, std::size_t place) { m_cells[key(p)].push_back(place); }

    // Calls f(place) for every place in the 3 x 3 cells around p.
    template <class F>
    void near(const terrain::GeoPoint& p, F f) const {
        const long row = row_of(p.latitude_deg);
        for (long r = row - 1; r <= row + 1; ++r) {
            const long col = col_of(r, p.longitude_deg);
            for (long c = col - 1; c <= col + 1; ++c) {
                const auto it = m_cells.find(pack(r, c));
                if (it == m_cells.end()) continue;
                for (std::size_t place : it->second) f(place);
            }
        }
    }

private:
    long row_of(double lat_deg) const { return static_cast<long>(std::floor(lat_deg / m_cell_lat_deg)); }

    // A row's cells are as wide in degrees as the radius needs at the row's edge nearer the pole.
    long col_of(long row, double lon_deg) const {
        const double edge = std::min(std::max(std::abs(row * m_cell_lat_deg), std::abs((row + 1) * m_cell_lat_deg)),
                                     k_max_cell_lat_deg);
        const double width_deg = m_radius_m / (k_m_per_deg_lon_equator * std::cos(edge * k_pi / 180.0));
        return static_cast<long>(std::floor(lon_deg / width_deg));
    }

    static std::uint64_t pack(long row, long col) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(row)) << 32U) |
               static_cast<std::uint32_t>(col);
    }
    std::uint64_t key(const terrain::GeoPoint& p) const {
        const long row = row_of(p.latitude_deg);
        return pack(row, col_of(row, p.longitude_deg));
    }

    double m_radius_m = 0.0;
    double m_cell_lat_deg = 0.0;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> m_cells{};
};

double distance_m(const terrain::GeoPoint& a, const terrain::GeoPoint& b) {
    return terrain::geodesic_distance_m(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg);
}

bool usable(const terrain::GeoPoint& p) {
    return std::isfinite(p.latitude_deg) && std::isfinite(p.longitude_deg) && std::abs(p.latitude_deg) <= 90.0;
}

template <class Get>
double median(const std::vector<ClimbEffort>& efforts, Get get) {
    std::vector<double> v;
    v.reserve(efforts.size());
    for (const ClimbEffort& e : efforts) v.push_back(get(e));
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    if (n == 0) return 0.0;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

ClimbEffort effort_of(const ActivityDigest& d, const ClimbDigest& c) {
    return {.activity = d.id,
            .activity_name = d.name,
            .start_time_s = d.start_time_s,
            .time_s = c.time_s,
            .best_time_s = c.best_time_s ? c.best_time_s : c.time_s,
            .vam_m_h = c.vam_m_h,
            .avg_heart_rate_bpm = c.avg_heart_rate_bpm,
            .length_m = c.length_m,
            .gain_m = c.gain_m,
            .avg_grade = c.avg_grade,
            .reps = c.reps};
}

void summarise(ClimbPlace& p, std::vector<double>& max_grades) {
    p.length_m = median(p.efforts, [](const ClimbEffort& e) { return e.length_m; });
    p.gain_m = median(p.efforts, [](const ClimbEffort& e) { return e.gain_m; });
    p.avg_grade = median(p.efforts, [](const ClimbEffort& e) { return e.avg_grade; });
    std::sort(max_grades.begin(), max_grades.end());
    p.max_grade = max_grades.empty() ? 0.0 : max_grades[max_grades.size() / 2];
    for (const ClimbEffort& e : p.efforts) {
        p.ascents += e.reps;
        if (e.best_time_s && (!p.best || *e.best_time_s < *p.best->best_time_s)) p.best = e;
    }
    if (!p.efforts.empty()) p.recent = p.efforts.back();
}

// See the header: founded by (activity, climb). A run with more than 999 climbs shares its last number.
core::ClimbPlaceId place_id(const ActivityDigest& founder, std::size_t climb_index, std::size_t places_so_far) {
    if (!founder.id.valid()) return core::ClimbPlaceId{static_cast<std::int64_t>(places_so_far) + 1};
    const auto index = static_cast<std::int64_t>(std::min<std::size_t>(climb_index, 998));
    return core::ClimbPlaceId{founder.id.value * 1000 + index + 1};
}

}  // namespace

std::vector<ClimbPlace> climb_library(const std::vector<ActivityDigest>& digests, const ClimbLibraryOptions& options) {
    // Chronological, so that a place is founded by its first climb; undated activities last, by id.
    std::vector<const ActivityDigest*> order;
    order.reserve(digests.size());
    for (const ActivityDigest& d : digests) order.push_back(&d);
    std::stable_sort(order.begin(), order.end(), [](const ActivityDigest* a, const ActivityDigest* b) {
        if (a->start_time_s.has_value() != b->start_time_s.has_value()) return a->start_time_s.has_value();
        if (a->start_time_s && *a->start_time_s != *b->start_time_s) return *a->start_time_s < *b->start_time_s;
        return a->id < b->id;
    });

    const double radius = options.match_radius_m > 0.0 ? options.match_radius_m : k_default_match_radius_m;
    Grid grid(radius);
    std::vector<ClimbPlace> places;
    std::vector<std::vector<double>> max_grades;
    std::vector<const ActivityDigest*> last_run;  // per place: a lap course meets its hill twice in one run
    for (const ActivityDigest* d : order) {
        for (std::size_t i = 0; i < d->climbs.size(); ++i) {
            const ClimbDigest& c = d->climbs[i];
            if (!c.start_position || !c.top_position || !usable(*c.start_position) || !usable(*c.top_position))
                continue;
            std::optional<std::size_t> match;
            double match_m = 0.0;
            grid.near(*c.start_position, [&](std::size_t k) {
                const double bottom = distance_m(places[k].start, *c.start_position);
                if (!(bottom <= radius)) return;
                const double top = distance_m(places[k].top, *c.top_position);
                if (!(top <= radius)) return;
                // The nearest place wins when two are within reach (two climbs up the same slope to tops 60 m
                // apart); ties go to the older place.
                if (!match || bottom + top < match_m || (bottom + top == match_m && k < *match)) {
                    match = k;
                    match_m = bottom + top;
                }
            });
            if (!match) {
                ClimbPlace p;
                p.id = place_id(*d, i, places.size());
                p.start = *c.start_position;
                p.top = *c.top_position;
                grid.insert(p.start, places.size());
                match = places.size();
                places.push_back(std::move(p));
                max_grades.emplace_back();
                last_run.push_back(nullptr);
            }
            if (last_run[*match] != d) ++places[*match].runs;
            last_run[*match] = d;
            places[*match].efforts.push_back(effort_of(*d, c));
            max_grades[*match].push_back(c.max_grade);
        }
    }
    for (std::size_t k = 0; k < places.size(); ++k) summarise(places[k], max_grades[k]);
    return places;
}

}  // namespace hillcoach::training
