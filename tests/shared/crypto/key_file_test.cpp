// Key files: identity secrets at rest under a passphrase. Most cases use the test-only scrypt
// cost; one checks that the default writes (and reads) the OWASP parameters.

#include "sk/crypto/key_file.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sk::crypto {
namespace {

constexpr std::string_view kPassphrase = "korrekt hest batteri stift";

Bytes weak_file(const DeviceIdentity& id) {
  auto file = seal_key_file(id, kPassphrase, KdfCost::test_only_weak);
  EXPECT_TRUE(file.ok());
  return file.ok() ? *file : Bytes{};
}

TEST(KeyFile, RoundTripsTheIdentity) {
  const auto id = DeviceIdentity::generate();
  const auto file = weak_file(id);
  EXPECT_EQ(file.size(), kKeyFileSize);
  const auto opened = open_key_file(file, kPassphrase);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->public_keys(), id.public_keys());
}

TEST(KeyFile, RecordsAndUsesOwaspParametersByDefault) {
  const auto id = DeviceIdentity::generate();
  const auto file = seal_key_file(id, kPassphrase);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ((*file)[6], 17);  // log2 N
  EXPECT_EQ((*file)[7], 8);   // r
  EXPECT_EQ((*file)[8], 1);   // p
  const auto opened = open_key_file(*file, kPassphrase);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->public_keys(), id.public_keys());
}

TEST(KeyFile, RejectsWrongPassphraseWithAClearError) {
  const auto file = weak_file(DeviceIdentity::generate());
  for (const std::string_view wrong : {"korrekt hest batteri stifT", "", "korrekt hest batteri stift "}) {
    const auto opened = open_key_file(file, wrong);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "key_file.wrong_passphrase");
  }
}

TEST(KeyFile, ReportsDamageRatherThanAWrongPassphrase) {
  const auto file = weak_file(DeviceIdentity::generate());
  for (std::size_t i = 0; i < file.size(); ++i) {
    auto bad = file;
    bad[i] ^= 0x01;
    const auto opened = open_key_file(bad, kPassphrase);
    ASSERT_FALSE(opened.ok()) << "byte " << i;
    EXPECT_NE(opened.error().code, "key_file.wrong_passphrase") << "byte " << i;
  }
  for (std::size_t n = 0; n < file.size(); ++n) {
    EXPECT_EQ(open_key_file(ByteView(file).first(n), kPassphrase).error().code, "key_file.corrupt") << n;
  }
}

TEST(KeyFile, RefusesUnreasonableScryptParameters) {
  auto file = weak_file(DeviceIdentity::generate());
  file[6] = 30;  // 2^30 × 1 KiB would ask for a terabyte
  const auto body = ByteView(file).first(file.size() - 32);
  const auto checksum = sha256(body);
  std::copy(checksum.bytes.begin(), checksum.bytes.end(), file.end() - 32);
  EXPECT_EQ(open_key_file(file, kPassphrase).error().code, "key_file.corrupt");
}

TEST(KeyFile, RefusesNewerVersionsAndEmptyPassphrases) {
  auto file = weak_file(DeviceIdentity::generate());
  file[4] = 2;
  EXPECT_EQ(open_key_file(file, kPassphrase).error().code, "key_file.unsupported_version");
  EXPECT_EQ(seal_key_file(DeviceIdentity::generate(), "", KdfCost::test_only_weak).error().code,
            "key_file.empty_passphrase");
}

}  // namespace
}  // namespace sk::crypto
