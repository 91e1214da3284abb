# hillcoach plan (issue 6) through the binary: text for 80 columns, the profile file (the complete example of
# docs/profile.md), errors at their line and column, usage errors, and check_plan.py for the JSON shape, the
# Markdown file, the iCalendar file read back by Python's icalendar and the FIT workouts read back by our
# decoder (`hillcoach info` cannot: they hold no activity) and by Garmin's FIT SDK (check_fit_workouts.mjs).
hillcoach_cli_test(plan.text_header "hilly-race plan for a regular runner, 19 weeks from 2026-05-04 to the race on\n2026-09-12 \\(42.0 km, \\+2400 m\\)"
  ${hillcoach} plan --level regular --goal hilly-race --race-date 2026-09-12 --race-distance-km 42
  --race-ascent-m 2400 --start 2026-05-04 --days-per-week 5 --gym yes)
hillcoach_cli_test(plan.first_week "Week 1 of 19, 2026-05-04: base"
  ${hillcoach} plan --level regular --goal hilly-race --race-date 2026-09-12 --start 2026-05-04)
hillcoach_cli_test(plan.profile_example "hilly-race plan for a regular runner, 19 weeks from 2026-05-04.*note +Injury \"achilles, spring 2025\""
  ${hillcoach} plan --profile ${data}/plan/profile-example.toml)
hillcoach_cli_test(plan.defaults_named "assumed +level: regular \\(no level given\\)"
  ${hillcoach} plan --today 2026-03-04 --weeks 4)
hillcoach_cli_test(plan.profile_error "bad-days.toml:3:17: error: \\[runner\\] days_per_week = 9 is outside 2..7"
  ${hillcoach} plan --profile ${data}/plan/bad-days.toml)
add_test(NAME cli.plan.profile_error_exit COMMAND ${hillcoach} plan --profile ${data}/plan/bad-days.toml)
set_tests_properties(cli.plan.profile_error_exit PROPERTIES WILL_FAIL TRUE)
hillcoach_cli_test(plan.race_needs_date "goal flat-race needs a race date"
  ${hillcoach} plan --goal flat-race)
hillcoach_cli_test(plan.help_has_examples "Examples:\n +hillcoach plan --level regular --goal hilly-race"
  ${hillcoach} plan --help)
add_test(NAME cli.plan.usage_error COMMAND ${hillcoach} plan --level elite)
set_tests_properties(cli.plan.usage_error PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.plan.bad_date COMMAND ${hillcoach} plan --goal flat-race --race-date 2026-02-30)
set_tests_properties(cli.plan.bad_date PROPERTIES WILL_FAIL TRUE)

# Python's icalendar is Debian's (python3-icalendar, scripts/install-deps): use the system interpreter.
find_program(HILLCOACH_SYSTEM_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(HILLCOACH_SYSTEM_PYTHON3)
  add_test(NAME cli.plan.formats COMMAND ${HILLCOACH_SYSTEM_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/check_plan.py
           ${hillcoach} ${data} ${CMAKE_CURRENT_BINARY_DIR}/plan-out ${PROJECT_SOURCE_DIR})
endif()

# The same FIT files read by Garmin's FIT SDK (node_modules from scripts/install-node-deps; exit 77 = skipped
# when it is not installed, outside CI).
find_program(HILLCOACH_NODE node)
if(HILLCOACH_SYSTEM_PYTHON3 AND HILLCOACH_NODE)
  set_tests_properties(cli.plan.formats PROPERTIES FIXTURES_SETUP plan_fit_files)
  add_test(NAME cli.plan.fit_workouts_fitsdk
           COMMAND ${HILLCOACH_NODE} ${PROJECT_SOURCE_DIR}/tests/plan/check_fit_workouts.mjs
                   ${CMAKE_CURRENT_BINARY_DIR}/plan-out/fit)
  set_tests_properties(cli.plan.fit_workouts_fitsdk PROPERTIES FIXTURES_REQUIRED plan_fit_files SKIP_RETURN_CODE 77)
endif()

# plan --db (from the imported examples: the runner's own hills, the starting point, the saved plan) and
# plan --adapt (two runs of the first week done, the rest missed, the remainder re-planned).
add_test(NAME cli.plan.history_and_adapt
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_plan_history.py ${hillcoach} ${PROJECT_SOURCE_DIR}/examples)
