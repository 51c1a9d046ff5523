// Trust and audiences: what the server cannot make a client do. A revoked device gets nothing
// sealed after its revocation is seen; keys the server swaps are not trusted; a tampered or
// replayed envelope is set aside without holding up the rest; team notes never reach the youth;
// check-ins reach supervisors only while the youth consents.
#include <gtest/gtest.h>

#include <algorithm>

#include "sk/client/client.hpp"
#include "sk/crypto/identity.hpp"
#include "support/cast.hpp"
#include "support/profile_view.hpp"
#include "support/server_db.hpp"

namespace sk::integration {
namespace {

bool sealed_to(const StoredEnvelope& e, const crypto::KeyId& key) {
  const auto r = ServerDb::recipients(e);
  return std::find(r.begin(), r.end(), key) != r.end();
}

model::CheckIn check_in(int mood, const std::string& text) {
  model::CheckIn c;
  c.mood = mood;
  c.text = text;
  return c;
}

std::vector<std::string> check_in_texts(const CliDevice& device, const std::string& case_id) {
  std::vector<std::string> out;
  const auto state = fold(device, case_id);
  for (const auto& c : state.wellbeing().check_ins()) out.push_back(c.check_in.text);
  return out;
}

TEST(Trust, ARevokedDeviceGetsNothingSealedAfterTheRevocationIsSeen) {
  Cast cast;
  const auto again = must_run(cast.contact(), {"invite", "--again", cast.case_id()}).json();
  auto tablet = cast.fresh("youth-tablet");
  cast.pair(cast.contact(), tablet, again["code"].get<std::string>(), "Ola");
  cast.settle();
  must_run(cast.contact(), {"send", "before"});
  must_run(tablet, {"sync", "--once"});
  ASSERT_EQ(chat_texts(tablet, cast.case_id()).back(), "before");

  ServerDb db(cast.data_dir());
  const auto tablet_device = Cast::identity(tablet)["device_id"].get<std::string>();
  const auto tablet_key = db.device_key_id(tablet_device);
  ASSERT_TRUE(sealed_to(db.envelopes(cast.case_id()).back(), tablet_key)) << "the check itself can fail";

  const auto revoked =
      backend::test::run_backend({"admin", "revoke", "--data", cast.data_dir().string(), tablet_device});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.out;
  const auto before = db.last_seq(cast.case_id());
  cast.settle();  // every device sees the revocation in the directory
  must_run(cast.contact(), {"send", "after, from Kari"});
  must_run(cast.youth(), {"send", "after, from Ola"});
  record(cast.youth(), cast.case_id(), check_in(3, "after"));
  cast.settle();

  const auto after = db.envelopes(cast.case_id(), before);
  ASSERT_GE(after.size(), 3u);
  for (const auto& e : after)
    EXPECT_FALSE(sealed_to(e, tablet_key)) << "seq " << e.seq << " is sealed to the revoked tablet";
  const auto r = tablet.run({"sync", "--once"});
  EXPECT_EQ(r.exit_code, 6) << "revoked: " << r.out << r.err;
  EXPECT_EQ(chat_texts(tablet, cast.case_id()).back(), "before");
  const auto youth_chat = chat_texts(cast.youth(), cast.case_id());
  EXPECT_NE(std::find(youth_chat.begin(), youth_chat.end(), "after, from Kari"), youth_chat.end());
}

TEST(Trust, KeysTheServerSwapsAreNotTrustedAndSayWhy) {
  Cast cast;
  ServerDb db(cast.data_dir());
  const auto youth_device = Cast::identity(cast.youth())["device_id"].get<std::string>();
  const auto real_key = db.device_key_id(youth_device);
  const auto forged = crypto::DeviceIdentity::generate();  // the server's own key pair
  const auto before = db.last_seq(cast.case_id());
  cast.restart_server(
      false, [&] { db.swap_encryption_key(cast.case_id(), youth_device, forged.public_keys().encryption); });

  const auto synced = must_run(cast.contact(), {"sync", "--once"}).json();
  bool warned = false;
  for (const auto& w : synced["warnings"])
    warned |= w.get<std::string>().find("new keys") != std::string::npos;
  EXPECT_TRUE(warned) << synced.dump();
  must_run(cast.contact(), {"send", "still only for Ola"});

  const auto after = db.envelopes(cast.case_id(), before);
  ASSERT_FALSE(after.empty());
  for (const auto& e : after) {
    EXPECT_FALSE(sealed_to(e, crypto::key_id(forged.public_keys().encryption))) << "seq " << e.seq;
  }
  EXPECT_TRUE(sealed_to(after.back(), real_key)) << "the key the code confirmed stays in use";
  must_run(cast.youth(), {"sync", "--once"});
  EXPECT_EQ(chat_texts(cast.youth(), cast.case_id()).back(), "still only for Ola");
}

TEST(Trust, ATamperedOrReplayedEnvelopeIsSetAsideAndTheRestArrive) {
  Cast cast;
  ServerDb db(cast.data_dir());
  const auto before = db.last_seq(cast.case_id());
  for (const char* text : {"one", "two", "three", "four"}) must_run(cast.contact(), {"send", text});
  const auto sent = db.envelopes(cast.case_id(), before);
  ASSERT_EQ(sent.size(), 4u);
  cast.restart_server(false, [&] {
    db.set_envelope(cast.case_id(), sent[1].seq, sent[0].envelope);  // "two" replays "one"
    auto flipped = sent[2].envelope;
    flipped[flipped.size() / 2] ^= 0x20;  // "three" tampered
    db.set_envelope(cast.case_id(), sent[2].seq, flipped);
  });

  must_run(cast.youth(), {"sync", "--once"});
  const auto texts = chat_texts(cast.youth(), cast.case_id());
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "one"), 1);
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "two"), 0);
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "three"), 0);
  EXPECT_EQ(texts.back(), "four") << "a bad envelope never blocks the ones after it";
  const auto status = must_run(cast.youth(), {"status"}).json();
  EXPECT_EQ(status["quarantined"], 2) << status.dump();
  // Later syncs neither lose the good ones nor take the bad ones in.
  must_run(cast.youth(), {"sync", "--once"});
  EXPECT_EQ(chat_texts(cast.youth(), cast.case_id()), texts);
}

