# Warning and sanitizer flags for the project's own targets only (not for imported ones).
# Every first-party target calls sk_target_defaults(<target>).

# Warnings as errors belong to development and CI (scripts/test turns them on), not to a user's
# or packager's build: a newer compiler's false positive must not break `cmake -DCMAKE_BUILD_TYPE=Release`.
option(SK_WERROR "Treat compiler warnings as errors" OFF)

add_library(sk_project_options INTERFACE)
target_compile_options(sk_project_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(SK_WERROR)
  target_compile_options(sk_project_options INTERFACE -Werror)
  # g++ 12 at -O3 (Release) reports -Wrestrict inside libstdc++'s std::string for ordinary
  # concatenations ("x" + s; GCC bugs 105329, 105651): kept as a warning, not an error.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(sk_project_options INTERFACE -Wno-error=restrict)
  endif()
endif()
if(SK_SANITIZE)
  target_compile_options(sk_project_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(sk_project_options INTERFACE -fsanitize=address,undefined)
endif()

function(sk_target_defaults target)
  target_link_libraries(${target} PRIVATE sk_project_options)
endfunction()
