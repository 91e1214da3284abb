# hillcoach serve (issue 7): help, and the dashboard driven in Debian's chromium by playwright-core
# (tests/e2e/dashboard_e2e.mjs; screenshots in the build folder's artefacts/browser).
if(TARGET hillcoach_server)
  hillcoach_cli_test(serve.help_has_examples "Examples:\n +hillcoach serve\n"
    ${hillcoach} serve --help)
  # A port that cannot be bound (already taken by the first server is racy; an address not of this machine
  # is not) fails with exit status 1 and a message.
  hillcoach_cli_test(serve.cannot_listen "cannot listen on 192\\.0\\.2\\.1 port"
    ${hillcoach} serve --db ${CMAKE_CURRENT_BINARY_DIR}/serve-cannot-listen.db --address 192.0.2.1 --port 8421)
  add_test(NAME cli.serve.cannot_listen_exit COMMAND ${hillcoach} serve --db ${CMAKE_CURRENT_BINARY_DIR}/serve-cannot-listen.db --address 192.0.2.1 --port 8421)
  set_tests_properties(cli.serve.cannot_listen_exit PROPERTIES WILL_FAIL TRUE)
  # serve --db over the examples imported into a temporary store, an upload kept there (check_serve_store.py).
  if(Python3_Interpreter_FOUND AND TARGET hillcoach_store)
    add_test(NAME cli.serve.store_list_weeks_chart_upload
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_serve_store.py ${hillcoach}
                     ${PROJECT_SOURCE_DIR}/examples ${data})
    set_tests_properties(cli.serve.store_list_weeks_chart_upload PROPERTIES TIMEOUT 300)
  endif()
  find_program(HILLCOACH_NODE node)
  if(HILLCOACH_NODE)
    add_test(NAME browser.dashboard_e2e
             COMMAND ${HILLCOACH_NODE} ${PROJECT_SOURCE_DIR}/tests/e2e/dashboard_e2e.mjs ${hillcoach} ${data}
                     ${CMAKE_BINARY_DIR}/artefacts/browser)
    set_tests_properties(browser.dashboard_e2e PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
  endif()
endif()
