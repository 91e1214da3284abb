# Strict warnings on hillcoach's own targets only; third-party headers come in as SYSTEM includes.
# -Wnull-dereference is left out: with g++ 12 at -O3 it reports false positives inside libstdc++'s own
# headers (streambuf, vector::resize), which -Werror would turn into failed Release builds.
function(hillcoach_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wcast-align -Wdouble-promotion)
  if(HILLCOACH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
