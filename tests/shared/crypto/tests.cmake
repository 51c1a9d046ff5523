sk_add_test_suite(sk_crypto_tests
  SOURCES
    crypto/primitives_test.cpp
  LIBS sk_crypto)
