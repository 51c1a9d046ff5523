#include "sk/core/random.hpp"

#include <openssl/rand.h>

#include <climits>
#include <cstdio>
#include <cstdlib>

namespace sk {

void random_bytes(std::span<std::uint8_t> out) {
  while (!out.empty()) {
    const auto chunk = out.size() > INT_MAX ? static_cast<std::size_t>(INT_MAX) : out.size();
    if (RAND_bytes(out.data(), static_cast<int>(chunk)) != 1) {
      std::fputs("fatal: the system random generator failed\n", stderr);
      std::abort();
    }
    out = out.subspan(chunk);
  }
}

Bytes random_bytes(std::size_t n) {
  Bytes out(n);
  random_bytes(out);
  return out;
}

}  // namespace sk
