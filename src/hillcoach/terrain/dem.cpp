#include "hillcoach/terrain/dem.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <mutex>
#include <system_error>

#include "hillcoach/terrain/dem_plugin.hpp"
#include "hillcoach/terrain/dem_raster.hpp"
#include "hillcoach/terrain/elevation_clean.hpp"

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

core::Error dem_error(core::ErrorCode code, const std::filesystem::path& path, std::string reason) {
    return core::make_error(code, core::Location{.file = path.string()}, std::move(reason));
}

}  // namespace

struct Dem::Impl {
    std::unique_ptr<DemRaster> raster;
    int columns = 0;
    int rows = 0;
    std::optional<double> no_data;
    mutable std::mutex mutex;

    bool is_void(double v) const {
        return !std::isfinite(v) || (no_data && v == *no_data) || v < k_min_plausible_elevation_m ||
               v > k_max_plausible_elevation_m;
    }
    // Bilinear value at pixel coordinates from a cell accessor returning NaN outside what it holds.
    template <typename Cell>
    double bilinear(double col, double row, Cell&& cell) const;
    // One cell straight from the raster (GDAL's block cache makes this cheap).
    double read_cell(int col, int row) const {
        if (col < 0 || row < 0 || col >= columns || row >= rows) return k_nan;
        double v = k_nan;
        return raster->read(col, row, 1, 1, &v) ? v : k_nan;
    }
};

template <typename Cell>
double Dem::Impl::bilinear(double col, double row, Cell&& cell) const {
    if (!std::isfinite(col) || !std::isfinite(row)) return k_nan;
    // Outside the raster by more than half a cell: no value (a position just inside the outer half cell takes
    // the edge cells' values).
    if (col < -0.5 || row < -0.5 || col > columns - 0.5 || row > rows - 0.5) return k_nan;
    const double c0 = std::floor(col);
    const double r0 = std::floor(row);
    const double fc = col - c0;
    const double fr = row - r0;
    const int c = static_cast<int>(c0);
    const int r = static_cast<int>(r0);
    const std::array<double, 4> v = {cell(c, r), cell(c + 1, r), cell(c, r + 1), cell(c + 1, r + 1)};
    const std::array<double, 4> w = {(1 - fc) * (1 - fr), fc * (1 - fr), (1 - fc) * fr, fc * fr};
    double sum = 0.0;
    double weight = 0.0;
    for (std::size_t k = 0; k < 4; ++k) {
        if (is_void(v[k]) || w[k] <= 0.0) continue;
        sum += w[k] * v[k];
        weight += w[k];
    }
    return weight > 0.0 ? sum / weight : k_nan;
}

core::Expected<std::shared_ptr<const Dem>> Dem::open(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return dem_error(core::ErrorCode::not_found, path, "no such file or folder");
    auto opener = dem_raster_opener();
    if (!opener) return opener.error();
    DemRasterOpened opened = (*opener)(path);
    if (!opened.raster) return dem_error(opened.code, path, std::move(opened.reason));
    auto impl = std::make_unique<Impl>();
    const RasterShape& shape = opened.raster->shape();
    impl->columns = shape.columns;
    impl->rows = shape.rows;
    impl->no_data = shape.no_data;
    std::string description = shape.description;
    impl->raster = std::move(opened.raster);
    return std::shared_ptr<const Dem>(new Dem(std::move(impl), std::move(description)));
}

Dem::Dem(std::unique_ptr<Impl> impl, std::string description)
    : m_impl(std::move(impl)), m_description(std::move(description)) {}

Dem::~Dem() = default;

std::vector<double> Dem::sample(const std::vector<double>& latitude_deg,
                                const std::vector<double>& longitude_deg) const {
    const std::size_t n = std::min(latitude_deg.size(), longitude_deg.size());
    std::vector<double> col(longitude_deg.begin(), longitude_deg.begin() + static_cast<std::ptrdiff_t>(n));
    std::vector<double> row(latitude_deg.begin(), latitude_deg.begin() + static_cast<std::ptrdiff_t>(n));
    std::vector<double> out(n, k_nan);
    const Impl& m = *m_impl;
    std::lock_guard lock(m.mutex);
    m.raster->to_pixels(col, row);
    // The window of cells the track needs, read in one request when it is not too large.
    double min_c = std::numeric_limits<double>::infinity();
    double min_r = min_c;
    double max_c = -min_c;
    double max_r = -min_c;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(col[i])) continue;
        min_c = std::min(min_c, col[i]);
        max_c = std::max(max_c, col[i]);
        min_r = std::min(min_r, row[i]);
        max_r = std::max(max_r, row[i]);
    }
    if (!(min_c <= max_c)) return out;
    const int c0 = std::clamp(static_cast<int>(std::floor(min_c)), 0, m.columns - 1);
    const int c1 = std::clamp(static_cast<int>(std::floor(max_c)) + 1, 0, m.columns - 1);
    const int r0 = std::clamp(static_cast<int>(std::floor(min_r)), 0, m.rows - 1);
    const int r1 = std::clamp(static_cast<int>(std::floor(max_r)) + 1, 0, m.rows - 1);
    const auto width = static_cast<std::size_t>(c1 - c0 + 1);
    const auto height = static_cast<std::size_t>(r1 - r0 + 1);
    std::vector<double> window;
    if (width * height <= k_dem_max_window_cells) {
        window.resize(width * height);
        if (!m.raster->read(c0, r0, static_cast<int>(width), static_cast<int>(height), window.data()))
            window.clear();
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!window.empty()) {
            out[i] = m.bilinear(col[i], row[i], [&](int c, int r) {
                if (c < c0 || c > c1 || r < r0 || r > r1) return k_nan;
                return window[static_cast<std::size_t>(r - r0) * width + static_cast<std::size_t>(c - c0)];
            });
        } else {
            out[i] = m.bilinear(col[i], row[i], [&](int c, int r) { return m.read_cell(c, r); });
        }
    }
    return out;
}

double Dem::sample(double latitude_deg, double longitude_deg) const {
    return sample(std::vector<double>{latitude_deg}, std::vector<double>{longitude_deg}).front();
}

}  // namespace hillcoach::terrain
