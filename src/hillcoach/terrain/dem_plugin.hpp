#pragma once
// Finds and loads the elevation-model reader plugin (libhillcoach_dem_gdal.so; dem_raster.hpp says why it is
// a plugin) once per process. Looked for, in order: the file HILLCOACH_DEM_PLUGIN names; beside the running
// program; where the build put it.

#include "hillcoach/core/expected.hpp"
#include "hillcoach/terrain/dem_raster.hpp"

namespace hillcoach::terrain {

inline constexpr const char* k_dem_plugin_file_name = "libhillcoach_dem_gdal.so";

// The plugin's open function, or not_supported with every place looked at and why each failed.
core::Expected<OpenDemRasterFunction> dem_raster_opener();

}  // namespace hillcoach::terrain
