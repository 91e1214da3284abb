#include "hillcoach/terrain/dem.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <mutex>
#include <system_error>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include "hillcoach/terrain/elevation_clean.hpp"

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// Raster files a DEM folder is made of. GDAL would try to open anything; a folder also holds readme files.
constexpr std::array<std::string_view, 12> k_raster_extensions = {
    ".hgt", ".tif", ".tiff", ".vrt", ".asc", ".img", ".dt0", ".dt1", ".dt2", ".bil", ".flt", ".dem"};

std::once_flag g_gdal_registered;

void register_gdal() {
    std::call_once(g_gdal_registered, [] { GDALAllRegister(); });
}

// GDAL reports errors through a global handler; we read the message right after a failed call instead of
// letting it print to stderr.
struct QuietGdal {
    QuietGdal() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
    static std::string last_message() {
        const char* m = CPLGetLastErrorMsg();
        return m && *m ? std::string(m) : std::string("GDAL cannot read it");
    }
};

struct GdalClose {
    void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
struct TransformDelete {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};

bool is_raster_file(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(k_raster_extensions.begin(), k_raster_extensions.end(), ext) !=
           k_raster_extensions.end();
}

core::Error dem_error(core::ErrorCode code, const std::filesystem::path& path, std::string reason) {
    return core::make_error(code, core::Location{.file = path.string()}, std::move(reason));
}

}  // namespace

struct Dem::Impl {
    std::unique_ptr<GDALDataset, GdalClose> dataset;
    GDALRasterBand* band = nullptr;
    std::array<double, 6> pixel_from_geo{};  // inverse geotransform: georeferenced x, y to pixel column, row
    std::unique_ptr<OGRCoordinateTransformation, TransformDelete>
        from_wgs84;  // null when the raster is WGS84
    std::optional<double> no_data;
    int columns = 0;
    int rows = 0;
    mutable std::mutex mutex;

    // Pixel coordinates (column, row; cell centres at integers) of WGS84 positions, in place of x, y.
    void to_pixels(std::vector<double>& x, std::vector<double>& y) const;
    bool is_void(double v) const {
        return !std::isfinite(v) || (no_data && v == *no_data) || v < k_min_plausible_elevation_m ||
               v > k_max_plausible_elevation_m;
    }
    // Bilinear value at pixel coordinates from a cell accessor returning NaN outside what it holds.
    template <typename Cell>
    double bilinear(double col, double row, Cell&& cell) const;
    double read_cell(int col,
                     int row) const;  // one cell straight from GDAL (the block cache makes this cheap)
};

void Dem::Impl::to_pixels(std::vector<double>& x, std::vector<double>& y) const {
    // x holds longitudes and y latitudes on entry (traditional GIS order: x = east).
    std::vector<int> ok(x.size(), 1);
    if (from_wgs84 && !x.empty()) {
        from_wgs84->Transform(static_cast<int>(x.size()), x.data(), y.data(), nullptr, ok.data());
    }
    const auto& g = pixel_from_geo;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!ok[i] || !std::isfinite(x[i]) || !std::isfinite(y[i])) {
            x[i] = y[i] = k_nan;
            continue;
        }
        const double col = g[0] + g[1] * x[i] + g[2] * y[i];
        const double row = g[3] + g[4] * x[i] + g[5] * y[i];
        // GDAL's pixel coordinates have cell (0, 0) spanning [0, 1); its centre is at 0.5.
        x[i] = col - 0.5;
        y[i] = row - 0.5;
    }
}

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

double Dem::Impl::read_cell(int col, int row) const {
    if (col < 0 || row < 0 || col >= columns || row >= rows) return k_nan;
    double v = k_nan;
    if (band->RasterIO(GF_Read, col, row, 1, 1, &v, 1, 1, GDT_Float64, 0, 0) != CE_None) return k_nan;
    return v;
}

core::Expected<std::shared_ptr<const Dem>> Dem::open(const std::filesystem::path& path) {
    register_gdal();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return dem_error(core::ErrorCode::not_found, path, "no such file or folder");
    QuietGdal quiet;
    auto impl = std::make_unique<Impl>();
    std::string what = path.filename().string();
    if (std::filesystem::is_directory(path, ec)) {
        // A folder of tiles: GDAL's in-memory virtual mosaic of all of them.
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
            if (entry.is_regular_file() && is_raster_file(entry.path()))
                files.push_back(entry.path().string());
        }
        if (files.empty())
            return dem_error(core::ErrorCode::not_found, path,
                             "no raster files (.hgt, .tif, …) in the folder");
        std::sort(files.begin(), files.end());
        std::vector<const char*> names;
        for (const auto& f : files) names.push_back(f.c_str());
        int usage_error = 0;
        GDALDatasetH vrt =
            GDALBuildVRT("", static_cast<int>(names.size()), nullptr, names.data(), nullptr, &usage_error);
        if (!vrt)
            return dem_error(core::ErrorCode::io_error, path,
                             "cannot mosaic the folder's rasters: " + QuietGdal::last_message());
        impl->dataset.reset(GDALDataset::FromHandle(vrt));
        what = fmt::format("{} ({} tiles)", what, files.size());
    } else {
        impl->dataset.reset(GDALDataset::Open(path.string().c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        if (!impl->dataset)
            return dem_error(core::ErrorCode::io_error, path,
                             "not a raster GDAL can read: " + QuietGdal::last_message());
    }
    GDALDataset& ds = *impl->dataset;
    if (ds.GetRasterCount() < 1)
        return dem_error(core::ErrorCode::not_supported, path, "the raster has no band");
    impl->band = ds.GetRasterBand(1);
    impl->columns = ds.GetRasterXSize();
    impl->rows = ds.GetRasterYSize();
    std::array<double, 6> geo{};
    if (ds.GetGeoTransform(geo.data()) != CE_None) {
        return dem_error(core::ErrorCode::not_supported, path,
                         "the raster has no geotransform (not georeferenced)");
    }
    if (!GDALInvGeoTransform(geo.data(), impl->pixel_from_geo.data())) {
        return dem_error(core::ErrorCode::not_supported, path,
                         "the raster's geotransform cannot be inverted");
    }
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    if (!srs) return dem_error(core::ErrorCode::not_supported, path, "the raster has no coordinate system");
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target(*srs);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!target.IsSame(&wgs84)) {
        impl->from_wgs84.reset(OGRCreateCoordinateTransformation(&wgs84, &target));
        if (!impl->from_wgs84) {
            return dem_error(core::ErrorCode::not_supported, path,
                             "cannot transform WGS84 positions into the raster's coordinate system: " +
                                 QuietGdal::last_message());
        }
    }
    int has_no_data = 0;
    const double no_data = impl->band->GetNoDataValue(&has_no_data);
    if (has_no_data) impl->no_data = no_data;
    const double cell = std::abs(geo[1]);
    const std::string cell_text = srs->IsGeographic() ? fmt::format("{:.2f} arc-second cells", cell * 3600.0)
                                                      : fmt::format("{:.1f} m cells", cell);
    std::string description = fmt::format("{} ({} x {}, {})", what, impl->columns, impl->rows, cell_text);
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
    QuietGdal quiet;
    m.to_pixels(col, row);
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
        if (m.band->RasterIO(GF_Read, c0, r0, static_cast<int>(width), static_cast<int>(height),
                             window.data(), static_cast<int>(width), static_cast<int>(height), GDT_Float64, 0,
                             0) != CE_None) {
            window.clear();
        }
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
