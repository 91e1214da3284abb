# The asan preset turns this on: AddressSanitizer + UndefinedBehaviorSanitizer for every target,
# with UB reports fatal so a test run cannot pass over them.
if(HILLCOACH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
