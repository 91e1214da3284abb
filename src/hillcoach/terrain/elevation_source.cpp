#include "hillcoach/terrain/elevation_source.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace hillcoach::terrain {
namespace {

// The residual of the middle sample against the straight line through its neighbours, or NaN when the triple
// is too long to say anything about the instrument.
double triple_residual(double e0, double e1, double e2, double x0, double x1, double x2, double span_s) {
    if (!(span_s <= k_source_max_span_s)) return std::numeric_limits<double>::quiet_NaN();
    const double span = x2 - x0;
    if (span > k_source_max_span_m) return std::numeric_limits<double>::quiet_NaN();
    const double w = span > 0.0 ? std::clamp((x1 - x0) / span, 0.0, 1.0) : 0.5;
    return e1 - (e0 + w * (e2 - e0));
}

}  // namespace

std::optional<double> elevation_jitter_m(const std::vector<double>& e, const std::vector<double>& d,
                                         const std::vector<double>& t) {
    // At most about k_source_max_triples triples, spread evenly over the activity: the median of a sample of
    // a few thousand residuals is as good as the median of all, at a fraction of the cost of a 100,000-point
    // run.
    const std::size_t stride = std::max<std::size_t>(1, e.size() / k_source_max_triples);
    std::vector<double> residuals;
    residuals.reserve(std::min(e.size(), k_source_max_triples + 1));
    // Indices of the last two samples with an elevation.
    std::size_t a = e.size();
    std::size_t b = e.size();
    for (std::size_t i = 0; i < e.size(); ++i) {
        if (!std::isfinite(e[i])) continue;
        if (a < e.size() && i % stride == 0) {
            const double span_s = std::isfinite(t[i]) && std::isfinite(t[a]) ? t[i] - t[a] : 0.0;
            const double r = triple_residual(e[a], e[b], e[i], d[a], d[b], d[i], span_s);
            if (std::isfinite(r)) residuals.push_back(std::abs(r));
        }
        a = b;
        b = i;
    }
    if (residuals.size() < k_source_min_triples) return std::nullopt;
    auto middle = residuals.begin() + static_cast<std::ptrdiff_t>(residuals.size() / 2);
    std::nth_element(residuals.begin(), middle, residuals.end());
    return *middle;
}

ElevationSourceDecision detect_elevation_source(const core::Activity& activity,
                                                const std::vector<double>& distance_m) {
    ElevationSourceDecision out;
    const auto& e = activity.samples.elevation_m;
    if (!core::Samples::has_values(e)) {
        out.source = core::ElevationSource::none;
        out.reason = "no elevation recorded";
        return out;
    }
    out.jitter_m = elevation_jitter_m(e, distance_m, activity.samples.time_s);
    const std::string jitter_text =
        out.jitter_m ? fmt::format("jitter {:.2f} m", *out.jitter_m) : "jitter not measurable";
    const auto hint = activity.elevation_source;
    out.from_hint = hint == core::ElevationSource::barometric || hint == core::ElevationSource::gps ||
                    hint == core::ElevationSource::dem;
    if (hint == core::ElevationSource::barometric) {
        out.source = hint;
        out.noisy = false;
        out.reason = fmt::format("elevation source: barometric (from the device model; {})", jitter_text);
        return out;
    }
    out.noisy = !out.jitter_m || *out.jitter_m >= k_noisy_jitter_m;
    if (out.from_hint) {
        out.source = hint;
        out.reason = fmt::format("elevation source: {} (from the device model; {}{})", core::to_string(hint),
                                 jitter_text, out.noisy ? "" : ": already smooth, smoothed lightly");
        return out;
    }
    if (!out.jitter_m) {
        out.source = core::ElevationSource::unknown;
        out.reason =
            "elevation source: unknown (too few closely spaced samples to judge; smoothed as GPS altitude)";
        return out;
    }
    out.source = out.noisy ? core::ElevationSource::gps : core::ElevationSource::barometric;
    out.reason = fmt::format(
        "elevation source: {} (detected: sample-to-sample jitter {:.2f} m; barometric "
        "altimeters stay under {:.2f} m)",
        core::to_string(out.source), *out.jitter_m, k_noisy_jitter_m);
    return out;
}

}  // namespace hillcoach::terrain
