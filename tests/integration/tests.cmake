# Cross-layer end-to-end tests: the whole one-way loop (model → store + outbox → seal → real
# backend → fetch → open → decode → store → fold) with real processes and sockets, no mocks.
# The server launcher, HTTP client and Scenario come from the backend tests' harness (read-only).
find_package(CURL REQUIRED)
set(SK_BACKEND_HARNESS ${PROJECT_SOURCE_DIR}/tests/backend/harness)
sk_add_test_suite(sk_integration_tests
  SOURCES
    ${SK_BACKEND_HARNESS}/server_process.cpp
    ${SK_BACKEND_HARNESS}/http_client.cpp
    ${SK_BACKEND_HARNESS}/scenario.cpp
    support/device_profile.cpp
    support/event_records.cpp
    support/key_confirmation.cpp
    support/org_fixture.cpp
    support/state_summary.cpp
    support/sync_step.cpp
    loop_test.cpp
    key_substitution_test.cpp
    audience_test.cpp
    exactly_once_test.cpp
    convergence_test.cpp
    tampering_test.cpp
  # sk_backend_core only for the harness (Scenario signs login challenges with its Authenticator).
  LIBS sk_core sk_crypto sk_model sk_store sk_backend_core CURL::libcurl)
target_include_directories(sk_integration_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/tests/backend)
target_compile_definitions(sk_integration_tests PRIVATE SK_BACKEND_BINARY="$<TARGET_FILE:spillkontakt-backend>")
add_dependencies(sk_integration_tests spillkontakt-backend)
