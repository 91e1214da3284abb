// The plan calendar page, parsed back as XML: every session of a generated plan sits in the cell of its date
// with its kind, deload weeks and phases are marked, the page follows the report rules (no script, nothing
// from the network), and hostile text from the plan (a profile's injury, a hill's name) is escaped.

#include "hillcoach/report/plan_calendar.hpp"

#include <cctype>
#include <chrono>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "hillcoach/plan/planner.hpp"
#include "hillcoach/plan/session_text.hpp"
#include "svg_test_support.hpp"

namespace hillcoach::report {
namespace {

namespace chr = std::chrono;

// A 17-week hilly-race plan with strength days: long enough for every phase and for deload weeks.
plan::Plan sample_plan() {
    plan::PlanProfile p;
    p.level = plan::Level::regular;
    p.goal = plan::Goal::hilly_race;
    p.start = plan::Date{chr::year{2026} / chr::May / 4};
    p.race_date = plan::Date{chr::year{2026} / chr::August / 29};
    p.race_distance_m = 42000.0;
    p.race_ascent_m = 2400.0;
    p.days_per_week = 5;
    p.gym = true;
    return plan::make_plan(plan::PlanRequest{.runner = *plan::resolve(p, *p.start)});
}

// Whether `text` holds a number followed by one of `units` as a word ("150 m hard", "0.25 mi easy").
// Written out rather than with std::regex, which g++ 12 warns about under the sanitizer build.
bool has_length(std::string_view text, std::initializer_list<std::string_view> units) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') continue;
        for (const std::string_view unit : units) {
            const std::string_view rest = text.substr(i + 1);
            if (rest.substr(0, unit.size()) != unit) continue;
            const std::size_t after = i + 1 + unit.size();
            if (after == text.size() || !std::isalpha(static_cast<unsigned char>(text[after]))) return true;
        }
    }
    return false;
}

pugi::xml_node week_node(const pugi::xml_document& doc, std::size_t index) {
    const std::string id = "week-" + std::to_string(index + 1);
    return doc.select_node(("//div[@id='" + id + "']").c_str()).node();
}

TEST(PlanCalendar, EverySessionSitsOnItsDateWithItsKind) {
    const plan::Plan plan = sample_plan();
    ASSERT_GE(plan.weeks.size(), 10U);
    const std::string html = plan_calendar_html(plan);
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    std::size_t sessions = 0;
    for (std::size_t w = 0; w < plan.weeks.size(); ++w) {
        const plan::Week& week = plan.weeks[w];
        const pugi::xml_node node = week_node(doc, w);
        ASSERT_TRUE(node) << "week " << w + 1;
        EXPECT_EQ(std::string(node.attribute("data-start").value()), plan::format_date(week.start));
        // (date, kind) -> how many the plan has; the cells must hold exactly as many.
        std::map<std::pair<std::string, std::string>, int> want;
        for (const plan::Session& s : week.sessions) {
            ++want[{plan::format_date(s.date), std::string(plan::to_string(s.kind))}];
        }
        for (const auto& [key, count] : want) {
            const std::string xpath =
                ".//div[@data-date='" + key.first + "']/div[@data-kind='" + key.second + "']";
            EXPECT_EQ(node.select_nodes(xpath.c_str()).size(), static_cast<std::size_t>(count))
                << key.first << " " << key.second;
            sessions += static_cast<std::size_t>(count);
        }
        // Seven day cells, one per date from the week's start.
        EXPECT_EQ(node.select_nodes("./div[@class='calendar']/div[@data-date]").size(), 7U)
            << "week " << w + 1;
    }
    EXPECT_GT(sessions, plan.weeks.size() * 4);
    // The title of a session is its own, not only its kind's.
    const plan::Session& first = plan.weeks.front().sessions.front();
    EXPECT_NE(html.find(">" + first.title + "</strong>"), std::string::npos) << first.title;
}

TEST(PlanCalendar, DeloadWeeksAndPhasesAreMarked) {
    const plan::Plan plan = sample_plan();
    const std::string html = plan_calendar_html(plan);
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    int deloads = 0;
    std::set<std::string> phases;
    for (std::size_t w = 0; w < plan.weeks.size(); ++w) {
        const plan::Week& week = plan.weeks[w];
        const pugi::xml_node node = week_node(doc, w);
        const std::string classes = node.attribute("class").value();
        EXPECT_EQ(classes.find("deload") != std::string::npos, week.deload) << "week " << w + 1;
        EXPECT_EQ(std::string(node.attribute("data-deload").value()), week.deload ? "true" : "false");
        EXPECT_EQ(static_cast<bool>(node.select_node(".//span[@class='badge deload']")), week.deload);
        const std::string phase(plan::to_string(week.phase));
        EXPECT_EQ(std::string(node.attribute("data-phase").value()), phase);
        EXPECT_EQ(std::string(node.select_node(".//span[@class='badge phase']").node().child_value()), phase);
        deloads += week.deload ? 1 : 0;
        phases.insert(phase);
    }
    EXPECT_GE(deloads, 1);
    EXPECT_GE(phases.size(), 3U);
    // The phases table has a row per run of consecutive weeks of one phase, naming each phase.
    const pugi::xml_node table = doc.select_node("//section[@id='phases']//tbody").node();
    ASSERT_TRUE(table);
    std::set<std::string> listed;
    for (const pugi::xml_node row : table.children("tr")) listed.insert(row.first_child().child_value());
    EXPECT_EQ(listed, phases);
}

