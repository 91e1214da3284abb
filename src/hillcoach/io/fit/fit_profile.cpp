#include "hillcoach/io/fit/fit_profile.hpp"

#include <algorithm>
#include <utility>

namespace hillcoach::io::fit {
namespace {

// Indexed by the low 5 bits of the base type byte (FIT protocol, "base types").
constexpr std::array<BaseTypeInfo, 17> k_base_types{{
    {BaseType::enum_, 1, false, false, false, 0xFF, "enum"},
    {BaseType::sint8, 1, true, false, false, 0x7F, "sint8"},
    {BaseType::uint8, 1, false, false, false, 0xFF, "uint8"},
    {BaseType::sint16, 2, true, false, false, 0x7FFF, "sint16"},
    {BaseType::uint16, 2, false, false, false, 0xFFFF, "uint16"},
    {BaseType::sint32, 4, true, false, false, 0x7FFFFFFF, "sint32"},
    {BaseType::uint32, 4, false, false, false, 0xFFFFFFFF, "uint32"},
    {BaseType::string, 1, false, false, true, 0x00, "string"},
    {BaseType::float32, 4, true, true, false, 0xFFFFFFFF, "float32"},
    {BaseType::float64, 8, true, true, false, 0xFFFFFFFFFFFFFFFF, "float64"},
    {BaseType::uint8z, 1, false, false, false, 0x00, "uint8z"},
    {BaseType::uint16z, 2, false, false, false, 0x0000, "uint16z"},
    {BaseType::uint32z, 4, false, false, false, 0x00000000, "uint32z"},
    {BaseType::byte, 1, false, false, false, 0xFF, "byte"},
    {BaseType::sint64, 8, true, false, false, 0x7FFFFFFFFFFFFFFF, "sint64"},
    {BaseType::uint64, 8, false, false, false, 0xFFFFFFFFFFFFFFFF, "uint64"},
    {BaseType::uint64z, 8, false, false, false, 0x0000000000000000, "uint64z"},
}};

constexpr bool base_types_in_order() {
    for (std::size_t i = 0; i < k_base_types.size(); ++i) {
        if ((static_cast<std::size_t>(k_base_types[i].type) & 0x1F) != i) return false;
    }
    return true;
}
static_assert(base_types_in_order(), "k_base_types is indexed by the base type number");

// FIT type "sport", values 0-49 (index = value).
constexpr std::array<std::string_view, 50> k_sports{"generic",
                                                    "running",
                                                    "cycling",
                                                    "transition",
                                                    "fitness_equipment",
                                                    "swimming",
                                                    "basketball",
                                                    "soccer",
                                                    "tennis",
                                                    "american_football",
                                                    "training",
                                                    "walking",
                                                    "cross_country_skiing",
                                                    "alpine_skiing",
                                                    "snowboarding",
                                                    "rowing",
                                                    "mountaineering",
                                                    "hiking",
                                                    "multisport",
                                                    "paddling",
                                                    "flying",
                                                    "e_biking",
                                                    "motorcycling",
                                                    "boating",
                                                    "driving",
                                                    "golf",
                                                    "hang_gliding",
                                                    "horseback_riding",
                                                    "hunting",
                                                    "fishing",
                                                    "inline_skating",
                                                    "rock_climbing",
                                                    "sailing",
                                                    "ice_skating",
                                                    "sky_diving",
                                                    "snowshoeing",
                                                    "snowmobiling",
                                                    "stand_up_paddleboarding",
                                                    "surfing",
                                                    "wakeboarding",
                                                    "water_skiing",
                                                    "kayaking",
                                                    "rafting",
                                                    "windsurfing",
                                                    "kitesurfing",
                                                    "tactical",
                                                    "jumpmaster",
                                                    "boxing",
                                                    "floor_climbing",
                                                    "baseball"};

// FIT type "sub_sport", values 0-59 (index = value).
constexpr std::array<std::string_view, 60> k_sub_sports{"generic",
                                                        "treadmill",
                                                        "street",
                                                        "trail",
                                                        "track",
                                                        "spin",
                                                        "indoor_cycling",
                                                        "road",
                                                        "mountain",
                                                        "downhill",
                                                        "recumbent",
                                                        "cyclocross",
                                                        "hand_cycling",
                                                        "track_cycling",
                                                        "indoor_rowing",
                                                        "elliptical",
                                                        "stair_climbing",
                                                        "lap_swimming",
                                                        "open_water",
                                                        "flexibility_training",
                                                        "strength_training",
                                                        "warm_up",
                                                        "match",
                                                        "exercise",
                                                        "challenge",
                                                        "indoor_skiing",
                                                        "cardio_training",
                                                        "indoor_walking",
                                                        "e_bike_fitness",
                                                        "bmx",
                                                        "casual_walking",
                                                        "speed_walking",
                                                        "bike_to_run_transition",
                                                        "run_to_bike_transition",
                                                        "swim_to_bike_transition",
                                                        "atv",
                                                        "motocross",
                                                        "backcountry",
                                                        "resort",
                                                        "rc_drone",
                                                        "wingsuit",
                                                        "whitewater",
                                                        "skate_skiing",
                                                        "yoga",
                                                        "pilates",
                                                        "indoor_running",
                                                        "gravel_cycling",
                                                        "e_bike_mountain",
                                                        "commuting",
                                                        "mixed_surface",
                                                        "navigate",
                                                        "track_me",
                                                        "map",
                                                        "single_gas_diving",
                                                        "multi_gas_diving",
                                                        "gauge_diving",
                                                        "apnea_diving",
                                                        "apnea_hunting",
                                                        "virtual_activity",
                                                        "obstacle"};

// FIT type "file" (index = value; "" where the profile has no value).
constexpr std::array<std::string_view, 41> k_file_types{"",
                                                        "device",
                                                        "settings",
                                                        "sport",
                                                        "activity",
                                                        "workout",
                                                        "course",
                                                        "schedules",
                                                        "",
                                                        "weight",
                                                        "totals",
                                                        "goals",
                                                        "",
                                                        "",
                                                        "blood_pressure",
                                                        "monitoring_a",
                                                        "",
                                                        "",
                                                        "",
                                                        "",
                                                        "activity_summary",
                                                        "",
                                                        "",
                                                        "",
                                                        "",
                                                        "",
                                                        "",
                                                        "",
                                                        "monitoring_daily",
                                                        "",
                                                        "",
                                                        "",
                                                        "monitoring_b",
                                                        "",
                                                        "segment",
                                                        "segment_list",
                                                        "",
                                                        "",
                                                        "",
                                                        "",
                                                        "exd_configuration"};

// FIT type "lap_trigger" and "intensity".
constexpr std::array<std::string_view, 9> k_lap_triggers{
    "manual",          "time",         "distance",
    "position_start",  "position_lap", "position_waypoint",
    "position_marked", "session_end",  "fitness_equipment"};
constexpr std::array<std::string_view, 7> k_intensities{"active",   "rest",     "warmup", "cooldown",
                                                        "recovery", "interval", "other"};

struct NamedId {
    std::uint16_t id = 0;
    std::string_view name;
};

// FIT type "manufacturer": the makers of running and cycling recorders and the services that write FIT.
// Sorted by id.
constexpr NamedId k_manufacturers[] = {
    {1, "garmin"},
    {3, "zephyr"},
    {6, "srm"},
    {7, "quarq"},
    {9, "saris"},
    {13, "dynastream_oem"},
    {15, "dynastream"},
    {16, "timex"},
    {23, "suunto"},
    {28, "peaksware"},
    {32, "wahoo_fitness"},
    {37, "magellan"},
    {38, "osynce"},
    {39, "holux"},
    {40, "concept2"},
    {41, "shimano"},
    {45, "xplova"},
    {48, "pioneer"},
    {51, "4iiiis"},
    {52, "seiko_epson"},
    {60, "rotor"},
    {61, "geonaute"},
    {63, "specialized"},
    {68, "cateye"},
    {69, "stages_cycling"},
    {70, "sigmasport"},
    {71, "tomtom"},
    {73, "wattbike"},
    {76, "moxy"},
    {86, "elite"},
    {87, "nielsen_kellerman"},
    {89, "tacx"},
    {95, "stryd"},
    {99, "look"},
    {107, "magene"},
    {112, "bryton_sensors"},
    {115, "igpsport"},
    {121, "kinetic"},
    {123, "polar_electro"},
    {127, "leomo"},
    {255, "development"},
    {258, "lezyne"},
    {260, "zwift"},
    {263, "favero_electronics"},
    {265, "strava"},
    {267, "bryton"},
    {268, "sram"},
    {281, "trainer_road"},
    {282, "the_sufferfest"},
    {289, "hammerhead"},
    {294, "coros"},
    {305, "whoop"},
    {310, "decathlon"},
    {326, "nike"},
    {331, "mywhoosh"},
    {340, "peloton"},
    {348, "huawei"},
};

// FIT type "garmin_product": Garmin's running watches, cycling computers and handhelds. Sorted by id.
constexpr NamedId k_garmin_products[] = {
    {1, "hrm1"},
    {717, "fr405"},
    {782, "fr50"},
    {988, "fr60"},
    {1018, "fr310xt"},
    {1036, "edge500"},
    {1124, "fr110"},
    {1169, "edge800"},
    {1325, "edge200"},
    {1328, "fr910xt"},
    {1345, "fr610"},
    {1436, "fr70"},
    {1482, "fr10"},
    {1499, "swim"},
    {1551, "fenix"},
    {1561, "edge510"},
    {1567, "edge810"},
    {1623, "fr620"},
    {1632, "fr220"},
    {1765, "fr920xt"},
    {1836, "edge1000"},
    {1837, "vivo_fit"},
    {1903, "fr15"},
    {1907, "vivo_active"},
    {1967, "fenix2"},
    {1988, "epix"},
    {2050, "fenix3"},
    {2067, "edge520"},
    {2147, "edge25"},
    {2148, "fr25"},
    {2153, "fr225"},
    {2156, "fr630"},
    {2157, "fr230"},
    {2158, "fr735xt"},
    {2238, "edge20"},
    {2337, "vivo_active_hr"},
    {2347, "vivo_smart_gps_hr"},
    {2348, "vivo_smart_hr"},
    {2413, "fenix3_hr"},
    {2431, "fr235"},
    {2441, "oregon7xx"},
    {2503, "fr35"},
    {2512, "oregon7xx_ww"},
    {2530, "edge_820"},
    {2544, "fenix5s"},
    {2604, "fenix5x"},
    {2691, "fr935"},
    {2697, "fenix5"},
    {2700, "vivoactive3"},
    {2713, "edge_1030"},
    {2886, "fr645"},
    {2888, "fr645m"},
    {2900, "fenix5s_plus"},
    {2909, "edge_130"},
    {3076, "fr245"},
    {3077, "fr245_music"},
    {3110, "fenix5_plus"},
    {3111, "fenix5x_plus"},
    {3112, "edge_520_plus"},
    {3113, "fr945"},
    {3121, "edge_530"},
    {3122, "edge_830"},
    {3226, "venu"},
    {3282, "fr45"},
    {3288, "fenix6s"},
    {3289, "fenix6_sport"},
    {3290, "fenix6"},
    {3291, "fenix6x"},
    {3558, "edge_130_plus"},
    {3570, "edge_1030_plus"},
    {3589, "fr745"},
    {3638, "enduro"},
    {3652, "fr945_lte"},
    {3703, "venu2"},
    {3843, "edge_1040"},
    {3869, "fr55"},
    {3888, "instinct_2"},
    {3905, "fenix7s"},
    {3906, "fenix7"},
    {3907, "fenix7x"},
    {3943, "epix_gen2"},
    {3990, "fr255_music"},
    {3992, "fr255"},
    {4024, "fr955"},
    {4061, "edge_540"},
    {4062, "edge_840"},
    {4257, "fr265_large"},
    {4258, "fr265_small"},
    {4315, "fr965"},
    {4341, "enduro2"},
    {4432, "fr165"},
    {4440, "edge_1050"},
    {4536, "fenix8"},
    {65534, "connect"},
};

// Altimeters as Garmin's product specifications state them. Barometric: every Edge from the 500 on except
// the Edge 20/25/200/130, Forerunner 910XT/920XT/935/945/955/965/745/255/265, every fenix, epix and enduro,
// vivoactive HR, Oregon 7xx. GPS only: the Forerunners without a barometer (10, 110, 2x0, 305-630, 735XT,
// 245, 45, 55, 165) and the Edge 20/25/200. Only these products are named; every other device is `unknown`.
constexpr std::uint16_t k_barometric_products[] = {
    1036, 1169, 1328, 1551, 1561, 1567, 1765, 1836, 1967, 1988, 2050, 2067, 2337, 2413,
    2441, 2512, 2530, 2544, 2604, 2691, 2697, 2713, 2900, 3110, 3111, 3112, 3113, 3121,
    3122, 3288, 3289, 3290, 3291, 3570, 3589, 3638, 3652, 3843, 3905, 3906, 3907, 3943,
    3990, 3992, 4024, 4061, 4062, 4257, 4258, 4315, 4341, 4440, 4536};
constexpr std::uint16_t k_gps_only_products[] = {717,  1018, 1124, 1325, 1345, 1482, 1623, 1632,
                                                 1903, 2147, 2148, 2153, 2156, 2157, 2158, 2238,
                                                 2431, 3076, 3077, 3282, 3869, 4432};

template <std::size_t N>
constexpr bool sorted_ids(const NamedId (&table)[N]) {
    for (std::size_t i = 1; i < N; ++i) {
        if (table[i - 1].id >= table[i].id) return false;
    }
    return true;
}
static_assert(sorted_ids(k_manufacturers), "k_manufacturers must be sorted by id");
static_assert(sorted_ids(k_garmin_products), "k_garmin_products must be sorted by id");

template <std::size_t N>
std::string_view find_name(const NamedId (&table)[N], std::uint16_t id) {
    const auto* it = std::lower_bound(std::begin(table), std::end(table), id,
                                      [](const NamedId& row, std::uint16_t value) { return row.id < value; });
    return it != std::end(table) && it->id == id ? it->name : std::string_view{};
}

template <std::size_t N>
std::string_view name_at(const std::array<std::string_view, N>& table, std::size_t value) {
    return value < N ? table[value] : std::string_view{};
}

template <std::size_t N>
std::optional<std::uint8_t> value_of(const std::array<std::string_view, N>& table, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i) {
        if (!name.empty() && table[i] == name) return static_cast<std::uint8_t>(i);
    }
    return std::nullopt;
}

bool uses_garmin_products(std::uint16_t manufacturer) {
    return manufacturer == manufacturer_id::garmin || manufacturer == manufacturer_id::dynastream ||
           manufacturer == manufacturer_id::dynastream_oem || manufacturer == manufacturer_id::tacx;
}

}  // namespace

