#include "hillcoach/synth/runner.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

namespace hillcoach::synth {
namespace {

Course parse(const char* text) {
    auto c = Course::parse(text);
    if (!c) throw std::runtime_error(c.error().message());
    return std::move(*c);
}

// Mean of a channel over the seconds the runner spends between two course distances.
double mean_between(const Trajectory& t, const std::vector<double>& channel, double from_m, double to_m) {
    double sum = 0.0;
    int n = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.distance_m[i] >= from_m && t.distance_m[i] <= to_m) {
            sum += channel[i];
            ++n;
        }
    }
    return n > 0 ? sum / n : std::nan("");
}

// Minetti et al. 2002 polynomial: published case values (../shared/research/mission-anchors.md 4, #4 and #1).
TEST(EnergyCost, MatchesMinettiPolynomialValues) {
    EXPECT_NEAR(running_cost_j_kg_m(0.0), 3.6, 1e-12);
    EXPECT_NEAR(running_cost_j_kg_m(0.05), 4.6851960625, 1e-9);
    EXPECT_NEAR(running_cost_j_kg_m(-0.05), 2.7459239375, 1e-9);
    EXPECT_NEAR(running_cost_j_kg_m(0.45), 19.426, 0.001);
    // Measured values from the abstract, within one SD: 1.73 +- 0.36 at -0.20, 18.93 +- 1.74 at +0.45.
    EXPECT_NEAR(running_cost_j_kg_m(-0.20), 1.73, 0.36);
    // Beyond the measured range the cost is held at the +-0.45 value.
    EXPECT_EQ(running_cost_j_kg_m(0.5), running_cost_j_kg_m(0.45));
    EXPECT_NEAR(walking_cost_j_kg_m(0.0), 2.5, 1e-12);
    EXPECT_NEAR(walking_cost_j_kg_m(0.45), 17.33, 1.11);
}

// Strava's equal-effort factors (Schroeder): 0.876 at -10 %, 1.081 at -20 %; speed ratio = 1 / factor.
TEST(DescentSpeed, FollowsTheEqualEffortCurve) {
    EXPECT_EQ(descent_speed_ratio(0.05), 1.0);
    EXPECT_EQ(descent_speed_ratio(0.0), 1.0);
    EXPECT_NEAR(descent_speed_ratio(-0.10), 1.0 / 0.876, 1e-12);
    EXPECT_NEAR(descent_speed_ratio(-0.20), 1.0 / 1.081, 1e-12);
    EXPECT_NEAR(descent_speed_ratio(-0.03), 1.0 / 0.939,
                1e-12);  // halfway between -2 % (0.960) and -4 % (0.918)
    EXPECT_NEAR(descent_speed_ratio(-0.50), 1.0 / 2.096, 1e-12);
    EXPECT_GT(descent_speed_ratio(-0.08), 1.1);  // moderate descents are fast
    EXPECT_LT(descent_speed_ratio(-0.25), 0.8);  // steep ones are braked
}

TEST(Runner, IsSlowerUphillFasterOnModerateDescentsAndBrakedOnSteepOnes) {
    const Course c =
        parse("flat 1000; up 1000 +80; flat 1000; down 1000 -80; flat 500; down 400 -100; flat 500");
    const Trajectory t = run_course(c, runner_preset(RunnerPreset::easy), Random(1));
    const double flat = mean_between(t, t.speed_m_s, 200.0, 900.0);
    const double up = mean_between(t, t.speed_m_s, 1100.0, 1900.0);
    const double down = mean_between(t, t.speed_m_s, 3100.0, 3900.0);
    const double steep_down = mean_between(t, t.speed_m_s, 4600.0, 4800.0);
    EXPECT_NEAR(flat, 2.95, 0.1);
    // Metabolic power raised by 2 x grade on the climb: 2.95 x Cr(0) x 1.16 / Cr(0.08) = 2.95 x 3.6 x 1.16
    // / 5.433 = 2.27 m/s.
    EXPECT_NEAR(up, 2.27, 0.08);
    // -8 %: 2.95 / 0.876 = 3.37 m/s; -25 %: 2.95 / 1.273 = 2.32 m/s.
    EXPECT_NEAR(down, 3.37, 0.12);
    EXPECT_NEAR(steep_down, 2.32, 0.1);
    EXPECT_LT(up, flat);
    EXPECT_GT(down, flat);
    EXPECT_LT(steep_down, flat);
}

