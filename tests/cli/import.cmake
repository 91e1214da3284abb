# hillcoach import, list, show, delete, export: the history database through the binary.
hillcoach_cli_test(import.help_has_examples "Examples:\n +hillcoach import ~/exports/strava_export_123.zip"
  ${hillcoach} import --help)
hillcoach_cli_test(list.help_has_examples "Examples:\n +hillcoach list\n" ${hillcoach} list --help)
hillcoach_cli_test(show.help_has_examples "Examples:\n +hillcoach show 12" ${hillcoach} show --help)
hillcoach_cli_test(delete.help_has_examples "Examples:\n +hillcoach delete 12" ${hillcoach} delete --help)
hillcoach_cli_test(export.help_has_examples "Examples:\n +hillcoach export --json > history.jsonl" ${hillcoach} export --help)
add_test(NAME cli.import.usage_error COMMAND ${hillcoach} import --threads 0 ${data}/analysis/hilly-run.fit)
set_tests_properties(cli.import.usage_error PROPERTIES WILL_FAIL TRUE)
# check_import.py: import, duplicates (same file, same run as FIT and GPX), list filters and JSON, show, delete,
# export, a foreign database. check_import_kill.py: seeded SIGKILL rounds, then integrity, whole activities and
# an import that completes the rest.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME cli.import.history
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_import.py ${hillcoach} ${data})
  add_test(NAME cli.import.sigkill
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_import_kill.py ${hillcoach})
endif()
