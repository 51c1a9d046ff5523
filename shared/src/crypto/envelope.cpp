#include "sk/crypto/envelope.hpp"

#include <algorithm>
#include <cstring>

#include "domain.hpp"
#include "envelope_format.hpp"
#include "sk/core/random.hpp"

namespace sk::crypto {

std::string_view error_code(OpenError e) {
  switch (e) {
    case OpenError::truncated:
      return "envelope.truncated";
    case OpenError::unsupported_version:
      return "envelope.unsupported_version";
    case OpenError::header_failure:
      return "envelope.header_failure";
    case OpenError::not_recipient:
      return "envelope.not_recipient";
    case OpenError::bad_author:
      return "envelope.bad_author";
    case OpenError::kind_mismatch:
      return "envelope.kind_mismatch";
    case OpenError::context_mismatch:
      return "envelope.context_mismatch";
    case OpenError::bad_signature:
      return "envelope.bad_signature";
    case OpenError::payload_failure:
      return "envelope.payload_failure";
    case OpenError::grant_failure:
      return "envelope.grant_failure";
  }
  return "envelope.unknown";
}

std::string_view describe(OpenError e) {
  switch (e) {
    case OpenError::truncated:
      return "the envelope is shorter than its header says";
    case OpenError::unsupported_version:
      return "the envelope was made by a newer or unknown version";
    case OpenError::header_failure:
      return "the envelope header is malformed or was altered";
    case OpenError::not_recipient:
      return "this device is not a recipient of the envelope";
    case OpenError::bad_author:
      return "the envelope was not sealed by the expected author, or was altered";
    case OpenError::kind_mismatch:
      return "a chat envelope can't stand for a record, nor a record for chat";
    case OpenError::context_mismatch:
      return "the envelope belongs to another case, event or audience";
    case OpenError::bad_signature:
      return "the record's signature is not the author's";
    case OpenError::payload_failure:
      return "the envelope payload is corrupt";
    case OpenError::grant_failure:
      return "the grant is malformed, for another envelope, or not from the granter";
  }
  return "unknown envelope error";
}

Error to_error(OpenError e) {
  return Error{std::string(error_code(e)), std::string(describe(e))};
}

namespace format {

Result<Bytes> seal_padded(const DeviceIdentity& author, std::span<const DevicePublicKeys> recipients,
                          EnvelopeKind kind, ByteView context, ByteView padded, PairwiseCache& cache) {
  if (recipients.empty()) return fail("envelope.no_recipients", "an envelope needs at least one recipient");
  if (recipients.size() > kMaxRecipients) {
    return fail("envelope.too_many_recipients", "an envelope has at most 255 recipients");
  }
  if (context.size() > kMaxContextSize)
    return fail("envelope.context_too_large", "context is at most 255 bytes");
  if (!is_bucket(padded.size())) return fail("envelope.plaintext_too_large", "plaintext is at most 16 MiB");
  const std::size_t n = recipients.size();

  std::vector<KeyId> ids;
  ids.reserve(n);
  for (const auto& r : recipients) ids.push_back(key_id(r.encryption));
  auto sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return fail("envelope.duplicate_recipient", "a recipient key is listed twice");
  }

  const std::size_t payload_size = padded.size() + kAeadTagSize;
  const std::size_t preamble_size = kFixedPreamble + context.size() + kPreambleKeys + n * KeyId::kSize;
  const std::size_t header_size = preamble_size + n * kWrappedKeySize + kPayloadLengthSize + kHeaderMacSize;
  const std::size_t signature_size = kind == EnvelopeKind::record ? Signature::kSize : 0;

  Secret<kKeySize> file_key;
  random_bytes(std::span<std::uint8_t>(file_key.data(), file_key.size()));
  const auto ephemeral = X25519Key::generate();
  X25519Agreement ephemeral_agreement(ephemeral);
  const auto keys = expand(file_key);

  Bytes out;
  out.reserve(header_size + payload_size + signature_size);
  out.push_back(kEnvelopeVersion);
  out.push_back(static_cast<std::uint8_t>(kind));
  out.push_back(static_cast<std::uint8_t>(context.size()));
  out.insert(out.end(), context.begin(), context.end());
  out.insert(out.end(), author.fingerprint().bytes.begin(), author.fingerprint().bytes.end());
  out.insert(out.end(), ephemeral.public_key().bytes.begin(), ephemeral.public_key().bytes.end());
  out.push_back(static_cast<std::uint8_t>(n));
  for (const auto& id : ids) out.insert(out.end(), id.bytes.begin(), id.bytes.end());
  out.resize(preamble_size + n * kWrappedKeySize);  // stanzas, filled below
  put_u32(out, static_cast<std::uint32_t>(payload_size));
  out.resize(header_size + payload_size);  // header MAC and payload, filled below

  std::span<std::uint8_t> all(out);
  const ByteView preamble = all.first(preamble_size);
  const auto payload = all.subspan(header_size, payload_size);
  aead_seal(keys.payload_key, kZeroNonce, preamble, padded, payload);
  const auto payload_hash = sha256(payload);
  const auto ad = wrap_ad(sha256(preamble), payload_hash);

