// One-time codes: what people type is normalised; only the same secret confirms the same keys.

#include "sk/crypto/one_time_code.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sk::crypto {
namespace {

TEST(OneTimeCode, GeneratesTenCanonicalSymbolsShownAsFourFourTwo) {
  for (int i = 0; i < 20; ++i) {
    const auto code = OneTimeCode::generate();
    const auto shown = code.display();
    // XXXX-XXXX-XX in Crockford's alphabet (no I, L, O, U).
    ASSERT_EQ(shown.size(), 12U) << shown;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      if (k == 4 || k == 9) {
        EXPECT_EQ(shown[k], '-') << shown;
      } else {
        EXPECT_NE(std::string_view("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find(shown[k]), std::string_view::npos)
            << shown;
      }
    }
    EXPECT_EQ(code.lookup(), shown.substr(0, 4));
    const auto again = OneTimeCode::parse(shown);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->display(), shown);
  }
}

TEST(OneTimeCode, ParseNormalisesWhatPeopleType) {
  const auto canonical = OneTimeCode::parse("KX7F-92QM-4T");
  ASSERT_TRUE(canonical.ok());
  for (const char* typed : {"kx7f92qm4t", "KX7F 92QM 4T", " kx7f-92qm-4t ", "Kx7f--92Qm  4T"}) {
    const auto code = OneTimeCode::parse(typed);
    ASSERT_TRUE(code.ok()) << typed;
    EXPECT_EQ(code->display(), "KX7F-92QM-4T") << typed;
  }
  // Crockford's confusables: O is 0, I and L are 1.
  const auto confusables = OneTimeCode::parse("oil0-1lio-00");
  ASSERT_TRUE(confusables.ok());
  EXPECT_EQ(confusables->display(), "0110-1110-00");
  EXPECT_EQ(confusables->lookup(), "0110");
}

TEST(OneTimeCode, ParseRejectsMalformedInput) {
  for (const char* typed :
       {"", "KX7F-92QM-4", "KX7F-92QM-4TT", "KX7F-92QM-4U", "KX7F_92QM_4T", "KX7F-92QM-4T!", "ÆØÅ"}) {
    const auto code = OneTimeCode::parse(typed);
    ASSERT_FALSE(code.ok()) << typed;
    EXPECT_EQ(code.error().code, "code.malformed");
  }
}

TEST(OneTimeCode, ConfirmsKeysOnlyWithTheSameSecretAndTranscript) {
  const auto code = *OneTimeCode::parse("KX7F-92QM-4T");
  const auto transcript = as_bytes("contact keys ‖ youth keys");
  const auto confirmation = code.key_confirmation(transcript);
  EXPECT_EQ(confirmation.size(), kKeyConfirmationSize);
  EXPECT_TRUE(OneTimeCode::parse("kx7f 92qm 4t")->verify_key_confirmation(transcript, confirmation));
  // Same lookup id, different secret: what a server that only saw the lookup would have.
  EXPECT_FALSE(OneTimeCode::parse("KX7F-92QM-4V")->verify_key_confirmation(transcript, confirmation));
  EXPECT_FALSE(OneTimeCode::parse("KX7G-92QM-4T")->verify_key_confirmation(transcript, confirmation));
  EXPECT_FALSE(code.verify_key_confirmation(as_bytes("swapped keys"), confirmation));
  auto flipped = confirmation;
  flipped[0] ^= 1;
  EXPECT_FALSE(code.verify_key_confirmation(transcript, flipped));
  EXPECT_FALSE(code.verify_key_confirmation(transcript, ByteView(confirmation).first(31)));
}

}  // namespace
}  // namespace sk::crypto
