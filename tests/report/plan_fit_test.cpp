// FIT workout files from plan sessions, read back with our own decoder: file_id type workout, the workout
// message, and every workout_step with its duration, speed target, intensity and the repeat steps that close
// each block (index of the block's first step, number of times). The same files are checked with Garmin's
// FIT SDK in the CLI tests (tests/plan/check_fit_workouts.mjs).

#include "hillcoach/report/plan_fit.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "hillcoach/io/fit/fit_decoder.hpp"
#include "hillcoach/io/fit/fit_profile.hpp"
#include "hillcoach/plan/session_library.hpp"
#include "hillcoach/plan/session_numbers.hpp"
#include "hillcoach/plan/strength_library.hpp"

namespace hillcoach::report {
namespace {

namespace fit = io::fit;
namespace wk = fit_workout;

struct ReadStep {
    std::string name;
    std::uint64_t index = 0;
    std::uint64_t duration_type = 0;
    std::optional<std::uint64_t> duration_value;
    std::uint64_t target_type = 0;
    std::optional<std::uint64_t> target_value;
    std::optional<std::uint64_t> low;
    std::optional<std::uint64_t> high;
    std::uint64_t intensity = 0;
};

struct ReadWorkout : fit::MessageSink {
    std::optional<std::uint64_t> file_type;
    std::optional<std::uint64_t> sport;
    std::optional<std::uint64_t> sub_sport;
    std::optional<std::uint64_t> num_valid_steps;
    std::string name;
    std::vector<ReadStep> steps;

