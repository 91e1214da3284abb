// Elevation models read through GDAL, on small rasters this test writes: a tilted plane (bilinear sampling
// reproduces a plane exactly), a cone in a projected coordinate system, void cells, an SRTM .hgt tile, a
// folder of tiles, and a GPS track over a model getting the model's elevations.

#include "hillcoach/terrain/dem.hpp"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include "hillcoach/terrain/course_builder.hpp"
#include "support/course_builder.hpp"
#include "support/test_data.hpp"

namespace hillcoach::terrain {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr float k_void = -32768.0F;

struct Raster {
    int columns = 0;
    int rows = 0;
    double origin_x = 0.0;  // west edge
    double origin_y = 0.0;  // north edge
    double cell = 0.0;      // cell size (degrees or metres); rows go south
    int epsg = 4326;
    std::vector<float> values = {};  // row-major, north row first
    bool with_no_data = false;
};

void write_geotiff(const std::filesystem::path& path, const Raster& r) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    ASSERT_NE(driver, nullptr);
    GDALDataset* ds = driver->Create(path.string().c_str(), r.columns, r.rows, 1, GDT_Float32, nullptr);
    ASSERT_NE(ds, nullptr);
    double geo[6] = {r.origin_x, r.cell, 0.0, r.origin_y, 0.0, -r.cell};
    ds->SetGeoTransform(geo);
    OGRSpatialReference srs;
    srs.importFromEPSG(r.epsg);
    ds->SetSpatialRef(&srs);
    GDALRasterBand* band = ds->GetRasterBand(1);
    if (r.with_no_data) band->SetNoDataValue(k_void);
    ASSERT_EQ(band->RasterIO(GF_Write, 0, 0, r.columns, r.rows, const_cast<float*>(r.values.data()),
                             r.columns, r.rows, GDT_Float32, 0, 0),
              CE_None);
    GDALClose(GDALDataset::ToHandle(ds));
}

// A plane over 46-47 N, 7-8 E in 0.01 degree cells: h = 400 + 300 (lon - 7) + 600 (lat - 46).
double plane(double lat, double lon) {
    return 400.0 + 300.0 * (lon - 7.0) + 600.0 * (lat - 46.0);
}

Raster plane_raster() {
    Raster r{.columns = 101, .rows = 101, .origin_x = 6.995, .origin_y = 47.005, .cell = 0.01};
    for (int row = 0; row < r.rows; ++row) {
        for (int col = 0; col < r.columns; ++col) {
            const double lat = 47.0 - 0.01 * row;
            const double lon = 7.0 + 0.01 * col;
            r.values.push_back(static_cast<float>(plane(lat, lon)));
        }
    }
    return r;
}

std::shared_ptr<const Dem> open_or_fail(const std::filesystem::path& path) {
    auto dem = Dem::open(path);
    EXPECT_TRUE(dem.has_value()) << (dem ? "" : dem.error().message());
    return dem ? *dem : nullptr;
}

TEST(DemTest, BilinearSamplingReproducesATiltedPlane) {
    const auto dir = test::temp_dir("dem_plane");
    write_geotiff(dir / "plane.tif", plane_raster());
    const auto dem = open_or_fail(dir / "plane.tif");
    ASSERT_TRUE(dem);
    // Cell centres, midpoints, arbitrary points: float32 cells hold the plane to about 3e-5 m.
    for (const auto& [lat, lon] : std::vector<std::pair<double, double>>{
             {46.5, 7.5}, {46.505, 7.5}, {46.123456, 7.654321}, {46.0, 7.0}, {47.0, 8.0}, {46.999, 7.001}}) {
        EXPECT_NEAR(dem->sample(lat, lon), plane(lat, lon), 1e-3) << lat << " " << lon;
    }
    EXPECT_NE(dem->description().find("plane.tif (101 x 101, 36.00 arc-second cells)"), std::string::npos)
        << dem->description();
}

TEST(DemTest, OutsideTheRasterIsNan) {
    const auto dir = test::temp_dir("dem_outside");
    write_geotiff(dir / "plane.tif", plane_raster());
    const auto dem = open_or_fail(dir / "plane.tif");
    ASSERT_TRUE(dem);
    EXPECT_TRUE(std::isnan(dem->sample(45.9, 7.5)));
    EXPECT_TRUE(std::isnan(dem->sample(46.5, 8.1)));
    EXPECT_TRUE(std::isnan(dem->sample(k_nan, 7.5)));
    // Inside the outer half cell the edge cells answer.
    EXPECT_NEAR(dem->sample(46.5, 8.004), plane(46.5, 8.0), 1e-3);
}

