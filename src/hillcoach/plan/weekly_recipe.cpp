#include "hillcoach/plan/weekly_recipe.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace hillcoach::plan {
namespace {

using K = SessionKind;
constexpr K none = K::rest;

// Goal x phase. Strength and muscle build on sprints and short steep repeats; a hilly race moves from short
// repeats to long climbs, controlled descents and hilly long runs; a flat race keeps a flat quality session
// every week and uses one hill session for strength; fitness mixes; a return starts with uphill walking and
// easy running (descents are held out by the injury limits).
constexpr RecipeRow k_rows[] = {
    {Goal::strength, Phase::base, K::long_run, {K::hill_sprints, none}, none, 2},
    {Goal::strength,
     Phase::hill_strength,
     K::long_run,
     {K::short_hill_repeats, K::long_hill_repeats},
     K::hill_circuit,
     2},
    {Goal::strength,
     Phase::specific,
     K::long_run,
     {K::hill_sprints, K::hill_circuit},
     K::downhill_repeats,
     2},
    {Goal::strength, Phase::taper, K::long_run, {K::hill_sprints, none}, none, 1},
    {Goal::muscle, Phase::base, K::long_run, {K::hill_sprints, none}, none, 2},
    {Goal::muscle, Phase::hill_strength, K::long_run, {K::hill_sprints, K::short_hill_repeats}, none, 2},
    {Goal::muscle,
     Phase::specific,
     K::long_run,
     {K::hill_sprints, K::hill_circuit},
     K::short_hill_repeats,
     2},
    {Goal::muscle, Phase::taper, K::long_run, {K::hill_sprints, none}, none, 2},
    {Goal::hilly_race, Phase::base, K::long_run, {K::short_hill_repeats, K::flat_quality}, none, 2},
    {Goal::hilly_race,
     Phase::hill_strength,
     K::hilly_long,
     {K::long_hill_repeats, K::short_hill_repeats},
     K::hill_circuit,
     2},
    {Goal::hilly_race, Phase::specific, K::hilly_long, {K::long_hill_repeats, K::downhill_repeats}, none, 1},
    {Goal::hilly_race, Phase::taper, K::hilly_long, {K::short_hill_repeats, none}, none, 1},
    {Goal::flat_race, Phase::base, K::long_run, {K::flat_quality, K::hill_sprints}, none, 2},
    {Goal::flat_race, Phase::hill_strength, K::long_run, {K::flat_quality, K::short_hill_repeats}, none, 2},
    {Goal::flat_race, Phase::specific, K::long_run, {K::flat_quality, K::long_hill_repeats}, none, 1},
    {Goal::flat_race, Phase::taper, K::long_run, {K::flat_quality, none}, none, 1},
    {Goal::fitness, Phase::base, K::long_run, {K::hill_sprints, none}, none, 2},
    {Goal::fitness, Phase::hill_strength, K::long_run, {K::short_hill_repeats, K::flat_quality}, none, 2},
    {Goal::fitness,
     Phase::specific,
     K::hilly_long,
     {K::long_hill_repeats, K::hill_circuit},
     K::downhill_repeats,
     1},
    {Goal::fitness, Phase::taper, K::long_run, {K::hill_sprints, none}, none, 1},
    {Goal::return_after_injury, Phase::base, K::long_run, {K::treadmill_hills, none}, none, 2},
    {Goal::return_after_injury,
     Phase::hill_strength,
     K::long_run,
     {K::short_hill_repeats, K::long_hill_repeats},
     none,
     2},
    {Goal::return_after_injury,
     Phase::specific,
     K::hilly_long,
     {K::long_hill_repeats, K::short_hill_repeats},
     K::downhill_repeats,
     2},
    {Goal::return_after_injury, Phase::taper, K::long_run, {K::short_hill_repeats, none}, none, 1},
};

const RecipeRow& row_for(Goal goal, Phase phase) {
    for (const RecipeRow& r : k_rows) {
        if (r.goal == goal && r.phase == phase) return r;
    }
    return k_rows[0];
}

bool is_outdoor_hill(K kind) {
    return kind == K::hill_sprints || kind == K::short_hill_repeats || kind == K::long_hill_repeats ||
           kind == K::hill_circuit || kind == K::downhill_repeats;
}

// A hill session where there are no hills: the treadmill (no descent: downhill repeats cannot move there),
// else stadium steps, else flat quality work.
K without_hills(K kind, const Runner& r) {
    if (!is_outdoor_hill(kind)) return kind;
    if (r.treadmill && kind != K::downhill_repeats) return K::treadmill_hills;
    if (r.stadium) return K::stadium;
    return K::flat_quality;
}

}  // namespace

