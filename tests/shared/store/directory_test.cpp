// Identity, peers, cases and UI settings: what goes in comes back out; trust rules the schema
// enforces; a read-only connection reads but cannot write.
#include <gtest/gtest.h>

#include <string>

#include "sk/store/store.hpp"
#include "store_fixture.hpp"

namespace sk::store {
namespace {

using testing::sample_case;
using testing::TempDir;

Peer sample_peer(const std::string& device_id) {
  Peer p;
  p.device_id = device_id;
  p.principal_id = "youth-1";
  p.role = "youth";
  p.sign_public_key = Bytes(32, 0x11);
  p.box_public_key = Bytes(32, 0x22);
  p.verified_by = Verification::kCode;
  p.added_at_ms = 10;
  return p;
}

class Directory : public ::testing::Test {
 protected:
  TempDir dir;
  Store store = Store::open(dir.db()).value();
};

TEST_F(Directory, NewProfileHasNoIdentityUntilOneIsSet) {
  auto none = store.identity();
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  Identity me{"org-1", "contact-1", "dev-1", "contact", Bytes{0xde, 0xad, 0x00, 0xbe}, "Kari", 77};
  ASSERT_TRUE(store.set_identity(me).ok());
  EXPECT_EQ(store.identity()->value(), me);

  me.nickname = "Kari N.";
  ASSERT_TRUE(store.set_identity(me).ok());
  EXPECT_EQ(store.identity()->value(), me) << "a second set replaces the one row";
}

TEST_F(Directory, IdentityWithAnUnknownRoleIsRefused) {
  Identity me{"org-1", "p", "d", "janitor", Bytes{1}, "x", 1};
  auto r = store.set_identity(me);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "store.constraint");
}

TEST_F(Directory, PeersRoundTripAndAreListedByDeviceId) {
  Peer vouched = sample_peer("dev-b");
  vouched.verified_by = Verification::kVouched;
  vouched.vouched_by_device_id = "dev-a";
  ASSERT_TRUE(store.upsert_peer(vouched).ok());
  ASSERT_TRUE(store.upsert_peer(sample_peer("dev-a")).ok());

  EXPECT_EQ(store.find_peer("dev-b")->value(), vouched);
  EXPECT_FALSE(store.find_peer("dev-z")->has_value());
  auto all = store.peers();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].device_id, "dev-a");
}

TEST_F(Directory, RevokedPeerStaysRevokedWhenUpsertedAgain) {
  ASSERT_TRUE(store.upsert_peer(sample_peer("dev-a")).ok());
  ASSERT_TRUE(store.revoke_peer("dev-a").ok());
  ASSERT_TRUE(store.upsert_peer(sample_peer("dev-a")).ok());
  EXPECT_TRUE(store.find_peer("dev-a")->value().revoked);
  EXPECT_EQ(store.revoke_peer("dev-z").error().code, "store.not_found");
}

TEST_F(Directory, PeerKeysMustBe32BytesAndVouchingNeedsAVoucher) {
  Peer short_key = sample_peer("dev-a");
  short_key.sign_public_key.pop_back();
  EXPECT_EQ(store.upsert_peer(short_key).error().code, "store.constraint");

  Peer no_voucher = sample_peer("dev-b");
  no_voucher.verified_by = Verification::kVouched;
  EXPECT_EQ(store.upsert_peer(no_voucher).error().code, "store.constraint");

  Peer code_with_voucher = sample_peer("dev-c");
  code_with_voucher.vouched_by_device_id = "dev-x";
  EXPECT_EQ(store.upsert_peer(code_with_voucher).error().code, "store.constraint");
  EXPECT_TRUE(store.peers()->empty());
}

TEST_F(Directory, CaseRoundTripsAndUpsertReplacesItsMembership) {
  CaseRecord c = sample_case();
  ASSERT_TRUE(store.upsert_case(c).ok());
  EXPECT_EQ(store.find_case("case-1")->value(), c);

  c.label = "M.";
  c.checkin_consent = true;
  c.members = {{"contact-2", "contact"}, {"youth-1", "youth"}};
  ASSERT_TRUE(store.upsert_case(c).ok());
  EXPECT_EQ(store.find_case("case-1")->value(), c);
  EXPECT_FALSE(store.find_case("case-9")->has_value());
}

TEST_F(Directory, CasesAreListedByIdWithTheirMembers) {
  ASSERT_TRUE(store.upsert_case(sample_case("case-b")).ok());
  ASSERT_TRUE(store.upsert_case(sample_case("case-a")).ok());
  auto all = store.cases();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].case_id, "case-a");
  EXPECT_EQ((*all)[1].members.size(), 2u);
}

TEST_F(Directory, SettingsCanBeSetReplacedAndErased) {
  EXPECT_FALSE(store.setting("ui.scale")->has_value());
  ASSERT_TRUE(store.set_setting("ui.scale", "1.25").ok());
  ASSERT_TRUE(store.set_setting("ui.scale", "1.5").ok());
  EXPECT_EQ(store.setting("ui.scale")->value(), "1.5");
  ASSERT_TRUE(store.erase_setting("ui.scale").ok());
  EXPECT_FALSE(store.setting("ui.scale")->has_value());
}

TEST_F(Directory, ReadOnlyConnectionSeesTheWritersDataButCannotWrite) {
  ASSERT_TRUE(store.upsert_case(sample_case()).ok());
  ASSERT_TRUE(store.set_setting("lang", "nb").ok());
  auto reader = Store::open_read_only(dir.db());
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ(reader->setting("lang")->value(), "nb");
  EXPECT_TRUE(reader->find_case("case-1")->has_value());

  auto write = reader->set_setting("lang", "sv");
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, "store.read_only");
  auto event = reader->record_local_event(testing::local_event("ev-1"));
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.error().code, "store.read_only");

  ASSERT_TRUE(store.set_setting("lang", "en").ok());
  EXPECT_EQ(reader->setting("lang")->value(), "en") << "the reader sees later commits";
}

TEST_F(Directory, ReadOnlyOpenOfAMissingFileFails) {
  auto reader = Store::open_read_only(dir.path() / "missing.sqlite");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "store.io");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "missing.sqlite"));
}

}  // namespace
}  // namespace sk::store