TEST(Runner, HikesWhatIsTooSteepToRun) {
    const Course c = parse("flat 300; up 600 +180; flat 300");
    const Trajectory t = run_course(c, runner_preset(RunnerPreset::easy), Random(2));
    int hiking = 0;
    int on_climb = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.distance_m[i] > 320.0 && t.distance_m[i] < 880.0) {
            ++on_climb;
            if (t.gait[i] == Gait::walking) ++hiking;
            EXPECT_LE(t.speed_m_s[i], k_hike_below_m_s * 1.1);
            // Walking cadence: about 100-110 steps/min, i.e. 50-60 per foot.
            EXPECT_LT(t.cadence_rpm[i], 65.0);
        }
    }
    EXPECT_GT(on_climb, 100);
    EXPECT_EQ(hiking, on_climb);
}

TEST(Runner, HeartRateRisesWithEffort) {
    const Course c = parse("flat 5000");
    const Trajectory easy = run_course(c, runner_preset(RunnerPreset::easy), Random(3));
    const Trajectory tempo = run_course(c, runner_preset(RunnerPreset::tempo), Random(3));
    const double hr_easy = mean_between(easy, easy.heart_rate_bpm, 1500.0, 5000.0);
    const double hr_tempo = mean_between(tempo, tempo.heart_rate_bpm, 1500.0, 5000.0);
    // Heart-rate reserve fraction = VO2-reserve fraction (Swain & Leutholtz): easy 2.95 m/s is
    // 2.95 x 3.6 x 60 / 20.9 = 30.5 ml/kg/min of 50.5 in reserve = 60 %: 52 + 0.60 x 136 = 134 bpm.
    EXPECT_NEAR(hr_easy, 134.0, 4.0);
    EXPECT_NEAR(hr_tempo, 52.0 + 3.6 * 3.6 * 60.0 / 20.9 / 50.5 * 136.0, 4.0);
    EXPECT_GT(hr_tempo, hr_easy + 15.0);
    EXPECT_GT(easy.duration_s(), tempo.duration_s());
}

// Heart rate lags effort by tens of seconds: a hard rep from a jog reaches its level only after a minute or
// so.
TEST(Runner, HeartRateFollowsEffortWithALag) {
    const Course c = parse("flat 1500 jog; flat 1500 hard");
    const Trajectory t = run_course(c, runner_preset(RunnerPreset::easy), Random(4));
    const auto at = [&](double seconds_after_change) {
        const auto it = std::lower_bound(t.distance_m.begin(), t.distance_m.end(), 1500.0);
        const auto i = static_cast<std::size_t>(it - t.distance_m.begin()) +
                       static_cast<std::size_t>(seconds_after_change);
        return t.heart_rate_bpm[std::min(i, t.size() - 1)];
    };
    const double before = at(0.0);
    const double after_10 = at(10.0);
    const double after_60 = at(60.0);
    const double after_240 = at(240.0);
    EXPECT_GT(after_240, before + 25.0);
    // First-order response with a 30 s lag: after 10 s about 28 % of the way, after 60 s about 86 %.
    EXPECT_LT(after_10 - before, 0.45 * (after_240 - before));
    EXPECT_GT(after_60 - before, 0.7 * (after_240 - before));
}

