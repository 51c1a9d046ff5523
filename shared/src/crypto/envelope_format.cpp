#include "envelope_format.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "domain.hpp"

namespace sk::crypto::format {
namespace {

// Reads fields front to back; every read checks the remaining length first.
class Reader {
 public:
  explicit Reader(ByteView in) : in_(in) {}
  bool has(std::size_t n) const { return in_.size() - pos_ >= n; }
  ByteView take(std::size_t n) {
    const auto out = in_.subspan(pos_, n);
    pos_ += n;
    return out;
  }
  std::uint8_t byte() { return take(1)[0]; }
  std::size_t pos() const { return pos_; }
  std::size_t remaining() const { return in_.size() - pos_; }

 private:
  ByteView in_;
  std::size_t pos_ = 0;
};

bool unique_key_ids(ByteView key_ids, std::size_t count) {
  std::vector<std::uint64_t> ids(count);
  for (std::size_t i = 0; i < count; ++i)
    std::memcpy(&ids[i], key_ids.data() + i * KeyId::kSize, KeyId::kSize);
  std::sort(ids.begin(), ids.end());
  return std::adjacent_find(ids.begin(), ids.end()) == ids.end();
}

}  // namespace

void put_u32(Bytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<std::uint8_t>(v >> static_cast<unsigned>(shift)));
}

std::uint32_t get_u32(ByteView b) {
  return (std::uint32_t{b[0]} << 24U) | (std::uint32_t{b[1]} << 16U) | (std::uint32_t{b[2]} << 8U) | b[3];
}

Result<Parsed, OpenError> parse(ByteView envelope) {
  Reader r(envelope);
  if (!r.has(1)) return Unexpected{OpenError::truncated};
  if (r.byte() != kEnvelopeVersion) return Unexpected{OpenError::unsupported_version};
  if (!r.has(2)) return Unexpected{OpenError::truncated};
  Parsed p;
  const auto kind = r.byte();
  if (kind != static_cast<std::uint8_t>(EnvelopeKind::chat) &&
      kind != static_cast<std::uint8_t>(EnvelopeKind::record)) {
    return Unexpected{OpenError::header_failure};
  }
  p.kind = static_cast<EnvelopeKind>(kind);
  const std::size_t context_size = r.byte();
  if (!r.has(context_size + kPreambleKeys)) return Unexpected{OpenError::truncated};
  p.context = r.take(context_size);
  p.author = *Fingerprint::from(r.take(Fingerprint::kSize));
  p.ephemeral = *X25519PublicKey::from(r.take(kKeySize));
  p.count = r.byte();
  if (p.count == 0) return Unexpected{OpenError::header_failure};
  if (!r.has(p.count * KeyId::kSize)) return Unexpected{OpenError::truncated};
  p.key_ids = r.take(p.count * KeyId::kSize);
  p.preamble = envelope.first(r.pos());
  if (!unique_key_ids(p.key_ids, p.count)) return Unexpected{OpenError::header_failure};
  if (!r.has(p.count * kWrappedKeySize + kPayloadLengthSize)) return Unexpected{OpenError::truncated};
  p.wrapped_keys = r.take(p.count * kWrappedKeySize);
  const std::size_t payload_size = get_u32(r.take(kPayloadLengthSize));
  p.header_body = envelope.first(r.pos());
  if (!r.has(kHeaderMacSize)) return Unexpected{OpenError::truncated};
  p.header_mac = r.take(kHeaderMacSize);
  p.header = envelope.first(r.pos());
  if (payload_size < kAeadTagSize || !is_bucket(payload_size - kAeadTagSize)) {
    return Unexpected{OpenError::header_failure};
  }
  const std::size_t signature_size = p.kind == EnvelopeKind::record ? Signature::kSize : 0;
  if (!r.has(payload_size) || r.remaining() - payload_size < signature_size)
    return Unexpected{OpenError::truncated};
  p.payload = r.take(payload_size);
  if (signature_size != 0) p.signature = *Signature::from(r.take(signature_size));
  if (r.remaining() != 0) return Unexpected{OpenError::header_failure};
  return p;
}

std::size_t padded_size(std::size_t n) {
  const std::size_t need = n + kPaddingLengthSize;
  if (need <= kMinBucket) return kMinBucket;
  if (need <= kLargeBucket) return std::bit_ceil(need);
  return (need + kLargeBucket - 1) / kLargeBucket * kLargeBucket;
}

bool is_bucket(std::size_t padded) {
  if (padded < kMinBucket || padded > padded_size(kMaxPlaintextSize)) return false;
  return padded <= kLargeBucket ? std::has_single_bit(padded) : padded % kLargeBucket == 0;
}

