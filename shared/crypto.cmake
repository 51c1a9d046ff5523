# sk_crypto: device identity, envelopes, grants, key files, one-time codes. OpenSSL 3 EVP only.
add_library(sk_crypto STATIC
  src/crypto/envelope.cpp
  src/crypto/envelope_format.cpp
  src/crypto/grant.cpp
  src/crypto/identity.cpp
  src/crypto/key_file.cpp
  src/crypto/one_time_code.cpp
  src/crypto/pairwise_cache.cpp
  src/crypto/primitives.cpp)
target_link_libraries(sk_crypto PUBLIC sk_core OpenSSL::Crypto)
sk_target_defaults(sk_crypto)
