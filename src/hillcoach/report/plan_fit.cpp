#include "hillcoach/report/plan_fit.hpp"

#include <chrono>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "hillcoach/io/fit/fit_encoder.hpp"
#include "hillcoach/io/fit/fit_profile.hpp"
#include "hillcoach/plan/session_numbers.hpp"
#include "hillcoach/plan/session_text.hpp"

namespace hillcoach::report {
namespace {

namespace fit = io::fit;
namespace wk = fit_workout;
namespace chr = std::chrono;

// One workout_step message's values before encoding.
struct StepRecord {
    std::string name{};
    std::string notes{};
    int duration_type = wk::duration_open;
    std::int64_t duration_value = 0;
    int target_type = wk::target_open;
    std::int64_t target_value = 0;
    std::optional<std::int64_t> speed_low_mm_s{};
    std::optional<std::int64_t> speed_high_mm_s{};
    int intensity = wk::intensity_active;
};

int intensity_of(const plan::Step& s) {
    switch (s.kind) {
        case plan::StepKind::warmup:
            return wk::intensity_warmup;
        case plan::StepKind::cooldown:
            return wk::intensity_cooldown;
        case plan::StepKind::recover:
            return wk::intensity_recovery;
        case plan::StepKind::climb:
        case plan::StepKind::strides:
            return wk::intensity_interval;
        case plan::StepKind::run:
        case plan::StepKind::descend:
            return s.effort == plan::Effort::easy ? wk::intensity_active : wk::intensity_interval;
    }
    return wk::intensity_active;
}

StepRecord run_step(const plan::Step& s, double threshold_speed_m_s) {
    StepRecord r;
    r.name = plan::step_text(s);
    r.notes = s.note;
    r.intensity = intensity_of(s);
    if (s.distance_m) {
        r.duration_type = wk::duration_distance;
        r.duration_value = std::llround(*s.distance_m * 100.0);  // cm
    } else if (s.duration_s) {
        r.duration_type = wk::duration_time;
        r.duration_value = std::llround(*s.duration_s * 1000.0);  // ms
    }
    if (s.effort != plan::Effort::walk) {
        const double speed = plan::step_speed_m_s(s, threshold_speed_m_s);
        r.target_type = wk::target_speed;
        r.target_value = 0;  // 0: a custom range follows
        r.speed_low_mm_s = std::llround(speed * (1.0 - wk::speed_band) * 1000.0);
        r.speed_high_mm_s = std::llround(speed * (1.0 + wk::speed_band) * 1000.0);
    }
    return r;
}

StepRecord repeat_step(std::size_t first_index, int times) {
    StepRecord r;
    r.name = fmt::format("repeat {} times", times);
    r.duration_type = wk::duration_repeat_until_steps_complete;
    r.duration_value = static_cast<std::int64_t>(first_index);
    r.target_value = times;
    return r;
}

std::vector<StepRecord> run_records(const plan::Session& s, double threshold_speed_m_s) {
    std::vector<StepRecord> out;
    for (const plan::StepBlock& b : s.steps) {
        const std::size_t first = out.size();
        for (const plan::Step& st : b.steps) out.push_back(run_step(st, threshold_speed_m_s));
        if (b.repeats > 1) out.push_back(repeat_step(first, b.repeats));
    }
    return out;
}

std::vector<StepRecord> strength_records(const plan::Session& s) {
    std::vector<StepRecord> out;
    for (const plan::Exercise& e : s.exercises) {
        const std::size_t first = out.size();
        StepRecord work;
        work.name = e.name;
        work.notes = plan::exercise_text(e);
        if (e.hold_s) {
            work.duration_type = wk::duration_time;
            work.duration_value = std::llround(*e.hold_s * 1000.0);
        } else if (e.reps_count) {
            work.duration_type = wk::duration_reps;
            work.duration_value = *e.reps_count;
        }
        out.push_back(std::move(work));
        if (e.sets > 1) {
            StepRecord rest;
            rest.name = "rest";
            rest.duration_type = wk::duration_open;  // until the lap button: rest as long as the set needs
            rest.intensity = wk::intensity_rest;
            out.push_back(std::move(rest));
            out.push_back(repeat_step(first, e.sets));
        }
    }
    return out;
}

// Seconds since the Unix epoch of a date's midnight, UTC.
double unix_midnight(plan::Date d) {
    return static_cast<double>(chr::duration_cast<chr::seconds>(d.time_since_epoch()).count());
}

}  // namespace

std::string session_workout_fit(const plan::Session& s, double threshold_speed_m_s, const std::string& name) {
    const bool strength = s.kind == plan::SessionKind::strength;
    const std::vector<StepRecord> steps =
        strength ? strength_records(s) : run_records(s, threshold_speed_m_s);
    fit::Encoder e;
    const fit::FieldValue id[] = {
        fit::field_raw(fit::file_id::type, fit::file_type::workout),
        fit::field_raw(fit::file_id::manufacturer, fit::manufacturer_id::development),
        fit::field_raw(fit::file_id::product, 0),
        fit::field_time(fit::file_id::time_created, unix_midnight(s.date)),
    };
    e.add(fit::mesg::file_id, id);
    const int sub_sport = strength                                       ? wk::sub_sport_strength_training
                          : s.kind == plan::SessionKind::treadmill_hills ? wk::sub_sport_treadmill
                                                                         : wk::sub_sport_generic;
    const fit::FieldValue workout[] = {
        fit::field_raw(fit::workout::sport, strength ? wk::sport_training : wk::sport_running),
        fit::field_raw(fit::workout::sub_sport, sub_sport),
        fit::field_raw(fit::workout::num_valid_steps, static_cast<std::int64_t>(steps.size())),
        fit::field_text(fit::workout::wkt_name, name, k_workout_name_bytes),
    };
    e.add(fit::mesg::workout, workout);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const StepRecord& r = steps[i];
        const fit::FieldValue step[] = {
            fit::field_raw(fit::workout_step::message_index, static_cast<std::int64_t>(i)),
            fit::field_text(fit::workout_step::wkt_step_name, r.name, k_step_name_bytes),
            fit::field_raw(fit::workout_step::duration_type, r.duration_type),
            fit::field_raw(fit::workout_step::duration_value, r.duration_value),
            fit::field_raw(fit::workout_step::target_type, r.target_type),
            fit::field_raw(fit::workout_step::target_value, r.target_value),
            r.speed_low_mm_s ? fit::field_raw(fit::workout_step::custom_target_value_low, *r.speed_low_mm_s)
                             : fit::FieldValue{.number = fit::workout_step::custom_target_value_low.number,
                                               .type = fit::workout_step::custom_target_value_low.type},
            r.speed_high_mm_s
                ? fit::field_raw(fit::workout_step::custom_target_value_high, *r.speed_high_mm_s)
                : fit::FieldValue{.number = fit::workout_step::custom_target_value_high.number,
                                  .type = fit::workout_step::custom_target_value_high.type},
            fit::field_raw(fit::workout_step::intensity, r.intensity),
            fit::field_text(fit::workout_step::notes, r.notes, k_step_note_bytes),
        };
        e.add(fit::mesg::workout_step, step);
    }
    return e.finish();
}

std::vector<WorkoutFile> plan_workouts(const plan::Plan& plan) {
    std::vector<WorkoutFile> files;
    for (const plan::Week& w : plan.weeks) {
        plan::Date last{};
        int in_day = 0;
        for (const plan::Session& s : w.sessions) {
            in_day = s.date == last ? in_day + 1 : 0;
            last = s.date;
            if (s.kind == plan::SessionKind::rest || s.kind == plan::SessionKind::race) continue;
            const std::string base = fmt::format("{}-{}", plan::format_date(s.date), plan::to_string(s.kind));
            const std::string file = in_day == 0 ? base + ".fit" : fmt::format("{}-{}.fit", base, in_day + 1);
            const std::string name = fmt::format("{} {}", plan::format_date(s.date).substr(5), s.title);
            files.push_back(WorkoutFile{
                .name = file, .bytes = session_workout_fit(s, plan.start.threshold_speed_m_s, name)});
        }
    }
    return files;
}

}  // namespace hillcoach::report