SecretBuffer pad(ByteView plaintext) {
  SecretBuffer out(padded_size(plaintext.size()));
  const auto n = static_cast<std::uint32_t>(plaintext.size());
  for (std::size_t i = 0; i < kPaddingLengthSize; ++i)
    out.data()[i] = static_cast<std::uint8_t>(n >> (24U - 8U * i));
  if (!plaintext.empty()) std::memcpy(out.data() + kPaddingLengthSize, plaintext.data(), plaintext.size());
  return out;  // the rest was value-initialised to zero
}

std::optional<SecretBuffer> unpad(ByteView padded) {
  if (padded.size() < kPaddingLengthSize) return std::nullopt;
  const std::size_t n = get_u32(padded);
  if (n > kMaxPlaintextSize || padded_size(n) != padded.size()) return std::nullopt;
  const auto tail = padded.subspan(kPaddingLengthSize + n);
  if (std::any_of(tail.begin(), tail.end(), [](std::uint8_t b) { return b != 0; })) return std::nullopt;
  return SecretBuffer(padded.subspan(kPaddingLengthSize, n));
}

FileKeys expand(const Secret<kKeySize>& file_key) {
  std::array<std::uint8_t, 2 * kKeySize> okm{};
  hkdf_sha256({}, file_key.view(), as_bytes(domain::kPayload), okm);
  FileKeys keys{*SymmetricKey::from(ByteView(okm).first(kKeySize)),
                *SymmetricKey::from(ByteView(okm).last(kKeySize))};
  wipe(okm.data(), okm.size());
  return keys;
}

SymmetricKey wrap_key(std::string_view label, const Secret<kKeySize>& ephemeral_shared,
                      const Secret<kKeySize>& static_shared, const X25519PublicKey& ephemeral,
                      const X25519PublicKey& sender, const X25519PublicKey& recipient) {
  std::array<std::uint8_t, 2 * kKeySize> ikm{};
  std::memcpy(ikm.data(), ephemeral_shared.data(), kKeySize);
  std::memcpy(ikm.data() + kKeySize, static_shared.data(), kKeySize);
  Bytes info(label.begin(), label.end());
  info.insert(info.end(), ephemeral.bytes.begin(), ephemeral.bytes.end());
  info.insert(info.end(), sender.bytes.begin(), sender.bytes.end());
  info.insert(info.end(), recipient.bytes.begin(), recipient.bytes.end());
  SymmetricKey key;
  hkdf_sha256({}, ikm, info, std::span<std::uint8_t>(key.data(), key.size()));
  wipe(ikm.data(), ikm.size());
  return key;
}

std::array<std::uint8_t, 64> wrap_ad(const Digest& preamble_hash, const Digest& payload_hash) {
  std::array<std::uint8_t, 64> ad{};
  std::copy(preamble_hash.bytes.begin(), preamble_hash.bytes.end(), ad.begin());
  std::copy(payload_hash.bytes.begin(), payload_hash.bytes.end(), ad.begin() + 32);
  return ad;
}

Mac header_mac(const SymmetricKey& key, ByteView header_body) {
  return hmac_sha256(key.view(), header_body);
}

Bytes record_signature_message(const Digest& header_hash, const Digest& payload_hash) {
  // Sized once and filled in place: g++ 12 at -O3 reports a false -Warray-bounds on
  // vector::insert of the two digests (docs/backend.md, "Build").
  const auto prefix = domain::kRecordSignature.size();
  Bytes m(prefix + 2 * Digest::kSize);
  std::copy(domain::kRecordSignature.begin(), domain::kRecordSignature.end(), m.begin());
  std::copy(header_hash.bytes.begin(), header_hash.bytes.end(),
            m.begin() + static_cast<std::ptrdiff_t>(prefix));
  std::copy(payload_hash.bytes.begin(), payload_hash.bytes.end(),
            m.begin() + static_cast<std::ptrdiff_t>(prefix + Digest::kSize));
  return m;
}

Result<Parsed, OpenError> parse_expected(ByteView envelope, const Expectation& expected) {
  auto parsed = parse(envelope);
  if (!parsed) return parsed;
  if (parsed->kind != expected.kind) return Unexpected{OpenError::kind_mismatch};
  if (!std::ranges::equal(parsed->context, expected.context)) return Unexpected{OpenError::context_mismatch};
  if (parsed->author != expected.author.fingerprint()) return Unexpected{OpenError::bad_author};
  return parsed;
}

bool record_signature_ok(const Parsed& parsed, const DevicePublicKeys& author, const Digest& header_hash,
                         const Digest& payload_hash) {
  if (parsed.kind != EnvelopeKind::record) return true;
  return parsed.signature &&
         ed25519_verify(author.signing, record_signature_message(header_hash, payload_hash),
                        *parsed.signature);
}

}  // namespace sk::crypto::format
