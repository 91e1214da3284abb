#include "app/cli/physiology_text.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include <fmt/format.h>

namespace hillcoach::app {
namespace {

namespace phys = hillcoach::physiology;

std::string pace_text(double s_per_km) {
    const long total = std::lround(s_per_km);
    return fmt::format("{}:{:02}/km", total / 60, total % 60);
}

std::string duration_text(double seconds) {
    const long total = std::lround(seconds);
    if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
    return fmt::format("{}:{:02}", total / 60, total % 60);
}

// Word-wraps `text` to `width` columns, every line after the first indented by `indent` spaces.
std::string wrapped(const std::string& text, std::size_t indent, std::size_t width = 80) {
    const std::size_t lead = std::min(text.find_first_not_of(' '), text.size());
    std::string out = text.substr(0, lead);
    std::size_t column = lead;
    bool line_start = true;
    std::size_t start = lead;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        if (!line_start && column + 1 + word.size() > width) {
            out += '\n' + std::string(indent, ' ');
            column = indent;
            line_start = true;
        }
        if (!line_start) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        line_start = false;
    }
    return out;
}

std::string optional_number(const std::optional<double>& v, const char* format_text) {
    return v ? fmt::format(fmt::runtime(format_text), *v) : std::string("-");
}

void print_effort(std::ostream& out, const phys::PhysiologyResult& r) {
    out << "Effort\n";
    if (r.gap) {
        out << fmt::format("  GAP          {} ({} model), {:.2f} km flat-equivalent\n", pace_text(r.gap->gap_s_per_km),
                           phys::to_string(r.gap->model), r.gap->flat_equivalent_distance_m / 1000.0);
    } else {
        out << "  GAP          - (no elevation)\n";
    }
    if (r.energy) {
        out << fmt::format("  Energy       {:.0f} kcal net ({:.0f} kJ, Minetti; ACSM {:.0f} kcal){}\n", r.energy->kcal,
                           r.energy->net_energy_j / 1000.0, r.energy->acsm_kcal,
                           r.energy->level_assumed ? ", level assumed" : "");
    }
    const std::string pace_tss =
        r.pace ? fmt::format("{:.0f} (IF {:.2f})", r.pace->pace_tss, r.pace->intensity_factor) : std::string("-");
    out << fmt::format("  Load         TRIMP {}   hrTSS {}   pace-TSS {}\n", optional_number(r.trimp, "{:.0f}"),
                       optional_number(r.hr_tss, "{:.0f}"), pace_tss);
    if (r.time_in_zones_s) {
        std::string zones;
        for (std::size_t z = 0; z < r.time_in_zones_s->size(); ++z) {
            zones += fmt::format("Z{} {}  ", z + 1, duration_text((*r.time_in_zones_s)[z]));
        }
        out << fmt::format("  Zones        {}({})\n", zones, phys::to_string(r.zones.model));
    }
}

void print_muscles(std::ostream& out, const phys::PhysiologyResult& r) {
    if (!r.muscle_load) return;
    const phys::MuscleLoad& m = *r.muscle_load;
    out << "\nMuscle load (100 = what a flat 10 km at 5:33/km asks of that muscle)\n";
    out << fmt::format("  {:<12} {:>10} {:>10}   {:>12} {:>12}\n", "", "concentric", "eccentric", "uphill conc.",
                       "downhill ecc.");
    for (phys::MuscleGroup g : phys::k_muscle_groups) {
        const std::string_view name = phys::label(g);
        out << fmt::format("  {:<12} {:>10.0f} {:>10.0f}   {:>12.0f} {:>12.0f}\n", name, m.total.concentric_of(g),
                           m.total.eccentric_of(g), m.uphill.concentric_of(g), m.downhill.eccentric_of(g));
    }
    if (r.leg_load) out << wrapped("  " + r.leg_load->text + ".", 2) << '\n';
}

void print_settings(std::ostream& out, const phys::PhysiologyResult& r) {
    const phys::AthleteSettings& a = r.athlete;
    std::vector<std::string> lines;
    const auto add = [&](const char* name, const phys::Setting& s, const std::string& value) {
        if (s.source != phys::SettingSource::given) {
            lines.push_back(wrapped(fmt::format("  {} {}, {}: {}", name, value, phys::to_string(s.source), s.how), 4));
        }
    };
    add("mass", a.mass_kg, fmt::format("{:.0f} kg", a.mass_kg.value));
    add("max HR", a.max_hr_bpm, fmt::format("{:.0f}", a.max_hr_bpm.value));
    add("rest HR", a.rest_hr_bpm, fmt::format("{:.0f}", a.rest_hr_bpm.value));
    add("threshold HR", a.threshold_hr_bpm, fmt::format("{:.0f}", a.threshold_hr_bpm.value));
    if (a.threshold_speed_m_s) {
        add("threshold pace", *a.threshold_speed_m_s, pace_text(1000.0 / a.threshold_speed_m_s->value));
    }
    if (a.sex_source != phys::SettingSource::given) {
        lines.push_back(wrapped("  sex unknown, defaulted: TRIMP uses the mean of the men's and women's weightings", 4));
    }
    if (lines.empty() && r.notes.empty()) return;
    out << "\nAthlete settings not given (set them with --profile or flags for better numbers)\n";
    for (const std::string& line : lines) out << line << '\n';
    for (const std::string& note : r.notes) out << wrapped("  note: " + note, 4) << '\n';
}

}  // namespace

void print_physiology(std::ostream& out, const phys::PhysiologyResult& result) {
    print_effort(out, result);
    print_muscles(out, result);
    print_settings(out, result);
}

std::string physiology_text(const phys::PhysiologyResult& result) {
    std::ostringstream out;
    print_physiology(out, result);
    return out.str();
}

}  // namespace hillcoach::app