const BaseTypeInfo* base_type_info(std::uint8_t base_type_byte) {
    const std::size_t index = base_type_byte & 0x1F;
    if (index >= k_base_types.size()) return nullptr;
    // Only the type number counts: bit 7 (endian ability) is redundant with it, and a writer that gets it
    // wrong still says which type it means.
    return &k_base_types[index];
}

const BaseTypeInfo& base_type_info(BaseType type) {
    return k_base_types[static_cast<std::size_t>(type) & 0x1F];
}

std::string_view sport_name(std::uint8_t sport) {
    return name_at(k_sports, sport);
}
std::string_view sub_sport_name(std::uint8_t sub_sport) {
    return name_at(k_sub_sports, sub_sport);
}
std::string_view file_type_name(std::uint8_t type) {
    return name_at(k_file_types, type);
}
std::string_view lap_trigger_name(std::uint8_t trigger) {
    return name_at(k_lap_triggers, trigger);
}
std::string_view intensity_name(std::uint8_t intensity) {
    return name_at(k_intensities, intensity);
}
std::string_view manufacturer_name(std::uint16_t manufacturer) {
    return find_name(k_manufacturers, manufacturer);
}

std::string_view product_name(std::uint16_t manufacturer, std::uint16_t product) {
    return uses_garmin_products(manufacturer) ? find_name(k_garmin_products, product) : std::string_view{};
}

std::optional<std::uint8_t> sport_from_name(std::string_view name) {
    return value_of(k_sports, name);
}
std::optional<std::uint8_t> sub_sport_from_name(std::string_view name) {
    return value_of(k_sub_sports, name);
}

Altimeter product_altimeter(std::uint16_t manufacturer, std::uint16_t product) {
    if (manufacturer != manufacturer_id::garmin) return Altimeter::unknown;
    if (std::find(std::begin(k_barometric_products), std::end(k_barometric_products), product) !=
        std::end(k_barometric_products)) {
        return Altimeter::barometric;
    }
    if (std::find(std::begin(k_gps_only_products), std::end(k_gps_only_products), product) !=
        std::end(k_gps_only_products)) {
        return Altimeter::gps;
    }
    return Altimeter::unknown;
}

}  // namespace hillcoach::io::fit
