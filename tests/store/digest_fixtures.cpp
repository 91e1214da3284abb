#include "digest_fixtures.hpp"

#include <random>

#include "hillcoach/analysis/analyze.hpp"
#include "support/course_builder.hpp"

namespace hillcoach::test {
namespace {

training::ActivityDigest analysed(std::string_view description, const CourseBuildOptions& options) {
    const BuiltCourse run = build_course(description, options);
    return training::make_digest(analysis::analyze(run.activity));
}

}  // namespace

std::vector<training::ActivityDigest> analysed_digests(double start_time_s) {
    std::vector<training::ActivityDigest> out;
    out.push_back(analysed("flat 1500 easy; repeat 6 { up 200 +16; down 200 -16 }; flat 1500 easy",
                           {.noise = Noise::barometric, .seed = 3, .runner = Runner::repeats,
                            .start_time_s = start_time_s}));
    out.push_back(analysed("flat 2000; up 1500 +120; down 1500 -120; flat 1000",
                           {.noise = Noise::gps, .seed = 5, .start_time_s = start_time_s + 86400.0}));
    out.push_back(analysed("flat 8000", {.noise = Noise::positions, .seed = 7,
                                         .start_time_s = start_time_s + 2 * 86400.0}));
    out.push_back(analysed("flat 500; up 600 +60; down 3000 -300; flat 500",
                           {.noise = Noise::none, .seed = 9, .start_time_s = start_time_s + 3 * 86400.0}));
    return out;
}

std::vector<training::ActivityDigest> corner_digests(std::uint64_t seed, std::size_t random_count) {
    std::vector<training::ActivityDigest> out;
    out.emplace_back();  // everything default: no start time, no optional member

    training::ActivityDigest full;
    full.name = "Côte de la Croix-Rousse, 6 × 200 m — \"hard\"; DROP TABLE activities;";
    full.start_time_s = 1776000000.125;
    full.utc_offset_s = -5 * 3600;
    full.sport = core::Sport::trail_running;
    full.session_type = analysis::SessionType::hill_repeats;
    full.hill_focus = training::HillFocus::hill_repeats;
    full.focus_reason = "6 reps of 200 m at 8.0 % on one hill";
    full.distance_m = 10234.567891234;
    full.moving_s = 3601.5;
    full.elapsed_s = 3900.25;
    full.ascent_m = 312.75;
    full.descent_m = 310.0;
    full.flat_equivalent_distance_m = 11890.1;
    full.avg_heart_rate_bpm = 151.3;
    full.stress = 88.8;
    full.stress_source = training::StressSource::hr_tss;
    full.trimp = 120.0;
    full.hr_tss = 88.8;
    full.pace_tss = 95.5;
    full.threshold_hr_bpm = 172.0;
    full.threshold_speed_m_s = 3.9;
    full.uphill_concentric_load = 68.5;
    full.downhill_eccentric_load = 141.25;
    full.muscle_load = physiology::MuscleProfile{};
    for (std::size_t g = 0; g < physiology::k_muscle_group_count; ++g) {
        full.muscle_load->concentric[g] = 10.0 * static_cast<double>(g) + 0.1;
        full.muscle_load->eccentric[g] = 5.0 * static_cast<double>(g) + 0.2;
    }
    full.longest_descent = training::DescentDigest{.drop_m = 95.0, .length_m = 1100.0, .avg_grade = -0.086, .time_s = 300.0};
    full.steepest_descent = training::DescentDigest{.drop_m = 30.0, .length_m = 200.0, .avg_grade = -0.15, .time_s = {}};
    full.warmup = training::WarmUpDigest{.first_climb_start_m = 1500.0, .moving_s = 540.0, .distance_m = 1500.0,
                                         .easy_s = 500.0, .easy_m = 1400.0, .avg_heart_rate_bpm = 131.0,
                                         .gap_speed_m_s = {}};
    full.flat_race_pace_s = 0.0;
    full.flat_race_pace_m = 0.0;
    full.climbs.push_back({.start_position = terrain::GeoPoint{45.77, 4.83}, .top_position = terrain::GeoPoint{45.775, 4.831},
                           .start_m = 1500.0, .length_m = 200.0, .gain_m = 16.0, .avg_grade = 0.08,
                           .max_grade = 0.11, .time_s = 61.0, .best_time_s = 58.5, .vam_m_h = 944.0,
                           .avg_heart_rate_bpm = 165.0, .reps = 6, .back_to_back = true});
    full.climbs.push_back({.start_position = {}, .top_position = {}, .start_m = 8000.0, .length_m = 900.0,
                           .gain_m = 45.0, .avg_grade = 0.05, .max_grade = 0.07});
    out.push_back(full);

    training::ActivityDigest untimed = full;  // a route with positions but no times
    untimed.start_time_s.reset();
    untimed.moving_s.reset();
    untimed.elapsed_s.reset();
    untimed.stress.reset();
    untimed.stress_source = training::StressSource::none;
    untimed.muscle_load.reset();
    untimed.warmup.reset();
    for (auto& c : untimed.climbs) c.time_s = c.best_time_s = c.vam_m_h = std::nullopt;
    out.push_back(untimed);

    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto maybe = [&](double value) { return unit(rng) < 0.5 ? std::optional(value) : std::nullopt; };
    for (std::size_t k = 0; k < random_count; ++k) {
        training::ActivityDigest d;
        d.name = "run " + std::to_string(k);
        d.start_time_s = 1.6e9 + 1e8 * unit(rng);
        d.utc_offset_s = unit(rng) < 0.5 ? std::optional(static_cast<int>(unit(rng) * 28) * 1800 - 12 * 3600) : std::nullopt;
        d.sport = static_cast<core::Sport>(static_cast<int>(unit(rng) * 9));
        d.session_type = static_cast<analysis::SessionType>(static_cast<int>(unit(rng) * 10));
        d.hill_focus = static_cast<training::HillFocus>(static_cast<int>(unit(rng) * 5));
        d.distance_m = 40000.0 * unit(rng);
        d.moving_s = maybe(20000.0 * unit(rng));
        d.elapsed_s = maybe(20000.0 * unit(rng));
        d.ascent_m = maybe(3000.0 * unit(rng));
        d.descent_m = maybe(3000.0 * unit(rng));
        d.stress = maybe(300.0 * unit(rng));
        d.stress_source = static_cast<training::StressSource>(static_cast<int>(unit(rng) * 3));
        d.downhill_eccentric_load = maybe(1e-300 * unit(rng));  // tiny numbers survive too
        d.uphill_concentric_load = maybe(1e300 * unit(rng));
        if (unit(rng) < 0.5) {
            d.muscle_load = physiology::MuscleProfile{};
            for (auto& v : d.muscle_load->concentric) v = 200.0 * unit(rng);
            for (auto& v : d.muscle_load->eccentric) v = 200.0 * unit(rng);
        }
        if (unit(rng) < 0.5) d.longest_descent = training::DescentDigest{.drop_m = unit(rng), .length_m = unit(rng), .avg_grade = -unit(rng), .time_s = maybe(unit(rng))};
        if (unit(rng) < 0.5) d.warmup = training::WarmUpDigest{.first_climb_start_m = unit(rng), .moving_s = unit(rng), .distance_m = unit(rng), .easy_s = unit(rng), .easy_m = unit(rng), .avg_heart_rate_bpm = maybe(unit(rng)), .gap_speed_m_s = maybe(unit(rng))};
        const auto climbs = static_cast<std::size_t>(unit(rng) * 12);
        for (std::size_t c = 0; c < climbs; ++c) {
            d.climbs.push_back({.start_position = unit(rng) < 0.5 ? std::optional(terrain::GeoPoint{180 * unit(rng) - 90, 360 * unit(rng) - 180}) : std::nullopt,
                                .top_position = unit(rng) < 0.5 ? std::optional(terrain::GeoPoint{unit(rng), unit(rng)}) : std::nullopt,
                                .start_m = 1000.0 * static_cast<double>(c), .length_m = 500.0 * unit(rng),
                                .gain_m = 50.0 * unit(rng), .avg_grade = unit(rng), .max_grade = unit(rng),
                                .time_s = maybe(unit(rng)), .best_time_s = maybe(unit(rng)), .vam_m_h = maybe(unit(rng)),
                                .avg_heart_rate_bpm = maybe(unit(rng)), .reps = 1 + static_cast<int>(unit(rng) * 8),
                                .back_to_back = unit(rng) < 0.5});
        }
        out.push_back(std::move(d));
    }
    return out;
}

store::ImportRecord record_of(const training::ActivityDigest& digest, int index) {
    store::ImportRecord r;
    r.digest = digest;
    r.session_reason = "reason " + std::to_string(index);
    r.source = {.content_hash = "hash-" + std::to_string(index),
                .file_index = 0,
                .path = "runs/" + std::to_string(index) + ".gpx",
                .format = "gpx",
                .external_id = "",
                .imported_at_s = 1.8e9 + index};
    return r;
}

}  // namespace hillcoach::test
