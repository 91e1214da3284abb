# analyze's physiology JSON (issue 4) through the binary: every key, the settings it estimated or defaulted,
# and a profile applied.
if(Python3_Interpreter_FOUND)
  add_test(NAME cli.analyze.physiology_json
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_physiology.py ${hillcoach} ${data})
endif()
