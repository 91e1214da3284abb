// Writes the numbered bad-input FIT fixtures of tests/data/io/bad (201-214) byte for byte, from hillcoach's
// own FIT encoder plus the damage each case needs. The test tools.fit_fixtures regenerates them into a
// temporary folder and compares, so every fixture can be remade and its making reviewed.
//
// usage: make_fit_fixtures OUTPUT_FOLDER
//
// Almost every case starts from one tiny activity: a file_id, 10 one-second records in Slovenia (46.0 N,
// 14.5 E, 0.0001 degrees north-east per second, 3 m per second, climbing 1 m per second, heart rate
// 120-129) and a session; 343 bytes.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "hillcoach/io/fit/fit_crc.hpp"
#include "hillcoach/io/fit/fit_encoder.hpp"
#include "hillcoach/io/fit/fit_header.hpp"
#include "hillcoach/io/fit/fit_profile.hpp"

namespace fit = hillcoach::io::fit;

namespace {

constexpr std::uint32_t k_start_fit_s = 1000000000;      // 2021-09-08T01:46:40Z
constexpr std::uint32_t k_device_relative_s = 17217864;  // below 0x10000000: seconds since a device reset
constexpr std::uint16_t k_garmin = 1;
constexpr std::uint16_t k_product = 3113;
constexpr std::size_t k_header_size = 14;
constexpr std::size_t k_crc_size = 2;

// Degrees to semicircles, truncated toward zero (as the first fixtures were made; a writer rounds).
std::int64_t semicircles(double degrees) {
    return static_cast<std::int64_t>(degrees / fit::k_degrees_per_semicircle);
}

std::string tiny_activity(std::uint32_t start) {
    fit::Encoder e;
    const fit::FieldValue id[] = {fit::field_raw(fit::file_id::type, fit::file_type::activity),
                                  fit::field_raw(fit::file_id::manufacturer, k_garmin),
                                  fit::field_raw(fit::file_id::product, k_product),
                                  fit::field_raw(fit::file_id::time_created, start)};
    e.add(fit::mesg::file_id, id);
    for (std::uint32_t i = 0; i < 10; ++i) {
        const double step = 0.0001 * i;
        const fit::FieldValue v[] = {fit::field_raw(fit::record::timestamp, start + i),
                                     fit::field_raw(fit::record::position_lat, semicircles(46.0 + step)),
                                     fit::field_raw(fit::record::position_long, semicircles(14.5 + step)),
                                     fit::field(fit::record::distance, 3.0 * i),
                                     fit::field(fit::record::enhanced_altitude, 300.0 + i),
                                     fit::field(fit::record::heart_rate, 120.0 + i)};
        e.add(fit::mesg::record, v);
    }
    const fit::FieldValue session[] = {fit::field_raw(fit::session::timestamp, start + 9),
                                       fit::field_raw(fit::session::start_time, start),
                                       fit::field_raw(fit::session::sport, 1),
                                       fit::field_raw(fit::session::sub_sport, 0),
                                       fit::field(fit::session::total_elapsed_time, 9.0),
                                       fit::field(fit::session::total_timer_time, 9.0),
                                       fit::field(fit::session::total_distance, 27.0),
                                       fit::field(fit::session::total_ascent, 9.0)};
    e.add(fit::mesg::session, session);
    return e.finish();
}

// A 14-byte header whose CRC field is 0 ("not computed", which the protocol allows).
std::string header_without_crc(std::uint32_t data_size) {
    std::string h;
    fit::append_header(h, 0x20, 2132, data_size);
    h[12] = '\0';
    h[13] = '\0';
    return h;
}

std::string with_file_crc(std::string bytes) {
    const std::uint16_t crc = fit::crc16(bytes);
    bytes.push_back(static_cast<char>(crc & 0xFF));
    bytes.push_back(static_cast<char>(crc >> 8));
    return bytes;
}

// Header without CRC + data + file CRC.
std::string file_from_data(std::string_view data) {
    return with_file_crc(header_without_crc(static_cast<std::uint32_t>(data.size())) + std::string(data));
}

struct Fixture {
    std::string name;
    std::string bytes;
};

std::vector<Fixture> fixtures() {
    const std::string base = tiny_activity(k_start_fit_s);
    const std::string data = base.substr(k_header_size, base.size() - k_header_size - k_crc_size);
    // The file_id, the record definition and 3 records: where 205 and 206 put their broken message.
    const std::string first_three = data.substr(0, 118);
    std::vector<Fixture> out;
    out.push_back({"201-empty.fit", ""});
    std::string s = base;
    s[9] = 'X';  // ".XIT"
    out.push_back({"202-bad-signature.fit", s});
    s = base;
    s[0] = 13;  // neither 12 nor 14
    out.push_back({"203-header-size-13.fit", s});
    out.push_back({"204-truncated-record.fit", base.substr(0, 283)});  // cut inside the 10th record
    // A data message for local type 9, never defined (8 bytes of content follow).
    out.push_back({"205-undefined-local-type.fit",
                   file_from_data(first_three + std::string("\x09", 1) + std::string(8, '\0'))});
    // A definition of record with architecture 7 (only 0 and 1 exist) and one field, heart_rate.
    out.push_back({"206-bad-architecture.fit",
                   file_from_data(first_three + std::string("\x45\x00\x07\x14\x00\x01\x03\x01\x02", 9))});
    s = base.substr(0, base.size() - k_crc_size);
    s[12] = static_cast<char>(s[12] ^ 0x5A);  // one byte of the header CRC changed, the file CRC made anew
    out.push_back({"207-header-crc.fit", with_file_crc(s)});
    s = base;
    s.back() = static_cast<char>(s.back() ^ 0x01);  // one bit of the file CRC changed
    out.push_back({"208-file-crc.fit", s});
    out.push_back({"209-chained-corrupt-second.fit", base + "\x0e garbage-not-a-header"});
    // A header never finalised (data size and CRC left 0, as a watch leaves it when the recording is cut
    // off) and no file CRC.
    out.push_back({"210-unfinalised-header.fit", header_without_crc(0) + data});
    {
        fit::Encoder e;
        const fit::FieldValue id[] = {fit::field_raw(fit::file_id::type, fit::file_type::settings),
                                      fit::field_raw(fit::file_id::manufacturer, k_garmin),
                                      fit::field_raw(fit::file_id::product, k_product),
                                      fit::field_raw(fit::file_id::time_created, k_start_fit_s)};
        e.add(fit::mesg::file_id, id);
        out.push_back({"211-not-activity-settings.fit", e.finish()});
    }
    out.push_back({"212-header-only.fit", header_without_crc(0)});
    out.push_back({"213-cut-in-header.fit", base.substr(0, 10)});
    out.push_back({"214-device-relative-times.fit", tiny_activity(k_device_relative_s)});
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_FOLDER\n", argv[0]);
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    for (const Fixture& f : fixtures()) {
        std::ofstream out(folder / f.name, std::ios::binary | std::ios::trunc);
        out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
        if (!out) {
            std::fprintf(stderr, "%s: cannot write %s\n", argv[0], (folder / f.name).c_str());
            return 1;
        }
    }
    return 0;
}
