# Terminal manners of every command (issue 7, section 4): --help with examples and --json on each registered
# subcommand, colour only on a terminal and never with NO_COLOR, docs/cli-reference.md current.
if(Python3_Interpreter_FOUND)
  add_test(NAME cli.terminal.help_json_colour_and_reference
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_terminal.py ${hillcoach} ${data}
                   ${PROJECT_SOURCE_DIR})
endif()
