// Enrollment, authentication and pairing through the real server.
//
// Cases:
//  - a supervisor enrolls with the admin's code, verifies the organisation's keys with it, logs in
//  - a code works once; an unknown lookup id is 404
//  - challenge–response: wrong signature, reused nonce, another device's nonce → 401
//  - a supervisor issues a contact code through the API and then sees the contact's keys
//  - supervisor codes come only from the admin CLI
//  - pairing: both sides exchange key confirmations through the server and verify them
//  - revoking a device invalidates its token at once
#include <gtest/gtest.h>

#include "harness/scenario.hpp"
#include "sk/core/encoding.hpp"
#include "sk/crypto/one_time_code.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::backend::test {
namespace {

TEST(Enrollment, SupervisorEnrollsWithAdminCodeAndVerifiesOrgKeys) {
  Scenario s;
  auto code = crypto::OneTimeCode::parse(s.supervisor_code);
  ASSERT_TRUE(code.ok());
  auto sup = s.supervisor();
  EXPECT_EQ(sup.role, "supervisor");
  const auto& r = sup.enroll_response;
  const auto recovery =
      *crypto::X25519PublicKey::from(*base64url_decode(r["org"]["recovery_x25519"].get<std::string>()));
  const auto confirmation = *base64url_decode(r["issuer_confirmation"].get<std::string>());
  EXPECT_TRUE(code->verify_key_confirmation(protocol::org_transcript(sup.org_id, recovery), confirmation));

  auto me = s.http().get("/v1/me", sup.token);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json["device_id"], sup.device_id);
  EXPECT_EQ(me.json["role"], "supervisor");
  auto org = s.http().get("/v1/org", sup.token);
  ASSERT_EQ(org.status, 200);
  EXPECT_EQ(org.json["name"], "Test kommune");
}

TEST(Enrollment, CodeWorksOnceAndUnknownLookupIsNotFound) {
  Scenario s;
  s.supervisor();
  auto again = crypto::OneTimeCode::parse(s.supervisor_code);
  auto keys = crypto::DeviceIdentity::generate().public_keys();
  nlohmann::json body = {{"lookup", again->lookup()},
                         {"ed25519", base64url_encode(keys.signing.view())},
                         {"x25519", base64url_encode(keys.encryption.view())}};
  auto r = s.http().post("/v1/enroll", body);
  EXPECT_EQ(r.status, 410);
  EXPECT_EQ(r.error_code(), "code_expired");
  body["lookup"] = again->lookup() == "0000" ? "0001" : "0000";
  EXPECT_EQ(s.http().post("/v1/enroll", body).status, 404);
}

TEST(Authentication, RejectsBadSignatureReusedNonceAndForeignNonce) {
  Scenario s;
  auto sup = s.supervisor();
  auto ask = [&](const std::string& device_id) {
    return s.http().post("/v1/auth/challenge", {{"device_id", device_id}}).json["nonce"].get<std::string>();
  };
  auto token = [&](const std::string& device_id, const std::string& nonce,
                   const crypto::DeviceIdentity& signer) {
    const auto sig = signer.sign(protocol::login_message(device_id, *base64url_decode(nonce)));
    return s.http().post(
        "/v1/auth/token",
        {{"device_id", device_id}, {"nonce", nonce}, {"signature", base64url_encode(sig.view())}});
  };
  const auto stranger = crypto::DeviceIdentity::generate();
  EXPECT_EQ(token(sup.device_id, ask(sup.device_id), stranger).status, 401);

  const auto nonce = ask(sup.device_id);
  EXPECT_EQ(token(sup.device_id, nonce, *sup.identity).status, 200);
  EXPECT_EQ(token(sup.device_id, nonce, *sup.identity).status, 401) << "a nonce is single-use";

  auto other = s.contact(sup);
  const auto foreign = ask(other.device_id);
  EXPECT_EQ(token(sup.device_id, foreign, *sup.identity).status, 401);
  // Unknown devices get a nonce too (no enumeration), but never a token.
  const auto ghost = std::string("AAAAAAAAAAAAAAAAAAAAAA");
  EXPECT_EQ(token(ghost, ask(ghost), stranger).status, 401);
}

