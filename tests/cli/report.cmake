# hillcoach report (issue 7): the self-contained page, its charts and units, --json and exit statuses.
if(TARGET hillcoach_report)
  hillcoach_cli_test(report.help_has_examples "Examples:\n +hillcoach report run.fit -o run.html"
    ${hillcoach} report --help)
  if(Python3_Interpreter_FOUND)
    add_test(NAME cli.report.page_charts_units_and_exit_codes
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_report.py ${hillcoach} ${data}
                     ${CMAKE_CURRENT_BINARY_DIR}/report-output)
  endif()
endif()