TEST(Runner, HillRepeatsRunHardUpAndJogDown) {
    const Course c = parse("flat 1000; repeat 6 { up 150 +12; down 150 -12 }; flat 1000");
    const Trajectory t = run_course(c, runner_preset(RunnerPreset::repeats), Random(5));
    for (int rep = 0; rep < 6; ++rep) {
        const double foot = 1000.0 + 300.0 * rep;
        const double up = mean_between(t, t.speed_m_s, foot + 20.0, foot + 140.0);
        const double down = mean_between(t, t.speed_m_s, foot + 160.0, foot + 280.0);
        // Hard at 8 %: 4.3 x 3.6 x 1.16 / 5.433 = 3.30 m/s; jog down: 2.4 / 0.876 = 2.74 m/s.
        EXPECT_NEAR(up, 3.30, 0.25) << rep;
        EXPECT_NEAR(down, 2.74, 0.25) << rep;
        // Heart rate peaks near the top and falls on the way down.
        const double hr_top = mean_between(t, t.heart_rate_bpm, foot + 140.0, foot + 160.0);
        const double hr_foot = mean_between(t, t.heart_rate_bpm, foot + 290.0, foot + 300.0);
        EXPECT_GT(hr_top, hr_foot + 5.0) << rep;
        EXPECT_GT(hr_top, 155.0) << rep;
    }
}

TEST(Runner, StopsStandStillForTheirDuration) {
    const Course c = parse("flat 500; stop 60; flat 500; stop 30");
    const Trajectory t = run_course(c, runner_preset(RunnerPreset::easy), Random(6));
    ASSERT_EQ(t.stops.size(), 2u);
    EXPECT_NEAR(t.stops[0].end_s - t.stops[0].start_s, 60.0, 1e-9);
    EXPECT_NEAR(t.stops[1].end_s - t.stops[1].start_s, 30.0, 1e-9);
    for (std::size_t i = 0; i < t.size(); ++i) {
        const double s = static_cast<double>(i);
        if (s > t.stops[0].start_s + 0.5 && s < t.stops[0].end_s - 0.5) {
            EXPECT_EQ(t.speed_m_s[i], 0.0);
            EXPECT_EQ(t.distance_m[i], 500.0);
            EXPECT_EQ(t.cadence_rpm[i], 0.0);
            EXPECT_EQ(t.gait[i], Gait::standing);
        }
    }
    // The course ends with a stop: it is stood out before the watch stops.
    EXPECT_EQ(t.distance_m.back(), 1000.0);
    EXPECT_GE(t.duration_s(), t.stops[1].end_s);
}

TEST(Runner, EndsExactlyAtTheFinishAndNeverGoesBack) {
    const Course c = parse("flat 1234.5; up 300 +30; down 300 -30");
    const Trajectory t = run_course(c, runner_preset(RunnerPreset::tempo), Random(7));
    EXPECT_EQ(t.distance_m.front(), 0.0);
    EXPECT_EQ(t.distance_m.back(), c.length_m());
    EXPECT_TRUE(std::is_sorted(t.distance_m.begin(), t.distance_m.end()));
}

// Energy: Minetti's cost times distance plus resting metabolism over the time. 5 km flat:
// 3.6 J/kg/m x 5000 m = 18000 J/kg, plus 3.5 x 20.9 / 60 = 1.219 W/kg over the duration.
TEST(Runner, EnergyIsCostTimesDistancePlusResting) {
    const Course c = parse("flat 5000");
    const Trajectory t = run_course(c, runner_preset(RunnerPreset::easy), Random(8));
    const double expected = 3.6 * 5000.0 + 3.5 * 20.9 / 60.0 * t.duration_s();
    EXPECT_NEAR(t.energy_j_per_kg.back(), expected, 0.01 * expected);
}

TEST(Runner, IsDeterministicForASeed) {
    const Course c = parse("flat 1000; repeat 3 { up 100 +8; down 100 -8 }; stop 20; flat 500");
    const Trajectory a = run_course(c, runner_preset(RunnerPreset::repeats), Random(9));
    const Trajectory b = run_course(c, runner_preset(RunnerPreset::repeats), Random(9));
    const Trajectory other = run_course(c, runner_preset(RunnerPreset::repeats), Random(10));
    EXPECT_EQ(a.distance_m, b.distance_m);
    EXPECT_EQ(a.heart_rate_bpm, b.heart_rate_bpm);
    EXPECT_EQ(a.cadence_rpm, b.cadence_rpm);
    EXPECT_NE(a.speed_m_s, other.speed_m_s);
}

}  // namespace
}  // namespace hillcoach::synth
