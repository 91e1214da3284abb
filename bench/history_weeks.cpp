// `hillcoach weeks` over ten years of history: builds (once) a store of synthetic digests, 10 years x 300 runs
// (about 3,000 activities with climbs, loads and descents, like a runner's real history), then times what the
// command does: open the store, read every digest, compute the daily load series and the weeks.
//
//   history_weeks [--activities N] [--runs R] DB
//
// Prints the number of activities and weeks, and the median and minimum of R runs (after one warm-up) of each
// step and of the whole, in milliseconds.

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "hillcoach/store/store.hpp"
#include "hillcoach/training/weeks.hpp"

namespace {

using hillcoach::training::ActivityDigest;
using Clock = std::chrono::steady_clock;

constexpr double k_day_s = 86400.0;
constexpr double k_start_s = 1483344000.0;  // 2017-01-02 08:00 UTC, a Monday

ActivityDigest synthetic_run(std::mt19937& rng, int index, double start_s) {
    std::uniform_real_distribution<double> km(5.0, 22.0), climb(0.0, 40.0), jitter(-0.0004, 0.0004);
    std::uniform_int_distribution<int> hill(0, 59), kind(0, 9);
    ActivityDigest d;
    d.name = fmt::format("Run {}", index);
    d.start_time_s = start_s;
    d.sport = hillcoach::core::Sport::running;
    const double distance_km = km(rng);
    const double ascent = climb(rng) * distance_km;
    const int k = kind(rng);
    d.session_type = k == 0 ? hillcoach::analysis::SessionType::hill_repeats : hillcoach::analysis::SessionType::hilly_run;
    d.hill_focus = k == 0 ? hillcoach::training::HillFocus::hill_repeats : hillcoach::training::HillFocus::none;
    d.distance_m = distance_km * 1000.0;
    d.moving_s = distance_km * 330.0;
    d.elapsed_s = distance_km * 345.0;
    d.ascent_m = ascent;
    d.descent_m = ascent;
    d.flat_equivalent_distance_m = d.distance_m + 7.0 * ascent;
    d.stress = distance_km * 7.5 + ascent * 0.05;
    d.stress_source = hillcoach::training::StressSource::hr_tss;
    d.hr_tss = d.stress;
    d.uphill_concentric_load = ascent * 0.109;
    d.downhill_eccentric_load = ascent * 0.125;
    hillcoach::physiology::MuscleProfile m;
    m.concentric.fill(distance_km * 10.0);
    m.eccentric.fill(distance_km * 10.0);
    d.muscle_load = m;
    d.longest_descent = hillcoach::training::DescentDigest{
        .drop_m = ascent / 3.0, .length_m = ascent * 4.0, .avg_grade = -0.08, .time_s = ascent * 1.5};
    for (int c = 0; c < 3; ++c) {
        const int h = hill(rng);
        const double lat = 46.0 + 0.01 * (h / 8), lon = 7.0 + 0.01 * (h % 8);
        d.climbs.push_back({.start_position = hillcoach::terrain::GeoPoint{lat + jitter(rng), lon + jitter(rng)},
                            .top_position = hillcoach::terrain::GeoPoint{lat + 0.008 + jitter(rng), lon + jitter(rng)},
                            .start_m = 1000.0 * (c + 1),
                            .length_m = 900.0,
                            .gain_m = 70.0,
                            .avg_grade = 0.078,
                            .max_grade = 0.11,
                            .time_s = 380.0,
                            .best_time_s = 380.0,
                            .vam_m_h = 663.0,
                            .avg_heart_rate_bpm = 158.0,
                            .reps = 1,
                            .back_to_back = false});
    }
    return d;
}

bool build_store(const std::filesystem::path& db, int activities) {
    auto store = hillcoach::store::Store::open(db);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message().c_str());
        return false;
    }
    std::mt19937 rng(2017);
    const double span_s = 10.0 * 365.25 * k_day_s;
    std::vector<hillcoach::store::ImportRecord> batch;
    for (int i = 0; i < activities; ++i) {
        const double t = k_start_s + span_s * i / activities;
        hillcoach::store::ImportRecord r;
        r.digest = synthetic_run(rng, i, t);
        r.source = {.content_hash = fmt::format("{:032x}", i + 1),
                    .file_index = 0,
                    .path = fmt::format("synthetic/{}.fit", i),
                    .format = "fit",
                    .external_id = {},
                    .imported_at_s = t};
        batch.push_back(std::move(r));
        if (batch.size() == 500 || i + 1 == activities) {
            auto added = store->add(batch);
            if (!added) {
                std::fprintf(stderr, "%s\n", added.error().message().c_str());
                return false;
            }
            batch.clear();
        }
    }
    return true;
}

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Stat {
    std::vector<double> ms;
    double median() {
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    }
    double min() const { return *std::min_element(ms.begin(), ms.end()); }
};

}  // namespace

int main(int argc, char** argv) {
    int activities = 3000, runs = 20;
    std::filesystem::path db;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if ((a == "--activities" || a == "--runs") && i + 1 < argc) {
            const std::string_view v = argv[++i];
            int& target = a == "--activities" ? activities : runs;
            std::from_chars(v.data(), v.data() + v.size(), target);
        } else {
            db = a;
        }
    }
    if (db.empty() || activities < 1 || runs < 1) {
        std::fprintf(stderr, "usage: history_weeks [--activities N] [--runs R] DB\n");
        return 2;
    }
    if (!std::filesystem::exists(db)) {
        const auto t0 = Clock::now();
        if (!build_store(db, activities)) return 1;
        std::printf("built %s: %d activities in %.0f ms\n", db.c_str(), activities, ms_since(t0));
    }
    const auto calendar = hillcoach::training::Calendar::make("Europe/Zurich");
    if (!calendar) return 1;
    Stat open_ms, read_ms, weeks_ms, total_ms;
    std::size_t n_digests = 0, n_weeks = 0;
    for (int r = 0; r <= runs; ++r) {
        const auto t0 = Clock::now();
        auto store = hillcoach::store::Store::open(db);
        if (!store) return 1;
        const double t_open = ms_since(t0);
        const auto t1 = Clock::now();
        auto digests = store->digests();
        if (!digests) {
            std::fprintf(stderr, "%s\n", digests.error().message().c_str());
            return 1;
        }
        const double t_read = ms_since(t1);
        const auto t2 = Clock::now();
        const auto rows = hillcoach::training::weeks(*digests, *calendar);
        const double t_weeks = ms_since(t2);
        const double t_total = ms_since(t0);
        n_digests = digests->size();
        n_weeks = rows.size();
        if (r == 0) continue;  // warm-up
        open_ms.ms.push_back(t_open);
        read_ms.ms.push_back(t_read);
        weeks_ms.ms.push_back(t_weeks);
        total_ms.ms.push_back(t_total);
    }
    std::printf("%zu activities, %zu weeks, %d runs\n", n_digests, n_weeks, runs);
    std::printf("open store      median %7.2f ms  min %7.2f ms\n", open_ms.median(), open_ms.min());
    std::printf("read digests    median %7.2f ms  min %7.2f ms\n", read_ms.median(), read_ms.min());
    std::printf("weeks + load    median %7.2f ms  min %7.2f ms\n", weeks_ms.median(), weeks_ms.min());
    std::printf("total           median %7.2f ms  min %7.2f ms\n", total_ms.median(), total_ms.min());
    return 0;
}
