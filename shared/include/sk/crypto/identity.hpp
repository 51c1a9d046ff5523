#pragma once
// A device's long-term identity: an Ed25519 signing key (records, grants, login challenges) and
// an X25519 encryption key (envelopes). Other devices know it by its DevicePublicKeys, and people
// compare a safety code derived from both parties' fingerprints.

#include <optional>
#include <string>
#include <string_view>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/keys.hpp"
#include "sk/crypto/primitives.hpp"

namespace sk::crypto {

using Fingerprint = FixedBytes<struct FingerprintTag, 32>;
// First 8 bytes of a domain-separated SHA-256 of an X25519 public key: lets an opener find its
// stanza without trial decryption. Not a security boundary (collisions are refused at seal time).
using KeyId = FixedBytes<struct KeyIdTag, 8>;

inline constexpr std::size_t kDevicePublicKeysSize = 2 * kKeySize;

struct DevicePublicKeys {
  Ed25519PublicKey signing;
  X25519PublicKey encryption;

  // SHA-256("spillkontakt/v1/device-fingerprint" || signing || encryption).
  Fingerprint fingerprint() const;
  // signing || encryption (64 bytes), the wire form.
  Bytes encode() const;
  static std::optional<DevicePublicKeys> decode(ByteView bytes);

  friend bool operator==(const DevicePublicKeys&, const DevicePublicKeys&) = default;
};

KeyId key_id(const X25519PublicKey& key);

// The secret half of a device. Move-only; its secrets are wiped on destruction.
class DeviceIdentity {
 public:
  static DeviceIdentity generate();
  static DeviceIdentity from_secrets(const Secret<kKeySize>& signing_seed,
                                     const Secret<kKeySize>& encryption_secret);

  const DevicePublicKeys& public_keys() const { return public_; }
  const Fingerprint& fingerprint() const { return fingerprint_; }
  const KeyId& key_id() const { return key_id_; }

  Signature sign(ByteView message) const;
  // X25519 of this device's static key with `peer`; crypto.bad_key on a low-order peer key.
  [[nodiscard]] Result<Secret<kKeySize>> agree(const X25519PublicKey& peer) const;
  // A reusable agreement context for many peers (see X25519Agreement).
  X25519Agreement agreement() const { return X25519Agreement(encryption_); }

  // For the key file only.
  Secret<kKeySize> export_signing_seed() const { return signing_.export_seed(); }
  Secret<kKeySize> export_encryption_secret() const { return encryption_.export_secret(); }

 private:
  DeviceIdentity(Ed25519Key signing, X25519Key encryption);
  Ed25519Key signing_;
  X25519Key encryption_;
  DevicePublicKeys public_;
  Fingerprint fingerprint_;
  KeyId key_id_;
};

// A code two people read to each other to confirm they hold each other's real keys: 12 groups
// of 5 digits ("12345 67890 …"), the same on both sides whichever order the fingerprints come in.
std::string safety_code(const Fingerprint& a, const Fingerprint& b);

// The bytes of the transcript a one-time code confirms (docs/protocol.md §7.1): the sender's
// role and both devices' keys, so a confirmation can't be reflected back to its sender or
// replayed for other keys. Internal building block: call sk::protocol::pairing_transcript, the
// public entry point, which also enforces that the two roles differ.
Bytes pairing_transcript(std::string_view role, const DevicePublicKeys& sender,
                         const DevicePublicKeys& receiver);

}  // namespace sk::crypto
