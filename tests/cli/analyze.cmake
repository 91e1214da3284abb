# hillcoach analyze: the values it reports, through the binary (check_analyze_values.py, one check per test):
# which distance is used and why, moving and elapsed pace on runs with stops, the text summary against the
# same run's --json, info's keys in analyze's JSON; and scripts/demo run as `make demo` runs it.
if(Python3_Interpreter_FOUND)
  foreach(check IN ITEMS distance_source pace summary_text info_keys)
    add_test(NAME cli.analyze.${check}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_analyze_values.py ${hillcoach}
                     ${PROJECT_SOURCE_DIR} ${check})
  endforeach()
  if(UNIX)
    add_test(NAME cli.analyze.demo
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_demo.py ${hillcoach} ${PROJECT_SOURCE_DIR})
  endif()
endif()
