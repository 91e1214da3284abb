// Distance along the positions (WGS84 geodesic, terrain::path_length_m) against the device's own total, for
// every running activity in the corpus that has positions:
//   FIT   the session's total_distance_m (oracles-fit.tsv, one row per session)
//   TCX   the sum of the activity's laps' DistanceMeters (oracles-tcx.tsv)
//   GPX   no totals of its own: the session total of its FIT twin (corpus README, "Same activity")
// The issue's target: within 2 % for at least 90 % of them. The raw geodesic sum is used on purpose (no
// smoothing): this test shows what reading and geodesy alone give; the terrain module's jitter filter is
// measured by its own tests.
//
// The comparison needs a device total that describes the samples the file holds. Where the file also has the
// device's own cumulative distance channel, that channel's last value must be within 2 % of the total; where
// it is not, the file contradicts itself (a reader that stopped early, laps that cover only part of the track)
// and the pair is printed but left out of the share. This judges the reference, never our result: it does not
// look at the distance from positions.
//
// Every comparable activity outside 2 % must be listed in explained() with the reason; the test fails on an
// unexplained one and on an explained one that has come inside 2 % (so the list cannot go stale).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <gtest/gtest.h>

#include "corpus/corpus_tables.hpp"
#include "hillcoach/io/read.hpp"
#include "hillcoach/terrain/geodesy.hpp"
#include "support/test_data.hpp"

