#pragma once
// The runner's own hills: every climb of the history, grouped into places. Two climbs are the same hill when
// their bottoms are within match_radius_m of each other and so are their tops (geodesic distances,
// terrain/geodesy.hpp). docs/models.md, "Climb library".
//
// Why both ends and a radius of tens of metres: GPS puts a runner within 5-10 m, and the climb detector cuts a
// hill where the grade starts and ends, which moves by a few tens of metres between runs on a gentle foot; two
// different hills hardly ever share both a bottom and a top within 50 m (a fork at the bottom leads to another
// top, a shared top is reached from another bottom).
//
// Places are keyed on a grid of cells at least match_radius_m wide: a climb's bottom is compared only with
// the places in its cell and the eight around it, so ten years of climbs are grouped in milliseconds, not in
// (climbs x places) geodesics. A place keeps the bottom and top of its first climb (no drifting centre, so
// the grouping does not depend on how often a hill was run).
//
// Ids are stable while the history grows: a place's id is made from the activity and climb that founded it
// (activity id x 1000 + climb index + 1), so importing more runs never renumbers a place; only deleting the
// founding run does. Digests without an activity id (not stored yet) number places 1, 2, ... in order.

#include <optional>
#include <string>
#include <vector>

#include "hillcoach/core/ids.hpp"
#include "hillcoach/training/activity_digest.hpp"

namespace hillcoach::training {

inline constexpr double k_default_match_radius_m = 50.0;

struct ClimbLibraryOptions {
    double match_radius_m = k_default_match_radius_m;
};

// One run up a place (a repeat set is one effort with reps > 1).
struct ClimbEffort {
    core::ActivityId activity{};
    std::string activity_name{};
    std::optional<double> start_time_s{};  // the activity's start
    std::optional<double> time_s{};        // the climb's time (a set's median rep)
    std::optional<double> best_time_s{};   // the fastest rep
    std::optional<double> vam_m_h{};
    std::optional<double> avg_heart_rate_bpm{};
    double length_m = 0.0;
    double gain_m = 0.0;
    double avg_grade = 0.0;
    int reps = 1;
};

struct ClimbPlace {
    core::ClimbPlaceId id{};
    terrain::GeoPoint start{};  // the bottom
    terrain::GeoPoint top{};
    // The medians over the efforts (robust to one run cut short or long by the detector).
    double length_m = 0.0;
    double gain_m = 0.0;
    double avg_grade = 0.0;
    double max_grade = 0.0;
    int runs = 0;    // activities that climbed it
    int ascents = 0; // times up it (reps counted)
    std::optional<ClimbEffort> best{};    // the fastest time up
    std::optional<ClimbEffort> recent{};  // the latest activity's
    std::vector<ClimbEffort> efforts{};   // by start time
};

// The places of a history, in the order they were first climbed. Climbs without both positions are left out.
std::vector<ClimbPlace> climb_library(const std::vector<ActivityDigest>& digests,
                                      const ClimbLibraryOptions& options = {});

}  // namespace hillcoach::training
