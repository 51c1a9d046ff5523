// Key vouches and history grants (docs/model.md): the limits and encodings validation enforces,
// each refusal naming its field, and a canonical round trip of the largest allowed ones.
#include <gtest/gtest.h>

#include "sample_events.hpp"
#include "sk/model/codec.hpp"
#include "sk/model/limits.hpp"

namespace sk::model {
namespace {

using testing::sample_event;

std::string refusal(const Event& e) {
  const auto r = validate_event(e);
  return r ? std::string("accepted") : r.error().message;
}

TEST(VouchAndGrant, AVouchListsOneTo64DevicesWithWellFormedKeys) {
  auto e = sample_event(EventKind::kCaseVouch);
  ASSERT_EQ(refusal(e), "accepted");
  auto& devices = std::get<CaseVouch>(e.body).devices;
  const auto one = devices.front();
  devices.assign(kMaxVouchedDevices, one);
  EXPECT_EQ(refusal(e), "accepted");
  const auto encoded = encode_event(e);
  ASSERT_TRUE(encoded);
  EXPECT_EQ(*decode_event(*encoded), e);

  devices.push_back(one);
  EXPECT_NE(refusal(e).find("devices"), std::string::npos);
  devices.clear();
  EXPECT_NE(refusal(e).find("devices"), std::string::npos);
  devices.push_back(one);
  devices[0].x25519 = one.x25519.substr(1);  // 31 bytes
  EXPECT_NE(refusal(e).find("devices[0].x25519"), std::string::npos);
  devices[0] = one;
  devices[0].ed25519 = "not base64url!";
  EXPECT_NE(refusal(e).find("devices[0].ed25519"), std::string::npos);
}

TEST(VouchAndGrant, AGrantEventCarriesOneTo150GrantsOf185Bytes) {
  auto e = sample_event(EventKind::kTeamGrant);
  ASSERT_EQ(refusal(e), "accepted");
  auto& grants = std::get<TeamGrant>(e.body).grants;
  const auto one = grants.front();
  grants.assign(kMaxGrantsPerEvent, one);
  EXPECT_EQ(refusal(e), "accepted");
  const auto encoded = encode_event(e);
  ASSERT_TRUE(encoded);
  EXPECT_EQ(*decode_event(*encoded), e);

  grants.push_back(one);
  EXPECT_NE(refusal(e).find("grants"), std::string::npos);
  grants.assign(1, one);
  grants[0].grant.pop_back();
  EXPECT_NE(refusal(e).find("grants[0].grant"), std::string::npos);
  grants[0] = one;
  grants[0].event = EventId{};
  EXPECT_NE(refusal(e).find("grants[0].event"), std::string::npos);
}

}  // namespace
}  // namespace sk::model
