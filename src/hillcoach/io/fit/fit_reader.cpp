#include "hillcoach/io/fit/fit_reader.hpp"

#include "hillcoach/io/fit/fit_activity.hpp"
#include "hillcoach/io/fit/fit_decoder.hpp"

namespace hillcoach::io::fit {

core::Expected<std::vector<core::Activity>> read_fit(std::string_view bytes, const core::Location& source) {
    ActivityBuilder builder(source);
    auto decoded = decode(bytes, builder, source);
    if (!decoded) return std::move(decoded).error();
    return builder.finish(*decoded);
}

}  // namespace hillcoach::io::fit
