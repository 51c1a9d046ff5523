#pragma once
// Internal: the envelope's byte layout, its strict parser and the derivations shared by seal,
// open and grants. docs/protocol.md §3 is the normative description of the same thing.

#include <array>
#include <optional>

#include "sk/crypto/envelope.hpp"
#include "sk/crypto/primitives.hpp"

namespace sk::crypto::format {

inline constexpr std::size_t kFixedPreamble = 1 + 1 + 1;         // version, kind, context length
inline constexpr std::size_t kPreambleKeys = 32 + kKeySize + 1;  // author fp, ephemeral, count
inline constexpr std::size_t kPayloadLengthSize = 4;
inline constexpr std::size_t kMinBucket = 256;
inline constexpr std::size_t kLargeBucket = std::size_t{64} * 1024;
inline constexpr std::size_t kPaddingLengthSize = 4;
inline constexpr std::array<std::uint8_t, kAeadNonceSize> kZeroNonce{};
static_assert(Fingerprint::kSize == 32 && KeyId::kSize == 8 && Signature::kSize == 64);

// Views into one envelope, valid while its bytes live.
struct Parsed {
  EnvelopeKind kind = EnvelopeKind::chat;
  ByteView context;
  Fingerprint author;
  X25519PublicKey ephemeral;
  std::size_t count = 0;
  ByteView key_ids;       // count × 8
  ByteView wrapped_keys;  // count × 48
  ByteView preamble;      // version … last key id: what every wrap binds, the payload's AD
  ByteView header_body;   // version … payload length: what the header MAC covers
  ByteView header_mac;
  ByteView header;   // header_body ‖ header_mac
  ByteView payload;  // ciphertext ‖ tag
  std::optional<Signature> signature;
};

// Strict: every length checked, no trailing bytes, key ids unique, payload a bucket size.
[[nodiscard]] Result<Parsed, OpenError> parse(ByteView envelope);

// parse() and then the checks against what the caller expects, in the order that keeps each
// error honest: kind, context, author.
[[nodiscard]] Result<Parsed, OpenError> parse_expected(ByteView envelope, const Expectation& expected);
// True for chat; for records, whether the author's signature over header and payload verifies.
bool record_signature_ok(const Parsed& parsed, const DevicePublicKeys& author, const Digest& header_hash,
                         const Digest& payload_hash);

// Size of the padded plaintext (4-byte length ‖ plaintext ‖ zeros) for a plaintext of `n` bytes.
std::size_t padded_size(std::size_t n);
bool is_bucket(std::size_t padded);
SecretBuffer pad(ByteView plaintext);
// Validates canonical padding; nullopt when it isn't.
std::optional<SecretBuffer> unpad(ByteView padded);

// The two keys expanded from a file key.
struct FileKeys {
  SymmetricKey header_mac_key;
  SymmetricKey payload_key;
};
FileKeys expand(const Secret<kKeySize>& file_key);

// HKDF-SHA256(salt = "", ikm = ee ‖ ss, info = label ‖ ephemeral ‖ sender ‖ recipient).
SymmetricKey wrap_key(std::string_view label, const Secret<kKeySize>& ephemeral_shared,
                      const Secret<kKeySize>& static_shared, const X25519PublicKey& ephemeral,
                      const X25519PublicKey& sender, const X25519PublicKey& recipient);

// AD of a stanza: SHA-256(preamble) ‖ SHA-256(payload ciphertext).
std::array<std::uint8_t, 64> wrap_ad(const Digest& preamble_hash, const Digest& payload_hash);

Mac header_mac(const SymmetricKey& key, ByteView header_body);
Bytes record_signature_message(const Digest& header_hash, const Digest& payload_hash);

// Seals an already padded payload; seal() = pad + this. Tests use it to build envelopes whose
// padding is wrong but whose every MAC is right (the payload_failure vectors).
[[nodiscard]] Result<Bytes> seal_padded(const DeviceIdentity& author,
                                        std::span<const DevicePublicKeys> recipients, EnvelopeKind kind,
                                        ByteView context, ByteView padded, PairwiseCache& cache);

// Everything after the wrap: header MAC, signature, payload. Shared by open and open_with_grant.
[[nodiscard]] Result<Opened, OpenError> finish_open(const Parsed& parsed, Secret<kKeySize> file_key,
                                                    const DevicePublicKeys& author,
                                                    const Digest& payload_hash);

void put_u32(Bytes& out, std::uint32_t v);
std::uint32_t get_u32(ByteView b);

}  // namespace sk::crypto::format
