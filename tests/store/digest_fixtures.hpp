#pragma once
// Digests for the store's tests: real ones (synthetic runs analysed by analysis::analyze, so every member the
// analysis fills is filled the way it fills it) and hand-made ones reaching the corners (every optional
// absent, every optional present, odd names, extreme numbers).

#include <cstdint>
#include <string>
#include <vector>

#include "hillcoach/store/store.hpp"
#include "hillcoach/training/activity_digest.hpp"

namespace hillcoach::test {

// Runs of tests/support/course_builder analysed and digested: hill repeats, a hilly run, a flat easy run, a
// downhill run; `start_time_s` shifts them all.
std::vector<training::ActivityDigest> analysed_digests(double start_time_s = 1777615200.0);

// Hand-made digests: the empty one, one with every member set, one with missing times, seeded random ones.
std::vector<training::ActivityDigest> corner_digests(std::uint64_t seed, std::size_t random_count);

// A record for Store::add with a source named after `index`.
store::ImportRecord record_of(const training::ActivityDigest& digest, int index);

}  // namespace hillcoach::test
