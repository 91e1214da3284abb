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
# Over the history database: report ID --db, --weeks --db and --plan from the saved plan, on the examples
# imported into a temporary database (check_report_history.py).
if(TARGET hillcoach_report AND TARGET hillcoach_store AND TARGET hillcoach_plan AND Python3_Interpreter_FOUND)
  add_test(NAME cli.report.history_id_weeks_and_plan
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_report_history.py ${hillcoach}
                   ${PROJECT_SOURCE_DIR}/examples ${CMAKE_CURRENT_BINARY_DIR}/report-history)
endif()