namespace hillcoach::test {
namespace {

constexpr double k_tolerance = 0.02;
constexpr double k_required_share = 0.90;

// Activities outside 2 %, by "path#index", each with why the device total and the track disagree.
const std::map<std::string, std::string>& explained() {
    static const std::map<std::string, std::string> reasons{
        {"public/python-fitparse/garmin-fenix-5-run.fit#0",
         "a 1-minute, 157 m run of 21 points: 3 m of GPS position error is already 2 %"},
        {"public/sports-lib/garmin.fit#0",
         "28.5 km mountain run with +2295 m at 1 Hz: at hiking pace on steep ground the GPS zig-zag is a larger "
         "share of each 1 s step, and the raw sum runs 2.1 % long (the terrain module's jitter filter targets this)"},
        {"public/sports-lib/unknown_example.tcx#0",
         "Suunto export whose laps 0-2, 4, 6, 9, 12-16, 18, 20-22 have distance but no trackpoint, so the "
         "positions miss whole laps (5037 m of the laps' 5729 m)"},
    };
    return reasons;
}

struct Comparison {
    std::string key;       // path#activity index
    double track_m = 0.0;  // from positions
    double device_m = 0.0;
    std::optional<double> channel_span_m;  // how far the file's own distance channel runs (last - first), if any
    double relative() const { return (track_m - device_m) / device_m; }
    // False when the file's distance channel ends more than 2 % away from its total (see the top).
    bool comparable() const { return !channel_span_m || std::abs(*channel_span_m - device_m) <= k_tolerance * device_m; }
};

struct Track {
    double length_m = 0.0;
    std::optional<double> channel_span_m;
};

std::optional<Track> read_track(const std::filesystem::path& file, std::size_t index) {
    const auto read = io::read_file(file);
    if (!read || read->size() <= index) return std::nullopt;
    const auto& samples = (*read)[index].samples;
    const double length = terrain::path_length_m(samples);
    if (!std::isfinite(length)) return std::nullopt;
    Track track{.length_m = length, .channel_span_m = std::nullopt};
    const auto& d = samples.distance_m;
    // The channel's span, not its last value: a multisport file counts on from the previous session.
    const auto first = std::find_if(d.begin(), d.end(), [](double v) { return std::isfinite(v); });
    const auto last = std::find_if(d.rbegin(), d.rend(), [](double v) { return std::isfinite(v); });
    if (first != d.end()) track.channel_span_m = *last - *first;
    return track;
}

void add_fit(const std::filesystem::path& root, std::vector<Comparison>& out) {
    for (const auto& row : read_tsv(root / "oracles-fit.tsv")) {
        const auto device = tsv_number(row, "total_distance_m");
        const auto with_position = tsv_number(row, "rec_with_position");
        const auto session = tsv_number(row, "session_index");
        if (tsv_text(row, "sport") != "running" || !device || *device <= 0.0 || !session) continue;
        if (!with_position || *with_position == 0.0) continue;
        const std::string path = tsv_text(row, "path");
        const auto index = static_cast<std::size_t>(*session);
        const auto track = read_track(root / path, index);
        ASSERT_TRUE(track.has_value()) << path << " session " << index << " should have positions";
        out.push_back({path + "#" + std::to_string(index), track->length_m, *device, track->channel_span_m});
    }
}

void add_tcx(const std::filesystem::path& root, std::vector<Comparison>& out) {
    std::map<std::pair<std::string, std::size_t>, double> laps_m;
    for (const auto& row : read_tsv(root / "oracles-tcx.tsv")) {
        const auto lap = tsv_number(row, "lap_index");  // nullopt on the computed SUM rows
        const auto distance = tsv_number(row, "distance_m");
        const auto activity = tsv_number(row, "activity_index");
        if (!lap || !distance || !activity || tsv_text(row, "sport") != "Running") continue;
        laps_m[{tsv_text(row, "path"), static_cast<std::size_t>(*activity)}] += *distance;
    }
    for (const auto& [at, device] : laps_m) {
        const auto track = read_track(root / at.first, at.second);
        if (!track || device <= 0.0) continue;  // the treadmill export has no positions
        out.push_back({at.first + "#" + std::to_string(at.second), track->length_m, device, track->channel_span_m});
    }
}

void add_gpx_twins(const std::filesystem::path& root, std::vector<Comparison>& out) {
    // The running GPX files that have a FIT twin (corpus README): the same recording exported by Garmin Connect.
    const std::vector<std::pair<std::string, std::string>> twins{
        {"public/sports-lib/6782987395.gpx", "public/sports-lib/6782987395.fit"},
        {"public/sports-lib/2067489619.gpx", "public/sports-lib/2067489619.fit"},
    };
    const auto fit_rows = read_tsv(root / "oracles-fit.tsv");
    for (const auto& [gpx, fit] : twins) {
        const auto row = std::find_if(fit_rows.begin(), fit_rows.end(),
                                      [&](const TsvRow& r) { return tsv_text(r, "path") == fit; });
        ASSERT_NE(row, fit_rows.end()) << fit;
        const auto track = read_track(root / gpx, 0);
        ASSERT_TRUE(track.has_value()) << gpx;
        out.push_back({gpx + "#0", track->length_m, *tsv_number(*row, "total_distance_m"), track->channel_span_m});
    }
}

TEST(CorpusDistanceTest, PositionsAgreeWithTheDeviceTotalForRunning) {
    HILLCOACH_REQUIRE_CORPUS(root);
    std::vector<Comparison> all;
    add_fit(root, all);
    add_tcx(root, all);
    add_gpx_twins(root, all);
    ASSERT_GE(all.size(), 30U);
    std::sort(all.begin(), all.end(),
              [](const Comparison& a, const Comparison& b) { return a.relative() < b.relative(); });

    std::size_t within = 0;
    std::size_t compared = 0;
    std::printf("%-66s %10s %10s %8s\n", "running activity", "track m", "device m", "diff");
    for (const auto& c : all) {
        const bool inside = std::abs(c.relative()) <= k_tolerance;
        std::printf("%-66s %10.1f %10.1f %+7.2f%%%s\n", c.key.c_str(), c.track_m, c.device_m, 100.0 * c.relative(),
                    !c.comparable() ? "  not comparable: see below" : inside ? "" : "  outside");
        if (!c.comparable()) {
            std::printf("%66s the file's own distance channel spans %.1f m\n", "", *c.channel_span_m);
            continue;
        }
        ++compared;
        within += inside ? 1 : 0;
        const auto reason = explained().find(c.key);
        if (inside) {
            EXPECT_EQ(reason, explained().end()) << c.key << " is now within 2 %: remove it from explained()";
        } else {
            EXPECT_NE(reason, explained().end()) << c.key << " is outside 2 % with no explained reason";
        }
    }
    const double share = static_cast<double>(within) / static_cast<double>(compared);
    std::printf("within 2 %%: %zu of %zu comparable (%.1f %%); %zu of all %zu (%.1f %%)\n", within, compared,
                100.0 * share, within, all.size(), 100.0 * static_cast<double>(within) / static_cast<double>(all.size()));
    EXPECT_GE(share, k_required_share);
}

}  // namespace
}  // namespace hillcoach::test
