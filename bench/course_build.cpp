// course_build: reads files through io::read_paths (the code path of `hillcoach info`) and builds each
// activity's terrain::Course (distance, moving time, elevation source, cleaning, smoothing, ascent, grade:
// the terrain half of `hillcoach analyze`), timing the course build apart from reading. With --truth it
// compares total ascent and distance with the benchmark workload's truth.tsv
// (../shared/bench/make_workload.py).
//
// usage: course_build [--threads N] [--no-course] [--truth FILE] PATH...
//   --threads N    reading threads (default 1); courses are built on the thread that read the file
//   --no-course    read only (the same process otherwise, for a whole-process comparison)
//   --truth FILE   truth.tsv: print ascent errors per file group (all, GPS-noise runs, barometric runs)
//
// Prints files, points, wall seconds, and the CPU seconds spent inside build_course (thread CPU time, summed
// over threads) with its cost per point. bench/RESULTS.md quotes its output.

#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/terrain/course_builder.hpp"

namespace {

double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct CourseResult {
    double ascent_m = 0.0;
    double distance_m = 0.0;
    bool barometric = false;
    double cpu_s = 0.0;
};

struct Truth {
    double ascent_m = 0.0;
    double distance_m = 0.0;
    bool barometric = false;
    std::string style;
};

// truth.tsv by file name (runs/123.gpx -> 123); the same truth serves 123.gpx, 123.fit and 123.gpx.gz.
std::map<std::string, Truth> read_truth(const std::filesystem::path& path) {
    std::map<std::string, Truth> out;
    std::ifstream in(path);
    std::string line;
    std::getline(
        in, line);  // header: file style barometric points bytes true_distance_m true_ascent_m true_descent_m
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::vector<std::string> f;
        for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
        if (f.size() < 8) continue;
        const std::string stem = std::filesystem::path(f[0]).filename().string();
        out[stem.substr(0, stem.find('.'))] = Truth{.ascent_m = std::stod(f[6]),
                                                    .distance_m = std::stod(f[5]),
                                                    .barometric = f[2] == "1",
                                                    .style = f[1]};
    }
    return out;
}

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

void print_accuracy(const std::map<std::string, Truth>& truth,
                    const std::vector<std::pair<std::string, CourseResult>>& results) {
    std::vector<double> all, gps, baro, distance;
    std::map<std::string, std::vector<double>> by_group;
    double ours = 0.0, true_total = 0.0;
    std::size_t detected = 0, compared = 0;
    for (const auto& [stem, r] : results) {
        const auto t = truth.find(stem);
        if (t == truth.end()) continue;
        ++compared;
        const double e = (r.ascent_m - t->second.ascent_m) / t->second.ascent_m;
        all.push_back(std::abs(e));
        (t->second.barometric ? baro : gps).push_back(std::abs(e));
        by_group[(t->second.barometric ? "barometric " : "GPS noise  ") + t->second.style].push_back(e);
        distance.push_back(r.distance_m / t->second.distance_m - 1.0);
        ours += r.ascent_m;
        true_total += t->second.ascent_m;
        detected += r.barometric == t->second.barometric;
    }
    std::printf("%s\n",
                fmt::format("compared={} source_detected_as_labelled={}", compared, detected).c_str());
    std::printf(
        "%s\n",
        fmt::format("ascent median_abs_error: all={:.2f}% gps_noise={:.2f}% (n={}) barometric={:.2f}% (n={})",
                    100 * median(all), 100 * median(gps), gps.size(), 100 * median(baro), baro.size())
            .c_str());
    std::printf("%s\n", fmt::format("ascent total: ours={:.0f} m truth={:.0f} m ratio={:.3f}", ours,
                                    true_total, ours / true_total)
                            .c_str());
    std::printf("%s\n", fmt::format("distance median error={:+.2f}%", 100 * median(distance)).c_str());
    for (const auto& [group, errors] : by_group) {
        std::printf("%s\n", fmt::format("  {:<20} n={:<4} median signed ascent error={:+.1f}%", group,
                                        errors.size(), 100 * median(errors))
                                .c_str());
    }
}

}  // namespace

int main(int argc, char** argv) {
    // As `hillcoach` main does: keep freed memory in the process between files (PEERS.md, glibc malloc).
    mallopt(M_MMAP_THRESHOLD, 512 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);

    hillcoach::io::ReadOptions options;
    bool course = true;
    std::filesystem::path truth_path;
    std::vector<std::filesystem::path> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--threads" && i + 1 < argc) {
            options.threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        } else if (arg == "--no-course") {
            course = false;
        } else if (arg == "--truth" && i + 1 < argc) {
            truth_path = argv[++i];
        } else {
            paths.emplace_back(arg);
        }
    }
    if (paths.empty()) {
        std::fprintf(stderr, "usage: course_build [--threads N] [--no-course] [--truth FILE] PATH...\n");
        return 2;
    }

    std::size_t files = 0, failed = 0, activities = 0, points = 0;
    double course_cpu_s = 0.0;
    std::vector<std::pair<std::string, CourseResult>> results;
    const auto start = std::chrono::steady_clock::now();
    const auto worker = [&](hillcoach::io::ReadOutcome& outcome) {
        if (!course || outcome.error || outcome.activities.empty()) return;
        CourseResult r;
        const double t0 = thread_cpu_s();
        for (const auto& activity : outcome.activities) {
            const hillcoach::terrain::Course c = hillcoach::terrain::build_course(activity);
            r.ascent_m += c.ascent_m.value_or(0.0);
            r.distance_m += c.distance_m_total;
            r.barometric = c.elevation_source == hillcoach::core::ElevationSource::barometric;
        }
        r.cpu_s = thread_cpu_s() - t0;
        outcome.attachment = r;
    };
    hillcoach::io::read_paths(
        paths, options,
        [&](hillcoach::io::ReadOutcome&& outcome) {
            ++files;
            if (outcome.error) {
                ++failed;
                std::fprintf(stderr, "%s\n", outcome.error->message().c_str());
                return;
            }
            activities += outcome.activities.size();
            for (const auto& a : outcome.activities) points += a.samples.size();
            if (const auto* r = std::any_cast<CourseResult>(&outcome.attachment)) {
                course_cpu_s += r->cpu_s;
                const std::string stem = std::filesystem::path(outcome.source.file).filename().string();
                results.emplace_back(stem.substr(0, stem.find('.')), *r);
            }
        },
        worker);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::printf("%s\n", fmt::format("files={} failed={} activities={} points={} threads={} course={}", files,
                                    failed, activities, points, options.threads, course ? "yes" : "no")
                            .c_str());
    std::printf("%s\n",
                fmt::format("wall_s={:.3f} course_cpu_s={:.3f} course_ns_per_point={:.0f}", wall,
                            course_cpu_s, points ? 1e9 * course_cpu_s / static_cast<double>(points) : 0.0)
                    .c_str());
    if (!truth_path.empty() && course) print_accuracy(read_truth(truth_path), results);
    return failed == 0 ? 0 : 1;
}
