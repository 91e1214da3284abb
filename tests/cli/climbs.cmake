# hillcoach climbs (issue 5): on a synthetic history imported into a temporary database (check_history.py), once
# the store's import command is part of the build.
if(TARGET hillcoach_store AND TARGET hillcoach_training)
  hillcoach_cli_test(climbs.help_has_examples "Examples:\n +hillcoach climbs"
    ${hillcoach} climbs --help)
  if(Python3_Interpreter_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/src/app/cli/import.cpp")
    # With the dashboard server in the build, its /api/climbs is checked to be exactly `climbs --json`.
    set(served "")
    if(TARGET hillcoach_server)
      set(served "--served")
    endif()
    add_test(NAME cli.climbs.history
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_history.py ${hillcoach} climbs ${served})
  endif()
endif()
