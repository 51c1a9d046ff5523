#pragma once

#include <cstddef>
#include <span>

#include "sk/core/bytes.hpp"

namespace sk {

// Fills `out` from the operating system's CSPRNG (OpenSSL RAND_bytes). Aborts if the generator
// fails: continuing with predictable bytes would be worse than stopping.
void random_bytes(std::span<std::uint8_t> out);
Bytes random_bytes(std::size_t n);

}  // namespace sk
