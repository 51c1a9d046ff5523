// History grants: re-wrapping an opened envelope's file key for a new recipient
// (docs/protocol.md §5).

#include <algorithm>

#include "domain.hpp"
#include "envelope_format.hpp"
#include "sk/crypto/envelope.hpp"

namespace sk::crypto {
namespace {

inline constexpr std::uint8_t kGrantVersion = 1;
inline constexpr std::size_t kGrantPrefix = kGrantSize - kWrappedKeySize;  // what the wrap binds

struct GrantView {
  ByteView header_hash;
  ByteView payload_hash;
  ByteView granter;
  X25519PublicKey ephemeral;
  ByteView key_id;
  ByteView prefix;
  ByteView wrapped;
};

std::optional<GrantView> parse_grant(ByteView grant) {
  if (grant.size() != kGrantSize || grant[0] != kGrantVersion) return std::nullopt;
  GrantView g;
  g.header_hash = grant.subspan(1, 32);
  g.payload_hash = grant.subspan(33, 32);
  g.granter = grant.subspan(65, 32);
  g.ephemeral = *X25519PublicKey::from(grant.subspan(97, kKeySize));
  g.key_id = grant.subspan(129, KeyId::kSize);
  g.prefix = grant.first(kGrantPrefix);
  g.wrapped = grant.subspan(kGrantPrefix, kWrappedKeySize);
  return g;
}

}  // namespace

Result<Bytes> make_grant(const Opened& opened, const DeviceIdentity& granter,
                         const DevicePublicKeys& recipient, PairwiseCache& cache) {
  auto ss = cache.shared_secret(granter, recipient.encryption);
  if (!ss) return Unexpected{ss.error()};
  const auto ephemeral = X25519Key::generate();
  auto ee = ephemeral.agree(recipient.encryption);
  if (!ee) return Unexpected{ee.error()};
  const auto wk = format::wrap_key(domain::kGrantWrap, *ee, *ss, ephemeral.public_key(),
                                   granter.public_keys().encryption, recipient.encryption);
  Bytes out;
  out.reserve(kGrantSize);
  out.push_back(kGrantVersion);
  out.insert(out.end(), opened.header_hash.bytes.begin(), opened.header_hash.bytes.end());
  out.insert(out.end(), opened.payload_hash.bytes.begin(), opened.payload_hash.bytes.end());
  out.insert(out.end(), granter.fingerprint().bytes.begin(), granter.fingerprint().bytes.end());
  out.insert(out.end(), ephemeral.public_key().bytes.begin(), ephemeral.public_key().bytes.end());
  const auto id = key_id(recipient.encryption);
  out.insert(out.end(), id.bytes.begin(), id.bytes.end());
  out.resize(kGrantSize);
  std::span<std::uint8_t> all(out);
  aead_seal(wk, format::kZeroNonce, all.first(kGrantPrefix), opened.file_key.view(),
            all.last(kWrappedKeySize));
  return out;
}

Result<Opened, OpenError> open_with_grant(ByteView envelope, ByteView grant, const DeviceIdentity& me,
                                          const Expectation& expected, const DevicePublicKeys& granter,
                                          PairwiseCache& cache) {
  auto parsed = format::parse_expected(envelope, expected);
  if (!parsed) return Unexpected{parsed.error()};
  const auto& p = *parsed;

  const auto g = parse_grant(grant);
  if (!g) return Unexpected{OpenError::grant_failure};
  const auto header_hash = sha256(p.header);
  const auto payload_hash = sha256(p.payload);
  if (!std::ranges::equal(g->header_hash, header_hash.bytes) ||
      !std::ranges::equal(g->payload_hash, payload_hash.bytes) ||
      !std::ranges::equal(g->granter, granter.fingerprint().bytes)) {
    return Unexpected{OpenError::grant_failure};
  }
  if (!std::ranges::equal(g->key_id, me.key_id().bytes)) return Unexpected{OpenError::not_recipient};
  if (!format::record_signature_ok(p, expected.author, header_hash, payload_hash)) {
    return Unexpected{OpenError::bad_signature};
  }

  auto ee = cache.ephemeral_secret(me, g->ephemeral);
  if (!ee) return Unexpected{OpenError::grant_failure};
  auto ss = cache.shared_secret(me, granter.encryption);
  if (!ss) return Unexpected{OpenError::grant_failure};
  const auto wk = format::wrap_key(domain::kGrantWrap, *ee, *ss, g->ephemeral, granter.encryption,
                                   me.public_keys().encryption);
  Secret<kKeySize> file_key;
  if (!aead_open(wk, format::kZeroNonce, g->prefix, g->wrapped,
                 std::span<std::uint8_t>(file_key.data(), file_key.size()))) {
    return Unexpected{OpenError::grant_failure};
  }
  auto opened = format::finish_open(p, std::move(file_key), expected.author, payload_hash);
  if (opened) opened->granted_by = granter.fingerprint();
  return opened;
}

}  // namespace sk::crypto
