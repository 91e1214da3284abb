# hillcoach weeks (issue 5): on a synthetic history imported into a temporary database (check_history.py), once
# the store's import command is part of the build.
if(TARGET hillcoach_store AND TARGET hillcoach_training)
  hillcoach_cli_test(weeks.help_has_examples "Examples:\n +hillcoach weeks"
    ${hillcoach} weeks --help)
  if(Python3_Interpreter_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/src/app/cli/import.cpp")
    add_test(NAME cli.weeks.history
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_history.py ${hillcoach} weeks)
  endif()
endif()
