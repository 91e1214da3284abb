// The FIT profile tables: base types, field table consistency, names, the epoch and the semicircle factor.
#include "hillcoach/io/fit/fit_profile.hpp"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "hillcoach/core/time.hpp"

namespace hillcoach::io::fit {
namespace {

TEST(FitProfile, EpochIsTheLastDayOf1989) {
    EXPECT_EQ(k_fit_epoch_unix_s, core::days_from_civil(1989, 12, 31) * 86400);
    EXPECT_EQ(core::format_iso8601_utc(fit_time_to_unix(0)), "1989-12-31T00:00:00Z");
    // 2^31 semicircles are 180 degrees.
    EXPECT_DOUBLE_EQ(2147483648.0 * k_degrees_per_semicircle, 180.0);
    EXPECT_DOUBLE_EQ(-1073741824.0 * k_degrees_per_semicircle, -90.0);
}

TEST(FitProfile, BaseTypesHaveTheProtocolsSizesAndInvalidValues) {
    EXPECT_EQ(base_type_info(BaseType::sint32).size, 4);
    EXPECT_EQ(base_type_info(BaseType::sint32).invalid, 0x7FFFFFFFU);
    EXPECT_EQ(base_type_info(BaseType::uint16).invalid, 0xFFFFU);
    EXPECT_EQ(base_type_info(BaseType::uint32z).invalid, 0U);
    EXPECT_EQ(base_type_info(BaseType::sint8).invalid, 0x7FU);
    EXPECT_TRUE(base_type_info(BaseType::float32).is_float);
    EXPECT_TRUE(base_type_info(BaseType::string).is_text);
    ASSERT_NE(base_type_info(0x84), nullptr);
    EXPECT_EQ(base_type_info(0x84)->type, BaseType::uint16);
    EXPECT_EQ(base_type_info(0x1F), nullptr);
}

TEST(FitProfile, EachFieldIsListedOnceAndFoundByNumber) {
    std::set<std::pair<std::uint16_t, std::uint8_t>> seen;
    for (const Field* f : k_fields) {
        EXPECT_TRUE(seen.insert({f->message, f->number}).second) << f->name << " listed twice";
        EXPECT_EQ(find_field(f->message, f->number), f);
        EXPECT_GT(f->scale, 0.0);
    }
    EXPECT_EQ(find_field(mesg::record, 99), nullptr);
    // The record scales that matter most (FIT profile): altitude in 1/5 m with a 500 m offset, distance in
    // cm.
    EXPECT_EQ(record::enhanced_altitude.scale, 5.0);
    EXPECT_EQ(record::enhanced_altitude.offset, 500.0);
    EXPECT_EQ(record::distance.scale, 100.0);
    EXPECT_EQ(record::enhanced_speed.scale, 1000.0);
    EXPECT_EQ(session::total_ascent.number, 22);
    EXPECT_EQ(lap::total_ascent.number, 21);
}

TEST(FitProfile, NamesEnumerationValues) {
    EXPECT_EQ(sport_name(1), "running");
    EXPECT_EQ(sport_name(4), "fitness_equipment");
    EXPECT_EQ(sport_name(250), "");
    EXPECT_EQ(sub_sport_name(3), "trail");
    EXPECT_EQ(sub_sport_name(58), "virtual_activity");
    EXPECT_EQ(file_type_name(4), "activity");
    EXPECT_EQ(file_type_name(32), "monitoring_b");
    EXPECT_EQ(manufacturer_name(1), "garmin");
    EXPECT_EQ(manufacturer_name(32), "wahoo_fitness");
    EXPECT_EQ(manufacturer_name(294), "coros");
    EXPECT_EQ(manufacturer_name(60000), "");
    EXPECT_EQ(product_name(1, 3113), "fr945");
    EXPECT_EQ(product_name(15, 1), "hrm1");  // dynastream uses Garmin's product list
    EXPECT_EQ(product_name(32, 3113), "");   // a Wahoo product number is not a Garmin product
    EXPECT_EQ(sport_from_name("hiking"), std::optional<std::uint8_t>(17));
    EXPECT_EQ(sub_sport_from_name("treadmill"), std::optional<std::uint8_t>(1));
    EXPECT_FALSE(sport_from_name("parkour").has_value());
}

TEST(FitProfile, KnowsTheAltimeterOfListedProductsOnly) {
    EXPECT_EQ(product_altimeter(1, 3113), Altimeter::barometric);  // Forerunner 945
    EXPECT_EQ(product_altimeter(1, 1124), Altimeter::gps);         // Forerunner 110
    EXPECT_EQ(product_altimeter(1, 9999), Altimeter::unknown);
    EXPECT_EQ(product_altimeter(32, 3113), Altimeter::unknown);
}

}  // namespace
}  // namespace hillcoach::io::fit
