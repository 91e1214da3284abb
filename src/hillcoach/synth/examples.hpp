#pragma once
// The example activities hillcoach ships in examples/ (written by `hillcoach synth --examples DIR`): five
// weeks of one runner's training from home in hilly country, as a watch would have recorded them, in GPX, TCX
// and FIT (one gzipped), with GPS noise, GPS or barometric altitude, heart rate and cadence. The set is made
// to exercise what hillcoach analyses: flat easy runs, hilly runs, two hill-repeat sessions on the same hill,
// hill sprints, long runs with big descents, a mountain trail run, a downhill session, a hike, and one week
// with far more downhill running than the others (for the training guidance).

#include <string>
#include <vector>

#include "hillcoach/synth/activity_file.hpp"
#include "hillcoach/synth/synthesize.hpp"

namespace hillcoach::synth {

struct ExampleActivity {
    std::string file_name;  // "2026-03-17-hill-repeats.fit"
    FileKind kind;
    std::string local_start;  // "2026-03-17T18:15:00+01:00", as the README shows it
    std::string summary;      // one line for the README: what the session is
    std::string session;      // the session type it is built as, analysis's id: "hill_sprints"
    SynthesisRequest request;
};

std::vector<ExampleActivity> example_activities();

// examples/README.md: what each file is, how the set was made (the exact command) and what it is for.
std::string examples_readme(const std::vector<ExampleActivity>& examples);

}  // namespace hillcoach::synth
