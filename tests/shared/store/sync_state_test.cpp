// What the sync engine keeps besides events (schema v4): the organisation's recovery key,
// pending one-time codes, directory versions and quarantined envelopes.
#include <gtest/gtest.h>

#include "sk/store/store.hpp"
#include "store_fixture.hpp"

namespace sk::store {
namespace {

using testing::TempDir;

class SyncState : public ::testing::Test {
 protected:
  TempDir dir;
  Store store = Store::open(dir.db()).value();
};

PendingCode sample_code(const std::string& lookup) {
  return {lookup, "KX7F-92QM-4T", "issuer", "youth", "case-1", "Mika", 9000, "waiting", 100};
}

QuarantineEntry sample_entry(const std::string& case_id, std::int64_t seq) {
  return {
      case_id, seq, "ev-" + std::to_string(seq), "case", "dev-2", 5, Bytes{1, 2, 3}, "envelope.bad_author",
      false,   6};
}

TEST_F(SyncState, OrgKeysAreAbsentUntilSetAndThenReplaced) {
  EXPECT_FALSE(store.org_keys()->has_value());
  const OrgKeys keys{"org-1", Bytes(32, 7)};
  ASSERT_TRUE(store.set_org_keys(keys));
  EXPECT_EQ(store.org_keys()->value(), keys);
  EXPECT_FALSE(store.set_org_keys({"org-1", Bytes(31, 7)})) << "a recovery key is 32 bytes";
  EXPECT_EQ(store.org_keys()->value(), keys) << "a refused write leaves the old row";
}

TEST_F(SyncState, PendingCodesKeepTheirOrderAndState) {
  ASSERT_TRUE(store.put_pending_code(sample_code("AAAA")));
  auto second = sample_code("BBBB");
  second.created_at_ms = 200;
  second.side = "redeemer";
  second.peer_role = "contact";
  ASSERT_TRUE(store.put_pending_code(second));
  ASSERT_TRUE(store.set_pending_code_state("AAAA", "confirmed"));
  const auto codes = store.pending_codes();
  ASSERT_TRUE(codes);
  ASSERT_EQ(codes->size(), 2u);
  EXPECT_EQ((*codes)[0].lookup, "AAAA");
  EXPECT_EQ((*codes)[0].state, "confirmed");
  EXPECT_EQ((*codes)[1], second);

  EXPECT_FALSE(store.set_pending_code_state("AAAA", "maybe")) << "only the four states";
  auto bad = sample_code("CCCC");
  bad.side = "bystander";
  EXPECT_FALSE(store.put_pending_code(bad));
}

TEST_F(SyncState, DirectoryVersionsStartAtZeroAndMove) {
  EXPECT_EQ(*store.directory_version("case-1"), 0);
  ASSERT_TRUE(store.set_directory_version("case-1", 4));
  ASSERT_TRUE(store.set_directory_version("case-2", 1));
  EXPECT_EQ(*store.directory_version("case-1"), 4);
  EXPECT_EQ(*store.directory_version("case-2"), 1);
}

TEST_F(SyncState, QuarantineIsIdempotentPerEnvelopeAndListedInOrder) {
  ASSERT_TRUE(store.put_quarantine(sample_entry("case-2", 3)));
  ASSERT_TRUE(store.put_quarantine(sample_entry("case-1", 9)));
  ASSERT_TRUE(store.put_quarantine(sample_entry("case-1", 2)));
  ASSERT_TRUE(store.put_quarantine(sample_entry("case-1", 2))) << "the same envelope again";
  auto q = store.quarantine();
  ASSERT_TRUE(q);
  ASSERT_EQ(q->size(), 3u);
  EXPECT_EQ((*q)[0], sample_entry("case-1", 2));
  EXPECT_EQ((*q)[1].seq, 9);
  EXPECT_EQ((*q)[2].case_id, "case-2");
  ASSERT_TRUE(store.remove_quarantine("case-1", 2));
  EXPECT_EQ(store.quarantine()->size(), 2u);
}

}  // namespace
}  // namespace sk::store
