#include "app/cli/plan_text.hpp"

#include <cmath>

#include <fmt/format.h>

#include "app/cli/text_wrap.hpp"
#include "hillcoach/plan/session_text.hpp"

namespace hillcoach::app {
namespace {

namespace chr = std::chrono;
using plan::exercise_text;
using plan::minutes_text;
using plan::Session;
using plan::SessionKind;
using plan::steps_text;

constexpr std::size_t k_width = 80;

std::string weekday_short(plan::Date d) {
    static constexpr const char* k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return k_days[chr::weekday{d}.c_encoding()];
}

std::string week_title(const plan::Plan& p, std::size_t index) {
    const plan::Week& w = p.weeks[index];
    const plan::WeekTotals t = plan::totals(w);
    return fmt::format("Week {} of {}, {}: {}{}", index + 1, p.weeks.size(), plan::format_date(w.start),
                       plan::to_string(w.phase), w.deload ? " (deload)" : "") +
           fmt::format("  [{}, +{:.0f} m, load {:.0f}]", minutes_text(t.duration_s), t.ascent_m, t.load);
}

std::string header(const plan::Plan& p) {
    const plan::Runner& r = p.runner;
    std::string goal = fmt::format("{} plan for a {} runner, {} weeks from {}", plan::to_string(r.goal),
                                   plan::to_string(r.level), p.weeks.size(), plan::format_date(r.start));
    if (r.race_date) {
        goal += fmt::format(" to the race on {} ({:.1f} km", plan::format_date(*r.race_date),
                            r.race_distance_m / 1000.0);
        goal += r.race_ascent_m > 0.0 ? fmt::format(", +{:.0f} m)", r.race_ascent_m) : std::string(")");
    }
    return goal;
}

std::string start_text(const plan::StartingPoint& s) {
    return fmt::format("{}: {} a week, +{:.0f} m, long run {}, threshold pace {}:{:02} /km", s.source,
                       minutes_text(s.weekly_duration_s), s.weekly_ascent_m, minutes_text(s.long_run_s),
                       static_cast<int>(1000.0 / s.threshold_speed_m_s) / 60,
                       static_cast<int>(std::lround(1000.0 / s.threshold_speed_m_s)) % 60);
}

}  // namespace

std::string plan_text(const plan::Plan& p, bool color) {
    std::string out;
    const auto bold = [color](const std::string& t) { return color ? "\x1b[1m" + t + "\x1b[0m" : t; };
    const auto line = [&out](std::string_view label, const std::string& value, std::size_t indent) {
        const std::string head = fmt::format("{:{}}{}", "", indent, label);
        out += head + wrap_text(value, k_width - head.size(), head.size()) + '\n';
    };
    out += bold(wrap_text(header(p), k_width, 0)) + '\n';
    line("start    ", start_text(p.start), 0);
    for (const std::string& d : p.runner.defaults) line("assumed  ", d, 0);
    for (const std::string& n : p.notes) line("note     ", n, 0);
    for (std::size_t w = 0; w < p.weeks.size(); ++w) {
        const plan::Week& week = p.weeks[w];
        out += '\n' + bold(week_title(p, w)) + '\n';
        line("  ", week.focus, 0);
        for (const Session& s : week.sessions) {
            const std::string day =
                fmt::format("  {} {}  ", weekday_short(s.date), plan::format_date(s.date).substr(5));
            std::string title = s.title;
            if (s.hard) title += " (hard)";
            if (!s.status.empty()) title += " [" + s.status + "]";
            const std::string numbers = plan::session_numbers_text(s);
            const std::size_t room = k_width - day.size();
            if (numbers.empty()) {
                out += day + title + '\n';  // a rest day: nothing to align, no trailing blanks
            } else if (title.size() + numbers.size() + 2 <= room) {
                out += day + title + std::string(room - title.size() - numbers.size(), ' ') + numbers + '\n';
            } else {
                out += day + title + '\n' + std::string(day.size(), ' ') + numbers + '\n';
            }
            if (s.kind == SessionKind::rest) continue;
            const std::size_t indent = day.size();
            if (!s.steps.empty()) line("", steps_text(s), indent);
            for (const plan::Exercise& e : s.exercises) line("", e.name + ": " + exercise_text(e), indent);
            if (!s.where.empty()) line("where: ", s.where, indent);
            if (!s.why.empty()) line("why: ", s.why, indent);
        }
    }
    return out;
}

std::string plan_markdown(const plan::Plan& p) {
    std::string out = fmt::format("# {}\n\n", header(p));
    out += fmt::format("- **Starting point:** {}\n", start_text(p.start));
    for (const std::string& d : p.runner.defaults) out += fmt::format("- **Assumed:** {}\n", d);
    for (const std::string& n : p.notes) out += fmt::format("- **Note:** {}\n", n);
    for (std::size_t w = 0; w < p.weeks.size(); ++w) {
        const plan::Week& week = p.weeks[w];
        out += fmt::format("\n## {}\n\n{}\n\n", week_title(p, w), week.focus);
        out += "| Day | Session | Time, distance, climb |\n| --- | --- | --- |\n";
        for (const Session& s : week.sessions) {
            out += fmt::format("| {} {} | {}{} | {} |\n", weekday_short(s.date), plan::format_date(s.date),
                               s.title, s.hard ? " (hard)" : "", plan::session_numbers_text(s));
        }
        for (const Session& s : week.sessions) {
            if (s.kind == SessionKind::rest) continue;
            out +=
                fmt::format("\n### {} {}: {}\n\n", weekday_short(s.date), plan::format_date(s.date), s.title);
            if (!s.steps.empty()) out += fmt::format("- **Steps:** {}\n", steps_text(s));
            for (const plan::Exercise& e : s.exercises) {
                out +=
                    fmt::format("- **{}:** {}; progression: {}\n", e.name, exercise_text(e), e.progression);
            }
            if (!s.where.empty()) out += fmt::format("- **Where:** {}\n", s.where);
            if (!s.why.empty()) out += fmt::format("- **Why:** {}\n", s.why);
        }
    }
    return out;
}

}  // namespace hillcoach::app
