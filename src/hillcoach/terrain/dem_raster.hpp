#pragma once
// The boundary between Dem (dem.hpp: which cells a track needs, bilinear sampling, void cells) and the
// reader that opens the raster through GDAL (gdal/gdal_raster.cpp).
//
// Why a boundary at all: the reader is a plugin, loaded with dlopen the first time an elevation model is
// opened (dem_plugin.hpp). GDAL brings some 170 shared libraries (PROJ, HDF5, poppler, ICU, codecs...);
// linking them into the program cost about 50 ms at every start, measured on the project's machine: half of
// `hillcoach weeks` on ten years of history, for a command that never reads a raster.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hillcoach/core/error.hpp"

namespace hillcoach::terrain {

// What the reader tells about a raster it has opened.
struct RasterShape {
    int columns = 0;
    int rows = 0;
    std::optional<double> no_data;  // the band's void value (-32768 in SRTM), when it declares one
    std::string description;        // "N46E007.hgt (3601 x 3601, 1.00 arc-second cells)"
};

class DemRaster {
  public:
    explicit DemRaster(RasterShape shape) : m_shape(std::move(shape)) {}
    virtual ~DemRaster() = default;
    DemRaster(const DemRaster&) = delete;
    DemRaster& operator=(const DemRaster&) = delete;

    const RasterShape& shape() const { return m_shape; }

    // WGS84 longitudes in `x` and latitudes in `y` become, in place, pixel columns and rows with the cell
    // centres at integers; NaN where a position cannot be transformed into the raster's coordinate system.
    virtual void to_pixels(std::vector<double>& x, std::vector<double>& y) const = 0;

    // The cells [column, column + width) x [row, row + height), row after row, into `out`; false when the
    // raster cannot be read there. Not thread-safe: Dem calls it under its lock.
    virtual bool read(int column, int row, int width, int height, double* out) const = 0;

  private:
    RasterShape m_shape;
};

// What opening gives: the raster, or the error code and reason (Dem::open adds the path).
struct DemRasterOpened {
    std::unique_ptr<DemRaster> raster;
    core::ErrorCode code = core::ErrorCode::io_error;
    std::string reason;
};

// The plugin's one entry point, found by this name with dlsym. Both sides are built by the same compiler in
// the same build, so the C++ types may cross it.
using OpenDemRasterFunction = DemRasterOpened (*)(const std::filesystem::path& path);
inline constexpr const char* k_open_dem_raster_symbol = "hillcoach_open_dem_raster";

}  // namespace hillcoach::terrain
