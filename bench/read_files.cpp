// read_files: reads files and folders through io::read_paths, the code path of `hillcoach info`, and prints
// what it read and how fast: files, activities, points, bytes, wall time, MB/s, points/s, peak RSS.
//
// usage: read_files [--threads N] [--distance] PATH...
//   --threads N   worker threads (default 1)
//   --distance    also compute each activity's WGS84 path length, as `info` does (its cost shown apart)
//
// MB are 10^6 bytes of input as stored (compressed bytes for .gz), like ../shared/bench/PEERS.md.

#include <malloc.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/terrain/geodesy.hpp"

namespace {

struct Totals {
    std::size_t inputs = 0;
    std::size_t failed = 0;
    std::size_t activities = 0;
    std::size_t points = 0;
    std::uint64_t bytes = 0;
    double distance_m = 0.0;
    double distance_seconds = 0.0;
};

double peak_rss_mib() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

}  // namespace

int main(int argc, char** argv) {
    // As `hillcoach` main does (src/app/cli/main.cpp): keep freed memory in the process between files.
    mallopt(M_MMAP_THRESHOLD, 512 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);

    hillcoach::io::ReadOptions options;
    bool distance = false;
    std::vector<std::filesystem::path> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--threads" && i + 1 < argc) {
            options.threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        } else if (arg == "--distance") {
            distance = true;
        } else {
            paths.emplace_back(arg);
        }
    }
    if (paths.empty()) {
        std::fprintf(stderr, "usage: read_files [--threads N] [--distance] PATH...\n");
        return 2;
    }

    Totals t;
    const auto start = std::chrono::steady_clock::now();
    hillcoach::io::read_paths(paths, options, [&](hillcoach::io::ReadOutcome&& outcome) {
        ++t.inputs;
        if (outcome.error) {
            ++t.failed;
            std::fprintf(stderr, "%s\n", outcome.error->message().c_str());
            return;
        }
        std::error_code ec;
        if (outcome.source.entry.empty()) t.bytes += std::filesystem::file_size(outcome.source.file, ec);
        for (const auto& activity : outcome.activities) {
            ++t.activities;
            t.points += activity.samples.size();
            if (distance) {
                const auto d0 = std::chrono::steady_clock::now();
                const double d = hillcoach::terrain::path_length_m(activity.samples);
                t.distance_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - d0).count();
                if (d == d) t.distance_m += d;
            }
        }
    });
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::printf("%s\n", fmt::format("files={} failed={} activities={} points={} bytes={} threads={}", t.inputs,
                                    t.failed, t.activities, t.points, t.bytes, options.threads)
                            .c_str());
    std::printf("%s\n", fmt::format("wall_s={:.3f} MB/s={:.1f} points/s={:.0f} peak_rss_MiB={:.1f}", wall,
                                    static_cast<double>(t.bytes) / 1e6 / wall,
                                    static_cast<double>(t.points) / wall, peak_rss_mib())
                            .c_str());
    if (distance) {
        std::printf("%s\n", fmt::format("distance_m={:.1f} distance_s={:.3f} (on the calling thread)", t.distance_m,
                                        t.distance_seconds)
                                .c_str());
    }
    return t.failed == 0 ? 0 : 1;
}
