// The elevation-model reader plugin (libhillcoach_dem_gdal.so): opens a raster, or a folder of tiles as one
// mosaic, through GDAL, and answers dem_raster.hpp's two questions (where is a WGS84 position in the grid, and
// what are the cells of a window). It is the only code that touches GDAL; dem_plugin.cpp loads it on demand
// (see dem_raster.hpp for why).

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include "hillcoach/terrain/dem_raster.hpp"

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
using DatasetPtr = std::unique_ptr<GDALDataset, GdalClose>;
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDelete>;

bool is_raster_file(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(k_raster_extensions.begin(), k_raster_extensions.end(), ext) !=
           k_raster_extensions.end();
}

DemRasterOpened failure(core::ErrorCode code, std::string reason) {
    return DemRasterOpened{.raster = nullptr, .code = code, .reason = std::move(reason)};
}

class GdalRaster final : public DemRaster {
  public:
    GdalRaster(RasterShape shape, DatasetPtr dataset, const std::array<double, 6>& pixel_from_geo,
               TransformPtr from_wgs84)
        : DemRaster(std::move(shape)),
          m_dataset(std::move(dataset)),
          m_band(m_dataset->GetRasterBand(1)),
          m_pixel_from_geo(pixel_from_geo),
          m_from_wgs84(std::move(from_wgs84)) {}

    void to_pixels(std::vector<double>& x, std::vector<double>& y) const override {
        // x holds longitudes and y latitudes on entry (traditional GIS order: x = east).
        std::vector<int> ok(x.size(), 1);
        if (m_from_wgs84 && !x.empty()) {
            QuietGdal quiet;
            m_from_wgs84->Transform(static_cast<int>(x.size()), x.data(), y.data(), nullptr, ok.data());
        }
        const auto& g = m_pixel_from_geo;
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

    bool read(int column, int row, int width, int height, double* out) const override {
        QuietGdal quiet;
        return m_band->RasterIO(GF_Read, column, row, width, height, out, width, height, GDT_Float64, 0, 0) ==
               CE_None;
    }

  private:
    DatasetPtr m_dataset;
    GDALRasterBand* m_band;
    std::array<double, 6> m_pixel_from_geo;  // inverse geotransform: georeferenced x, y to pixel column, row
    TransformPtr m_from_wgs84;               // null when the raster is WGS84
};

// A folder of tiles: GDAL's in-memory virtual mosaic of all of them.
DemRasterOpened open_folder(const std::filesystem::path& path, DatasetPtr& dataset, std::string& what) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.is_regular_file() && is_raster_file(entry.path())) files.push_back(entry.path().string());
    }
    if (files.empty()) return failure(core::ErrorCode::not_found, "no raster files (.hgt, .tif, …) in the folder");
    std::sort(files.begin(), files.end());
    std::vector<const char*> names;
    for (const auto& f : files) names.push_back(f.c_str());
    int usage_error = 0;
    GDALDatasetH vrt =
        GDALBuildVRT("", static_cast<int>(names.size()), nullptr, names.data(), nullptr, &usage_error);
    if (!vrt)
        return failure(core::ErrorCode::io_error, "cannot mosaic the folder's rasters: " + QuietGdal::last_message());
    dataset.reset(GDALDataset::FromHandle(vrt));
    what = fmt::format("{} ({} tiles)", what, files.size());
    return {};
}

DemRasterOpened open_raster(const std::filesystem::path& path) {
    register_gdal();
    QuietGdal quiet;
    DatasetPtr dataset;
    std::string what = path.filename().string();
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        if (auto failed = open_folder(path, dataset, what); !dataset) return failed;
    } else {
        dataset.reset(GDALDataset::Open(path.string().c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        if (!dataset)
            return failure(core::ErrorCode::io_error, "not a raster GDAL can read: " + QuietGdal::last_message());
    }
    GDALDataset& ds = *dataset;
    if (ds.GetRasterCount() < 1) return failure(core::ErrorCode::not_supported, "the raster has no band");
    std::array<double, 6> geo{};
    if (ds.GetGeoTransform(geo.data()) != CE_None)
        return failure(core::ErrorCode::not_supported, "the raster has no geotransform (not georeferenced)");
    std::array<double, 6> pixel_from_geo{};
    if (!GDALInvGeoTransform(geo.data(), pixel_from_geo.data()))
        return failure(core::ErrorCode::not_supported, "the raster's geotransform cannot be inverted");
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    if (!srs) return failure(core::ErrorCode::not_supported, "the raster has no coordinate system");
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target(*srs);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    TransformPtr from_wgs84;
    if (!target.IsSame(&wgs84)) {
        from_wgs84.reset(OGRCreateCoordinateTransformation(&wgs84, &target));
        if (!from_wgs84) {
            return failure(core::ErrorCode::not_supported,
                           "cannot transform WGS84 positions into the raster's coordinate system: " +
                               QuietGdal::last_message());
        }
    }
    RasterShape shape{.columns = ds.GetRasterXSize(), .rows = ds.GetRasterYSize(), .no_data = {}, .description = {}};
    int has_no_data = 0;
    const double no_data = ds.GetRasterBand(1)->GetNoDataValue(&has_no_data);
    if (has_no_data) shape.no_data = no_data;
    const double cell = std::abs(geo[1]);
    const std::string cell_text = srs->IsGeographic() ? fmt::format("{:.2f} arc-second cells", cell * 3600.0)
                                                      : fmt::format("{:.1f} m cells", cell);
    shape.description = fmt::format("{} ({} x {}, {})", what, shape.columns, shape.rows, cell_text);
    return DemRasterOpened{.raster = std::make_unique<GdalRaster>(std::move(shape), std::move(dataset),
                                                                  pixel_from_geo, std::move(from_wgs84)),
                           .code = core::ErrorCode::io_error,
                           .reason = {}};
}

}  // namespace
}  // namespace hillcoach::terrain

// The entry point dem_plugin.cpp looks up (k_open_dem_raster_symbol); checked against OpenDemRasterFunction.
extern "C" __attribute__((visibility("default"))) hillcoach::terrain::DemRasterOpened hillcoach_open_dem_raster(
    const std::filesystem::path& path) {
    return hillcoach::terrain::open_raster(path);
}
static_assert(std::is_same_v<decltype(&hillcoach_open_dem_raster), hillcoach::terrain::OpenDemRasterFunction>);
