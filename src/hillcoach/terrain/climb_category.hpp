#pragma once
// How hard a climb is: the cycling conventions runners meet in their apps, and a runner's own scale.
// docs/models.md ("Stretches, climbs and descents") compares them with worked examples.
//
// Climb score (Strava, Garmin ClimbPro): length (m) x average grade (%). Since grade = gain / length, the
// score is exactly 100 x gain (m): it measures height only, and steepness matters only through the minimum
// grade. Strava (support article 216917057, current version): a climb is categorised when the score is
// greater than 8000, Cat 4 > 8000, Cat 3 > 16 000, Cat 2 > 32 000, Cat 1 > 64 000, HC > 80 000; an earlier
// version of the same article had Cat 1 > 48 000 and HC > 64 000. Third parties restating Strava's rule add
// an average grade of at least 3 % and a length of at least 300 m (Best Bike Split; singletrackworld forum);
// both are applied here. Garmin ClimbPro (score = length x grade, Garmin "Understanding ClimbPro", 2020): a
// climb counts when its length is at least 500 m, its grade at least 3 % and its score above 3500 (thresholds
// as the navigo crate restates them; a GPSLogger document derived from Garmin's uses a user minimum of
// 3000-3100 instead). Sources: ../shared/research/mission-anchors.md §3.7 and §4 cases 16-17.
//
// Runner score: gain (m) x average grade (%) = 100 x gain^2 / length. It is 1000 times the Fiets index
// without its altitude bonus (H^2 / (10 D) with D in metres, Runalyze's climb index), so unlike the cycling
// score it rewards steepness: a runner's hill is short and steep, and what makes it hard is the vertical
// speed it demands, not only the height. A 150 m hill at 8 % scores 96 (no cycling category: its cycling
// score is 1200); a 2 km climb at 4 % scores 320 (Strava Cat 4 by a hair).
// Runner categories by runner score, a ladder of fourfold steps (at one grade, each step is a hill four times
// as high; over one length, twice as high): minor below 50; moderate from 50 (150 m at 6-8 %, 100 m at 8 %,
// the hills of a hill-repeat session); hard from 200 (500 m at 6.5 %, 1 km at 4.5 %, 2 km at 4 % where
// Strava's Cat 4 starts); very hard from 800 (1 km at 9 %, 2 km at 6.3 %); extreme from 3200 (2 km at 12.6 %,
// 5 km at 8 %: mountain ascents). For comparison, Runalyze's lowest Fiets category (0.25) is a runner score
// of 250 and its HC (6.5) one of 6500.

#include <optional>
#include <string_view>

namespace hillcoach::terrain {

// --- Strava -----------------------------------------------------------------------------------------------

enum class StravaCategory : unsigned char { none, cat4, cat3, cat2, cat1, hc };
std::string_view to_string(StravaCategory category);  // "none", "4", "3", "2", "1", "HC"

// Which version of Strava's thresholds: the current article, or the earlier one (Cat 1 > 48 000, HC > 64
// 000).
enum class StravaTable : unsigned char { current, earlier };

inline constexpr double k_strava_min_grade = 0.03;  // third-party restatements (see above)
inline constexpr double k_strava_min_length_m = 300.0;

// length (m) x grade (%): the Strava and ClimbPro climb score.
double climb_score(double length_m, double avg_grade);

// The category of a climb of this length and average grade (fraction). Thresholds are strict ("greater
// than", as Strava's article words them): 2000 m at 4 % scores exactly 8000 and is not categorised.
StravaCategory strava_category(double length_m, double avg_grade, StravaTable table = StravaTable::current);

// --- Garmin ClimbPro --------------------------------------------------------------------------------------

struct ClimbProRule {
    double min_length_m = 500.0;
    double min_grade = 0.03;
    double min_score = 3500.0;  // score must be greater than this
};

bool climbpro_qualifies(double length_m, double avg_grade, const ClimbProRule& rule = {});

// --- runners ----------------------------------------------------------------------------------------------

enum class RunnerCategory : unsigned char { minor, moderate, hard, very_hard, extreme };
std::string_view to_string(RunnerCategory category);  // "minor", "moderate", "hard", "very hard", "extreme"
std::optional<RunnerCategory> runner_category_from_text(std::string_view text);

inline constexpr double k_runner_moderate_score = 50.0;
inline constexpr double k_runner_hard_score = 200.0;
inline constexpr double k_runner_very_hard_score = 800.0;
inline constexpr double k_runner_extreme_score = 3200.0;

// height (m, gain or drop) x |average grade| (%).
double runner_score(double height_m, double avg_grade);
RunnerCategory runner_category(double runner_score);

}  // namespace hillcoach::terrain
