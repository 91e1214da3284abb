# info and analyze measure the distance from positions the same way (terrain's cleaned track): on every
# example activity info's distance_m equals analyze's positions_distance_m.
if(Python3_Interpreter_FOUND)
  add_test(NAME cli.info_analyze_distance_agree
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_distance_agreement.py ${hillcoach}
                   ${PROJECT_SOURCE_DIR}/examples)
endif()
