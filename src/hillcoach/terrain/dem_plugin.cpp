#include "hillcoach/terrain/dem_plugin.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

namespace hillcoach::terrain {
namespace {

std::vector<std::filesystem::path> plugin_candidates() {
    std::vector<std::filesystem::path> places;
    if (const char* named = std::getenv("HILLCOACH_DEM_PLUGIN"); named && *named) places.emplace_back(named);
    std::error_code ec;
    const auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) places.push_back(program.parent_path() / k_dem_plugin_file_name);
#ifdef HILLCOACH_DEM_PLUGIN_BUILD_PATH
    places.emplace_back(HILLCOACH_DEM_PLUGIN_BUILD_PATH);
#endif
    return places;
}

core::Expected<OpenDemRasterFunction> load() {
    std::string tried;
    for (const auto& place : plugin_candidates()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(place, ec)) {
            tried += "\n  " + place.string() + ": not there";
            continue;
        }
        // Never closed: the rasters it opens live as long as the process may use them.
        void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = dlerror();
            tried += "\n  " + place.string() + ": " + (why ? why : "cannot be loaded");
            continue;
        }
        if (void* symbol = dlsym(handle, k_open_dem_raster_symbol)) {
            return reinterpret_cast<OpenDemRasterFunction>(symbol);
        }
        tried += "\n  " + place.string() + ": has no " + k_open_dem_raster_symbol;
    }
    return core::make_error(core::ErrorCode::not_supported, core::Location{.file = k_dem_plugin_file_name},
                            "the elevation-model reader (built with GDAL) cannot be loaded; looked at:" + tried);
}

}  // namespace

core::Expected<OpenDemRasterFunction> dem_raster_opener() {
    static std::once_flag once;
    static std::optional<core::Expected<OpenDemRasterFunction>> loaded;
    std::call_once(once, [] { loaded.emplace(load()); });
    return *loaded;
}

}  // namespace hillcoach::terrain
