// Every FIT file of the corpus (MANIFEST.tsv, the .fit.gz too, decompressed here with libarchive) against
// what the files themselves say (oracles-fit.tsv, decoded by Garmin's SDK and a second decoder): refusals
// where the manifest says the file is no activity, record counts and per-field record counts, each session's
// totals to the field's resolution, and the file CRC verdict. Prints one line per file.
#include <archive.h>
#include <archive_entry.h>

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "corpus/corpus_tables.hpp"
#include "hillcoach/core/time.hpp"
#include "hillcoach/io/fit/fit_decoder.hpp"
#include "hillcoach/io/fit/fit_reader.hpp"
#include "support/test_data.hpp"

namespace hillcoach::io::fit {
namespace {

// Record fields counted straight from the messages, as the oracle counts them.
class RecordCounter final : public MessageSink {
  public:
    void on_message(const Message& m) override {
        hr_messages += m.global() == k_hr_message;
        if (m.global() != mesg::record) return;
        ++records;
        altitude += m.raw(record::altitude.number).has_value();
        enhanced_altitude += m.raw(record::enhanced_altitude.number).has_value();
        distance += m.raw(record::distance.number).has_value();
        heart_rate += m.raw(record::heart_rate.number).has_value();
        position +=
            m.raw(record::position_lat.number).has_value() && m.raw(record::position_long.number).has_value();
        const auto csd = m.bytes(record::compressed_speed_distance.number);
        compressed += csd.size() == 3 && !(csd[0] == 0xFF && csd[1] == 0xFF && csd[2] == 0xFF);
    }
    std::size_t records = 0, altitude = 0, enhanced_altitude = 0, distance = 0, heart_rate = 0, position = 0,
                compressed = 0;
    // FIT message "hr" (132): heart rate stored by a chest strap (HRM-Tri, HRM-Pro) and sent after the
    // activity. Garmin's SDK merges it into the records' heart_rate, and so does hillcoach
    // (fit_heart_beats.hpp), so the oracle's count is that of our samples, not of the record messages.
    static constexpr std::uint16_t k_hr_message = 132;
    std::size_t hr_messages = 0;
};

// Mean of a channel with each sample weighted by the time to the next one.
double time_weighted_mean(const std::vector<double>& time_s, const std::vector<double>& value) {
    double sum = 0.0, weight = 0.0;
    for (std::size_t i = 0; i + 1 < time_s.size(); ++i) {
        const double dt = time_s[i + 1] - time_s[i];
        if (std::isnan(value[i]) || !(dt > 0.0)) continue;
        sum += value[i] * dt;
        weight += dt;
    }
    return weight > 0.0 ? sum / weight : std::numeric_limits<double>::quiet_NaN();
}

std::string gunzip(const std::string& bytes) {
    archive* a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_format_raw(a);
    std::string out;
    archive_entry* entry = nullptr;
    if (archive_read_open_memory(a, bytes.data(), bytes.size()) == ARCHIVE_OK &&
        archive_read_next_header(a, &entry) == ARCHIVE_OK) {
        char buffer[65536];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0)
            out.append(buffer, static_cast<std::size_t>(n));
    }
    archive_read_free(a);
    return out;
}

// "wahoo_fitness" and the SDK's "wahooFitness" are the same name.
std::string normalized(std::string s) {
    std::string out;
    for (char c : s) {
        if (c != '_') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

bool numeric(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(),
                                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

void expect_total(const std::optional<double>& ours, const test::TsvRow& row, const std::string& column,
                  double resolution, const std::string& where) {
    const auto expected = test::tsv_number(row, column);
    if (!expected) {
        EXPECT_FALSE(ours.has_value()) << where << " " << column << ": the file has none, we read " << *ours;
        return;
    }
    ASSERT_TRUE(ours.has_value()) << where << " " << column << " missing, expected " << *expected;
    EXPECT_NEAR(*ours, *expected, resolution / 2) << where << " " << column;
}

std::size_t finite_count(const std::vector<double>& v) {
    return static_cast<std::size_t>(
        std::count_if(v.begin(), v.end(), [](double x) { return std::isfinite(x); }));
}

TEST(FitCorpus, EveryFitFileReadsAsItsOraclesSay) {
    HILLCOACH_REQUIRE_CORPUS(root);
    std::map<std::string, std::vector<test::TsvRow>> oracle;
    for (auto& row : test::read_tsv(root / "oracles-fit.tsv"))
        oracle[test::tsv_text(row, "path")].push_back(row);
    std::size_t files = 0;
    std::printf("%-66s %7s %7s %5s %4s  %s\n", "file", "records", "oracle", "acts", "crc",
                "warnings / error");
    for (const auto& m : test::read_tsv(root / "MANIFEST.tsv")) {
        const std::string path = test::tsv_text(m, "path");
        const std::string format = test::tsv_text(m, "format");
        if (format != "fit" && format != "fit.gz") continue;
        ++files;
        SCOPED_TRACE(path);
        std::string bytes = test::read_bytes(root / path);
        if (format == "fit.gz") bytes = gunzip(bytes);
        core::Location source;
        source.file = path;
        const auto result = read_fit(bytes, source);
        const auto& rows = oracle[path];
        ASSERT_FALSE(rows.empty()) << "no oracle row";
        const test::TsvRow& first = rows.front();

        if (path.ends_with("MonitoringFile.fit")) {
            EXPECT_ERROR(result, core::ErrorCode::fit_not_activity, "monitoring_b file");
            std::printf("%-66s %7s %7s %5s %4s  %s\n", path.c_str(), "-", "-", "-", "-",
                        result.error().message().c_str());
            continue;
        }
        if (path.ends_with("empty-sessions.fit")) {
            EXPECT_ERROR(result, core::ErrorCode::empty_file, "byte 0: error: the file is empty");
            std::printf("%-66s %7s %7s %5s %4s  %s\n", path.c_str(), "-", "-", "-", "-", "empty_file");
            continue;
        }
        ASSERT_TRUE(result.has_value()) << result.error().message();
        const auto& activities = *result;
        RecordCounter counter;
        const auto decoded = decode(bytes, counter, source);
        ASSERT_TRUE(decoded.has_value());

        std::size_t samples = 0, elevation = 0, position = 0, heart_rate = 0, distance = 0;
        std::string warnings;
        for (const auto& a : activities) {
            samples += a.samples.size();
            elevation += finite_count(a.samples.elevation_m);
            position += finite_count(a.samples.latitude_deg);
            heart_rate += finite_count(a.samples.heart_rate_bpm);
            distance += finite_count(a.samples.distance_m);
        }
        for (const auto& w : activities.front().warnings)
            warnings += std::string(core::error_code_id(w.code)) + " ";

        bool crc_ok = true, crc_warned = false;
        for (const auto& f : decoded->files) crc_ok = crc_ok && f.file_crc_ok.value_or(false);
        for (const auto& a : activities) {
            for (const auto& w : a.warnings)
                crc_warned = crc_warned || w.code == core::ErrorCode::fit_file_crc;
        }
        const auto oracle_records =
            static_cast<std::size_t>(test::tsv_number(first, "n_records").value_or(0));
        std::printf("%-66s %7zu %7zu %5zu %4s  %s\n", path.c_str(), samples, oracle_records,
                    activities.size(), crc_ok ? "ok" : "BAD", warnings.c_str());

        EXPECT_EQ(crc_ok, test::tsv_text(first, "crc_ok") == "True");
        bool any_crc_mismatch = false;
        for (const auto& f : decoded->files) any_crc_mismatch = any_crc_mismatch || f.file_crc_ok == false;
        EXPECT_EQ(crc_warned, any_crc_mismatch);

        if (path.ends_with("empty-activities.fit")) {
            // Strict decoders stop at byte 14 (oracle: 0 records); we read the data an unfinalised header
            // hides.
            EXPECT_GT(samples, 2000U);
            EXPECT_NE(warnings.find("fit_bad_header"), std::string::npos);
            continue;
        }
        // One sample per record message, and channels exactly where the records carry them.
        EXPECT_EQ(samples, oracle_records);
        EXPECT_EQ(counter.records, oracle_records);
        EXPECT_EQ(counter.altitude, test::tsv_number(first, "rec_with_altitude").value_or(-1));
        EXPECT_EQ(counter.enhanced_altitude,
                  test::tsv_number(first, "rec_with_enhanced_altitude").value_or(-1));
        EXPECT_EQ(counter.distance, test::tsv_number(first, "rec_with_distance").value_or(-1));
        EXPECT_EQ(counter.compressed,
                  test::tsv_number(first, "rec_with_compressed_speed_distance").value_or(-1));
        const double oracle_hr = test::tsv_number(first, "rec_with_hr").value_or(-1);
        if (counter.hr_messages == 0) {
            EXPECT_EQ(counter.heart_rate, oracle_hr);
            EXPECT_EQ(heart_rate, counter.heart_rate);
        } else {
            // The FR920XT triathlon: the swim's heart rate is only in hr messages (three chained files of
            // them), which the oracle merged into the records as we merge them into the samples.
            EXPECT_LT(counter.heart_rate, oracle_hr);
            EXPECT_EQ(heart_rate, oracle_hr);
        }
        EXPECT_EQ(counter.position, test::tsv_number(first, "rec_with_position").value_or(-1));
        EXPECT_EQ(position, counter.position);
        EXPECT_EQ(distance, counter.distance + counter.compressed);
        EXPECT_LE(elevation, counter.altitude + counter.enhanced_altitude);
        EXPECT_GE(elevation, std::max(counter.altitude, counter.enhanced_altitude));

        // Device and session fields, one activity per session row (a file without a session: one activity).
        const std::string manufacturer = test::tsv_text(first, "manufacturer");
        const std::string product = test::tsv_text(first, "product");
        for (const auto& a : activities) {
            EXPECT_EQ(normalized(a.metadata.manufacturer), normalized(manufacturer));
            if (!numeric(product)) {
                EXPECT_EQ(normalized(a.metadata.product), normalized(product));
            }
        }
        if (test::tsv_text(first, "session_index").empty()) {
            EXPECT_EQ(activities.size(), 1U);
            continue;
        }
        ASSERT_EQ(activities.size(), rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            const core::Activity& a = activities[i];
            const std::string where = path + " session " + std::to_string(i);
            EXPECT_EQ(normalized(a.metadata.sport_raw), normalized(test::tsv_text(row, "sport"))) << where;
            const std::string sub_sport = test::tsv_text(row, "sub_sport");
            // fitmini.py (the oracle where the SDK cannot read records) leaves sub_sport 0 (generic) empty.
            const bool fitmini = test::tsv_text(row, "decoder").starts_with("fitmini");
            if (!(fitmini && sub_sport.empty() && a.metadata.sub_sport == "generic")) {
                EXPECT_EQ(normalized(a.metadata.sub_sport), normalized(sub_sport)) << where;
            }
            const std::string start = test::tsv_text(row, "start_time_utc");
            ASSERT_TRUE(a.device.start_time_s.has_value() || start.empty()) << where;
            if (!start.empty()) {
                EXPECT_EQ(core::format_iso8601_utc(*a.device.start_time_s), start) << where;
            }
            expect_total(a.device.distance_m, row, "total_distance_m", 0.01, where);
            expect_total(a.device.ascent_m, row, "total_ascent_m", 1, where);
            expect_total(a.device.descent_m, row, "total_descent_m", 1, where);
            expect_total(a.device.timer_s, row, "total_timer_time_s", 0.001, where);
            expect_total(a.device.elapsed_s, row, "total_elapsed_time_s", 0.001, where);
            expect_total(a.device.avg_heart_rate_bpm, row, "avg_hr", 1, where);
            if (counter.hr_messages > 0 && a.device.avg_heart_rate_bpm) {
                // Heart rate merged from hr messages lands at the right times: each leg's mean heart rate
                // (every sample weighted by the time to the next) is the watch's own average for the leg.
                const double mean = time_weighted_mean(a.samples.time_s, a.samples.heart_rate_bpm);
                std::printf("  %s: mean merged heart rate %.1f, session avg_hr %.0f\n", where.c_str(), mean,
                            *a.device.avg_heart_rate_bpm);
                EXPECT_NEAR(mean, *a.device.avg_heart_rate_bpm, 1.0) << where;
            }
            expect_total(a.device.max_heart_rate_bpm, row, "max_hr", 1, where);
            expect_total(a.device.calories_kcal, row, "total_calories", 1, where);
        }
    }
    EXPECT_EQ(files, 48U) << "the corpus README lists 47 FIT files and one .fit.gz";
}

}  // namespace
}  // namespace hillcoach::io::fit
