#include "hillcoach/terrain/climb_category.hpp"

#include <array>
#include <cmath>

namespace hillcoach::terrain {
namespace {

struct ScoreStep {
    double above = 0.0;  // the score must be greater than this
    StravaCategory category = StravaCategory::none;
};

// Hardest first, so the first threshold passed is the category.
constexpr std::array<ScoreStep, 5> k_strava_current = {{{80000.0, StravaCategory::hc},
                                                        {64000.0, StravaCategory::cat1},
                                                        {32000.0, StravaCategory::cat2},
                                                        {16000.0, StravaCategory::cat3},
                                                        {8000.0, StravaCategory::cat4}}};
constexpr std::array<ScoreStep, 5> k_strava_earlier = {{{64000.0, StravaCategory::hc},
                                                        {48000.0, StravaCategory::cat1},
                                                        {32000.0, StravaCategory::cat2},
                                                        {16000.0, StravaCategory::cat3},
                                                        {8000.0, StravaCategory::cat4}}};

struct RunnerStep {
    double from = 0.0;  // the score must be at least this
    RunnerCategory category = RunnerCategory::minor;
    std::string_view name;
};

constexpr std::array<RunnerStep, 5> k_runner_steps = {
    {{k_runner_extreme_score, RunnerCategory::extreme, "extreme"},
     {k_runner_very_hard_score, RunnerCategory::very_hard, "very hard"},
     {k_runner_hard_score, RunnerCategory::hard, "hard"},
     {k_runner_moderate_score, RunnerCategory::moderate, "moderate"},
     {0.0, RunnerCategory::minor, "minor"}}};

}  // namespace

std::string_view to_string(StravaCategory category) {
    switch (category) {
        case StravaCategory::none:
            return "none";
        case StravaCategory::cat4:
            return "4";
        case StravaCategory::cat3:
            return "3";
        case StravaCategory::cat2:
            return "2";
        case StravaCategory::cat1:
            return "1";
        case StravaCategory::hc:
            return "HC";
    }
    return "none";
}

double climb_score(double length_m, double avg_grade) {
    return length_m * avg_grade * 100.0;
}

StravaCategory strava_category(double length_m, double avg_grade, StravaTable table) {
    if (!(avg_grade >= k_strava_min_grade) || !(length_m >= k_strava_min_length_m))
        return StravaCategory::none;
    const double score = climb_score(length_m, avg_grade);
    const auto& steps = table == StravaTable::current ? k_strava_current : k_strava_earlier;
    for (const auto& step : steps) {
        if (score > step.above) return step.category;
    }
    return StravaCategory::none;
}

bool climbpro_qualifies(double length_m, double avg_grade, const ClimbProRule& rule) {
    return length_m >= rule.min_length_m && avg_grade >= rule.min_grade &&
           climb_score(length_m, avg_grade) > rule.min_score;
}

std::string_view to_string(RunnerCategory category) {
    for (const auto& step : k_runner_steps) {
        if (step.category == category) return step.name;
    }
    return "minor";
}

std::optional<RunnerCategory> runner_category_from_text(std::string_view text) {
    for (const auto& step : k_runner_steps) {
        if (step.name == text) return step.category;
    }
    return std::nullopt;
}

double runner_score(double height_m, double avg_grade) {
    return std::abs(height_m) * std::abs(avg_grade) * 100.0;
}

RunnerCategory runner_category(double score) {
    for (const auto& step : k_runner_steps) {
        if (score >= step.from) return step.category;
    }
    return RunnerCategory::minor;
}

}  // namespace hillcoach::terrain