TEST(DemTest, VoidCellsAreLeftOutAndAllVoidIsNan) {
    Raster r{.columns = 3, .rows = 3, .origin_x = 7.0, .origin_y = 47.0, .cell = 0.01, .with_no_data = true};
    // Cell centres at lon 7.005, 7.015, 7.025 and lat 46.995, 46.985, 46.975.
    r.values = {100,    110,    k_void,  //
                120,    130,    k_void,  //
                k_void, k_void, k_void};
    const auto dir = test::temp_dir("dem_void");
    write_geotiff(dir / "void.tif", r);
    const auto dem = open_or_fail(dir / "void.tif");
    ASSERT_TRUE(dem);
    // Midway between the four valid cells: their mean.
    EXPECT_NEAR(dem->sample(46.99, 7.01), 115.0, 1e-9);
    // Midway between 110, 130 and two voids: the valid two, renormalised.
    EXPECT_NEAR(dem->sample(46.99, 7.02), 120.0, 1e-9);
    // All four void.
    EXPECT_TRUE(std::isnan(dem->sample(46.975, 7.025)));
}

TEST(DemTest, AProjectedConeIsSampledThroughTheCoordinateTransform) {
    // A cone 500 m high falling 0.1 m per metre around a peak, on a UTM zone 32N grid of 10 m cells
    // (EPSG:32632). The peak is at easting 360000, northing 5185000 (about 46.81 N, 7.21 E).
    Raster r{.columns = 201,
             .rows = 201,
             .origin_x = 359000.0 - 5.0,
             .origin_y = 5186000.0 + 5.0,
             .cell = 10.0,
             .epsg = 32632};
    for (int row = 0; row < r.rows; ++row) {
        for (int col = 0; col < r.columns; ++col) {
            const double e = 359000.0 + 10.0 * col - 360000.0;
            const double n = 5186000.0 - 10.0 * row - 5185000.0;
            r.values.push_back(static_cast<float>(500.0 - 0.1 * std::hypot(e, n)));
        }
    }
    const auto dir = test::temp_dir("dem_cone");
    write_geotiff(dir / "cone.tif", r);
    const auto dem = open_or_fail(dir / "cone.tif");
    ASSERT_TRUE(dem);
    OGRSpatialReference utm;
    utm.importFromEPSG(32632);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto* to_wgs84 = OGRCreateCoordinateTransformation(&utm, &wgs84);
    ASSERT_NE(to_wgs84, nullptr);
    // At the peak's cell centre, and 300 m east of it (a cell centre): the cone's value.
    for (const double east : {0.0, 300.0, -420.0}) {
        double x = 360000.0 + east;
        double y = 5185000.0;
        ASSERT_TRUE(to_wgs84->Transform(1, &x, &y));
        EXPECT_NEAR(dem->sample(y, x), 500.0 - 0.1 * std::abs(east), 1e-3) << east;
    }
    OGRCoordinateTransformation::DestroyCT(to_wgs84);
    EXPECT_NE(dem->description().find("10.0 m cells"), std::string::npos) << dem->description();
}

// An SRTM3 tile (1201 x 1201 big-endian int16, rows north to south, named after its south-west corner)
// holding the plane rounded to metres, with one void.
void write_hgt(const std::filesystem::path& path, int south, int west) {
    std::ofstream out(path, std::ios::binary);
    for (int row = 0; row < 1201; ++row) {
        for (int col = 0; col < 1201; ++col) {
            const double lat = south + 1.0 - row / 1200.0;
            const double lon = west + col / 1200.0;
            auto v = static_cast<std::int16_t>(std::lround(plane(lat, lon)));
            if (row == 600 && col == 600) v = -32768;
            const auto u = static_cast<std::uint16_t>(v);
            const char bytes[2] = {static_cast<char>(u >> 8), static_cast<char>(u & 0xFF)};
            out.write(bytes, 2);
        }
    }
}

TEST(DemTest, AnSrtmHgtTileReadsWithItsVoids) {
    const auto dir = test::temp_dir("dem_hgt");
    write_hgt(dir / "N46E007.hgt", 46, 7);
    const auto dem = open_or_fail(dir / "N46E007.hgt");
    ASSERT_TRUE(dem);
    // At a grid point the tile's integer metre; between grid points within the rounding of its neighbours.
    EXPECT_NEAR(dem->sample(46.25, 7.25), std::round(plane(46.25, 7.25)), 1e-9);
    EXPECT_NEAR(dem->sample(46.2512, 7.3771), plane(46.2512, 7.3771), 0.5);
    // The void at the tile's centre: its neighbours answer.
    EXPECT_NEAR(dem->sample(46.5, 7.5), plane(46.5, 7.5), 1.0);
    EXPECT_NE(dem->description().find("3.00 arc-second cells"), std::string::npos) << dem->description();
}

