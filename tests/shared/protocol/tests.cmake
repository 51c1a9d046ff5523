sk_add_test_suite(sk_protocol_tests
  SOURCES protocol/protocol_test.cpp
  LIBS sk_protocol)
