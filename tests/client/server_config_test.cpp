// Which server addresses a profile accepts: https anywhere, plain http only to this computer.
#include "sk/client/server_config.hpp"

#include <gtest/gtest.h>

namespace sk::client {
namespace {

ServerConfig at(const std::string& url) {
  ServerConfig c;
  c.base_url = url;
  return c;
}

bool accepted(const std::string& url) {
  return validate(at(url)).ok();
}

TEST(ServerConfig, HttpsAnywhereAndPlainHttpOnlyToLoopback) {
  EXPECT_TRUE(accepted("https://spillkontakt.bergen.kommune.no"));
  EXPECT_TRUE(accepted("https://sk.example.org:8443"));
  EXPECT_TRUE(accepted("http://127.0.0.1:8443"));
  EXPECT_TRUE(accepted("http://127.8.9.10:1"));
  EXPECT_TRUE(accepted("http://localhost:8443"));
  EXPECT_TRUE(accepted("http://[::1]:8443"));

  EXPECT_FALSE(accepted("http://sk.example.org"));
  EXPECT_FALSE(accepted("http://127.example.org")) << "a name that begins with 127. is not loopback";
  EXPECT_FALSE(accepted("http://128.0.0.1"));
  EXPECT_FALSE(accepted("http://10.0.0.1"));
  EXPECT_FALSE(accepted("ftp://127.0.0.1"));
  EXPECT_FALSE(accepted("sk.example.org"));
  EXPECT_FALSE(accepted(""));
  EXPECT_FALSE(accepted("https://"));
  EXPECT_FALSE(accepted("https://sk.example.org/api")) << "no path";
  EXPECT_FALSE(accepted("https://sk.example.org/"));
}

TEST(ServerConfig, RefusalsSayWhatIsWrong) {
  const auto r = validate(at("http://sk.example.org"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "client.bad_url");
  EXPECT_NE(r.error().message.find("https://"), std::string::npos);
}

}  // namespace
}  // namespace sk::client
