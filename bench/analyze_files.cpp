// analyze_files: reads files and folders through io::read_paths, as read_files does, and analyses every
// activity on the reading threads as `hillcoach analyze` does (analysis::analyze: course, segments, grade
// histogram, climbs, descents, repeats, session type and physiology), then prints what it read and what each
// stage cost.
//
// usage: analyze_files [--threads N] [--read-only | --stages] PATH...
//   --threads N   worker threads (default 1)
//   --read-only   read and count, analyse nothing (the same process and code path without the analysis)
//   --stages      call the analysis's steps one by one and split its CPU time between them (for the
//                 breakdown; the wall time is that of the plain run)
//
// It reports the whole wall time (the figure bench/run.sh times with GNU time) and the CPU seconds the
// analysis took (freeing its result included), summed over the threads, measured with each thread's CPU
// clock; the rest of the process's CPU time is reported as reading, with the analysis as a share of it. With --stages: the course
// build (terrain::build_course), the segments, the grade histogram, climbs with descents and repeats, the
// session type, and physiology.

#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "hillcoach/analysis/analyze.hpp"
#include "hillcoach/analysis/classify.hpp"
#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/physiology/muscle_load.hpp"
#include "hillcoach/physiology/physiology_summary.hpp"
#include "hillcoach/terrain/course_builder.hpp"

namespace {

double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// User + system CPU seconds of the whole process so far.
double process_cpu_s() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peak_rss_mib() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

// Stage CPU time in nanoseconds, added from every reading thread.
struct StageClock {
    std::atomic<long long> analysis_ns{0};
    std::atomic<long long> course_ns{0};
    std::atomic<long long> segments_ns{0};
    std::atomic<long long> histogram_ns{0};
    std::atomic<long long> hills_ns{0};
    std::atomic<long long> classify_ns{0};
    std::atomic<long long> physiology_ns{0};
    std::atomic<long long> climbs{0};
    std::atomic<long long> repeat_groups{0};

    static long long ns(double seconds) { return static_cast<long long>(seconds * 1e9); }
};

void analyze_once(const hillcoach::core::Activity& activity, StageClock& clock) {
    const double t0 = thread_cpu_s();
    {
        const hillcoach::analysis::ActivityAnalysis a = hillcoach::analysis::analyze(activity);
        clock.climbs += static_cast<long long>(a.climbs.size());
        clock.repeat_groups += static_cast<long long>(a.repeats.size());
    }  // the analysis is freed inside the timed span: freeing is part of its cost
    clock.analysis_ns += StageClock::ns(thread_cpu_s() - t0);
}

// The steps analysis::analyze_course takes, called one by one and each timed (the same calls in the same
// order; the summary and the copies into ActivityAnalysis are left out).
void analyze_stages(const hillcoach::core::Activity& activity, StageClock& clock) {
    namespace terrain = hillcoach::terrain;
    const double t0 = thread_cpu_s();
    const terrain::Course c = terrain::build_course(activity);
    const double t1 = thread_cpu_s();
    const auto segments = terrain::find_segments(c, terrain::segment_options_for(c.elevation_source));
    const double t2 = thread_cpu_s();
    const auto histogram = terrain::grade_histogram(c);
    const double t3 = thread_cpu_s();
    const terrain::HillOptions hill_options = terrain::hill_options_for(c.elevation_source);
    auto climbs =
        terrain::hill_candidates(c, segments, terrain::HillDirection::up, activity.samples, hill_options);
    const auto repeats =
        terrain::find_course_repeats(c, segments, activity.samples, hill_options, terrain::RepeatOptions{});
    std::erase_if(climbs, [&](const terrain::Hill& h) { return !terrain::qualifies(h, hill_options); });
    const auto descents = terrain::find_descents(c, segments, activity.samples, hill_options);
    const double t4 = thread_cpu_s();
    const auto session = hillcoach::analysis::classify_session({.sport = activity.metadata.sport,
                                                                .course = &c,
                                                                .grade_histogram = &histogram,
                                                                .climbs = &climbs,
                                                                .descents = &descents,
                                                                .repeats = &repeats});
    const double t5 = thread_cpu_s();
    const hillcoach::physiology::CourseSteps steps(c);  // as analysis::analyze_course does
    const auto physiology = hillcoach::physiology::analyze_physiology(
        steps, hillcoach::physiology::AthleteProfile{},
        {.climb_count = climbs.size(), .ascent_m = c.ascent_m, .descent_m = c.descent_m});
    if (physiology.muscle_load) (void)hillcoach::physiology::muscle_load_by_stretch(steps, segments);
    const double t6 = thread_cpu_s();
    clock.analysis_ns += StageClock::ns(t6 - t0);
    clock.course_ns += StageClock::ns(t1 - t0);
    clock.segments_ns += StageClock::ns(t2 - t1);
    clock.histogram_ns += StageClock::ns(t3 - t2);
    clock.hills_ns += StageClock::ns(t4 - t3);
    clock.classify_ns += StageClock::ns(t5 - t4);
    clock.physiology_ns += StageClock::ns(t6 - t5);
    clock.climbs += static_cast<long long>(climbs.size());
    clock.repeat_groups += static_cast<long long>(repeats.size());
    (void)session;
}

}  // namespace