TEST(PlanCalendar, IsSelfContainedAndFollowsTheUnits) {
    const plan::Plan plan = sample_plan();
    const std::string metric = plan_calendar_html(plan);
    EXPECT_EQ(metric.find("<script"), std::string::npos);
    EXPECT_EQ(metric.find("://"), std::string::npos);
    EXPECT_NE(metric.find("name=\"viewport\""), std::string::npos);
    EXPECT_NE(metric.find(" km"), std::string::npos);
    const std::string imperial = plan_calendar_html(plan, {.units = UnitFormat(UnitSystem::imperial)});
    EXPECT_NE(imperial.find(" mi ·"), std::string::npos);
    EXPECT_EQ(imperial.find(" km ·"), std::string::npos);
    // The race is stated with its distance and climbing.
    EXPECT_NE(metric.find("2026-08-29, 42.00 km, +2400 m"), std::string::npos);
}

TEST(PlanCalendar, StepsFollowTheUnits) {
    // Hill repeats are given in metres ("150 m hard up 7 %"); under imperial the same step reads in feet,
    // like every other length on the page, and no step keeps a metric length.
    const plan::Plan plan = sample_plan();
    pugi::xml_document metric_doc;
    pugi::xml_document imperial_doc;
    ASSERT_TRUE(test::parses_as_xml(plan_calendar_html(plan), metric_doc));
    ASSERT_TRUE(test::parses_as_xml(plan_calendar_html(plan, {.units = UnitFormat(UnitSystem::imperial)}),
                                    imperial_doc));
    const auto metric_steps = metric_doc.select_nodes("//p[@class='steps']");
    const auto imperial_steps = imperial_doc.select_nodes("//p[@class='steps']");
    ASSERT_EQ(metric_steps.size(), imperial_steps.size());
    int lengths = 0;
    for (std::size_t i = 0; i < metric_steps.size(); ++i) {
        const std::string metric = metric_steps[i].node().child_value();
        const std::string imperial = imperial_steps[i].node().child_value();
        EXPECT_FALSE(has_length(imperial, {" m", " km"})) << imperial;
        if (has_length(metric, {" m", " km"})) {
            ++lengths;
            EXPECT_TRUE(has_length(imperial, {" ft", " mi"})) << metric << " / " << imperial;
        }
    }
    EXPECT_GT(lengths, 3) << "the plan has hill repeats measured in metres";
    // 150 m is 492 ft (150 / 0.3048 = 492.1).
    plan::Session s;
    s.steps.push_back({.repeats = 6,
                       .steps = {plan::Step{.kind = plan::StepKind::run,
                                            .effort = plan::Effort::hard,
                                            .distance_m = 150.0,
                                            .grade = 0.07}}});
    const UnitFormat feet(UnitSystem::imperial);
    EXPECT_EQ(plan::steps_text(s, [&feet](double m) { return feet.distance_text(m); }),
              "6 x [492 ft hard up 7 %]");
    EXPECT_EQ(plan::steps_text(s), "6 x [150 m hard up 7 %]");
}

TEST(PlanCalendar, TextFromThePlanIsEscaped) {
    plan::Plan plan = sample_plan();
    plan::Session& s = plan.weeks.front().sessions.front();
    s.title = "<script>alert(1)</script>";
    s.why = "\" onmouseover=\"alert(2)";
    s.where = "<img src=x onerror=alert(3)>";
    s.climb.reset();
    plan.notes.push_back("a & b <i>");
    plan.runner.injuries.push_back("</td><script>");
    const std::string html = plan_calendar_html(plan, {.title = "<b>mine</b>", .source = "<x>.json"});
    pugi::xml_document doc;
    ASSERT_TRUE(test::parses_as_xml(html, doc));
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_EQ(html.find("<i>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("title=\"&quot; onmouseover=&quot;alert(2)\""), std::string::npos);
    EXPECT_NE(html.find("a &amp; b &lt;i&gt;"), std::string::npos);
    // No element carries an event handler: the quote in `why` did not end its attribute.
    EXPECT_FALSE(doc.select_node("//*[@onmouseover]"));
}

TEST(PlanCalendar, ASessionMovedOutOfItsWeekIsStillShown) {
    plan::Plan plan = sample_plan();
    plan::Session moved = plan.weeks.front().sessions.front();
    moved.date = plan.weeks.front().start + chr::days{9};
    moved.status = "moved";
    moved.title = "Moved session";
    plan.weeks.front().sessions.push_back(moved);
    const std::string html = plan_calendar(plan, UnitFormat());
    EXPECT_NE(html.find(">Moved session</strong> <span class=\"badge status\">moved</span>"),
              std::string::npos);
    EXPECT_NE(html.find("data-date=\"" + plan::format_date(moved.date) + "\"><div class=\"date\">"),
              std::string::npos);
}

}  // namespace
}  // namespace hillcoach::report
