# spillkontakt-backend: the server and its admin CLI (docs/backend.md).
# sk_backend_core holds everything but main() so that tests and benchmarks could link it.
# Boost.Asio/Beast are confined to http_server.cpp, long_poll_hub.cpp and serve.cpp: they are
# the slow headers to compile.
find_package(Boost 1.74 REQUIRED)
find_package(spdlog REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(CLI11 REQUIRED)
find_package(simdjson REQUIRED)

add_library(sk_backend_core STATIC
  src/admin.cpp
  src/append_writer.cpp
  src/authenticator.cpp
  src/caches.cpp
  src/config.cpp
  src/http_types.cpp
  src/http_server.cpp
  src/ids.cpp
  src/json_body.cpp
  src/long_poll_hub.cpp
  src/metrics.cpp
  src/rate_limiter.cpp
  src/router.cpp
  src/routes_auth.cpp
  src/routes_cases.cpp
  src/routes_common.cpp
  src/routes_enroll.cpp
  src/routes_mailbox.cpp
  src/routes_sync.cpp
  src/serve.cpp
  src/sqlite_audit.cpp
  src/sqlite_cases.cpp
  src/sqlite_storage.cpp
  src/wal_write_buffer.cpp)
target_include_directories(sk_backend_core PUBLIC src)
target_include_directories(sk_backend_core SYSTEM PRIVATE ${Boost_INCLUDE_DIRS})
# Asio 1.74 recycles coroutine frames through a size-keyed cache; g++ 12 frees some frames with
# a size other than the one allocated ("free(): invalid pointer"), so frames use plain new/delete.
target_compile_definitions(sk_backend_core PRIVATE BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW
  BOOST_ASIO_DISABLE_AWAITABLE_FRAME_RECYCLING)
target_link_libraries(sk_backend_core
  PUBLIC sk_core sk_crypto sk_model sk_protocol SQLiteCpp nlohmann_json::nlohmann_json spdlog::spdlog
  PRIVATE tomlplusplus::tomlplusplus CLI11::CLI11 OpenSSL::SSL Threads::Threads simdjson::simdjson)
sk_target_defaults(sk_backend_core)
# g++ 12 reports a false positive inside Asio's scheduler (null checks after inlining) when it is
# instantiated in our files; SYSTEM includes can't hide warnings raised at instantiation, so
# only these files turn just this one off.
set_source_files_properties(src/http_server.cpp src/long_poll_hub.cpp src/serve.cpp
  PROPERTIES COMPILE_OPTIONS "-Wno-null-dereference")
# Under ASan, g++ 12 also reports a boost::optional inside Beast's request parser
# (basic_parser::content_length_unchecked) as maybe used uninitialized: another false positive
# raised at instantiation, in the one file that instantiates the parser.
set_property(SOURCE src/http_server.cpp APPEND PROPERTY COMPILE_OPTIONS "-Wno-maybe-uninitialized")

add_executable(spillkontakt-backend src/main.cpp)
target_link_libraries(spillkontakt-backend PRIVATE sk_backend_core CLI11::CLI11)
# jemalloc replaces glibc's malloc in the server only (docs/architecture.md, "Why each dependency
# is there"): every request allocates buffers of over 1 KiB, and glibc then consolidates its fast
# bins each time. Not under the sanitizers, which bring their own allocator.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(JEMALLOC QUIET IMPORTED_TARGET jemalloc)
endif()
if(JEMALLOC_FOUND AND NOT SK_SANITIZE)
  target_link_libraries(spillkontakt-backend PRIVATE PkgConfig::JEMALLOC)
elseif(NOT SK_SANITIZE)
  message(WARNING "jemalloc not found: spillkontakt-backend uses the C library's malloc (slower under load)")
endif()
set_target_properties(spillkontakt-backend PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/backend)
sk_target_defaults(spillkontakt-backend)
