sk_add_test_suite(sk_crypto_tests
  SOURCES
    crypto/envelope_test.cpp
    crypto/envelope_vectors_test.cpp
    crypto/grant_test.cpp
    crypto/identity_test.cpp
    crypto/key_file_test.cpp
    crypto/one_time_code_test.cpp
    crypto/primitives_test.cpp
  LIBS sk_crypto)
# White-box tests build forged envelopes with the library's internal format helpers.
target_include_directories(sk_crypto_tests PRIVATE ${PROJECT_SOURCE_DIR}/shared/src/crypto)
