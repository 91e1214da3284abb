// The climb library: the same hill recognised across runs by both ends within the radius, different hills kept
// apart, counts, medians, best and recent efforts, stable ids, and the grid giving the same places as comparing
// every climb with every place.

#include "hillcoach/training/climb_library.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "hillcoach/terrain/geodesy.hpp"
#include "history.hpp"

namespace hillcoach::training {
namespace {

using test::run_at;
using test::utc;

// A point `north_m` and `east_m` from (lat, lon), on the local tangent plane (good to mm over a few km).
terrain::GeoPoint offset(terrain::GeoPoint p, double north_m, double east_m) {
    constexpr double k_pi = 3.14159265358979323846;
    const double m_per_deg_lat = 111132.954 - 559.822 * std::cos(2.0 * p.latitude_deg * k_pi / 180.0);
    const double m_per_deg_lon = 111412.84 * std::cos(p.latitude_deg * k_pi / 180.0);
    return {p.latitude_deg + north_m / m_per_deg_lat, p.longitude_deg + east_m / m_per_deg_lon};
}

ClimbDigest climb(terrain::GeoPoint bottom, terrain::GeoPoint top, double time_s, double gain_m = 80.0,
                  double length_m = 1000.0) {
    return {.start_position = bottom,
            .top_position = top,
            .start_m = 2000.0,
            .length_m = length_m,
            .gain_m = gain_m,
            .avg_grade = gain_m / length_m,
            .max_grade = 1.5 * gain_m / length_m,
            .time_s = time_s,
            .best_time_s = time_s,
            .vam_m_h = gain_m / time_s * 3600.0,
            .avg_heart_rate_bpm = 160.0,
            .reps = 1,
            .back_to_back = false};
}

const terrain::GeoPoint k_bottom{46.5, 7.5};
const terrain::GeoPoint k_top = offset(k_bottom, 1000.0, 0.0);

TEST(ClimbLibraryTest, SameHillWithGpsScatterIsOnePlace) {
    std::vector<ActivityDigest> h;
    // Four runs up the same hill, ends scattered by up to 35 m, on 1, 8, 15 and 22 March; one gentler run cut
    // 40 m short at the top by the detector.
    const double times[] = {400.0, 380.0, 390.0, 420.0};
    const double north[] = {0.0, 20.0, -25.0, 10.0};
    const double east[] = {0.0, -15.0, 20.0, 30.0};
    for (int i = 0; i < 4; ++i) {
        ActivityDigest d = run_at(utc("2026-03-01") + 7.0 * 86400.0 * i, 10.0, 100.0);
        d.id = core::ActivityId{10 + i};
        d.name = "run " + std::to_string(i);
        d.climbs = {climb(offset(k_bottom, north[i], east[i]), offset(k_top, -north[i], east[i]), times[i],
                          i == 3 ? 76.0 : 80.0, i == 3 ? 960.0 : 1000.0)};
        h.push_back(d);
    }
    const auto places = climb_library(h);
    ASSERT_EQ(places.size(), 1U);
    const ClimbPlace& p = places[0];
    EXPECT_EQ(p.runs, 4);
    EXPECT_EQ(p.ascents, 4);
    EXPECT_EQ(p.efforts.size(), 4U);
    EXPECT_DOUBLE_EQ(p.length_m, 1000.0);
    EXPECT_DOUBLE_EQ(p.gain_m, 80.0);
    EXPECT_DOUBLE_EQ(p.avg_grade, 0.08);
    ASSERT_TRUE(p.best && p.recent);
    EXPECT_EQ(p.best->activity, core::ActivityId{11});
    EXPECT_EQ(p.best->time_s, 380.0);
    EXPECT_EQ(p.recent->activity, core::ActivityId{13});
    EXPECT_EQ(p.recent->activity_name, "run 3");
    // Founded by activity 10's first climb; the place keeps that climb's ends.
    EXPECT_EQ(p.id, core::ClimbPlaceId{10001});
    EXPECT_DOUBLE_EQ(p.start.latitude_deg, k_bottom.latitude_deg);
}

TEST(ClimbLibraryTest, DifferentTopOrBottomIsAnotherHill) {
    ActivityDigest d = run_at(utc("2026-03-01"), 20.0, 300.0);
    d.climbs = {climb(k_bottom, k_top, 400.0),
                climb(k_bottom, offset(k_top, 0.0, 300.0), 420.0),              // same bottom, top 300 m east
                climb(offset(k_bottom, -300.0, 0.0), k_top, 500.0),             // same top from 300 m lower
                climb(offset(k_bottom, 0.0, 60.0), offset(k_top, 0.0, 60.0), 400.0)};  // both ends 60 m off
    const auto places = climb_library({d});
    ASSERT_EQ(places.size(), 4U);
    for (std::size_t i = 0; i < places.size(); ++i) {
        EXPECT_EQ(places[i].runs, 1);
        EXPECT_EQ(places[i].id, core::ClimbPlaceId{static_cast<std::int64_t>(i) + 1}) << "no activity id: 1, 2, ...";
    }
    // With a 100 m radius the last climb joins the first.
    EXPECT_EQ(climb_library({d}, {.match_radius_m = 100.0}).size(), 3U);
}

TEST(ClimbLibraryTest, RepeatSetsAndLapsCountAscentsAndRuns) {
    ActivityDigest reps = run_at(utc("2026-04-01"), 10.0, 400.0);
    reps.id = core::ActivityId{7};
    ClimbDigest set = climb(k_bottom, k_top, 410.0);
    set.reps = 6;
    set.best_time_s = 395.0;
    set.back_to_back = true;
    reps.climbs = {set};
    ActivityDigest laps = run_at(utc("2026-04-03"), 12.0, 160.0);
    laps.id = core::ActivityId{8};
    laps.climbs = {climb(k_bottom, k_top, 430.0), climb(offset(k_bottom, 5.0, 5.0), k_top, 440.0)};
    const auto places = climb_library({laps, reps});  // any input order: the library sorts by start time
    ASSERT_EQ(places.size(), 1U);
    EXPECT_EQ(places[0].runs, 2);
    EXPECT_EQ(places[0].ascents, 8);
    EXPECT_EQ(places[0].best->best_time_s, 395.0);
    EXPECT_EQ(places[0].recent->activity, core::ActivityId{8});
    EXPECT_EQ(places[0].id, core::ClimbPlaceId{7001});
}

TEST(ClimbLibraryTest, IdsSurviveNewerRunsAndClimbsWithoutPositionsAreLeftOut) {
    ActivityDigest first = run_at(utc("2026-03-01"), 10.0, 100.0);
    first.id = core::ActivityId{3};
    first.climbs = {climb(k_bottom, k_top, 400.0), climb(offset(k_bottom, 5000.0, 0.0), offset(k_top, 5000.0, 0.0), 300.0)};
    ActivityDigest nopos = run_at(utc("2026-03-02"), 10.0, 100.0);
    nopos.climbs = {climb(k_bottom, k_top, 400.0)};
    nopos.climbs[0].top_position.reset();
    const auto before = climb_library({first, nopos});
    ASSERT_EQ(before.size(), 2U);
    EXPECT_EQ(before[0].runs, 1);
    ActivityDigest later = run_at(utc("2026-05-01"), 10.0, 100.0);
    later.id = core::ActivityId{40};
    later.climbs = {climb(offset(k_bottom, 2000.0, 2000.0), offset(k_top, 2000.0, 2000.0), 350.0),
                    climb(k_bottom, k_top, 390.0)};
    const auto after = climb_library({first, nopos, later});
    ASSERT_EQ(after.size(), 3U);
    EXPECT_EQ(after[0].id, before[0].id);
    EXPECT_EQ(after[1].id, before[1].id);
    EXPECT_EQ(after[0].id, core::ClimbPlaceId{3001});
    EXPECT_EQ(after[1].id, core::ClimbPlaceId{3002});
    EXPECT_EQ(after[2].id, core::ClimbPlaceId{40001});
    EXPECT_EQ(after[0].runs, 2);
    EXPECT_TRUE(climb_library({}).empty());
}

// The reference: each climb compared with every place, the nearest within the radius taken (the header's rule),
// a new place founded when none is.
std::vector<std::size_t> brute_force_groups(const std::vector<ClimbDigest>& climbs, double radius) {
    std::vector<std::pair<terrain::GeoPoint, terrain::GeoPoint>> places;
    std::vector<std::size_t> group;
    const auto dist = [](const terrain::GeoPoint& a, const terrain::GeoPoint& b) {
        return terrain::geodesic_distance_m(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg);
    };
    for (const ClimbDigest& c : climbs) {
        std::optional<std::size_t> best;
        double best_m = 0.0;
        for (std::size_t k = 0; k < places.size(); ++k) {
            const double b = dist(places[k].first, *c.start_position), t = dist(places[k].second, *c.top_position);
            if (b <= radius && t <= radius && (!best || b + t < best_m)) {
                best = k;
                best_m = b + t;
            }
        }
        if (!best) {
            best = places.size();
            places.emplace_back(*c.start_position, *c.top_position);
        }
        group.push_back(*best);
    }
    return group;
}

TEST(ClimbLibraryTest, GridGroupsAsComparingWithEveryPlace) {
    // 40 hills on a 3 x 3 km patch at three latitudes (the equator, the Alps, northern Norway), 600 climbs with
    // ends scattered by up to 45 m (some straddle grid cells, some reach two hills' radius).
    for (const double lat : {0.2, 46.5, 69.6}) {
        std::mt19937 rng(static_cast<unsigned>(lat * 10.0));
        std::uniform_real_distribution<double> spot(0.0, 3000.0), scatter(-32.0, 32.0);
        std::uniform_int_distribution<int> pick(0, 39);
        const terrain::GeoPoint origin{lat, 10.0};
        std::vector<std::pair<terrain::GeoPoint, terrain::GeoPoint>> hills;
        for (int i = 0; i < 40; ++i) {
            const terrain::GeoPoint b = offset(origin, spot(rng), spot(rng));
            hills.emplace_back(b, offset(b, 500.0, 100.0));
        }
        std::vector<ActivityDigest> h;
        std::vector<ClimbDigest> all;
        for (int a = 0; a < 100; ++a) {
            ActivityDigest d = run_at(utc("2026-01-01") + 86400.0 * a, 10.0, 100.0);
            for (int k = 0; k < 6; ++k) {
                const auto& [b, t] = hills[static_cast<std::size_t>(pick(rng))];
                d.climbs.push_back(climb(offset(b, scatter(rng), scatter(rng)), offset(t, scatter(rng), scatter(rng)), 300.0));
                all.push_back(d.climbs.back());
            }
            h.push_back(d);
        }
        const auto places = climb_library(h);
        const auto groups = brute_force_groups(all, k_default_match_radius_m);
        // Places are in founding order in both, so place k must hold exactly the climbs the reference put in k.
        std::size_t n_places_ref = 0;
        for (std::size_t g : groups) n_places_ref = std::max(n_places_ref, g + 1);
        ASSERT_EQ(places.size(), n_places_ref) << "latitude " << lat;
        std::size_t total = 0;
        for (const ClimbPlace& p : places) total += p.efforts.size();
        EXPECT_EQ(total, all.size());
        std::vector<std::size_t> per_group(n_places_ref, 0);
        for (std::size_t g : groups) ++per_group[g];
        for (std::size_t k = 0; k < places.size(); ++k) EXPECT_EQ(places[k].efforts.size(), per_group[k]) << k;
    }
}

}  // namespace
}  // namespace hillcoach::training
