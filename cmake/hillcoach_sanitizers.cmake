# The asan preset turns this on: AddressSanitizer + UndefinedBehaviorSanitizer for every target,
# with UB reports fatal so a test run cannot pass over them.
if(HILLCOACH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer learns from coverage: the libraries under test need the instrumentation too, not only the
# fuzz target's own file (without it the GPX target saw 137 edges instead of about 1,500).
if(HILLCOACH_LIBFUZZER)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
