#include "hillcoach/report/plan_calendar.hpp"

#include <array>
#include <chrono>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "hillcoach/plan/session_text.hpp"
#include "hillcoach/report/html_escape.hpp"
#include "hillcoach/report/html_page.hpp"

namespace hillcoach::report {
namespace {

namespace chr = std::chrono;

constexpr int k_days_per_week = 7;

std::string weekday_short(plan::Date d) {
    static constexpr std::array<const char*, 7> k_days = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return k_days[chr::weekday{d}.c_encoding()];
}

// "Mon 18 May": the cell's label; the ISO date is in its data-date for tools.
std::string day_label(plan::Date d) {
    static constexpr std::array<const char*, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const chr::year_month_day ymd{d};
    return fmt::format("{} {} {}", weekday_short(d), static_cast<unsigned>(ymd.day()),
                       k_months[static_cast<unsigned>(ymd.month()) - 1]);
}

// "52 min · 8.1 km · +240 m": the session's size in the page's units (strength: its time; rest: "").
std::string session_numbers(const plan::Session& s, const UnitFormat& units) {
    if (s.kind == plan::SessionKind::rest || s.duration_s <= 0.0) return {};
    std::string out = plan::minutes_text(s.duration_s);
    if (s.distance_m > 0.0) out += " · " + units.distance_text(s.distance_m);
    if (s.ascent_m >= 1.0) out += " · +" + units.elevation_text(s.ascent_m);
    if (s.descent_m >= 1.0) out += " · −" + units.elevation_text(s.descent_m);
    return out;
}

// The hill a session uses: the runner's own (from the climb library), or where to find one.
std::string hill_text(const plan::Session& s, const UnitFormat& units) {
    if (s.climb) {
        const plan::ClimbUse& c = *s.climb;
        std::string out =
            fmt::format("{}: {} at {}", c.name, units.elevation_text(c.length_m), percent_text(c.grade, 0));
        if (c.times_run > 0)
            out += fmt::format(", run {} time{} before", c.times_run, c.times_run == 1 ? "" : "s");
        return out;
    }
    return s.where;
}

std::string session_html(const plan::Session& s, const UnitFormat& units) {
    const std::string_view kind = plan::to_string(s.kind);
    std::string classes = "session kind-" + std::string(kind);
    if (s.focus_hill) classes += " hill";
    if (s.hard) classes += " hard";
    std::string out = fmt::format("<div class=\"{}\" data-kind=\"{}\"", classes, kind);
    // The reason on hover (a title) and, for a phone that has no hover, in the details below.
    if (!s.why.empty()) out += " title=\"" + html_escape(s.why) + "\"";
    out += "><strong class=\"title\">" + html_escape(s.title.empty() ? plan::info(s.kind).title : s.title) +
           "</strong>";
    if (s.hard) out += " <span class=\"badge hard\">hard</span>";
    if (!s.status.empty()) out += " <span class=\"badge status\">" + html_escape(s.status) + "</span>";
    if (const std::string numbers = session_numbers(s, units); !numbers.empty()) {
        out += "<div class=\"numbers\">" + html_escape(numbers) + "</div>";
    }
    if (const std::string hill = hill_text(s, units); !hill.empty()) {
        out += "<div class=\"where\">" + html_escape(hill) + "</div>";
    }
    std::string details;
    if (!s.why.empty()) details += "<p class=\"why\">" + html_escape(s.why) + "</p>";
    const auto length = [&units](double metres) { return units.distance_text(metres); };
    if (const std::string steps = plan::steps_text(s, length); !steps.empty()) {
        details += "<p class=\"steps\">" + html_escape(steps) + "</p>";
    }
    if (!s.exercises.empty()) {
        details += "<ul class=\"exercises\">";
        for (const plan::Exercise& e : s.exercises) {
            details += "<li>" + html_escape(e.name) + ": " + html_escape(plan::exercise_text(e)) + "</li>";
        }
        details += "</ul>";
    }
    if (!details.empty()) out += "<details><summary>why and how</summary>" + details + "</details>";
    return out + "</div>";
}

std::string week_heading(const plan::Plan& p, std::size_t index) {
    const plan::Week& w = p.weeks[index];
    std::string out = fmt::format(
        "<h3>Week {} of {} <span class=\"date\">{}</span> <span class=\"badge "
        "phase\">{}</span>",
        index + 1, p.weeks.size(), day_label(w.start), html_escape(plan::to_string(w.phase)));
    if (w.deload) out += " <span class=\"badge deload\">deload week</span>";
    return out + "</h3>";
}

std::string week_totals(const plan::Week& w, const UnitFormat& units) {
    const plan::WeekTotals t = plan::totals(w);
    std::string out = plan::minutes_text(t.duration_s) + " · " + units.distance_text(t.distance_m) + " · +" +
                      units.elevation_text(t.ascent_m) + fmt::format(" · load {:.0f}", t.load);
    if (t.focus_hill_sessions > 0) {
        out +=
            fmt::format(" · {} hill session{}", t.focus_hill_sessions, t.focus_hill_sessions == 1 ? "" : "s");
    }
    return out;
}

std::string week_html(const plan::Plan& p, std::size_t index, const UnitFormat& units) {
    const plan::Week& w = p.weeks[index];
    std::array<std::vector<const plan::Session*>, k_days_per_week> days;
    std::vector<const plan::Session*> elsewhere;  // dated outside the week (an adapted plan may move one)
    for (const plan::Session& s : w.sessions) {
        const auto offset = (s.date - w.start).count();
        if (offset >= 0 && offset < k_days_per_week) {
            days[static_cast<std::size_t>(offset)].push_back(&s);
        } else {
            elsewhere.push_back(&s);
        }
    }
    std::string out = fmt::format(
        "<div class=\"week phase-{0}{1}\" id=\"week-{2}\" data-start=\"{3}\" data-phase=\"{0}\" "
        "data-deload=\"{4}\">",
        plan::to_string(w.phase), w.deload ? " deload" : "", index + 1, plan::format_date(w.start),
        w.deload ? "true" : "false");
    out += week_heading(p, index);
    if (!w.focus.empty()) out += "<p class=\"focus\">" + html_escape(w.focus) + "</p>";
    out += "<p class=\"totals\">" + html_escape(week_totals(w, units)) + "</p>";
    out += "<div class=\"calendar\">";
    for (int d = 0; d < k_days_per_week; ++d) {
        const plan::Date date = w.start + chr::days{d};
        const auto& list = days[static_cast<std::size_t>(d)];
        bool rest = true;
        bool hill = false;
        for (const plan::Session* s : list) {
            rest = rest && s->kind == plan::SessionKind::rest;
            hill = hill || s->focus_hill;
        }
        out +=
            fmt::format("<div class=\"day{}{}\" data-date=\"{}\"><div class=\"date\">{}</div>",
                        rest ? " rest" : "", hill ? " hill" : "", plan::format_date(date), day_label(date));
        if (list.empty()) out += "<div class=\"session kind-rest\" data-kind=\"rest\">rest</div>";
        for (const plan::Session* s : list) out += session_html(*s, units);
        out += "</div>";
    }
    out += "</div>";
    for (const plan::Session* s : elsewhere) {
        out += fmt::format("<div class=\"day moved\" data-date=\"{}\"><div class=\"date\">{}</div>{}</div>",
                           plan::format_date(s->date), day_label(s->date), session_html(*s, units));
    }
    return out + "</div>";
}

std::vector<std::pair<std::string, std::string>> runner_rows(const plan::Plan& p, const UnitFormat& units) {
    const plan::Runner& r = p.runner;
    std::vector<std::pair<std::string, std::string>> rows = {
        {"goal", std::string(plan::to_string(r.goal))},
        {"level", std::string(plan::to_string(r.level))},
        {"weeks", fmt::format("{} from {}", p.weeks.size(), plan::format_date(r.start))},
        {"days a week", std::to_string(r.days_per_week)},
    };
    if (r.race_date) {
        std::string race = plan::format_date(*r.race_date) + ", " + units.distance_text(r.race_distance_m);
        if (r.race_ascent_m > 0.0) race += ", +" + units.elevation_text(r.race_ascent_m);
        rows.emplace_back("race", race);
    }
    const plan::StartingPoint& s = p.start;
    if (!s.source.empty()) {
        rows.emplace_back("starting point", s.source);
        rows.emplace_back("a week so far", plan::minutes_text(s.weekly_duration_s) + ", " +
                                               units.distance_text(s.weekly_distance_m) + ", +" +
                                               units.elevation_text(s.weekly_ascent_m));
    }
    for (const std::string& injury : r.injuries) rows.emplace_back("injury", injury);
    return rows;
}

// Consecutive weeks of one phase as one row: "hill_strength, weeks 5-9, from 2026-06-01, 1 deload".
std::vector<std::vector<std::string>> phase_rows(const plan::Plan& p) {
    std::vector<std::vector<std::string>> rows;
    std::size_t first = 0;
    while (first < p.weeks.size()) {
        std::size_t last = first;
        int deloads = p.weeks[first].deload ? 1 : 0;
        while (last + 1 < p.weeks.size() && p.weeks[last + 1].phase == p.weeks[first].phase) {
            deloads += p.weeks[++last].deload ? 1 : 0;
        }
        rows.push_back({std::string(plan::to_string(p.weeks[first].phase)),
                        first == last ? std::to_string(first + 1) : fmt::format("{}-{}", first + 1, last + 1),
                        plan::format_date(p.weeks[first].start), std::to_string(deloads)});
        first = last + 1;
    }
    return rows;
}

}  // namespace

std::string plan_calendar_title(const plan::Plan& p) {
    if (p.weeks.empty()) return fmt::format("{} plan", plan::to_string(p.runner.goal));
    return fmt::format("{} plan, {} to {}", plan::to_string(p.runner.goal),
                       plan::format_date(p.weeks.front().start),
                       plan::format_date(p.weeks.back().start + chr::days{k_days_per_week - 1}));
}

std::string plan_calendar(const plan::Plan& plan, const UnitFormat& units) {
    std::string out = "<div class=\"plan-calendar\">";
    for (std::size_t w = 0; w < plan.weeks.size(); ++w) out += week_html(plan, w, units);
    return out + "</div>";
}

std::string plan_calendar_html(const plan::Plan& plan, const PlanCalendarOptions& options) {
    HtmlPage page(options.title.empty() ? plan_calendar_title(plan) : options.title);
    std::string subtitle =
        fmt::format("{} runner, {} weeks", plan::to_string(plan.runner.level), plan.weeks.size());
    if (!options.source.empty()) subtitle += " · from " + options.source;
    page.subtitle(subtitle);
    page.section("Plan", key_value_table(runner_rows(plan, options.units)), "plan");
    page.section("Phases", data_table({"phase", "weeks", "from", "deload weeks"}, phase_rows(plan)),
                 "phases");
    page.section("Calendar", plan_calendar(plan, options.units), "calendar");
    std::string notes;
    for (const std::string& n : plan.notes) notes += "<li>" + html_escape(n) + "</li>";
    for (const std::string& d : plan.runner.defaults) notes += "<li>assumed: " + html_escape(d) + "</li>";
    if (!notes.empty()) page.section("Notes", "<ul>" + notes + "</ul>", "notes");
    return page.render();
}

}  // namespace hillcoach::report
