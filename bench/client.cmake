# sk-client-bench: the backend-client benchmark (issue 15, docs/benchmarks.md "Client"): initial
# sync against open-only, chat round trip against the backend's own wake-up, caseload memory.
# A whole-process tool on sk_bench_load (bench/backend.cmake) and the real client library.
set(sk_client_bench_sources
  ${sk_bench_dir}/client/chat_run.cpp
  ${sk_bench_dir}/client/fill.cpp
  ${sk_bench_dir}/client/main.cpp
  ${sk_bench_dir}/client/memory.cpp
  ${sk_bench_dir}/client/profiles.cpp
  ${sk_bench_dir}/client/report.cpp)
add_executable(sk-client-bench ${sk_client_bench_sources})
# The same two GCC 12 false positives in Boost 1.74's Asio as sk-backend-load.
set_source_files_properties(${sk_client_bench_sources} PROPERTIES
  COMPILE_OPTIONS "-Wno-null-dereference;-Wno-mismatched-new-delete")
target_compile_definitions(sk-client-bench PRIVATE SK_BENCH_DEFAULT_SERVER="${sk_bench_server}")
target_link_libraries(sk-client-bench PRIVATE sk_bench_load sk_client sk_model sk_store CLI11::CLI11)
set_target_properties(sk-client-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)
sk_target_defaults(sk-client-bench)
