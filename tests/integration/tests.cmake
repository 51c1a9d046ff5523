# End-to-end tests: the real backend binary on loopback, real spillkontakt-cli processes (one
# profile each), real stores and envelopes, and a fault-injecting proxy between them; no mocks.
set(SK_BACKEND_HARNESS ${PROJECT_SOURCE_DIR}/tests/backend/harness)
sk_add_test_suite(sk_integration_tests
  SOURCES
    ${SK_BACKEND_HARNESS}/server_process.cpp
    ${SK_BACKEND_HARNESS}/http_client.cpp
    ${SK_BACKEND_HARNESS}/scenario.cpp
    support/cast.cpp
    support/cli_process.cpp
    support/fault_proxy.cpp
    support/profile_view.cpp
    support/server_db.cpp
    exchange_test.cpp
    fault_test.cpp
    history_test.cpp
    trust_test.cpp
  # sk_backend_core only for the harness (Scenario signs login challenges with its Authenticator).
  LIBS sk_client sk_backend_core)
find_package(CURL REQUIRED)
target_link_libraries(sk_integration_tests PRIVATE CURL::libcurl)
target_include_directories(sk_integration_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/tests/backend)
target_compile_definitions(sk_integration_tests PRIVATE SK_BACKEND_BINARY="$<TARGET_FILE:spillkontakt-backend>"
  SK_CLI_BINARY="$<TARGET_FILE:spillkontakt-cli>")
add_dependencies(sk_integration_tests spillkontakt-backend spillkontakt-cli)
