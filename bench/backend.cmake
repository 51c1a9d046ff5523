# sk-backend-load: the long-poll wake-up / append throughput benchmark of spillkontakt-backend,
# compared with nginx + Nchan (docs/benchmarks.md, bench/run-backend-bench). A whole-process
# load tool, not a Google Benchmark: it starts the real server binary and talks HTTP to it.
find_package(Boost 1.74 REQUIRED)
find_package(CLI11 REQUIRED)

set(sk_bench_dir ${CMAKE_CURRENT_LIST_DIR})
if(TARGET spillkontakt-backend)
  set(sk_bench_server "$<TARGET_FILE:spillkontakt-backend>")
else()
  set(sk_bench_server "")
endif()

# Starting the real server, HTTP on Asio, the wake run and percentiles: shared with
# sk-client-bench (bench/client.cmake).
set(sk_bench_load_sources
  ${sk_bench_dir}/backend/api_client.cpp
  ${sk_bench_dir}/backend/http_connection.cpp
  ${sk_bench_dir}/backend/latency.cpp
  ${sk_bench_dir}/backend/loopback.cpp
  ${sk_bench_dir}/backend/process.cpp
  ${sk_bench_dir}/backend/resource_sampler.cpp
  ${sk_bench_dir}/backend/spillkontakt_target.cpp
  ${sk_bench_dir}/backend/sync_target.cpp
  ${sk_bench_dir}/backend/wake_run.cpp
  ${sk_bench_dir}/backend/work_dir.cpp)
set(sk_backend_load_sources
  ${sk_bench_dir}/backend/disk_baseline.cpp
  ${sk_bench_dir}/backend/main.cpp
  ${sk_bench_dir}/backend/nchan_target.cpp
  ${sk_bench_dir}/backend/report.cpp
  ${sk_bench_dir}/backend/throughput_run.cpp)
add_library(sk_bench_load STATIC ${sk_bench_load_sources})
add_executable(sk-backend-load ${sk_backend_load_sources})
# GCC 12 at -O2 reports two false positives in Boost 1.74's Asio, inlined from system headers so
# that SYSTEM does not silence them: -Wnull-dereference in the scheduler and
# -Wmismatched-new-delete on coroutine frames (Asio's frame operator new/delete pair). Per-file
# options come after the project's warning flags, so only these two are off, only here.
set_source_files_properties(${sk_bench_load_sources} ${sk_backend_load_sources} PROPERTIES
  COMPILE_OPTIONS "-Wno-null-dereference;-Wno-mismatched-new-delete")
target_include_directories(sk_bench_load SYSTEM PUBLIC ${Boost_INCLUDE_DIRS})
target_compile_definitions(sk_bench_load PUBLIC BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW)
target_link_libraries(sk_bench_load PUBLIC
  sk_core sk_crypto sk_protocol nlohmann_json::nlohmann_json Threads::Threads)
sk_target_defaults(sk_bench_load)
target_compile_definitions(sk-backend-load PRIVATE
  SK_BENCH_NCHAN_TEMPLATE="${sk_bench_dir}/nchan/nginx.conf.in"
  SK_BENCH_DEFAULT_SERVER="${sk_bench_server}")
target_link_libraries(sk-backend-load PRIVATE sk_bench_load CLI11::CLI11)
set_target_properties(sk-backend-load PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)
sk_target_defaults(sk-backend-load)
