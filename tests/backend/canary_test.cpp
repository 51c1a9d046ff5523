// The server stores ciphertext only: events sealed with sk::crypto that contain a canary string
// are pushed and fetched back; neither the database files nor the server's log ever contain
// the canary (nor the bearer tokens).
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <sstream>

#include "harness/scenario.hpp"
#include "sk/core/encoding.hpp"
#include "sk/crypto/envelope.hpp"

namespace sk::backend::test {
namespace {

// Every file under `dir`, concatenated.
std::string all_files(const std::filesystem::path& dir) {
  std::string out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out += read_file(e.path());
  }
  return out;
}

TEST(Canary, DatabaseFilesAndLogsNeverContainPlaintext) {
  const std::string canary = "KANARIFUGL-7f3a9c-hemmelig-melding";
  Scenario s;
  auto sup = s.supervisor();
  auto contact = s.contact(sup);
  auto [case_id, youth] = s.pair_youth(contact);
  crypto::PairwiseCache cache;
  const std::vector<crypto::DevicePublicKeys> recipients = {youth.identity->public_keys(),
                                                            contact.identity->public_keys()};
  for (int i = 0; i < 20; ++i) {
    const auto event_id = new_uuid();
    const auto context = case_id + event_id + "case";
    const auto plaintext = R"({"kind":"chat","text":")" + canary + " #" + std::to_string(i) + "\"}";
    auto sealed = crypto::seal(*contact.identity, recipients, crypto::EnvelopeKind::chat, as_bytes(context),
                               as_bytes(plaintext), cache);
    ASSERT_TRUE(sealed.ok());
    ASSERT_EQ(s.append(contact, case_id, "case", *sealed, event_id).status, 201);
  }
  // The youth gets the envelopes back and can open them: the canary really was in there.
  auto page = s.fetch(youth, case_id);
  ASSERT_EQ(page.json["events"].size(), 20u);
  const auto& first = page.json["events"][0];
  const auto envelope = *base64url_decode(first["envelope"].get<std::string>());
  const auto context = case_id + first["event_id"].get<std::string>() + "case";
  crypto::Expectation expect{contact.identity->public_keys(), crypto::EnvelopeKind::chat, as_bytes(context)};
  auto opened = crypto::open(envelope, *youth.identity, expect, cache);
  ASSERT_TRUE(opened.ok());
  EXPECT_NE(to_string(opened->plaintext.view()).find(canary), std::string::npos);

  // While running (WAL), and after a clean shutdown (checkpointed database).
  EXPECT_EQ(all_files(s.data_dir()).find(canary), std::string::npos);
  EXPECT_EQ(s.server().stop(SIGTERM), 0);
  const auto files = all_files(s.data_dir());
  EXPECT_FALSE(files.empty());
  EXPECT_EQ(files.find(canary), std::string::npos);
  const auto log = s.server().log();
  EXPECT_FALSE(log.empty());
  EXPECT_EQ(log.find(canary), std::string::npos);
  for (const auto* d : {&sup, &contact, &youth}) {
    EXPECT_EQ(log.find(d->token), std::string::npos) << "tokens are never logged";
    EXPECT_EQ(files.find(d->token), std::string::npos) << "only token hashes are stored";
  }
}

}  // namespace
}  // namespace sk::backend::test
