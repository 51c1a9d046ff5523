#pragma once
// Envelopes: one encrypted event for 1..255 recipient devices, authenticated to its author.
//
// The construction (docs/protocol.md §3) follows age and ECDH-1PU: a random file key per
// envelope, wrapped for each recipient under HKDF(ephemeral·recipient ‖ author·recipient), so
// only the author (or the recipient itself) could have made a stanza. Each wrap binds the
// envelope's preamble and the hash of the payload ciphertext, so a fellow recipient who knows the
// file key still can't swap the payload. Records (notes, guidance, concerns) also carry an
// Ed25519 signature; chat stays deniable.
//
// Nonces and keys are always made here, never by the caller. open() verifies everything before
// it decrypts and returns the whole plaintext or a typed error, never a partial result.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/identity.hpp"
#include "sk/crypto/keys.hpp"

namespace sk::crypto {

inline constexpr std::uint8_t kEnvelopeVersion = 1;
inline constexpr std::size_t kMaxRecipients = 255;
inline constexpr std::size_t kMaxContextSize = 255;
inline constexpr std::size_t kMaxPlaintextSize = std::size_t{16} << 20U;  // 16 MiB
inline constexpr std::size_t kWrappedKeySize = kKeySize + kAeadTagSize;
inline constexpr std::size_t kHeaderMacSize = 32;
inline constexpr std::size_t kGrantSize = 1 + 32 + 32 + 32 + kKeySize + KeyId::kSize + kWrappedKeySize;
static_assert(kWrappedKeySize == 48);
static_assert(kGrantSize == 185);

// Typed in the header and checked by the opener: a chat envelope can't pass for a record or back.
enum class EnvelopeKind : std::uint8_t {
  chat = 1,    // deniable: authenticated to recipients only
  record = 2,  // signed by the author's Ed25519 key: notes, guidance, concerns, grants
};

enum class OpenError {
  truncated,            // shorter than its own lengths say
  unsupported_version,  // first byte is not a version this code reads
  header_failure,       // malformed header, or the header MAC doesn't match the file key
  not_recipient,        // no stanza for this device
  bad_author,           // names another author, or the stanza doesn't authenticate to the author
  kind_mismatch,        // chat where a record was expected, or the reverse
  context_mismatch,     // sealed for another case / event / audience
  bad_signature,        // record signature missing or invalid
  payload_failure,      // payload doesn't decrypt, or its padding is not canonical
  grant_failure,        // the grant is malformed, for another envelope, or doesn't authenticate
};
std::string_view error_code(OpenError e);  // "envelope.not_recipient"
std::string_view describe(OpenError e);    // a sentence for logs and support
Error to_error(OpenError e);               // for layers that speak sk::Error

// Caches the static X25519 secret (own·peer) per pair of keys, so sealing to and opening from a
// known peer costs only the ephemeral agreement, and keeps an agreement context for the last own
// key used. Owned by the caller; not thread-safe (one per thread); secrets are wiped when evicted
// or destroyed.
class PairwiseCache {
 public:
  explicit PairwiseCache(std::size_t capacity = 4096) : capacity_(capacity) {}
  [[nodiscard]] Result<Secret<kKeySize>> shared_secret(const DeviceIdentity& self,
                                                       const X25519PublicKey& peer);
  // X25519 of self's static key with an envelope's ephemeral key (never cached).
  [[nodiscard]] Result<Secret<kKeySize>> ephemeral_secret(const DeviceIdentity& self,
                                                          const X25519PublicKey& ephemeral);
  std::size_t size() const { return entries_.size(); }
  void clear() { entries_.clear(); }

 private:
  std::size_t capacity_;
  std::map<std::array<std::uint8_t, 2 * kKeySize>, Secret<kKeySize>> entries_;
  std::optional<X25519Agreement> own_;
};

// What the caller knows about an envelope from its routing metadata; open() refuses an envelope
// that says otherwise. `context` is the app's binding (case id ‖ event id ‖ audience).
struct Expectation {
  const DevicePublicKeys& author;
  EnvelopeKind kind;
  ByteView context;
};

struct Opened {
  EnvelopeKind kind = EnvelopeKind::chat;
  SecretBuffer plaintext;
  Fingerprint author;
  Digest header_hash;   // SHA-256 of the header; with payload_hash, names the envelope for grants
  Digest payload_hash;  // SHA-256 of the payload ciphertext
  std::optional<Signature> signature;     // records only: the author's non-repudiable signature
  std::optional<Fingerprint> granted_by;  // set when opened through a grant
  Secret<kKeySize> file_key;              // kept only so the opener can grant the history
};

// Public facts about an envelope, readable without keys (the server can read them too).
struct EnvelopeInfo {
  EnvelopeKind kind = EnvelopeKind::chat;
  Bytes context;
  Fingerprint author;
  std::vector<KeyId> recipients;
  Digest header_hash;
  Digest payload_hash;
  std::size_t size = 0;
};

// Errors: envelope.no_recipients, envelope.too_many_recipients, envelope.duplicate_recipient,
// envelope.context_too_large, envelope.plaintext_too_large, crypto.bad_key.
[[nodiscard]] Result<Bytes> seal(const DeviceIdentity& author, std::span<const DevicePublicKeys> recipients,
                                 EnvelopeKind kind, ByteView context, ByteView plaintext,
                                 PairwiseCache& cache);

// Costs one X25519 when the author pair is cached, plus an Ed25519 verify for records.
[[nodiscard]] Result<Opened, OpenError> open(ByteView envelope, const DeviceIdentity& me,
                                             const Expectation& expected, PairwiseCache& cache);

[[nodiscard]] Result<EnvelopeInfo, OpenError> peek(ByteView envelope);

// History grants (docs/protocol.md §5): a device that opened an envelope wraps its file key for a
// new recipient, bound to the envelope's header hash and payload hash. The payload is never
// re-encrypted. The grant is authenticated to the granter (ECDH-1PU again); publish it inside a
// signed record so the grant itself is attributable.
[[nodiscard]] Result<Bytes> make_grant(const Opened& opened, const DeviceIdentity& granter,
                                       const DevicePublicKeys& recipient, PairwiseCache& cache);
[[nodiscard]] Result<Opened, OpenError> open_with_grant(ByteView envelope, ByteView grant,
                                                        const DeviceIdentity& me, const Expectation& expected,
                                                        const DevicePublicKeys& granter,
                                                        PairwiseCache& cache);

}  // namespace sk::crypto