int main(int argc, char** argv) {
    // As `hillcoach` main does (src/app/cli/main.cpp): keep freed memory in the process between files.
    mallopt(M_MMAP_THRESHOLD, 512 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);

    hillcoach::io::ReadOptions options;
    bool read_only = false;
    bool stages = false;
    std::vector<std::filesystem::path> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--threads" && i + 1 < argc) {
            options.threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        } else if (arg == "--read-only") {
            read_only = true;
        } else if (arg == "--stages") {
            stages = true;
        } else {
            paths.emplace_back(arg);
        }
    }
    if (paths.empty()) {
        std::fprintf(stderr, "usage: analyze_files [--threads N] [--read-only | --stages] PATH...\n");
        return 2;
    }

    StageClock clock;
    std::atomic<long long> points{0};
    std::size_t inputs = 0;
    std::size_t failed = 0;
    std::size_t activities = 0;
    const auto worker = [&](hillcoach::io::ReadOutcome& outcome) {
        for (const auto& activity : outcome.activities) {
            points += static_cast<long long>(activity.samples.size());
            if (read_only) continue;
            if (stages) {
                analyze_stages(activity, clock);
            } else {
                analyze_once(activity, clock);
            }
        }
    };
    const auto start = std::chrono::steady_clock::now();
    hillcoach::io::read_paths(
        paths, options,
        [&](hillcoach::io::ReadOutcome&& outcome) {
            ++inputs;
            if (outcome.error) {
                ++failed;
                std::fprintf(stderr, "%s\n", outcome.error->message().c_str());
            }
            activities += outcome.activities.size();
        },
        worker);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::printf("%s\n",
                fmt::format("files={} failed={} activities={} points={} threads={} analysed={}", inputs,
                            failed, activities, points.load(), options.threads, read_only ? "no" : "yes")
                    .c_str());
    std::printf("%s\n", fmt::format("wall_s={:.3f} points/s={:.0f} peak_rss_MiB={:.1f}", wall,
                                    static_cast<double>(points.load()) / wall, peak_rss_mib())
                            .c_str());
    const auto seconds = [](const std::atomic<long long>& ns) {
        return static_cast<double>(ns.load()) * 1e-9;
    };
    if (!read_only) {
        std::printf("%s\n",
                    fmt::format("analysis_cpu_s={:.3f} climbs={} repeat_groups={}",
                                seconds(clock.analysis_ns), clock.climbs.load(), clock.repeat_groups.load())
                        .c_str());
        // The rest of the process's CPU is reading (and start-up): both shares come from the same run, file
        // by file, so the machine's ups and downs, which move whole-process times by 10-20 % on a shared
        // VM, touch both alike. The whole-process comparison with read_files stays the primary figure.
        const double reading = process_cpu_s() - seconds(clock.analysis_ns);
        std::printf("%s\n", fmt::format("reading_cpu_s={:.3f} analysis_on_top_of_reading={:.1f}%", reading,
                                         100.0 * seconds(clock.analysis_ns) / reading)
                               .c_str());
    }
    if (stages) {
        std::printf("%s\n", fmt::format("stage_cpu_s course={:.3f} segments={:.3f} histogram={:.3f} "
                                        "climbs_descents_repeats={:.3f} classify={:.3f} physiology={:.3f}",
                                        seconds(clock.course_ns), seconds(clock.segments_ns),
                                        seconds(clock.histogram_ns), seconds(clock.hills_ns),
                                        seconds(clock.classify_ns), seconds(clock.physiology_ns))
                                .c_str());
    }
    return failed == 0 ? 0 : 1;
}
