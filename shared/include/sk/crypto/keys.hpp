#pragma once
// Strong key types: a public key is not a secret key is not a signature is not Bytes.
// Secrets wipe themselves (OPENSSL_cleanse) and can't be copied by accident.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "sk/core/bytes.hpp"

namespace sk::crypto {

inline constexpr std::size_t kKeySize = 32;        // X25519 and Ed25519 keys, symmetric keys
inline constexpr std::size_t kSignatureSize = 64;  // Ed25519

// Overwrites memory in a way the compiler may not elide.
void wipe(void* data, std::size_t size);

// Non-secret fixed-size value, distinguished by Tag.
template <class Tag, std::size_t N>
struct FixedBytes {
  static constexpr std::size_t kSize = N;
  std::array<std::uint8_t, N> bytes{};

  ByteView view() const { return bytes; }
  static std::optional<FixedBytes> from(ByteView b) {
    if (b.size() != N) return std::nullopt;
    FixedBytes out;
    std::copy(b.begin(), b.end(), out.bytes.begin());
    return out;
  }
  friend bool operator==(const FixedBytes&, const FixedBytes&) = default;
  friend auto operator<=>(const FixedBytes&, const FixedBytes&) = default;
};

using Ed25519PublicKey = FixedBytes<struct Ed25519PublicTag, kKeySize>;
using X25519PublicKey = FixedBytes<struct X25519PublicTag, kKeySize>;
using Signature = FixedBytes<struct SignatureTag, kSignatureSize>;
using Digest = FixedBytes<struct DigestTag, 32>;  // SHA-256

// Fixed-size secret. Move-only; wiped on destruction and when moved from.
template <std::size_t N>
class Secret {
 public:
  static constexpr std::size_t kSize = N;
  Secret() = default;
  static std::optional<Secret> from(ByteView b) {
    if (b.size() != N) return std::nullopt;
    Secret out;
    std::copy(b.begin(), b.end(), out.bytes_.begin());
    return out;
  }
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  Secret(Secret&& other) noexcept : bytes_(other.bytes_) { other.clear(); }
  Secret& operator=(Secret&& other) noexcept {
    if (this != &other) {
      bytes_ = other.bytes_;
      other.clear();
    }
    return *this;
  }
  ~Secret() { clear(); }

  // An explicit copy, for the rare place that must keep two.
  Secret clone() const {
    Secret out;
    out.bytes_ = bytes_;
    return out;
  }
  ByteView view() const { return bytes_; }
  std::uint8_t* data() { return bytes_.data(); }
  const std::uint8_t* data() const { return bytes_.data(); }
  static constexpr std::size_t size() { return N; }

 private:
  void clear() { wipe(bytes_.data(), N); }
  std::array<std::uint8_t, N> bytes_{};
};

using SymmetricKey = Secret<kKeySize>;

// Variable-size secret buffer (plaintext, derived key material). Move-only; wiped on destruction.
class SecretBuffer {
 public:
  SecretBuffer() = default;
  explicit SecretBuffer(std::size_t n) : bytes_(n) {}
  explicit SecretBuffer(ByteView b) : bytes_(b.begin(), b.end()) {}
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;
  SecretBuffer(SecretBuffer&& other) noexcept : bytes_(std::move(other.bytes_)) { other.bytes_.clear(); }
  SecretBuffer& operator=(SecretBuffer&& other) noexcept {
    if (this != &other) {
      clear();
      bytes_ = std::move(other.bytes_);
      other.bytes_.clear();
    }
    return *this;
  }
  ~SecretBuffer() { clear(); }

  ByteView view() const { return bytes_; }
  std::uint8_t* data() { return bytes_.data(); }
  std::size_t size() const { return bytes_.size(); }
  bool empty() const { return bytes_.empty(); }

 private:
  void clear() {
    if (!bytes_.empty()) wipe(bytes_.data(), bytes_.size());
  }
  Bytes bytes_;
};

}  // namespace sk::crypto
