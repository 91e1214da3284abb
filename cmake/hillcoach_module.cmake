# hillcoach_module(NAME <module> SOURCES <files...> DEPENDS <targets...>)
# One static library per module folder (= namespace hillcoach::<module>), aliased hillcoach::<module>.
# Headers sit beside their sources; src/ is the include root: #include "hillcoach/terrain/climbs.hpp".
function(hillcoach_module)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPENDS" ${ARGN})
  set(target hillcoach_${ARG_NAME})
  add_library(${target} STATIC ${ARG_SOURCES})
  add_library(hillcoach::${ARG_NAME} ALIAS ${target})
  target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(${target} PUBLIC ${ARG_DEPENDS})
  hillcoach_set_warnings(${target})
endfunction()

# hillcoach_test(NAME <module> SOURCES <files...> DEPENDS <targets...>)
# One GoogleTest executable per module; every TEST becomes its own ctest entry.
function(hillcoach_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPENDS" ${ARGN})
  set(target ${ARG_NAME}_tests)
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_DEPENDS} hillcoach_test_support GTest::gtest GTest::gmock
                                          GTest::gtest_main)
  hillcoach_set_warnings(${target})
  gtest_discover_tests(${target}
    PROPERTIES ENVIRONMENT "HILLCOACH_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data"
    DISCOVERY_TIMEOUT 60)
endfunction()
