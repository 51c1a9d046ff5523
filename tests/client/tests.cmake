# The client library's pure parts, without a network: API parsers and builders, server address
# rules, the key confirmation of one-time codes. (What needs a server is in tests/integration.)
sk_add_test_suite(sk_client_tests
  SOURCES
    api_test.cpp
    code_exchange_test.cpp
    server_config_test.cpp
  LIBS sk_client nlohmann_json::nlohmann_json)
target_include_directories(sk_client_tests PRIVATE ${PROJECT_SOURCE_DIR}/backend-client/src)