    void on_message(const fit::Message& m) override {
        if (m.global() == fit::mesg::file_id) file_type = m.raw(fit::file_id::type.number);
        if (m.global() == fit::mesg::workout) {
            sport = m.raw(fit::workout::sport.number);
            sub_sport = m.raw(fit::workout::sub_sport.number);
            num_valid_steps = m.raw(fit::workout::num_valid_steps.number);
            name = std::string(m.text(fit::workout::wkt_name.number));
        }
        if (m.global() == fit::mesg::workout_step) {
            steps.push_back(ReadStep{
                .name = std::string(m.text(fit::workout_step::wkt_step_name.number)),
                .index = m.raw(fit::workout_step::message_index.number).value_or(9999),
                .duration_type = m.raw(fit::workout_step::duration_type.number).value_or(255),
                .duration_value = m.raw(fit::workout_step::duration_value.number),
                .target_type = m.raw(fit::workout_step::target_type.number).value_or(255),
                .target_value = m.raw(fit::workout_step::target_value.number),
                .low = m.raw(fit::workout_step::custom_target_value_low.number),
                .high = m.raw(fit::workout_step::custom_target_value_high.number),
                .intensity = m.raw(fit::workout_step::intensity.number).value_or(255),
            });
        }
    }
};

ReadWorkout read_back(const std::string& bytes) {
    ReadWorkout w;
    const auto result = fit::decode(bytes, w, core::Location{.file = "workout.fit"});
    EXPECT_TRUE(result) << result.error().message();
    if (result) {
        EXPECT_EQ(result->files.size(), 1u);
        EXPECT_TRUE(result->files[0].header_crc_ok);
        EXPECT_EQ(result->files[0].file_crc_ok, true);
        EXPECT_TRUE(result->warnings.empty());
    }
    return w;
}

constexpr double k_threshold = 1000.0 / 300.0;

TEST(PlanFitTest, ShortHillRepeatsAsWorkoutSteps) {
    plan::SessionSettings s;
    s.threshold_speed_m_s = k_threshold;
    const plan::Session session = plan::make_hill_session(plan::SessionKind::short_hill_repeats, s);
    const ReadWorkout w = read_back(session_workout_fit(session, k_threshold, "05-05 Short hill repeats"));
    EXPECT_EQ(w.file_type, fit::file_type::workout);
    EXPECT_EQ(w.sport, static_cast<std::uint64_t>(wk::sport_running));
    EXPECT_EQ(w.name, "05-05 Short hill repeats");
    // warm-up; 4 x [stride, walk] + repeat; 6 x [climb, jog down] + repeat; cool-down = 1 + 3 + 3 + 1.
    ASSERT_EQ(w.steps.size(), 8u);
    EXPECT_EQ(w.num_valid_steps, 8u);
    for (std::size_t i = 0; i < w.steps.size(); ++i) EXPECT_EQ(w.steps[i].index, i);
    const ReadStep& warm = w.steps[0];
    EXPECT_EQ(warm.intensity, static_cast<std::uint64_t>(wk::intensity_warmup));
    EXPECT_EQ(warm.duration_type, static_cast<std::uint64_t>(wk::duration_time));
    EXPECT_EQ(warm.duration_value, 900000u);  // 15 min in ms
    EXPECT_EQ(w.steps[3].duration_type, static_cast<std::uint64_t>(wk::duration_repeat_until_steps_complete));
    EXPECT_EQ(w.steps[3].duration_value, 1u);  // back to the stride
    EXPECT_EQ(w.steps[3].target_value, 4u);
    const ReadStep& climb = w.steps[4];
    EXPECT_EQ(climb.duration_type, static_cast<std::uint64_t>(wk::duration_distance));
    EXPECT_EQ(climb.duration_value, 10000u);  // 100 m in cm
    EXPECT_EQ(climb.intensity, static_cast<std::uint64_t>(wk::intensity_interval));
    EXPECT_EQ(climb.target_type, static_cast<std::uint64_t>(wk::target_speed));
    const double speed = plan::step_speed_m_s(session.steps[2].steps[0], k_threshold);
    EXPECT_EQ(climb.low, static_cast<std::uint64_t>(std::llround(speed * 0.95 * 1000.0)));
    EXPECT_EQ(climb.high, static_cast<std::uint64_t>(std::llround(speed * 1.05 * 1000.0)));
    EXPECT_EQ(climb.name, "100 m hard up 5 %");
    EXPECT_EQ(w.steps[5].intensity, static_cast<std::uint64_t>(wk::intensity_recovery));
    EXPECT_EQ(w.steps[6].duration_value, 4u);
    EXPECT_EQ(w.steps[6].target_value, 6u);
    EXPECT_EQ(w.steps[7].intensity, static_cast<std::uint64_t>(wk::intensity_cooldown));
}

TEST(PlanFitTest, StrengthAsRepsAndHolds) {
    const plan::Session session = plan::make_strength(
        plan::StrengthSettings{.dose = plan::StrengthDose::standard, .gym = true, .session_a = true});
    const ReadWorkout w = read_back(session_workout_fit(session, k_threshold, "Strength A"));
    EXPECT_EQ(w.sport, static_cast<std::uint64_t>(wk::sport_training));
    EXPECT_EQ(w.sub_sport, static_cast<std::uint64_t>(wk::sub_sport_strength_training));
    // Six exercises of two sets: [exercise, rest, repeat] each.
    ASSERT_EQ(w.steps.size(), 18u);
    EXPECT_EQ(w.steps[0].name, "Step-up with a slow step-down");
    EXPECT_EQ(w.steps[0].duration_type, static_cast<std::uint64_t>(wk::duration_reps));
    EXPECT_EQ(w.steps[0].duration_value, 10u);
    EXPECT_EQ(w.steps[1].intensity, static_cast<std::uint64_t>(wk::intensity_rest));
    EXPECT_EQ(w.steps[2].duration_value, 0u);
    EXPECT_EQ(w.steps[2].target_value, 2u);
    EXPECT_EQ(w.steps[12].name, "Plank");
    EXPECT_EQ(w.steps[12].duration_type, static_cast<std::uint64_t>(wk::duration_time));
    EXPECT_EQ(w.steps[12].duration_value, 45000u);
}

TEST(PlanFitTest, OneFilePerSessionWithDistinctNames) {
    plan::Plan p;
    p.start.threshold_speed_m_s = k_threshold;
    plan::Week week;
    week.start = plan::Date{std::chrono::year{2026} / 5 / 4};
    plan::Session rest = plan::make_rest();
    rest.date = week.start;
    plan::Session easy = plan::make_easy(1800.0, plan::SessionSettings{.threshold_speed_m_s = k_threshold});
    easy.date = week.start + std::chrono::days{1};
    plan::Session strength = plan::make_strength(plan::StrengthSettings{});
    strength.date = easy.date;
    week.sessions = {rest, easy, strength};
    p.weeks = {week};
    const auto files = plan_workouts(p);
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].name, "2026-05-05-easy.fit");
    EXPECT_EQ(files[1].name, "2026-05-05-strength-2.fit");
    EXPECT_EQ(read_back(files[0].bytes).steps.size(), 1u);
}

}  // namespace
}  // namespace hillcoach::report
