// Envelope behaviour: round trips, and every way an envelope can be altered, forged, moved,
// truncated or misused is refused with the right typed error and no plaintext.

#include "sk/crypto/envelope.hpp"

#include <gtest/gtest.h>
#include <openssl/err.h>

#include <algorithm>
#include <cstring>

#include "envelope_format.hpp"
#include "forgery.hpp"
#include "sk/core/random.hpp"
#include "test_support.hpp"

namespace sk::crypto {
namespace {

using testing::make_identities;
using testing::public_keys_of;

const Bytes kContext = Bytes{'c', 'a', 's', 'e', '-', '1', '/', 'e', 'v', '-', '7', '/', 't', 'e', 'a', 'm'};

struct Fixture {
  DeviceIdentity author = DeviceIdentity::generate();
  std::vector<DeviceIdentity> recipients;
  std::vector<DevicePublicKeys> recipient_keys;
  PairwiseCache cache;

  explicit Fixture(std::size_t n)
      : recipients(make_identities(n)), recipient_keys(public_keys_of(recipients)) {}

  Bytes seal(ByteView plaintext, EnvelopeKind kind = EnvelopeKind::chat, ByteView context = kContext) {
    auto env = crypto::seal(author, recipient_keys, kind, context, plaintext, cache);
    EXPECT_TRUE(env.ok());
    return env.ok() ? *env : Bytes{};
  }
  Result<Opened, OpenError> open(ByteView env, std::size_t who = 0, EnvelopeKind kind = EnvelopeKind::chat,
                                 ByteView context = kContext) {
    PairwiseCache fresh;  // a recipient's own cache, not the author's
    return crypto::open(env, recipients[who],
                        {.author = author.public_keys(), .kind = kind, .context = context}, fresh);
  }
};

OpenError error_of(const Result<Opened, OpenError>& r) {
  EXPECT_FALSE(r.ok());
  return r.ok() ? OpenError::truncated : r.error();
}

void expect_plaintext(const Result<Opened, OpenError>& r, ByteView expected) {
  ASSERT_TRUE(r.ok()) << error_code(r.error());
  EXPECT_TRUE(std::ranges::equal(r->plaintext.view(), expected));
}

TEST(Envelope, RoundTripsForOneThreeAndTwentyRecipients) {
  for (const std::size_t n : {1U, 3U, 20U}) {
    Fixture f(n);
    const auto message = as_bytes("Hei! Ses vi i spillet i kveld? 🎮");
    for (const auto kind : {EnvelopeKind::chat, EnvelopeKind::record}) {
      const auto env = f.seal(message, kind);
      for (std::size_t i = 0; i < n; ++i) {
        const auto opened = f.open(env, i, kind);
        expect_plaintext(opened, message);
        if (opened.ok()) {
          EXPECT_EQ(opened->kind, kind);
          EXPECT_EQ(opened->author, f.author.fingerprint());
          EXPECT_EQ(opened->signature.has_value(), kind == EnvelopeKind::record);
        }
      }
    }
  }
}

TEST(Envelope, RoundTripsEmptyAndLargePlaintexts) {
  Fixture f(2);
  const Bytes empty;
  expect_plaintext(f.open(f.seal(empty)), empty);
  const auto large = random_bytes(300 * 1024);
  expect_plaintext(f.open(f.seal(large), 1), large);
}

TEST(Envelope, PadsPlaintextToSizeBuckets) {
  Fixture f(1);
  const auto size_for = [&](std::size_t n) { return f.seal(Bytes(n, 'x')).size(); };
  EXPECT_EQ(size_for(0), size_for(200));      // both in the 256-byte bucket
  EXPECT_EQ(size_for(1100), size_for(2000));  // both in the 2 KiB bucket
  EXPECT_LT(size_for(200), size_for(300));
  EXPECT_EQ(size_for(70'000), size_for(130'000));  // 64 KiB steps above 64 KiB
}

TEST(Envelope, SealsAFreshEnvelopeEveryTime) {
  Fixture f(1);
  const auto message = as_bytes("same words");
  EXPECT_NE(f.seal(message), f.seal(message));  // fresh file key and ephemeral each time
}

TEST(Envelope, RejectsEverySingleByteFlip) {
  for (const auto kind : {EnvelopeKind::chat, EnvelopeKind::record}) {
    Fixture f(3);
    const auto env = f.seal(as_bytes("session note: we played for an hour"), kind);
    for (std::size_t i = 0; i < env.size(); ++i) {
      for (const std::uint8_t mask : {0x01, 0x80}) {
        auto bad = env;
        bad[i] ^= mask;
        ASSERT_FALSE(f.open(bad, 1, kind).ok()) << "flipping byte " << i << " went unnoticed";
      }
    }
  }
}

TEST(Envelope, RejectsTruncationAtEveryLength) {
  for (const auto kind : {EnvelopeKind::chat, EnvelopeKind::record}) {
    Fixture f(3);
    const auto env = f.seal(as_bytes("short"), kind);
    for (std::size_t n = 0; n < env.size(); ++n) {
      const auto r = f.open(ByteView(env).first(n), 2, kind);
      ASSERT_FALSE(r.ok()) << "truncated to " << n;
      EXPECT_EQ(r.error(), OpenError::truncated) << "truncated to " << n << ": " << error_code(r.error());
    }
  }
}

TEST(Envelope, RejectsTrailingBytes) {
  Fixture f(1);
  auto env = f.seal(as_bytes("hi"));
  env.push_back(0);
  EXPECT_EQ(error_of(f.open(env)), OpenError::header_failure);
}

TEST(Envelope, NonRecipientCannotOpen) {
  Fixture f(3);
  const auto env = f.seal(as_bytes("only for the team"));
  const auto outsider = DeviceIdentity::generate();
  PairwiseCache cache;
  const auto r =
      open(env, outsider, {.author = f.author.public_keys(), .kind = EnvelopeKind::chat, .context = kContext},
           cache);
  EXPECT_EQ(error_of(r), OpenError::not_recipient);
}

TEST(Envelope, RejectsEnvelopeFromAnotherAuthor) {
  Fixture f(2);
  const auto mallory = DeviceIdentity::generate();
  const auto env =
      seal(mallory, f.recipient_keys, EnvelopeKind::chat, kContext, as_bytes("I am your contact"), f.cache);
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(error_of(f.open(*env)), OpenError::bad_author);
}

TEST(Envelope, RejectsForgedAuthorFingerprint) {
  // Mallory seals with her own keys, then writes the real author's fingerprint into the header.
  Fixture f(2);
  const auto mallory = DeviceIdentity::generate();
  auto env =
      seal(mallory, f.recipient_keys, EnvelopeKind::chat, kContext, as_bytes("I am your contact"), f.cache);
  ASSERT_TRUE(env.ok());
  const auto offset = format::kFixedPreamble + kContext.size();
  std::copy(f.author.fingerprint().bytes.begin(), f.author.fingerprint().bytes.end(),
            env->begin() + static_cast<std::ptrdiff_t>(offset));
  EXPECT_EQ(error_of(f.open(*env)), OpenError::bad_author);
  EXPECT_EQ(error_of(f.open(*env, 1)), OpenError::bad_author);
}

TEST(Envelope, RejectsPayloadSwappedByFellowRecipient) {
  Fixture f(3);
  const auto env = f.seal(as_bytes("Vi ses torsdag kl 18."));
  const auto bob = f.open(env, 0);
  ASSERT_TRUE(bob.ok());
  const auto forged = testing::swap_payload(env, bob->file_key, as_bytes("Session cancelled, don't come."));
  // The forgery is well-formed and its header MAC and payload are right under the file key: only
  // the stanzas' binding of the payload hash can tell.
  const auto parsed = format::parse(forged);
  ASSERT_TRUE(parsed.ok());
  const auto bypass =
      format::finish_open(*parsed, bob->file_key.clone(), f.author.public_keys(), sha256(parsed->payload));
  ASSERT_TRUE(bypass.ok());
  EXPECT_EQ(to_string(bypass->plaintext.view()), "Session cancelled, don't come.");
  EXPECT_EQ(error_of(f.open(forged, 1)), OpenError::bad_author);
  EXPECT_EQ(error_of(f.open(forged, 2)), OpenError::bad_author);
}

TEST(Envelope, RejectsWrongContext) {
  Fixture f(1);
  const auto env = f.seal(as_bytes("for case 1"));
  EXPECT_EQ(error_of(f.open(env, 0, EnvelopeKind::chat, as_bytes("case-2/ev-7/team"))),
            OpenError::context_mismatch);
  EXPECT_EQ(error_of(f.open(env, 0, EnvelopeKind::chat, {})), OpenError::context_mismatch);
}

TEST(Envelope, RefusesChatWhereRecordExpectedAndRecordWhereChatExpected) {
  Fixture f(1);
  const auto chat = f.seal(as_bytes("chat"), EnvelopeKind::chat);
  const auto record = f.seal(as_bytes("note"), EnvelopeKind::record);
  EXPECT_EQ(error_of(f.open(chat, 0, EnvelopeKind::record)), OpenError::kind_mismatch);
  EXPECT_EQ(error_of(f.open(record, 0, EnvelopeKind::chat)), OpenError::kind_mismatch);
}

TEST(Envelope, RejectsForgedRecordSignature) {
  Fixture f(2);
  const auto env = f.seal(as_bytes("concern: urgent"), EnvelopeKind::record);
  auto flipped = env;
  flipped[flipped.size() - 10] ^= 0x04;
  EXPECT_EQ(error_of(f.open(flipped, 0, EnvelopeKind::record)), OpenError::bad_signature);

  // A fellow recipient signs the same bytes with its own key: still not the author's signature.
  auto resigned = env;
  const auto parsed = format::parse(env);
  ASSERT_TRUE(parsed.ok());
  const auto message = format::record_signature_message(sha256(parsed->header), sha256(parsed->payload));
  const auto forged = f.recipients[0].sign(message);
  std::copy(forged.bytes.begin(), forged.bytes.end(), resigned.end() - Signature::kSize);
  EXPECT_EQ(error_of(f.open(resigned, 1, EnvelopeKind::record)), OpenError::bad_signature);
}

TEST(Envelope, RejectsUnsupportedVersion) {
  Fixture f(1);
  auto env = f.seal(as_bytes("from the future"));
  env[0] = 2;
  EXPECT_EQ(error_of(f.open(env)), OpenError::unsupported_version);
}

TEST(Envelope, RejectsTamperedStanzaOfAnotherRecipient) {
  Fixture f(3);
  auto env = f.seal(as_bytes("hello"));
  const auto parsed = format::parse(env);
  ASSERT_TRUE(parsed.ok());
  // Flip a byte of recipient 2's wrapped key; recipient 0 detects it through the header MAC.
  const auto at =
      static_cast<std::size_t>(parsed->wrapped_keys.data() - env.data()) + 2 * kWrappedKeySize + 5;
  env[at] ^= 0x10;
  EXPECT_EQ(error_of(f.open(env, 0)), OpenError::header_failure);
  EXPECT_EQ(error_of(f.open(env, 2)), OpenError::bad_author);
}

TEST(Envelope, SealRefusesBadRecipientListsAndOversizedInputs) {
  const auto author = DeviceIdentity::generate();
  PairwiseCache cache;
  const auto one = public_keys_of(make_identities(1));
  EXPECT_EQ(seal(author, {}, EnvelopeKind::chat, {}, as_bytes("x"), cache).error().code,
            "envelope.no_recipients");
  const std::vector<DevicePublicKeys> twice{one[0], one[0]};
  EXPECT_EQ(seal(author, twice, EnvelopeKind::chat, {}, as_bytes("x"), cache).error().code,
            "envelope.duplicate_recipient");
  const std::vector<DevicePublicKeys> many(256, one[0]);
  EXPECT_EQ(seal(author, many, EnvelopeKind::chat, {}, as_bytes("x"), cache).error().code,
            "envelope.too_many_recipients");
  const Bytes long_context(256, 'c');
  EXPECT_EQ(seal(author, one, EnvelopeKind::chat, long_context, as_bytes("x"), cache).error().code,
            "envelope.context_too_large");
  auto low_order = one[0];
  low_order.encryption = X25519PublicKey{};
  EXPECT_EQ(seal(author, std::vector{low_order}, EnvelopeKind::chat, {}, as_bytes("x"), cache).error().code,
            "crypto.bad_key");
}

TEST(Envelope, SealsToTheMaximumOf255Recipients) {
  const auto author = DeviceIdentity::generate();
  PairwiseCache cache;
  const auto ids = make_identities(kMaxRecipients);
  const auto keys = public_keys_of(ids);
  const auto env = seal(author, keys, EnvelopeKind::chat, kContext, as_bytes("all hands"), cache);
  ASSERT_TRUE(env.ok());
  PairwiseCache theirs;
  const auto opened =
      open(*env, ids.back(),
           {.author = author.public_keys(), .kind = EnvelopeKind::chat, .context = kContext}, theirs);
  expect_plaintext(opened, as_bytes("all hands"));
}

TEST(Envelope, CachesOnePairwiseSecretPerAuthor) {
  Fixture f(1);
  PairwiseCache cache;
  for (int i = 0; i < 5; ++i) {
    const auto env = f.seal(as_bytes("again"));
    const auto r =
        open(env, f.recipients[0],
             {.author = f.author.public_keys(), .kind = EnvelopeKind::chat, .context = kContext}, cache);
    ASSERT_TRUE(r.ok());
  }
  EXPECT_EQ(cache.size(), 1U);
}

TEST(Envelope, OneCacheServesSeveralOwnIdentities) {
  // The cache keeps an agreement context for the last own key; switching keys must not mix them.
  Fixture f(2);
  PairwiseCache shared_cache;
  const auto env = f.seal(as_bytes("both of us"));
  const Expectation expected{
      .author = f.author.public_keys(), .kind = EnvelopeKind::chat, .context = kContext};
  for (int round = 0; round < 3; ++round) {
    for (std::size_t who = 0; who < 2; ++who) {
      expect_plaintext(open(env, f.recipients[who], expected, shared_cache), as_bytes("both of us"));
    }
  }
  EXPECT_EQ(shared_cache.size(), 2U);
}

TEST(Envelope, NeverOpensRandomOrMutatedInput) {
  Fixture f(2);
  const auto env = f.seal(as_bytes("fuzz me"));
  std::array<std::uint8_t, 4> r{};
  for (int round = 0; round < 3000; ++round) {
    random_bytes(r);
    Bytes input;
    if (round % 3 == 0) {
      input = random_bytes(r[0] * 8U + r[1] % 8U);
      if (!input.empty()) input[0] = kEnvelopeVersion;
    } else {
      input = env;
      const std::size_t flips = 1 + r[0] % 4;
      for (std::size_t k = 0; k < flips; ++k) {
        random_bytes(r);
        const std::size_t at = (std::size_t{r[0]} << 8U | r[1]) % input.size();
        input[at] = static_cast<std::uint8_t>(input[at] ^ (r[2] | 1U));
      }
    }
    ASSERT_FALSE(f.open(input, 1).ok()) << "round " << round;
  }
}

TEST(Envelope, PeekShowsOnlyPublicFacts) {
  Fixture f(3);
  const auto env = f.seal(as_bytes("secret"), EnvelopeKind::record);
  const auto info = peek(env);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->kind, EnvelopeKind::record);
  EXPECT_EQ(info->context, kContext);
  EXPECT_EQ(info->author, f.author.fingerprint());
  ASSERT_EQ(info->recipients.size(), 3U);
  EXPECT_EQ(info->recipients[1], f.recipients[1].key_id());
  EXPECT_EQ(info->size, env.size());
  const auto opened = f.open(env, 0, EnvelopeKind::record);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(info->header_hash, opened->header_hash);
  EXPECT_EQ(info->payload_hash, opened->payload_hash);
}

TEST(Envelope, LeavesNoOpenSslErrorsBehindWhenRejecting) {
  // A stale entry in the thread's OpenSSL error queue would confuse a later TLS call.
  ERR_clear_error();
  Fixture f(2);
  auto env = f.seal(as_bytes("x"), EnvelopeKind::record);
  env[env.size() - 70] ^= 1;  // payload byte: signature check fails
  EXPECT_FALSE(f.open(env, 0, EnvelopeKind::record).ok());
  auto chat = f.seal(as_bytes("y"));
  chat[chat.size() - 1] ^= 1;
  EXPECT_FALSE(f.open(chat).ok());
  EXPECT_EQ(ERR_peek_error(), 0UL);
}

TEST(Envelope, ErrorsHaveStableCodesAndSentences) {
  EXPECT_EQ(error_code(OpenError::not_recipient), "envelope.not_recipient");
  const auto e = to_error(OpenError::payload_failure);
  EXPECT_EQ(e.code, "envelope.payload_failure");
  EXPECT_FALSE(e.message.empty());
}

}  // namespace
}  // namespace sk::crypto