TEST(Enrollment, IssuerSeesEnrolledContactKeysAndConfirmations) {
  Scenario s;
  auto sup = s.supervisor();
  const auto code = crypto::OneTimeCode::generate();
  ASSERT_EQ(
      s.http().post("/v1/enroll-codes", {{"lookup", code.lookup()}, {"role", "contact"}}, sup.token).status,
      201);
  auto contact = s.enroll(code.display());
  EXPECT_EQ(contact.role, "contact");
  const auto transcript =
      *protocol::pairing_transcript(model::Role::kContact, model::Role::kSupervisor,
                                    contact.identity->public_keys(), sup.identity->public_keys());
  ASSERT_EQ(s.http()
                .put("/v1/codes/" + code.lookup() + "/confirmation",
                     {{"confirmation", base64url_encode(code.key_confirmation(transcript))}}, contact.token)
                .status,
            200);
  auto st = s.http().get("/v1/codes/" + code.lookup(), sup.token);
  ASSERT_EQ(st.status, 200);
  EXPECT_EQ(st.json["status"], "used");
  EXPECT_EQ(st.json["you_are"], "issuer");
  EXPECT_EQ(st.json["redeemer"]["device_id"], contact.device_id);
  const auto conf = *base64url_decode(st.json["redeemer_confirmation"].get<std::string>());
  EXPECT_TRUE(code.verify_key_confirmation(transcript, conf));
  // A second upload of the same side is refused; strangers don't see the code at all.
  EXPECT_EQ(
      s.http()
          .put("/v1/codes/" + code.lookup() + "/confirmation", {{"confirmation", "AAAA"}}, contact.token)
          .status,
      409);
  auto other = s.contact(sup);
  EXPECT_EQ(s.http().get("/v1/codes/" + code.lookup(), other.token).status, 404);
}

// Two supervisors' devices would confirm each other's keys under equal roles (protocol.md §7.1).
TEST(Enrollment, SupervisorCodesAreNotIssuedThroughTheApi) {
  Scenario s;
  auto sup = s.supervisor();
  const auto code = crypto::OneTimeCode::generate();
  EXPECT_EQ(s.http()
                .post("/v1/enroll-codes", {{"lookup", code.lookup()}, {"role", "supervisor"}}, sup.token)
                .status,
            403);
  EXPECT_EQ(s.http()
                .post("/v1/enroll", {{"lookup", code.lookup()},
                                     {"ed25519", base64url_encode(Bytes(32, 1))},
                                     {"x25519", base64url_encode(Bytes(32, 2))}})
                .status,
            404);
}

