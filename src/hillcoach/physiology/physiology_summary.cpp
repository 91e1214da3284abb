#include "hillcoach/physiology/physiology_summary.hpp"

#include <cmath>

#include "hillcoach/physiology/course_steps.hpp"

namespace hillcoach::physiology {
namespace {

std::optional<PaceLoad> pace_load(const CourseSteps& steps, const PhysiologyResult& r) {
    if (!r.athlete.threshold_speed_m_s) return std::nullopt;
    PaceLoad p;
    p.threshold_speed_m_s = r.athlete.threshold_speed_m_s->value;
    if (r.gap) {
        p.moving_s = r.gap->moving_s;
        p.speed_m_s = r.gap->gap_speed_m_s;
    } else {
        // No elevation: plain pace. Every moving step at grade factor 1 is what grade_adjusted_pace would do.
        double metres = 0.0;
        for (const CourseStep& s : steps.all()) {
            metres += s.distance_m;
            p.moving_s += s.duration_s;
        }
        if (!(p.moving_s > 0.0) || !(metres > 0.0)) return std::nullopt;
        p.speed_m_s = metres / p.moving_s;
        p.grade_adjusted = false;
    }
    const PaceStressInput input{
        .duration_s = p.moving_s, .gap_speed_m_s = p.speed_m_s, .threshold_speed_m_s = p.threshold_speed_m_s};
    p.intensity_factor = pace_intensity_factor(input);
    p.pace_tss = pace_stress_score(input);
    return p;
}

void heart_rate_load(const CourseSteps& steps, PhysiologyResult& r) {
    const AthleteSettings& a = r.athlete;
    r.zones = heart_rate_zones(a.zone_model, ZoneAnchors{.max_hr_bpm = a.max_hr_bpm.value,
                                                         .rest_hr_bpm = a.rest_hr_bpm.value,
                                                         .threshold_hr_bpm = a.threshold_hr_bpm.value});
    if (!steps.has_heart_rate()) {
        r.notes.emplace_back("no heart rate: no zones, TRIMP or heart-rate stress score");
        return;
    }
    r.time_in_zones_s = time_in_zones_s(steps, r.zones);
    const HeartRateAnchors anchors{.rest_hr_bpm = a.rest_hr_bpm.value, .max_hr_bpm = a.max_hr_bpm.value};
    r.trimp = banister_trimp(steps, anchors, a.sex);
    if (r.trimp) r.hr_tss = heart_rate_stress_score(*r.trimp, a.threshold_hr_bpm.value, anchors, a.sex);
}

void add_if(std::vector<std::string>& names, const char* name, SettingSource source, SettingSource wanted) {
    if (source == wanted) names.emplace_back(name);
}

std::vector<std::string> settings_with(const AthleteSettings& a, SettingSource wanted) {
    std::vector<std::string> names;
    add_if(names, "mass_kg", a.mass_kg.source, wanted);
    add_if(names, "sex", a.sex_source, wanted);
    add_if(names, "max_hr_bpm", a.max_hr_bpm.source, wanted);
    add_if(names, "rest_hr_bpm", a.rest_hr_bpm.source, wanted);
    add_if(names, "threshold_hr_bpm", a.threshold_hr_bpm.source, wanted);
    if (a.threshold_speed_m_s) add_if(names, "threshold_pace", a.threshold_speed_m_s->source, wanted);
    add_if(names, "hr_zones", a.zone_model_source, wanted);
    add_if(names, "gap_model", a.gap_model_source, wanted);
    return names;
}

}  // namespace

std::vector<std::string> PhysiologyResult::estimated_settings() const {
    return settings_with(athlete, SettingSource::estimated);
}

std::vector<std::string> PhysiologyResult::defaulted_settings() const {
    return settings_with(athlete, SettingSource::defaulted);
}

PhysiologyResult analyze_physiology(const terrain::Course& course, const AthleteProfile& profile,
                                    const LegLoadContext& leg_context) {
    return analyze_physiology(CourseSteps(course), profile, leg_context);
}

PhysiologyResult analyze_physiology(const CourseSteps& steps, const AthleteProfile& profile,
                                    const LegLoadContext& leg_context) {
    const terrain::Course& course = steps.course();
    PhysiologyResult r;
    r.athlete = resolve_athlete_settings(profile, steps);
    r.gap = grade_adjusted_pace(steps, r.athlete.gap_model);
    if (!r.gap) r.notes.emplace_back("no elevation: no grade-adjusted pace and no muscle load");
    r.energy = energy_expenditure(steps, r.athlete.mass_kg.value);
    if (r.energy && r.energy->level_assumed) r.notes.emplace_back("no elevation: energy costed as level ground");
    heart_rate_load(steps, r);
    r.pace = pace_load(steps, r);
    if (r.pace && !r.pace->grade_adjusted) r.notes.emplace_back("no elevation: pace-TSS from plain pace");
    if (!r.athlete.threshold_speed_m_s) {
        r.notes.emplace_back("no threshold pace given and none estimable (no heart rate, under 30 min): no pace-TSS");
    }
    r.muscle_load = muscle_load(steps);
    if (r.muscle_load) {
        LegLoadContext context = leg_context;
        if (!context.ascent_m) context.ascent_m = course.ascent_m;
        if (!context.descent_m) context.descent_m = course.descent_m;
        r.leg_load = summarize_leg_load(*r.muscle_load, context);
    }
    return r;
}

}  // namespace hillcoach::physiology
