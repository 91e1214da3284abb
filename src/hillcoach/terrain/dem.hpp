#pragma once
// A digital elevation model read through GDAL: SRTM .hgt tiles, GeoTIFF, or any raster GDAL opens (a .vrt
// mosaic of many tiles, ASTER GDEM, Copernicus DEM, national LIDAR grids), in any coordinate system GDAL can
// transform WGS84 positions into.
//
// Sampling is bilinear between the four cell centres around a position: GDAL's geotransform puts cell (col,
// row) centre at origin + (col + 0.5, row + 0.5) * cell size, which for SRTM .hgt is exactly the tile's grid
// of integer arc-seconds (the .hgt driver shifts the origin by half a cell). Void cells (the band's no-data
// value, -32768 in SRTM) are left out and the weights of the others renormalised; with all four void, or
// outside the raster, the elevation is NaN and the course builder's cleaning interpolates over the hole.
//
// Accuracy is the model's, not ours: SRTM 1" has an RMSE of about 9 m absolute and 16 m at 90 % (Sci Rep
// 2017, doi:10.1038/srep41672), much of it a slowly varying bias that ascent does not see; bilinear sampling
// itself reproduces a plane exactly (tests/terrain/dem_test.cpp builds one). The GPS's horizontal error moves
// each sample along the slope (5 m on a 20 % slope is 1 m of elevation): the DEM profile is smoothed with its
// own window (elevation_smooth.hpp).
//
// Thread safety: a Dem may be shared between threads (the GDAL dataset is used under a lock; each call reads
// the window of cells a track covers in one request).
//
// GDAL itself is reached through a plugin loaded on the first open (dem_raster.hpp, dem_plugin.hpp), so that
// programs which never open a raster do not pay for loading it.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hillcoach/core/expected.hpp"

namespace hillcoach::terrain {

// A track whose bounding box covers more cells than this is sampled cell block by cell block instead of in
// one read (a 300 km ultra on SRTM 1" is about 10 million cells; a continental mosaic is billions).
inline constexpr std::size_t k_dem_max_window_cells = 16u * 1024u * 1024u;

class Dem {
  public:
    // Opens a raster (errors: not_found, io_error when GDAL cannot read it, not_supported without a
    // coordinate system or geotransform or when the GDAL plugin cannot be loaded). A folder is opened as the
    // mosaic of every raster in it (SRTM .hgt tiles).
    static core::Expected<std::shared_ptr<const Dem>> open(const std::filesystem::path& path);

    ~Dem();
    Dem(const Dem&) = delete;
    Dem& operator=(const Dem&) = delete;

    // Elevation in metres at each position (degrees, WGS84); NaN outside the raster, on void cells and for
    // NaN positions. `latitude_deg` and `longitude_deg` have the same length.
    std::vector<double> sample(const std::vector<double>& latitude_deg,
                               const std::vector<double>& longitude_deg) const;
    double sample(double latitude_deg, double longitude_deg) const;

    // "N46E007.hgt (3601 x 3601 cells, 1 arc-second)": for notes.
    const std::string& description() const { return m_description; }

  private:
    struct Impl;
    explicit Dem(std::unique_ptr<Impl> impl, std::string description);
    std::unique_ptr<Impl> m_impl;
    std::string m_description;
};

}  // namespace hillcoach::terrain
