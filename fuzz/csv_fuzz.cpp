// Fuzz target for the CSV reader and the Strava export index built on it: any bytes give a table or an error
// with a line and column inside the input, never a crash, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hillcoach/io/csv_reader.hpp"
#include "hillcoach/io/strava_export.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hillcoach;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const core::Location source{.file = "activities.csv"};
    const auto table = io::read_csv(text, source);
    if (table) {
        // Invariant: every row has as many fields as the header.
        for (const auto& row : table->rows) {
            if (row.size() != table->header.size()) std::abort();
        }
    } else if (!table.error().where.line || *table.error().where.line == 0) {
        std::abort();  // a CSV error always says where
    }
    const auto index = io::StravaExportIndex::parse(text, source);
    (void)index;
    return 0;
}
