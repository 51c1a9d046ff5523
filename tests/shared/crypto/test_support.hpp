#pragma once
// Helpers shared by the crypto tests.

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "sk/core/encoding.hpp"
#include "sk/crypto/envelope.hpp"
#include "sk/crypto/identity.hpp"

namespace sk::crypto::testing {

inline Bytes unhex(std::string_view text) {
  auto b = hex_decode(text);
  EXPECT_TRUE(b.has_value()) << "bad hex in test: " << text;
  return b.value_or(Bytes{});
}

template <class T>
T fixed(std::string_view text) {
  auto v = T::from(unhex(text));
  EXPECT_TRUE(v.has_value()) << "wrong length in test: " << text;
  return v.value_or(T{});
}

inline Secret<kKeySize> secret(std::string_view text) {
  auto v = Secret<kKeySize>::from(unhex(text));
  EXPECT_TRUE(v.has_value());
  return v ? std::move(*v) : Secret<kKeySize>{};
}

inline std::vector<DeviceIdentity> make_identities(std::size_t n) {
  std::vector<DeviceIdentity> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(DeviceIdentity::generate());
  return out;
}

inline std::vector<DevicePublicKeys> public_keys_of(const std::vector<DeviceIdentity>& ids) {
  std::vector<DevicePublicKeys> out;
  for (const auto& id : ids) out.push_back(id.public_keys());
  return out;
}

}  // namespace sk::crypto::testing