std::span<const RecipeRow> recipe_rows() {
    return k_rows;
}

int max_hard_days(int days_per_week, Level level, int week_index) {
    int most = days_per_week >= 4 ? 3 : 2;
    // New runners: the long run and one quality session; a third only after two months.
    if (level == Level::new_runner && week_index < 8) most = std::min(most, 2);
    return most;
}

WeekRecipe week_recipe(const RecipeInput& in) {
    const Runner& r = *in.runner;
    const RecipeRow& row = row_for(r.goal, in.phase);
    WeekRecipe w;
    w.long_kind = row.long_kind;
    w.strength = row.strength;
    const bool return_hold =
        r.goal == Goal::return_after_injury && in.week_index < k_return_no_downhill_weeks;
    w.hold_downhill = return_hold || in.week_index < in.limits.no_downhill_weeks;
    w.gentle_climbs = r.goal == Goal::return_after_injury && in.week_index < k_return_no_downhill_weeks;
    const int no_downhill_repeats =
        std::max(in.limits.no_downhill_repeats_weeks,
                 r.goal == Goal::return_after_injury ? k_return_no_downhill_repeats_weeks : 0);

    for (K kind : row.quality) {
        if (kind != none) w.quality.push_back(kind);
    }
    if (row.alternate != none && w.quality.size() == 2 && in.week_in_phase % 2 == 1)
        w.quality[1] = row.alternate;

    for (K& kind : w.quality) {
        if (kind == K::hill_sprints && in.week_index < in.limits.no_sprints_weeks) {
            kind = K::short_hill_repeats;
            w.changes.push_back("hill sprints held out for the injury: short hill repeats instead");
        }
        if (kind == K::downhill_repeats && in.week_index < no_downhill_repeats) {
            kind = K::long_hill_repeats;
            w.changes.push_back("downhill repeats held out for now: long hill repeats instead");
        }
        // While descents are held out, the treadmill gives uphill work with no descent at all.
        if (w.hold_downhill && r.treadmill && is_outdoor_hill(kind)) kind = K::treadmill_hills;
        if (kind == K::treadmill_hills && !r.treadmill)
            kind = r.hills ? K::short_hill_repeats : K::treadmill_hills;
        if (!r.hills) kind = without_hills(kind, r);
        if (kind == K::treadmill_hills && !r.treadmill) kind = r.stadium ? K::stadium : K::flat_quality;
        if (kind == K::stadium && w.hold_downhill && !r.treadmill) kind = K::flat_quality;
    }
    if (w.long_kind == K::hilly_long && (!r.hills || w.hold_downhill)) w.long_kind = K::long_run;
    // No kind twice in a week: a second flat quality session becomes an easy run.
    std::vector<K> unique;
    for (K kind : w.quality) {
        if (std::find(unique.begin(), unique.end(), kind) == unique.end()) unique.push_back(kind);
    }
    w.quality = unique;

    const int hard_days = max_hard_days(r.days_per_week, r.level, in.week_index);
    const std::size_t quality_room = static_cast<std::size_t>(std::max(0, hard_days - 1));
    if (w.quality.size() > quality_room) w.quality.resize(quality_room);
    if (in.deload && w.quality.size() > 1) w.quality.resize(1);
    if (in.deload) w.strength = 1;
    if (!r.gym && w.strength > 1 && r.goal != Goal::strength && r.goal != Goal::muscle) w.strength = 1;
    return w;
}

}  // namespace hillcoach::plan
