#include "hillcoach/plan/session_library.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "hillcoach/plan/session_numbers.hpp"

namespace hillcoach::plan {
namespace {

// The hill sessions. Rep counts by level (new, regular, advanced); each rung of the ladder adds a rep until
// the most, then lengthens the rep by one step, then moves the grade from the low to the high end, then asks
// for more pace. Numbers follow common coaching practice and the sources in docs/plan.md: sprints of 8-12 s
// with 2-3 min recovery (Uphill Athlete: start with 8 x 10 s), short repeats of 100-200 m with a jog down,
// long repeats of 2-5 min at threshold effort, downhill repeats introduced at a few short, gentle reps.
constexpr HillTemplate k_hill_templates[] = {
    {.kind = SessionKind::hill_sprints,
     .reps_start = {4, 6, 8},
     .reps_max = {8, 10, 12},
     .rep_s_start = 8.0,
     .rep_s_max = 12.0,
     .rep_s_step = 1.0,
     .grade_low = 0.06,
     .grade_high = 0.10,
     .effort = Effort::sprint,
     .recovery = Recovery::walk_back,
     .recovery_s = 120.0,
     .climb_note = "sprint uphill: tall, quick, powerful steps, arms driving",
     .recovery_note = "walk back down and rest until 2 min have passed; every sprint fresh",
     .why =
         "Short all-out sprints up a hill recruit the most muscle fibres the legs have, with little impact "
         "and little fatigue: strength and power for every climb, and a stronger stride on the flat.",
     .look_for = "a steady hill of 6-10 % with at least 80 m of good footing"},
    {.kind = SessionKind::short_hill_repeats,
     .reps_start = {4, 6, 8},
     .reps_max = {8, 10, 12},
     .rep_m_start = 100.0,
     .rep_m_max = 200.0,
     .rep_m_step = 25.0,
     .grade_low = 0.05,
     .grade_high = 0.08,
     .effort = Effort::hard,
     .recovery = Recovery::jog_down,
     .climb_note = "strong, not all-out: the last rep as fast as the first",
     .recovery_note = "jog easily back down",
     .why = "Short hill repeats of 100-200 m load the glutes, calves and hamstrings far more than the flat "
            "does, at a speed that keeps form good: the core session for stronger legs.",
     .look_for = "a hill of 5-8 %, 100-200 m long, smooth enough to jog down safely"},
    {.kind = SessionKind::long_hill_repeats,
     .reps_start = {2, 3, 4},
     .reps_max = {4, 6, 8},
     .rep_m_start = 400.0,
     .rep_m_max = 1000.0,
     .rep_m_step = 100.0,
     .grade_low = 0.04,
     .grade_high = 0.07,
     .effort = Effort::threshold,
     .recovery = Recovery::jog_down,
     .climb_note = "comfortably hard, even effort all the way to the top",
     .recovery_note = "jog easily back down",
     .why = "Long climbs at threshold effort build the muscular endurance to keep pushing on long climbs and "
            "raise the pace you can hold without tiring.",
     .look_for = "a long, steady hill of 4-7 %, 400 m to 1 km"},
    {.kind = SessionKind::hill_circuit,
     .reps_start = {2, 3, 4},
     .reps_max = {4, 5, 6},
     .rep_m_start = 150.0,
     .rep_m_max = 250.0,
     .rep_m_step = 25.0,
     .grade_low = 0.05,
     .grade_high = 0.10,
     .effort = Effort::hard,
     .recovery = Recovery::jog_down,
     .climb_note =
         "bound up: long springy strides, knees high; at the top 10 squat jumps and 10 lunges each leg",
     .recovery_note = "jog down, then 100 m of relaxed strides on the flat",
     .why = "A hill circuit joins springy bounding up the hill with jumps and lunges at the top: the elastic "
            "strength and stiffness that make the stride cheaper.",
     .look_for = "a hill of 5-10 %, 150-250 m long, with flat ground at its foot"},
    {.kind = SessionKind::downhill_repeats,
     .reps_start = {2, 3, 4},
     .reps_max = {6, 8, 10},
     .rep_m_start = 100.0,
     .rep_m_max = 300.0,
     .rep_m_step = 50.0,
     .grade_low = 0.04,
     .grade_high = 0.08,
     .effort = Effort::steady,
     .recovery = Recovery::walk_up,
     .climb_note = "run down in control: short quick steps, upright, land softly under you",
     .recovery_note = "walk back up",
     .why = "Controlled downhill running trains the quadriceps to brake (eccentric work), so descents stop "
            "wrecking the legs; a small dose protects for weeks, so it starts small and grows slowly.",
     .look_for = "a smooth, gentle slope of 4-8 % with good footing and a clear view"},
    {.kind = SessionKind::stadium,
     .reps_start = {4, 6, 8},
     .reps_max = {10, 12, 16},
     .rep_m_start = 40.0,
     .rep_m_max = 40.0,
     .rep_m_step = 0.0,
     .grade_low = 0.45,
     .grade_high = 0.55,
     .effort = Effort::hard,
     .recovery = Recovery::run_down,
     .climb_note = "hike up fast, every step, pushing through the whole foot",
     .recovery_note = "run down lightly, every step, a hand near the rail",
     .why = "Stadium steps give steep climbing where there are no hills: hiking up builds the glutes and "
            "calves, running down teaches the quadriceps to brake.",
     .look_for = "stadium or stair flights of about 20 m of rise"},
    {.kind = SessionKind::treadmill_hills,
     .reps_start = {4, 5, 6},
     .reps_max = {8, 10, 12},
     .rep_s_start = 60.0,
     .rep_s_max = 240.0,
     .rep_s_step = 30.0,
     .grade_low = 0.06,
     .grade_high = 0.10,
     .effort = Effort::hard,
     .recovery = Recovery::flat_easy_time,
     .recovery_s = 90.0,
     .climb_note = "strong, even effort at the incline",
     .recovery_note = "easy at 1 % incline",
     .why = "Treadmill incline work gives climbing without any descent: all the uphill strength, none of the "
            "downhill pounding.",
     .look_for = "a treadmill that reaches 10 % incline"},
};

double clamp01(double x) {
    return std::clamp(x, 0.0, 1.0);
}

Step step(StepKind kind, Effort effort, std::optional<double> duration_s, std::optional<double> distance_m,
          double grade, std::string note) {
    return Step{.kind = kind,
                .effort = effort,
                .duration_s = duration_s,
                .distance_m = distance_m,
                .grade = grade,
                .note = std::move(note)};
}

StepBlock single(Step s) {
    return StepBlock{.repeats = 1, .steps = {std::move(s)}};
}

std::string percent(double grade) {
    return fmt::format("{:.0f} %", std::abs(grade) * 100.0);
}

std::string length_text(double m) {
    return m >= 1000.0 ? fmt::format("{:.1f} km", m / 1000.0) : fmt::format("{:.0f} m", m);
}

// Where the rung of the ladder stands: reps, then rep length (or time), then grade, then pace.
struct Rung {
    int reps = 0;
    double rep_m = 0.0;
    double rep_s = 0.0;
    double grade = 0.0;
    bool faster = false;
};

Rung rung_for(const HillTemplate& t, const SessionSettings& s) {
    const auto level = static_cast<std::size_t>(s.level);
    Rung r;
    int p = s.progress;
    const int rep_room = t.reps_max[level] - t.reps_start[level];
    r.reps = t.reps_start[level] + std::min(p, rep_room);
    p -= rep_room;
    r.rep_m = t.rep_m_start;
    r.rep_s = t.rep_s_start;
    if (p > 0 && t.rep_m_step > 0.0) {
        const int room = static_cast<int>(std::lround((t.rep_m_max - t.rep_m_start) / t.rep_m_step));
        r.rep_m = t.rep_m_start + t.rep_m_step * std::min(p, room);
        p -= room;
    } else if (p > 0 && t.rep_s_step > 0.0) {
        const int room = static_cast<int>(std::lround((t.rep_s_max - t.rep_s_start) / t.rep_s_step));
        r.rep_s = t.rep_s_start + t.rep_s_step * std::min(p, room);
        p -= room;
    }
    const double steepness = p > 0 ? clamp01(p / 3.0) : 0.0;
    r.grade = t.grade_low + steepness * (t.grade_high - t.grade_low);
    r.faster = p > 3;
    if (s.deload) {
        r.reps = std::max(2, static_cast<int>(std::lround(r.reps * k_deload_rep_share)));
        r.faster = false;
    }
    return r;
}

std::string ladder_text(const HillTemplate& t, const Rung& r, const SessionSettings& s) {
    if (s.deload) return "Deload week: fewer reps, same quality.";
    if (s.progress == 0) return "First time: start at the bottom of the ladder.";
    if (r.faster) return "The ladder's top: same reps, each one a little faster than last time.";
    const auto level = static_cast<std::size_t>(s.level);
    if (r.reps < t.reps_max[level]) return fmt::format("One more rep than last time ({}).", r.reps);
    if (r.grade > t.grade_low + 1e-9) return "Steeper than last time: find the steeper part of the hill.";
    return "Longer reps than last time.";
}

// The warm-up every hill session starts with: easy running on the flat, and strides for the fast ones.
void add_warmup(Session& session, const SessionSettings& s, bool strides) {
    const double warm = s.level == Level::new_runner ? k_new_runner_warmup_s : k_warmup_s;
    session.steps.push_back(single(step(StepKind::warmup, Effort::easy, warm, std::nullopt, 0.0,
                                        "easy running on the flat before any climbing")));
    if (strides) {
        session.steps.push_back(StepBlock{
            .repeats = 4,
            .steps = {step(StepKind::strides, Effort::hard, 20.0, std::nullopt, 0.0, "relaxed stride, fast"),
                      step(StepKind::recover, Effort::walk, 40.0, std::nullopt, 0.0, "walk back")}});
    }
}

void add_cooldown(Session& session) {
    session.steps.push_back(single(
        step(StepKind::cooldown, Effort::easy, k_cooldown_s, std::nullopt, 0.0, "easy running to finish")));
}

Step recovery_step(const HillTemplate& t, const SessionSettings& s, double rep_m, double grade) {
    switch (t.recovery) {
        case Recovery::jog_down:
            if (s.hold_downhill)
                return step(StepKind::recover, Effort::walk, std::nullopt, rep_m, -grade, "walk back down");
            return step(StepKind::recover, Effort::easy, std::nullopt, rep_m, -grade,
                        std::string(t.recovery_note));
        case Recovery::walk_back: {
            Step walk = step(StepKind::recover, Effort::walk, std::nullopt, rep_m, -grade,
                             std::string(t.recovery_note));
            walk.duration_s = std::max(t.recovery_s, rep_m / 1.2);
            return walk;
        }
        case Recovery::walk_up:
            return step(StepKind::recover, Effort::walk, std::nullopt, rep_m, grade,
                        std::string(t.recovery_note));
        case Recovery::run_down:
            if (s.hold_downhill)
                return step(StepKind::recover, Effort::walk, std::nullopt, rep_m, -grade, "walk down");
            return step(StepKind::descend, Effort::easy, std::nullopt, rep_m, -grade,
                        std::string(t.recovery_note));
        case Recovery::flat_easy_time:
            return step(StepKind::recover, Effort::easy, t.recovery_s, std::nullopt, 0.01,
                        std::string(t.recovery_note));
    }
    return {};
}

// "On the hill at 3.2 km of your usual loop (240 m, 7 %; you have run it 12 times): use its first 150 m."
std::string own_hill_text(const ClimbUse& c, SessionKind kind, double rep_m) {
    std::string text = fmt::format("On {} ({}, {}; you have run it {} times)", c.name,
                                   length_text(c.length_m), percent(c.grade), c.times_run);
    if (c.length_m > rep_m * 1.2) text += fmt::format(": use its first {}", length_text(rep_m));
    if (kind == SessionKind::downhill_repeats) text += ", run down from the top";
    return text + ".";
}

std::string where_text(const HillTemplate& t, const SessionSettings& s, const Session& session,
                       double rep_m) {
    if (t.kind == SessionKind::treadmill_hills) return "On the treadmill.";
    if (t.kind == SessionKind::stadium) return "At the stadium: " + std::string(t.look_for) + ".";
    if (session.climb) return own_hill_text(*session.climb, t.kind, rep_m);
    std::string text = fmt::format("Look for {}.", t.look_for);
    if (s.treadmill && t.kind != SessionKind::downhill_repeats) {
        text +=
            fmt::format(" Or on the treadmill at {} incline.", percent(0.5 * (t.grade_low + t.grade_high)));
    }
    return text;
}

}  // namespace

std::span<const HillTemplate> hill_templates() {
    return k_hill_templates;
}

const HillTemplate* hill_template(SessionKind kind) {
    for (const HillTemplate& t : k_hill_templates) {
        if (t.kind == kind) return &t;
    }
    return nullptr;
}

int starting_reps(SessionKind kind, Level level, bool deload) {
    const HillTemplate* t = hill_template(kind);
    if (t == nullptr) return 2;
    const int start = t->reps_start[static_cast<std::size_t>(level)];
    return deload ? std::max(2, static_cast<int>(std::lround(start * k_deload_rep_share))) : start;
}

Session make_hill_session(SessionKind kind, const SessionSettings& s) {
    const HillTemplate* t = hill_template(kind);
    if (t == nullptr) return make_easy(30.0 * 60.0, s);
    Session session;
    session.kind = kind;
    session.title = std::string(info(kind).title);
    session.focus_hill = info(kind).focus_hill;
    session.hard = info(kind).hard;
    Rung r = rung_for(*t, s);
    double grade_low = t->grade_low;
    double grade_high = t->grade_high;
    if (s.steep && (kind == SessionKind::hill_sprints || kind == SessionKind::short_hill_repeats)) {
        // For muscle: steeper hills recruit more; 10-15 % sprints (still runnable, not a hike).
        grade_low = 0.10;
        grade_high = 0.15;
        r.grade = std::max(r.grade, grade_low);
    }
    Effort effort = t->effort;
    if (s.gentle_climbs) {
        // Return after injury: uphill walking and easy running carry little impact; nothing is raced.
        effort = (kind == SessionKind::treadmill_hills || kind == SessionKind::stadium) ? Effort::walk
                                                                                        : Effort::steady;
    }
    add_warmup(session, s, kind == SessionKind::hill_sprints || kind == SessionKind::short_hill_repeats);

    const bool time_reps = t->rep_m_start <= 0.0;
    Step climb =
        time_reps ? step(StepKind::climb, effort, r.rep_s, std::nullopt, r.grade, std::string(t->climb_note))
                  : step(StepKind::climb, effort, std::nullopt, r.rep_m, r.grade, std::string(t->climb_note));
    if (kind == SessionKind::treadmill_hills && s.gentle_climbs) {
        climb.grade = std::max(r.grade, 0.10);  // brisk walking needs a steeper belt to be work
        climb.note = "brisk uphill walk, hands off the rails";
    }
    double rep_m = time_reps ? step_distance_m(climb, s.threshold_speed_m_s) : r.rep_m;

    if (kind != SessionKind::treadmill_hills && kind != SessionKind::stadium) {
        session.climb =
            choose_hill(s.hills, HillNeed{.rep_m = rep_m, .grade_low = grade_low, .grade_high = grade_high});
        // On the runner's own hill the grade is the hill's; a rep run for a time then covers the distance
        // that grade allows, and its way back the same.
        if (session.climb) climb.grade = session.climb->grade;
        if (session.climb && time_reps) {
            rep_m = step_distance_m(climb, s.threshold_speed_m_s);
            session.climb->used_m = std::min(rep_m, session.climb->length_m);
        }
    }
    StepBlock main{.repeats = r.reps, .steps = {}};
    if (kind == SessionKind::downhill_repeats) {
        Step down =
            step(StepKind::descend, effort, std::nullopt, rep_m, -climb.grade, std::string(t->climb_note));
        Step up = recovery_step(*t, s, rep_m, climb.grade);
        main.steps = {down, up};
        // Walk up first: the first rep starts at the top.
        session.steps.push_back(single(
            step(StepKind::run, Effort::walk, std::nullopt, rep_m, climb.grade, "walk up to the top")));
    } else {
        main.steps = {climb, recovery_step(*t, s, rep_m, climb.grade)};
        if (kind == SessionKind::hill_circuit) {
            main.steps.push_back(
                step(StepKind::strides, Effort::steady, std::nullopt, 100.0, 0.0, "relaxed strides"));
        }
    }
    session.steps.push_back(std::move(main));
    add_cooldown(session);

    session.where = where_text(*t, s, session, rep_m);
    session.why = fmt::format("{} {}", t->why, ladder_text(*t, r, s));
    if (s.hold_downhill && kind != SessionKind::treadmill_hills)
        session.why += " Every descent is walked for now.";
    compute_numbers(session, s.threshold_speed_m_s);
    return session;
}

Session make_flat_quality(const SessionSettings& s) {
    Session session;
    session.kind = SessionKind::flat_quality;
    session.hard = true;
    const int p = s.deload ? 0 : s.progress;
    const double warm = s.level == Level::new_runner ? k_new_runner_warmup_s : k_warmup_s;
    session.steps.push_back(single(step(StepKind::warmup, Effort::easy, warm, std::nullopt, 0.0, "easy")));
    const bool long_race = s.race_distance_m >= 21000.0;
    if (s.phase == Phase::base) {
        const double steady_min = std::min(20.0 + 5.0 * p, 40.0);
        session.title = "Steady run with strides";
        session.steps.push_back(single(step(StepKind::run, Effort::steady, steady_min * 60.0, std::nullopt,
                                            0.0, "steady: talk in short sentences")));
        session.steps.push_back(StepBlock{
            .repeats = 6,
            .steps = {step(StepKind::strides, Effort::hard, 20.0, std::nullopt, 0.0, "relaxed, fast, tall"),
                      step(StepKind::recover, Effort::easy, 60.0, std::nullopt, 0.0, "jog")}});
        session.why =
            "A steady run with strides on the flat keeps leg speed and running form while the base grows.";
    } else if (s.phase == Phase::taper) {
        session.title = "Race-pace sharpener";
        const Effort race = long_race ? Effort::marathon : Effort::threshold;
        session.steps.push_back(StepBlock{
            .repeats = 2,
            .steps = {step(StepKind::run, race, 8.0 * 60.0, std::nullopt, 0.0, "race pace"),
                      step(StepKind::recover, Effort::easy, 3.0 * 60.0, std::nullopt, 0.0, "jog")}});
        session.why = "A short dose of race pace keeps the legs sharp while the taper lets them recover.";
    } else if (s.phase == Phase::specific && s.goal == Goal::flat_race && long_race) {
        const int reps = std::min(2 + p / 2, 3);
        const double block_min = std::min(15.0 + 2.5 * p, 25.0);
        session.title = "Marathon-pace blocks";
        session.steps.push_back(StepBlock{
            .repeats = reps,
            .steps = {
                step(StepKind::run, Effort::marathon, block_min * 60.0, std::nullopt, 0.0, "goal race pace"),
                step(StepKind::recover, Effort::easy, 3.0 * 60.0, std::nullopt, 0.0, "jog")}});
        session.why =
            "Blocks at goal race pace on flat ground teach the body the exact rhythm of race day; hills "
            "make the legs strong, but only flat running at race pace makes that pace easy.";
    } else if (s.phase == Phase::specific && s.goal == Goal::flat_race) {
        const int reps = std::min(5 + p / 2, 8);
        session.title = "Race-pace intervals";
        session.steps.push_back(StepBlock{
            .repeats = reps,
            .steps = {step(StepKind::run, Effort::hard, 3.0 * 60.0, std::nullopt, 0.0, "5-10 km race pace"),
                      step(StepKind::recover, Effort::easy, 2.0 * 60.0, std::nullopt, 0.0, "jog")}});
        session.why = "Intervals at race pace on the flat make the goal pace familiar and economical.";
    } else {
        const int reps = std::min(3 + p / 2, 5);
        const double rep_min = std::min(6.0 + p, 10.0);
        session.title = "Threshold intervals";
        session.steps.push_back(StepBlock{
            .repeats = reps,
            .steps = {
                step(StepKind::run, Effort::threshold, rep_min * 60.0, std::nullopt, 0.0, "comfortably hard"),
                step(StepKind::recover, Effort::easy, 2.0 * 60.0, std::nullopt, 0.0, "jog")}});
        session.why =
            "Threshold intervals on the flat raise the pace you can hold for an hour: the engine that "
            "hill strength needs to turn into speed.";
    }
    add_cooldown(session);
    if (s.deload) session.why += " Deload week: kept short.";
    session.where = "On flat ground: a track, a towpath or a flat road loop.";
    compute_numbers(session, s.threshold_speed_m_s);
    if (s.deload) shrink_main_set(session, k_deload_rep_share, s.threshold_speed_m_s);
    return session;
}

Session make_easy(double duration_s, const SessionSettings& s) {
    Session session;
    session.kind = SessionKind::easy;
    session.title = "Easy run";
    session.steps.push_back(single(step(StepKind::run, Effort::easy, duration_s, std::nullopt, 0.0,
                                        "easy: you could chat the whole way")));
    session.where = "Flat or gently rolling ground.";
    session.why = "Easy running builds the aerobic base and lets the legs absorb the hard days.";
    compute_numbers(session, s.threshold_speed_m_s);
    return session;
}

Session make_long(double duration_s, double ascent_per_km, const SessionSettings& s,
                  std::optional<Effort> finish_effort, double finish_s) {
    Session session;
    const bool hilly = ascent_per_km > 0.0;
    session.kind = hilly ? SessionKind::hilly_long : SessionKind::long_run;
    session.title = std::string(info(session.kind).title);
    session.hard = true;
    if (!hilly) {
        const double easy_s = finish_effort ? duration_s - finish_s : duration_s;
        session.steps.push_back(
            single(step(StepKind::run, Effort::easy, easy_s, std::nullopt, 0.0, "easy, relaxed")));
        if (finish_effort) {
            session.steps.push_back(single(step(StepKind::run, *finish_effort, finish_s, std::nullopt, 0.0,
                                                "finish at goal race pace")));
        }
        session.where = "A flat route.";
        session.why =
            "The long run builds endurance: more capillaries and mitochondria, stronger tendons, and the "
            "patience to run for a long time.";
        compute_numbers(session, s.threshold_speed_m_s);
        return session;
    }
    // Rolling ground as k climbs of about 1 km; the grade from the goal (or 6 %). The warm-up stays flat.
    const double warm = s.level == Level::new_runner ? k_new_runner_warmup_s : k_warmup_s;
    session.steps.push_back(single(step(StepKind::warmup, Effort::easy, warm, std::nullopt, 0.0,
                                        "easy on the flat before the first climb")));
    const double grade = 0.06;
    const double flat_speed = s.threshold_speed_m_s * effort_speed_fraction(Effort::easy);
    const double distance_m = (duration_s - warm) * flat_speed;  // first guess; climbs slow it down
    const double ascent = std::max(0.0, distance_m / 1000.0 * ascent_per_km);
    const double climb_m = 800.0;
    const int climbs = std::max(1, static_cast<int>(std::lround(ascent / (climb_m * grade))));
    double each_m = ascent / (climbs * grade);
    const Effort down = s.hold_downhill ? Effort::walk : Effort::easy;
    const auto climbs_block = [&] {
        return StepBlock{.repeats = climbs,
                         .steps = {step(StepKind::climb, Effort::easy, std::nullopt, each_m, grade,
                                        "easy: hike where it gets steep"),
                                   step(StepKind::descend, down, std::nullopt, each_m, -grade,
                                        s.hold_downhill ? "walk down" : "relaxed, quick short steps down")}};
    };
    session.steps.push_back(climbs_block());
    compute_numbers(session, s.threshold_speed_m_s);
    // Climbing is slower than the flat the ascent was reckoned on: when the climbs alone would outlast the
    // run, they get shorter (their time is in proportion to their length), so the run keeps its duration and
    // the week its minutes.
    if (session.duration_s > duration_s && session.duration_s > warm) {
        each_m *= std::max(0.0, duration_s - warm) / (session.duration_s - warm);
        session.steps.back() = climbs_block();
        compute_numbers(session, s.threshold_speed_m_s);
    }
    const double left = duration_s - session.duration_s;
    if (left > 60.0) {
        session.steps.push_back(
            single(step(StepKind::run, Effort::easy, left, std::nullopt, 0.0, "easy on the flat")));
    }
    session.where = fmt::format("A hilly route with about {:.0f} m of climbing: {} climbs of about {} at {}.",
                                climbs * each_m * grade, climbs, length_text(each_m), percent(grade));
    session.why =
        "A long run over hills builds endurance and climbing together, and gets the legs used to "
        "running downhill when tired, as on race day.";
    compute_numbers(session, s.threshold_speed_m_s);
    return session;
}

Session make_rest() {
    Session session;
    session.kind = SessionKind::rest;
    session.title = "Rest";
    session.why = "Rest: the training turns into fitness while you recover.";
    return session;
}

Session make_race(double distance_m, double ascent_m, const SessionSettings& s) {
    Session session;
    session.kind = SessionKind::race;
    session.title = "Race day";
    session.hard = true;
    const double grade = distance_m > 0.0 ? ascent_m / (distance_m / 2.0) : 0.0;
    const Effort effort = distance_m >= 21000.0 ? Effort::marathon : Effort::threshold;
    if (grade > 0.0) {
        session.steps.push_back(
            single(step(StepKind::climb, effort, std::nullopt, distance_m / 2.0, grade, "race")));
        session.steps.push_back(
            single(step(StepKind::descend, effort, std::nullopt, distance_m / 2.0, -grade, "race")));
    } else {
        session.steps.push_back(single(step(StepKind::run, effort, std::nullopt, distance_m, 0.0, "race")));
    }
    session.where = "The race.";
    session.why = "The goal of the plan. Start slower than you feel you could.";
    compute_numbers(session, s.threshold_speed_m_s);
    return session;
}

namespace {

// The steps that do the work of a block: runs and climbs, and the hard descents of downhill repeats (an easy
// descent is the way back down from a climb).
bool is_working_step(const Step& st) {
    return st.kind == StepKind::run || st.kind == StepKind::climb ||
           (st.kind == StepKind::descend && st.effort != Effort::easy);
}

// Shortens a block's working steps by `share` (never under 60 s or 50 m), and the legs that go back over the
// same hill (the jog or walk down after a climb, the walk up after a descent: graded steps measured by
// distance) by as much as the block's first working step, so a rep and its way back stay the same length.
void shorten_block(StepBlock& block, double share) {
    std::optional<double> leg_ratio;
    for (Step& st : block.steps) {
        if (!is_working_step(st) || (!st.duration_s && !st.distance_m)) continue;
        double& amount = st.duration_s ? *st.duration_s : *st.distance_m;
        const double before = amount;
        amount = std::max(st.duration_s ? 60.0 : 50.0, amount * share);
        if (!leg_ratio && before > 0.0) leg_ratio = amount / before;
    }
    if (!leg_ratio) return;
    for (Step& st : block.steps) {
        if (!is_working_step(st) && st.grade != 0.0 && st.distance_m) *st.distance_m *= *leg_ratio;
    }
}

}  // namespace

bool drop_reps(Session& session, double share, double threshold_speed_m_s, int least) {
    // The main set is the repeated block with the most reps among those that do the work: the strides of a
    // warm-up are repeated too, but they are part of the warm-up, which stays whole.
    StepBlock* main = nullptr;
    for (StepBlock& b : session.steps) {
        const bool works = std::any_of(b.steps.begin(), b.steps.end(), is_working_step);
        if (works && b.repeats > 1 && (main == nullptr || b.repeats > main->repeats)) main = &b;
    }
    const int floor = std::max(2, least);
    const int fewer =
        main != nullptr ? std::max(floor, static_cast<int>(std::lround(main->repeats * share))) : 0;
    if (main == nullptr || fewer >= main->repeats) return false;
    main->repeats = fewer;
    compute_numbers(session, threshold_speed_m_s);
    return true;
}

void shrink_main_set(Session& session, double share, double threshold_speed_m_s) {
    if (drop_reps(session, share, threshold_speed_m_s)) return;
    // Nothing left to drop (two reps, or one continuous block): the working steps get shorter instead, never
    // the warm-up, which every hill session keeps whole.
    for (StepBlock& b : session.steps) shorten_block(b, share);
    compute_numbers(session, threshold_speed_m_s);
    // On the runner's own hill, the route says how much of it a rep now uses.
    if (session.climb) {
        for (const StepBlock& b : session.steps) {
            if (b.repeats < 2) continue;
            const auto rep = std::find_if(b.steps.begin(), b.steps.end(), is_working_step);
            if (rep == b.steps.end()) continue;
            const double rep_m = step_distance_m(*rep, threshold_speed_m_s);
            session.climb->used_m = std::min(rep_m, session.climb->length_m);
            session.where = own_hill_text(*session.climb, session.kind, rep_m);
            break;
        }
    }
}

}  // namespace hillcoach::plan
