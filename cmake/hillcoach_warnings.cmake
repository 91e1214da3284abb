# Strict warnings on hillcoach's own targets only; third-party headers come in as SYSTEM includes.
function(hillcoach_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wcast-align -Wnull-dereference -Wdouble-promotion)
  if(HILLCOACH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