TEST(DemTest, AFolderOfTilesIsOneMosaic) {
    const auto dir = test::temp_dir("dem_folder");
    Raster west = plane_raster();
    Raster east = plane_raster();
    east.origin_x += 1.01;  // the next degree east (7.995..9.005 -> 8.005..9.015 centres from 8.0 on)
    for (int row = 0; row < east.rows; ++row) {
        for (int col = 0; col < east.columns; ++col) {
            east.values[static_cast<std::size_t>(row * east.columns + col)] =
                static_cast<float>(plane(47.0 - 0.01 * row, 8.01 + 0.01 * col));
        }
    }
    write_geotiff(dir / "a.tif", west);
    write_geotiff(dir / "b.tif", east);
    std::ofstream(dir / "README.txt") << "not a raster";
    const auto dem = open_or_fail(dir);
    ASSERT_TRUE(dem);
    EXPECT_NEAR(dem->sample(46.5, 7.5), plane(46.5, 7.5), 1e-3);
    EXPECT_NEAR(dem->sample(46.5, 8.5), plane(46.5, 8.5), 1e-3);
    EXPECT_NE(dem->description().find("(2 tiles)"), std::string::npos) << dem->description();
}

TEST(DemTest, OpenErrors) {
    const auto dir = test::temp_dir("dem_errors");
    EXPECT_ERROR(Dem::open(dir / "missing.tif"), core::ErrorCode::not_found, "no such file or folder");
    std::ofstream(dir / "text.tif") << "this is not a raster";
    EXPECT_ERROR(Dem::open(dir / "text.tif"), core::ErrorCode::io_error, "not a raster GDAL can read");
    std::filesystem::create_directories(dir / "empty");
    EXPECT_ERROR(Dem::open(dir / "empty"), core::ErrorCode::not_found, "no raster files");
}

TEST(DemTest, AGpsTrackOverTheModelGetsItsElevations) {
    // A run at the synthetic recorder's start (46.80 N, 7.15 E) with GPS altitude; the plane DEM replaces it.
    const auto dir = test::temp_dir("dem_course");
    write_geotiff(dir / "plane.tif", plane_raster());
    const auto dem = open_or_fail(dir / "plane.tif");
    ASSERT_TRUE(dem);
    const auto run = test::build_course("flat 1000; up 1000 +80; down 1000 -80; flat 1000",
                                        {.noise = test::Noise::gps, .seed = 2});
    const Course c = build_course(run.activity, {.dem = dem});
    EXPECT_EQ(c.elevation_source, core::ElevationSource::dem);
    ASSERT_TRUE(c.ascent_m.has_value());
    // Every sample's elevation is the plane under the recorded position, smoothed over the 60 m DEM window
    // (a plane along a wandering path stays close to linear over 60 m).
    const auto& s = run.activity.samples;
    for (std::size_t i = 0; i < s.size(); i += 37) {
        EXPECT_NEAR(c.elevation_m[i], plane(s.latitude_deg[i], s.longitude_deg[i]), 1.0) << i;
    }
    // The ascent is the plane's along the track: the end is higher or lower than the start by what the plane
    // says.
    const double net = plane(s.latitude_deg.back(), s.longitude_deg.back()) -
                       plane(s.latitude_deg.front(), s.longitude_deg.front());
    EXPECT_NEAR(*c.ascent_m - *c.descent_m, net, 3.0);
    bool noted = false;
    for (const auto& n : c.notes)
        noted = noted || n.find("elevation source: dem (plane.tif") != std::string::npos;
    EXPECT_TRUE(noted);
}

TEST(DemTest, BarometricElevationIsKept) {
    const auto dir = test::temp_dir("dem_baro");
    write_geotiff(dir / "plane.tif", plane_raster());
    const auto dem = open_or_fail(dir / "plane.tif");
    ASSERT_TRUE(dem);
    const auto run = test::build_course("flat 500; up 1000 +60; down 1000 -60",
                                        {.noise = test::Noise::barometric, .seed = 1});
    const Course c = build_course(run.activity, {.dem = dem});
    EXPECT_EQ(c.elevation_source, core::ElevationSource::barometric);
    EXPECT_NEAR(*c.ascent_m, 60.0, 2.0);
    bool noted = false;
    for (const auto& n : c.notes)
        noted = noted || n.find("not used: barometric elevation measures ascent better") != std::string::npos;
    EXPECT_TRUE(noted);
}

TEST(DemTest, ATrackOutsideTheModelKeepsItsOwnElevation) {
    const auto dir = test::temp_dir("dem_elsewhere");
    Raster far = plane_raster();
    far.origin_y -= 10.0;  // 36-37 N: nowhere near the track
    write_geotiff(dir / "far.tif", far);
    const auto dem = open_or_fail(dir / "far.tif");
    ASSERT_TRUE(dem);
    const auto run = test::build_course("flat 500; up 1000 +60", {.noise = test::Noise::gps, .seed = 1});
    const Course c = build_course(run.activity, {.dem = dem});
    EXPECT_EQ(c.elevation_source, core::ElevationSource::gps);
    bool noted = false;
    for (const auto& n : c.notes) noted = noted || n.find("does not cover the track") != std::string::npos;
    EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace hillcoach::terrain
