#pragma once
// ActivityAnalysis as JSON, the one serialisation the command line (`analyze --json`), the store and the
// server share. docs/cli.md lists every key. Conventions:
//   - SI units, named in the key (`_m`, `_s`, `_m_s`, `_m_h`, `_bpm`, `_s_per_km`); grades are fractions;
//   - a value that cannot be known (no times, no heart rate) is null, never 0;
//   - numbers are rounded to what they mean (centimetres, milliseconds, 1e-5 of grade), so the output is
//     stable and readable;
//   - climbs and descents have the same keys: `gain_m` is the height of the hill (climbed or descended,
//   always
//     positive), `vam_m_h` its vertical speed (ascent rate up, descent rate down); `direction` says which.
//   - the grade histogram's open ends are null (`from` of the steepest descent band, `to` of the steepest
//   climb).

#include <nlohmann/json.hpp>

#include "hillcoach/analysis/activity_analysis.hpp"

namespace hillcoach::analysis {

// Every key of the analysis (the activity's own metadata is left to the caller: info's keys in the CLI).
nlohmann::ordered_json analysis_json(const ActivityAnalysis& analysis);

nlohmann::ordered_json hill_json(const terrain::Hill& hill);
nlohmann::ordered_json grade_histogram_json(const terrain::GradeHistogram& histogram);
nlohmann::ordered_json repeat_group_json(const terrain::RepeatGroup& group);
nlohmann::ordered_json segment_json(const terrain::Segment& segment);

}  // namespace hillcoach::analysis