TEST(Audience, ATeamNoteReachesTheSupervisorAndNeverTheYouth) {
  Cast cast;
  model::SessionNote note;
  note.note.activity = "Minecraft; talked about school";
  const auto e = record(cast.contact(), cast.case_id(), note);
  cast.settle();
  EXPECT_EQ(count_kind(cast.supervisor(), cast.case_id(), "session_note"), 1u);
  EXPECT_EQ(count_kind(cast.youth(), cast.case_id(), "session_note"), 0u);

  ServerDb db(cast.data_dir());
  const auto youth_key = db.device_key_id(Cast::identity(cast.youth())["device_id"].get<std::string>());
  bool found = false;
  for (const auto& s : db.envelopes(cast.case_id())) {
    if (s.event_id != e.id.str()) continue;
    found = true;
    EXPECT_FALSE(sealed_to(s, youth_key));
  }
  EXPECT_TRUE(found);
}

TEST(Audience, CheckInsReachSupervisorsOnlyWhileTheYouthConsents) {
  Cast cast;
  client::ClientOptions options;
  options.profile_dir = cast.youth().profile;
  options.server.base_url = cast.youth().server;
  auto youth = client::Client::open(options);
  ASSERT_TRUE(youth) << youth.error().message;

  record(cast.youth(), cast.case_id(), check_in(2, "before consent"));
  cast.settle();
  ASSERT_TRUE((*youth)->set_checkin_consent(cast.case_id(), true));
  cast.settle();
  record(cast.youth(), cast.case_id(), check_in(4, "while consenting"));
  cast.settle();
  ASSERT_TRUE((*youth)->set_checkin_consent(cast.case_id(), false));
  cast.settle();
  record(cast.youth(), cast.case_id(), check_in(3, "after withdrawing"));
  cast.settle();

  const auto supervisor = check_in_texts(cast.supervisor(), cast.case_id());
  EXPECT_NE(std::find(supervisor.begin(), supervisor.end(), "while consenting"), supervisor.end());
  EXPECT_EQ(std::find(supervisor.begin(), supervisor.end(), "after withdrawing"), supervisor.end());
  EXPECT_EQ(check_in_texts(cast.contact(), cast.case_id()).size(), 3u) << "the contact always reads them";
}

}  // namespace
}  // namespace sk::integration