  for (std::size_t i = 0; i < n; ++i) {
    const auto& recipient = recipients[i].encryption;
    auto ss = cache.shared_secret(author, recipient);
    if (!ss) return Unexpected{ss.error()};
    auto ee = ephemeral_agreement.agree(recipient);
    if (!ee) return Unexpected{ee.error()};
    const auto wk =
        wrap_key(domain::kWrap, *ee, *ss, ephemeral.public_key(), author.public_keys().encryption, recipient);
    aead_seal(wk, kZeroNonce, ad, file_key.view(),
              all.subspan(preamble_size + i * kWrappedKeySize, kWrappedKeySize));
  }

  const std::size_t header_body_size = header_size - kHeaderMacSize;
  const auto mac = header_mac(keys.header_mac_key, all.first(header_body_size));
  std::copy(mac.bytes.begin(), mac.bytes.end(), out.begin() + static_cast<std::ptrdiff_t>(header_body_size));

  if (kind == EnvelopeKind::record) {
    const auto header_hash = sha256(ByteView(out).first(header_size));
    const auto signature = author.sign(record_signature_message(header_hash, payload_hash));
    out.insert(out.end(), signature.bytes.begin(), signature.bytes.end());
  }
  return out;
}

Result<Opened, OpenError> finish_open(const Parsed& parsed, Secret<kKeySize> file_key,
                                      const DevicePublicKeys& author, const Digest& payload_hash) {
  const auto keys = expand(file_key);
  const auto mac = header_mac(keys.header_mac_key, parsed.header_body);
  if (!constant_time_equal(mac.view(), parsed.header_mac)) return Unexpected{OpenError::header_failure};
  SecretBuffer padded(parsed.payload.size() - kAeadTagSize);
  if (!aead_open(keys.payload_key, kZeroNonce, parsed.preamble, parsed.payload,
                 std::span<std::uint8_t>(padded.data(), padded.size()))) {
    return Unexpected{OpenError::payload_failure};
  }
  auto plaintext = unpad(padded.view());
  if (!plaintext) return Unexpected{OpenError::payload_failure};
  Opened opened;
  opened.kind = parsed.kind;
  opened.plaintext = std::move(*plaintext);
  opened.author = author.fingerprint();
  opened.header_hash = sha256(parsed.header);
  opened.payload_hash = payload_hash;
  opened.signature = parsed.signature;
  opened.file_key = std::move(file_key);
  return opened;
}

}  // namespace format

namespace {

std::optional<std::size_t> find_stanza(const format::Parsed& parsed, const KeyId& id) {
  for (std::size_t i = 0; i < parsed.count; ++i) {
    if (std::memcmp(parsed.key_ids.data() + i * KeyId::kSize, id.bytes.data(), KeyId::kSize) == 0) return i;
  }
  return std::nullopt;
}

}  // namespace

Result<Bytes> seal(const DeviceIdentity& author, std::span<const DevicePublicKeys> recipients,
                   EnvelopeKind kind, ByteView context, ByteView plaintext, PairwiseCache& cache) {
  if (plaintext.size() > kMaxPlaintextSize)
    return fail("envelope.plaintext_too_large", "plaintext is at most 16 MiB");
  const auto padded = format::pad(plaintext);
  return format::seal_padded(author, recipients, kind, context, padded.view(), cache);
}

Result<Opened, OpenError> open(ByteView envelope, const DeviceIdentity& me, const Expectation& expected,
                               PairwiseCache& cache) {
  auto parsed = format::parse_expected(envelope, expected);
  if (!parsed) return Unexpected{parsed.error()};
  const auto& p = *parsed;
  const auto index = find_stanza(p, me.key_id());
  if (!index) return Unexpected{OpenError::not_recipient};
  const auto payload_hash = sha256(p.payload);
  if (p.kind == EnvelopeKind::record &&
      !format::record_signature_ok(p, expected.author, sha256(p.header), payload_hash)) {
    return Unexpected{OpenError::bad_signature};
  }

  auto ee = cache.ephemeral_secret(me, p.ephemeral);
  if (!ee) return Unexpected{OpenError::header_failure};
  auto ss = cache.shared_secret(me, expected.author.encryption);
  if (!ss) return Unexpected{OpenError::bad_author};
  const auto wk = format::wrap_key(domain::kWrap, *ee, *ss, p.ephemeral, expected.author.encryption,
                                   me.public_keys().encryption);
  const auto ad = format::wrap_ad(sha256(p.preamble), payload_hash);
  Secret<kKeySize> file_key;
  if (!aead_open(wk, format::kZeroNonce, ad,
                 p.wrapped_keys.subspan(*index * kWrappedKeySize, kWrappedKeySize),
                 std::span<std::uint8_t>(file_key.data(), file_key.size()))) {
    return Unexpected{OpenError::bad_author};
  }
  return format::finish_open(p, std::move(file_key), expected.author, payload_hash);
}

Result<EnvelopeInfo, OpenError> peek(ByteView envelope) {
  auto parsed = format::parse(envelope);
  if (!parsed) return Unexpected{parsed.error()};
  EnvelopeInfo info;
  info.kind = parsed->kind;
  info.context.assign(parsed->context.begin(), parsed->context.end());
  info.author = parsed->author;
  for (std::size_t i = 0; i < parsed->count; ++i) {
    info.recipients.push_back(*KeyId::from(parsed->key_ids.subspan(i * KeyId::kSize, KeyId::kSize)));
  }
  info.header_hash = sha256(parsed->header);
  info.payload_hash = sha256(parsed->payload);
  info.size = envelope.size();
  return info;
}

}  // namespace sk::crypto
