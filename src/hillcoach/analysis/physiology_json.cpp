#include "hillcoach/analysis/physiology_json.hpp"

#include <cmath>
#include <optional>

namespace hillcoach::analysis {
namespace {

using json = nlohmann::ordered_json;
namespace phys = hillcoach::physiology;

json number(double v, int decimals) {
    if (!std::isfinite(v)) return nullptr;
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

json number(const std::optional<double>& v, int decimals) {
    return v ? number(*v, decimals) : json(nullptr);
}

json setting_json(const phys::Setting& s, int decimals) {
    return {{"value", number(s.value, decimals)}, {"source", phys::to_string(s.source)}, {"how", s.how}};
}

json athlete_json(const phys::AthleteSettings& a) {
    json j = {{"mass_kg", setting_json(a.mass_kg, 1)},
              {"sex", {{"value", phys::to_string(a.sex)}, {"source", phys::to_string(a.sex_source)}}},
              {"age_years", number(a.age_years, 0)},
              {"max_hr_bpm", setting_json(a.max_hr_bpm, 1)},
              {"rest_hr_bpm", setting_json(a.rest_hr_bpm, 1)},
              {"threshold_hr_bpm", setting_json(a.threshold_hr_bpm, 1)},
              {"hr_zones",
               {{"value", phys::to_string(a.zone_model)}, {"source", phys::to_string(a.zone_model_source)}}},
              {"gap_model",
               {{"value", phys::to_string(a.gap_model)}, {"source", phys::to_string(a.gap_model_source)}}}};
    if (a.threshold_speed_m_s) {
        const phys::Setting& t = *a.threshold_speed_m_s;
        j["threshold_pace_s_per_km"] = {
            {"value", number(1000.0 / t.value, 1)}, {"source", phys::to_string(t.source)}, {"how", t.how}};
    } else {
        j["threshold_pace_s_per_km"] = nullptr;
    }
    return j;
}

json zones_json(const phys::HeartRateZones& z) {
    json zones = json::array();
    for (std::size_t k = 0; k < phys::k_zone_count; ++k) {
        zones.push_back(
            {{"zone", k + 1},
             {"from_bpm", k == 0 ? json(nullptr) : number(z.lower_bounds_bpm[k - 1], 1)},
             {"to_bpm", k + 1 == phys::k_zone_count ? json(nullptr) : number(z.lower_bounds_bpm[k], 1)}});
    }
    return {{"model", phys::to_string(z.model)}, {"zones", zones}};
}

}  // namespace

json muscle_profile_json(const phys::MuscleProfile& p) {
    json j = json::object();
    for (phys::MuscleGroup g : phys::k_muscle_groups) {
        j[std::string(phys::to_string(g))] = {{"concentric", number(p.concentric_of(g), 1)},
                                              {"eccentric", number(p.eccentric_of(g), 1)}};
    }
    return j;
}

json physiology_json(const phys::PhysiologyResult& r, const std::vector<phys::StretchLoad>& stretches) {
    json j;
    const auto& gap = r.gap;
    j["gap_s_per_km"] = gap ? number(gap->gap_s_per_km, 1) : json(nullptr);
    j["gap_speed_m_s"] = gap ? number(gap->gap_speed_m_s, 4) : json(nullptr);
    j["flat_equivalent_distance_m"] = gap ? number(gap->flat_equivalent_distance_m, 2) : json(nullptr);
    j["gap_model"] = phys::to_string(r.athlete.gap_model);
    j["energy_kj"] = r.energy ? number(r.energy->net_energy_j / 1000.0, 1) : json(nullptr);
    j["kcal"] = r.energy ? number(r.energy->kcal, 1) : json(nullptr);
    j["acsm_kcal"] = r.energy ? number(r.energy->acsm_kcal, 1) : json(nullptr);
    j["trimp"] = number(r.trimp, 2);
    j["hr_tss"] = number(r.hr_tss, 1);
    if (r.time_in_zones_s) {
        json t = json::array();
        for (double s : *r.time_in_zones_s) t.push_back(number(s, 3));
        j["time_in_zones_s"] = t;
    } else {
        j["time_in_zones_s"] = nullptr;
    }
    j["hr_zones"] = zones_json(r.zones);
    j["pace_tss"] = r.pace ? number(r.pace->pace_tss, 1) : json(nullptr);
    j["intensity_factor"] = r.pace ? number(r.pace->intensity_factor, 3) : json(nullptr);
    if (r.muscle_load) {
        const phys::MuscleLoad& m = *r.muscle_load;
        j["muscle_load"] = muscle_profile_json(m.total);
        j["muscle_load_bands"] = {{"uphill", muscle_profile_json(m.uphill)},
                                  {"downhill", muscle_profile_json(m.downhill)},
                                  {"flat", muscle_profile_json(m.flat)}};
    } else {
        j["muscle_load"] = nullptr;
        j["muscle_load_bands"] = nullptr;
    }
    json stretch_list = json::array();
    for (const phys::StretchLoad& s : stretches) {
        stretch_list.push_back({{"kind", terrain::to_string(s.kind)},
                                {"start_m", number(s.start_m, 2)},
                                {"end_m", number(s.end_m, 2)},
                                {"load", muscle_profile_json(s.load)}});
    }
    j["muscle_load_stretches"] = r.muscle_load ? stretch_list : json(nullptr);
    if (r.leg_load) {
        j["leg_load"] = r.leg_load->text;
        j["quadriceps_descent_load"] = {{"level", phys::to_string(r.leg_load->quadriceps_eccentric)},
                                        {"protocol_fraction", number(r.leg_load->protocol_fraction, 3)}};
    } else {
        j["leg_load"] = nullptr;
        j["quadriceps_descent_load"] = nullptr;
    }
    j["athlete"] = athlete_json(r.athlete);
    j["estimated_settings"] = r.estimated_settings();
    j["defaulted_settings"] = r.defaulted_settings();
    j["physiology_notes"] = r.notes;
    return j;
}

}  // namespace hillcoach::analysis