TEST(Pairing, BothSidesConfirmEachOthersKeysThroughTheServer) {
  Scenario s;
  auto sup = s.supervisor();
  auto contact = s.contact(sup);
  const auto code = crypto::OneTimeCode::generate();
  auto created = s.http().post("/v1/cases", {{"lookup", code.lookup()}}, contact.token);
  ASSERT_EQ(created.status, 201);
  const std::string case_id = created.json["case_id"];

  // The youth redeems the lookup id and learns the contact's keys from the response.
  TestDevice youth;
  youth.identity = std::make_shared<crypto::DeviceIdentity>(crypto::DeviceIdentity::generate());
  const auto& ykeys = youth.identity->public_keys();
  auto redeem = s.http().post("/v1/pairing/redeem", {{"lookup", code.lookup()},
                                                     {"ed25519", base64url_encode(ykeys.signing.view())},
                                                     {"x25519", base64url_encode(ykeys.encryption.view())}});
  ASSERT_EQ(redeem.status, 201);
  EXPECT_EQ(redeem.json["case_id"], case_id);
  EXPECT_EQ(redeem.json["role"], "youth");
  const auto contact_keys = crypto::DevicePublicKeys{
      *crypto::Ed25519PublicKey::from(*base64url_decode(redeem.json["issuer"]["ed25519"].get<std::string>())),
      *crypto::X25519PublicKey::from(*base64url_decode(redeem.json["issuer"]["x25519"].get<std::string>()))};
  EXPECT_EQ(contact_keys, contact.identity->public_keys());
  youth.device_id = redeem.json["device_id"];
  s.login(youth);

  // Each side uploads its confirmation; each verifies the other's.
  const auto youth_says =
      *protocol::pairing_transcript(model::Role::kYouth, model::Role::kContact, ykeys, contact_keys);
  ASSERT_EQ(s.http()
                .put("/v1/codes/" + code.lookup() + "/confirmation",
                     {{"confirmation", base64url_encode(code.key_confirmation(youth_says))}}, youth.token)
                .status,
            200);
  auto seen_by_contact = s.http().get("/v1/codes/" + code.lookup(), contact.token);
  ASSERT_EQ(seen_by_contact.status, 200);
  const auto youth_conf = *base64url_decode(seen_by_contact.json["redeemer_confirmation"].get<std::string>());
  EXPECT_TRUE(code.verify_key_confirmation(youth_says, youth_conf));
  const auto contact_says = *protocol::pairing_transcript(model::Role::kContact, model::Role::kYouth,
                                                          contact.identity->public_keys(), ykeys);
  ASSERT_EQ(s.http()
                .put("/v1/codes/" + code.lookup() + "/confirmation",
                     {{"confirmation", base64url_encode(code.key_confirmation(contact_says))}}, contact.token)
                .status,
            200);
  auto seen_by_youth = s.http().get("/v1/codes/" + code.lookup(), youth.token);
  ASSERT_EQ(seen_by_youth.status, 200);
  EXPECT_EQ(seen_by_youth.json["you_are"], "redeemer");
  const auto contact_conf = *base64url_decode(seen_by_youth.json["issuer_confirmation"].get<std::string>());
  EXPECT_TRUE(code.verify_key_confirmation(contact_says, contact_conf));

  // The key directory lists youth, contact and supervisor, plus the recovery key.
  auto dir = s.http().get("/v1/cases/" + case_id + "/keys", youth.token);
  ASSERT_EQ(dir.status, 200);
  EXPECT_EQ(dir.json["members"].size(), 3u);
  EXPECT_FALSE(dir.json["org"]["recovery_x25519"].get<std::string>().empty());
  // A pairing code is single-use.
  EXPECT_EQ(s.http()
                .post("/v1/pairing/redeem", {{"lookup", code.lookup()},
                                             {"ed25519", base64url_encode(ykeys.signing.view())},
                                             {"x25519", base64url_encode(ykeys.encryption.view())}})
                .status,
            410);
}

TEST(Authentication, RevokingADeviceEndsItsTokenAtOnce) {
  Scenario s;
  auto sup = s.supervisor();
  auto contact = s.contact(sup);
  ASSERT_EQ(s.http().get("/v1/me", contact.token).status, 200);
  ASSERT_EQ(s.http()
                .post("/v1/devices/" + contact.device_id + "/revoke", nlohmann::json::object(), sup.token)
                .status,
            200);
  EXPECT_EQ(s.http().get("/v1/me", contact.token).status, 401);
  auto c = s.http().post("/v1/auth/challenge", {{"device_id", contact.device_id}});
  const std::string nonce = c.json["nonce"];
  const auto sig =
      contact.identity->sign(protocol::login_message(contact.device_id, *base64url_decode(nonce)));
  EXPECT_EQ(s.http()
                .post("/v1/auth/token", {{"device_id", contact.device_id},
                                         {"nonce", nonce},
                                         {"signature", base64url_encode(sig.view())}})
                .status,
            401);
  // The admin CLI revokes too, and the audit log records it all without secrets.
  auto r = run_backend({"admin", "revoke", "--data", s.data_dir().string(), sup.device_id});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(s.http().get("/v1/me", sup.token).status, 401);
  auto audit = run_backend({"admin", "audit", "--data", s.data_dir().string(), "--since", "0"});
  EXPECT_EQ(audit.exit_code, 0);
  EXPECT_NE(audit.out.find("\"kind\":\"revoke\""), std::string::npos);
  EXPECT_NE(audit.out.find("\"kind\":\"enroll\""), std::string::npos);
  EXPECT_NE(audit.out.find("\"kind\":\"token\""), std::string::npos);
  EXPECT_EQ(audit.out.find(sup.token), std::string::npos);
}

}  // namespace
}  // namespace sk::backend::test
