#pragma once
// Plain byte buffers. Secret material does NOT live here: see Secret and SecretBuffer in
// sk/crypto/keys.hpp.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sk {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
inline std::string to_string(ByteView b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace sk
