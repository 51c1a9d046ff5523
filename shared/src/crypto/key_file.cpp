#include "sk/crypto/key_file.hpp"

#include <array>
#include <cstring>

#include "envelope_format.hpp"
#include "sk/core/random.hpp"

namespace sk::crypto {
namespace {

constexpr std::array<std::uint8_t, 4> kMagic{'S', 'K', 'K', 'F'};
constexpr std::uint8_t kKdfScrypt = 1;
constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kHeaderSize = kMagic.size() + 1 + 1 + 3 + kSaltSize;  // the AEAD's AD
constexpr std::size_t kSecretsSize = 2 * kKeySize;
constexpr std::size_t kChecksumSize = 32;
static_assert(kHeaderSize + kSecretsSize + kAeadTagSize + kChecksumSize == kKeyFileSize);

// Accepted on open: anything from the test cost up to 256 MiB of memory, so a crafted file
// can't make the app allocate gigabytes.
bool acceptable(const ScryptParams& p) {
  if (p.log2_n < 10 || p.log2_n > 20 || p.r < 1 || p.r > 16 || p.p < 1 || p.p > 4) return false;
  return 128ULL * p.r * (1ULL << p.log2_n) <= (256ULL << 20U);
}

Result<SymmetricKey> derive(std::string_view passphrase, ByteView salt, const ScryptParams& params) {
  auto key = scrypt(as_bytes(passphrase), salt, params, kKeySize);
  if (!key) return Unexpected{key.error()};
  return *SymmetricKey::from(key->view());
}

}  // namespace

Result<Bytes> seal_key_file(const DeviceIdentity& identity, std::string_view passphrase, KdfCost cost) {
  if (passphrase.empty()) return fail("key_file.empty_passphrase", "a key file needs a passphrase");
  const ScryptParams params =
      cost == KdfCost::owasp ? ScryptParams::owasp() : ScryptParams{.log2_n = 10, .r = 8, .p = 1};
  Bytes out(kMagic.begin(), kMagic.end());
  out.push_back(kKeyFileVersion);
  out.push_back(kKdfScrypt);
  out.push_back(params.log2_n);
  out.push_back(params.r);
  out.push_back(params.p);
  const auto salt = random_bytes(kSaltSize);
  out.insert(out.end(), salt.begin(), salt.end());
  auto key = derive(passphrase, salt, params);
  if (!key) return Unexpected{key.error()};

  SecretBuffer secrets(kSecretsSize);
  const auto seed = identity.export_signing_seed();
  const auto x = identity.export_encryption_secret();
  std::memcpy(secrets.data(), seed.data(), kKeySize);
  std::memcpy(secrets.data() + kKeySize, x.data(), kKeySize);
  out.resize(kHeaderSize + kSecretsSize + kAeadTagSize);
  std::span<std::uint8_t> all(out);
  aead_seal(*key, format::kZeroNonce, all.first(kHeaderSize), secrets.view(), all.subspan(kHeaderSize));
  const auto checksum = sha256(out);
  out.insert(out.end(), checksum.bytes.begin(), checksum.bytes.end());
  return out;
}

Result<DeviceIdentity> open_key_file(ByteView file, std::string_view passphrase) {
  if (file.size() < kMagic.size() + 1 || !std::equal(kMagic.begin(), kMagic.end(), file.begin())) {
    return fail("key_file.corrupt", "this is not a Spillkontakt key file");
  }
  if (file[kMagic.size()] != kKeyFileVersion) {
    return fail("key_file.unsupported_version",
                "the key file was written by a newer version of Spillkontakt");
  }
  if (file.size() != kKeyFileSize)
    return fail("key_file.corrupt", "the key file has the wrong length: it is damaged");
  const auto body = file.first(kKeyFileSize - kChecksumSize);
  if (!constant_time_equal(sha256(body).view(), file.last(kChecksumSize))) {
    return fail("key_file.corrupt", "the key file's checksum does not match: it is damaged");
  }
  const ScryptParams params{.log2_n = file[6], .r = file[7], .p = file[8]};
  if (file[5] != kKdfScrypt || !acceptable(params)) {
    return fail("key_file.corrupt", "the key file names an unknown or unreasonable key derivation");
  }
  auto key = derive(passphrase, file.subspan(9, kSaltSize), params);
  if (!key) return Unexpected{key.error()};
  SecretBuffer secrets(kSecretsSize);
  if (!aead_open(*key, format::kZeroNonce, file.first(kHeaderSize), body.subspan(kHeaderSize),
                 std::span<std::uint8_t>(secrets.data(), secrets.size()))) {
    return fail("key_file.wrong_passphrase", "wrong passphrase");
  }
  const auto seed = *Secret<kKeySize>::from(secrets.view().first(kKeySize));
  const auto x = *Secret<kKeySize>::from(secrets.view().last(kKeySize));
  return DeviceIdentity::from_secrets(seed, x);
}

}  // namespace sk::crypto
