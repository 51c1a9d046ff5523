# Warning and sanitizer flags for the project's own targets only (not for imported ones).
# Every first-party target calls sk_target_defaults(<target>).

add_library(sk_project_options INTERFACE)
target_compile_options(sk_project_options INTERFACE
  -Wall -Wextra -Wpedantic -Werror -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(SK_SANITIZE)
  target_compile_options(sk_project_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(sk_project_options INTERFACE -fsanitize=address,undefined)
endif()

function(sk_target_defaults target)
  target_link_libraries(${target} PRIVATE sk_project_options)
endfunction()
