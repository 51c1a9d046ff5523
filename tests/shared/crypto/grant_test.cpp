// History grants: a member's device re-wraps past file keys for a newcomer, bound to each
// envelope's header and payload; payloads are never re-encrypted.

#include <gtest/gtest.h>

#include "sk/crypto/envelope.hpp"
#include "test_support.hpp"

namespace sk::crypto {
namespace {

const Bytes kContext{'c', 'a', 's', 'e', '-', '9'};

struct History {
  DeviceIdentity author = DeviceIdentity::generate();
  DeviceIdentity member = DeviceIdentity::generate();    // opened the past envelopes
  DeviceIdentity newcomer = DeviceIdentity::generate();  // a substitute contact's device
  PairwiseCache cache;

  Bytes seal(std::string_view text, EnvelopeKind kind = EnvelopeKind::chat) {
    const std::vector<DevicePublicKeys> to{member.public_keys()};
    auto env = crypto::seal(author, to, kind, kContext, as_bytes(text), cache);
    EXPECT_TRUE(env.ok());
    return env.ok() ? *env : Bytes{};
  }
  Expectation expect(EnvelopeKind kind = EnvelopeKind::chat) {
    return {.author = author.public_keys(), .kind = kind, .context = kContext};
  }
  Bytes grant(ByteView env, EnvelopeKind kind = EnvelopeKind::chat) {
    PairwiseCache member_cache;
    const auto opened = open(env, member, expect(kind), member_cache);
    EXPECT_TRUE(opened.ok());
    if (!opened.ok()) return {};
    auto g = make_grant(*opened, member, newcomer.public_keys(), member_cache);
    EXPECT_TRUE(g.ok());
    return g.ok() ? *g : Bytes{};
  }
  Result<Opened, OpenError> open_granted(ByteView env, ByteView grant,
                                         EnvelopeKind kind = EnvelopeKind::chat) {
    PairwiseCache newcomer_cache;
    return open_with_grant(env, grant, newcomer, expect(kind), member.public_keys(), newcomer_cache);
  }
};

TEST(Grant, LetsNewcomerOpenPastChatAndRecords) {
  History h;
  for (const auto kind : {EnvelopeKind::chat, EnvelopeKind::record}) {
    const auto env = h.seal("what we did last spring", kind);
    const auto grant = h.grant(env, kind);
    EXPECT_EQ(grant.size(), kGrantSize);
    const auto opened = h.open_granted(env, grant, kind);
    ASSERT_TRUE(opened.ok()) << error_code(opened.error());
    EXPECT_EQ(to_string(opened->plaintext.view()), "what we did last spring");
    EXPECT_EQ(opened->granted_by, h.member.fingerprint());
    EXPECT_EQ(opened->author, h.author.fingerprint());
  }
}

TEST(Grant, NewcomerCannotOpenWithoutGrant) {
  History h;
  const auto env = h.seal("before your time");
  PairwiseCache cache;
  EXPECT_EQ(open(env, h.newcomer, h.expect(), cache).error(), OpenError::not_recipient);
}

TEST(Grant, IsBoundToItsEnvelope) {
  History h;
  const auto first = h.seal("first");
  const auto second = h.seal("second");
  const auto grant_for_first = h.grant(first);
  EXPECT_EQ(h.open_granted(second, grant_for_first).error(), OpenError::grant_failure);
}

TEST(Grant, IsOnlyForItsRecipientAndFromItsGranter) {
  History h;
  const auto env = h.seal("private");
  const auto grant = h.grant(env);
  const auto other = DeviceIdentity::generate();
  PairwiseCache cache;
  EXPECT_EQ(open_with_grant(env, grant, other, h.expect(), h.member.public_keys(), cache).error(),
            OpenError::not_recipient);
  EXPECT_EQ(open_with_grant(env, grant, h.newcomer, h.expect(), other.public_keys(), cache).error(),
            OpenError::grant_failure);
}

TEST(Grant, RejectsEverySingleByteFlipOfTheGrant) {
  History h;
  const auto env = h.seal("flip me");
  const auto grant = h.grant(env);
  for (std::size_t i = 0; i < grant.size(); ++i) {
    auto bad = grant;
    bad[i] ^= 0x01;
    EXPECT_FALSE(h.open_granted(env, bad).ok()) << "byte " << i;
  }
  EXPECT_EQ(h.open_granted(env, ByteView(grant).first(kGrantSize - 1)).error(), OpenError::grant_failure);
}

TEST(Grant, StillVerifiesTheEnvelopeItself) {
  History h;
  const auto env = h.seal("signed note", EnvelopeKind::record);
  const auto grant = h.grant(env, EnvelopeKind::record);
  auto bad_signature = env;
  bad_signature.back() ^= 0x01;
  // The grant names the envelope by hash, and a flipped signature changes neither hash: the
  // signature check itself must catch it.
  EXPECT_EQ(h.open_granted(bad_signature, grant, EnvelopeKind::record).error(), OpenError::bad_signature);
  EXPECT_EQ(h.open_granted(env, grant, EnvelopeKind::chat).error(), OpenError::kind_mismatch);
}

}  // namespace
}  // namespace sk::crypto
