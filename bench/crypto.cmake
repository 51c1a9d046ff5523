# crypto_bench: envelope seal/open against the raw OpenSSL cost of the same primitive operations.
add_executable(crypto_bench
  crypto/crypto_bench.cpp
  crypto/raw_primitives.cpp)
target_link_libraries(crypto_bench PRIVATE sk_crypto benchmark::benchmark OpenSSL::Crypto)
sk_target_defaults(crypto_bench)
