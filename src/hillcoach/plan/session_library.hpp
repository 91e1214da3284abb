#pragma once
// The run sessions a plan is made of, as data: each hill session's reps, rep length or time, grade range,
// effort, recovery and its progression ladder (more reps, then longer reps, then steeper, then faster), and
// why it is there; the flat quality sessions by phase; easy, long, hilly long and race runs. The builders
// turn a template and the runner's state into a Session with structured steps (strength is in
// strength_library.hpp). docs/plan.md, "Session library", prints the same tables.

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "hillcoach/plan/hills.hpp"
#include "hillcoach/plan/plan.hpp"

namespace hillcoach::plan {

enum class Recovery : unsigned char {
    jog_down,        // jog back down the hill (walk down when descents are held out)
    walk_back,       // walk back down and rest until recovered (sprints): never a running descent
    walk_up,         // walk back up (downhill repeats)
    run_down,        // run down lightly (stadium steps)
    flat_easy_time,  // easy running at 1 % for recovery_s (treadmill)
};

struct HillTemplate {
    SessionKind kind = SessionKind::short_hill_repeats;
    std::array<int, 3> reps_start{};  // by level: new, regular, advanced
    std::array<int, 3> reps_max{};
    double rep_m_start = 0.0;  // distance reps (0: time reps)
    double rep_m_max = 0.0;
    double rep_m_step = 0.0;
    double rep_s_start = 0.0;  // time reps (sprints, treadmill)
    double rep_s_max = 0.0;
    double rep_s_step = 0.0;
    double grade_low = 0.0;  // grade range of the climbing (downhill repeats: of the descent)
    double grade_high = 0.0;
    Effort effort = Effort::hard;
    Recovery recovery = Recovery::jog_down;
    double recovery_s = 0.0;  // time-based recovery or rest after it
    std::string_view climb_note = {};
    std::string_view recovery_note = {};
    std::string_view why = {};
    std::string_view look_for = {};  // the hill to look for when the runner has none that fits
};

std::span<const HillTemplate> hill_templates();
// nullptr for a kind that is not a hill session.
const HillTemplate* hill_template(SessionKind kind);

inline constexpr double k_warmup_s = 15.0 * 60.0;  // easy, flat, before any climbing
inline constexpr double k_new_runner_warmup_s = 10.0 * 60.0;
inline constexpr double k_cooldown_s = 10.0 * 60.0;
inline constexpr double k_deload_rep_share = 0.6;  // reps kept in a deload week

// What the builders need to know about the runner and the week.
struct SessionSettings {
    Level level = Level::regular;
    Goal goal = Goal::fitness;
    Phase phase = Phase::base;
    double threshold_speed_m_s = 3.0;
    int progress = 0;  // earlier (non-deload) sessions of this kind in the plan: the ladder's rung
    bool deload = false;
    bool hold_downhill = false;  // return or injury: every descent walked, no downhill running
    bool gentle_climbs = false;  // return: climbs jogged easy or walked, not raced
    bool steep = false;          // muscle: steeper sprints
    bool treadmill = false;      // the runner has one (named as the alternative)
    bool stadium = false;
    double race_distance_m = 0.0;
    std::span<const Hill> hills{};
};

Session make_hill_session(SessionKind kind, const SessionSettings& settings);
Session make_flat_quality(const SessionSettings& settings);
Session make_easy(double duration_s, const SessionSettings& settings);
// A long run of `duration_s`; with `ascent_per_km` > 0 a hilly long run on rolling ground; `finish_effort`
// (marathon pace) for the last `finish_s` seconds.
Session make_long(double duration_s, double ascent_per_km, const SessionSettings& settings,
                  std::optional<Effort> finish_effort = std::nullopt, double finish_s = 0.0);
Session make_rest();
Session make_race(double distance_m, double ascent_m, const SessionSettings& settings);

// Cuts the main set of a run session to `share` of its repeats (at least two), for deloads and for weeks
// whose load would otherwise rise too fast; at two reps each rep gets shorter instead, and its way back over
// the same hill with it. Numbers are recomputed.
void shrink_main_set(Session& session, double share, double threshold_speed_m_s);
// Only the first half of that: cuts the main set to `share` of its repeats, never under `least` (nor two);
// false (and the session unchanged) when it is there already or has no repeats.
bool drop_reps(Session& session, double share, double threshold_speed_m_s, int least = 2);
// The reps a hill session of `kind` starts its ladder with at `level` (60 % of them in a deload): the least
// that is worth the trip to the hill. Two for a session without a ladder.
int starting_reps(SessionKind kind, Level level, bool deload);

}  // namespace hillcoach::plan
