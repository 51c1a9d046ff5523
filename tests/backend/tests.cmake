# Integration tests of spillkontakt-backend: they start the real binary on an ephemeral loopback
# port with a temporary data directory and talk HTTP to it over real sockets (libcurl).
find_package(CURL REQUIRED)
sk_add_test_suite(sk_backend_tests
  SOURCES
    harness/server_process.cpp
    harness/http_client.cpp
    harness/scenario.cpp
    enrollment_test.cpp
    authorization_test.cpp
    mailbox_test.cpp
    long_poll_test.cpp
    pairing_code_test.cpp
    reauthorization_test.cpp
    sync_test.cpp
    durability_test.cpp
    bad_input_test.cpp
    canary_test.cpp
    config_test.cpp
    http_test.cpp
    wal_write_buffer_test.cpp
  LIBS sk_backend_core sk_crypto sk_protocol CURL::libcurl)
target_include_directories(sk_backend_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(sk_backend_tests PRIVATE SK_BACKEND_BINARY="$<TARGET_FILE:spillkontakt-backend>")
add_dependencies(sk_backend_tests spillkontakt-backend)
