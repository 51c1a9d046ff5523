#include "sk/crypto/one_time_code.hpp"

#include <array>

#include "domain.hpp"
#include "evp.hpp"
#include "sk/core/random.hpp"
#include "sk/crypto/primitives.hpp"

namespace sk::crypto {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kCodeChars = kCodeLookupChars + kCodeSecretChars;
// Moderate: ~32 MiB and tens of milliseconds per attempt, so a server holding a confirmation
// needs CPU-years to search the 2^30 secrets, while a person never notices the wait.
constexpr ScryptParams kCodeStretch{.log2_n = 15, .r = 8, .p = 1};

// Canonical symbol for what a person typed; 0 for separators, -1 for anything else.
int canonical(char c) {
  if (c == '-' || c == ' ') return 0;
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  return kCrockford.find(c) == std::string_view::npos ? -1 : c;
}

SymmetricKey stretch(std::string_view lookup, ByteView secret) {
  Bytes salt(domain::kCodeStretch.begin(), domain::kCodeStretch.end());
  salt.insert(salt.end(), lookup.begin(), lookup.end());
  auto key = scrypt(secret, salt, kCodeStretch, kKeySize);
  if (!key) evp::die("scrypt (one-time code)");
  return *SymmetricKey::from(key->view());
}

}  // namespace

OneTimeCode OneTimeCode::generate() {
  std::array<std::uint8_t, kCodeChars> random{};
  random_bytes(random);
  std::string lookup;
  SecretBuffer secret(kCodeSecretChars);
  for (std::size_t i = 0; i < kCodeChars; ++i) {
    // 256 is a multiple of 32, so the low five bits are uniform.
    const char symbol = kCrockford[random[i] & 0x1FU];
    if (i < kCodeLookupChars) {
      lookup.push_back(symbol);
    } else {
      secret.data()[i - kCodeLookupChars] = static_cast<std::uint8_t>(symbol);
    }
  }
  wipe(random.data(), random.size());
  return {std::move(lookup), std::move(secret)};
}

Result<OneTimeCode> OneTimeCode::parse(std::string_view typed) {
  std::string lookup;
  SecretBuffer secret(kCodeSecretChars);
  std::size_t count = 0;
  for (const char c : typed) {
    const int symbol = canonical(c);
    if (symbol < 0) return fail("code.malformed", "a code has only the letters and digits shown, and dashes");
    if (symbol == 0) continue;
    if (count == kCodeChars)
      return fail("code.malformed", "the code is too long: it has 10 letters and digits");
    if (count < kCodeLookupChars) {
      lookup.push_back(static_cast<char>(symbol));
    } else {
      secret.data()[count - kCodeLookupChars] = static_cast<std::uint8_t>(symbol);
    }
    ++count;
  }
  if (count != kCodeChars)
    return fail("code.malformed", "the code is too short: it has 10 letters and digits");
  return OneTimeCode(std::move(lookup), std::move(secret));
}

std::string OneTimeCode::display() const {
  std::string all = lookup_;
  all.append(to_string(secret_.view()));
  std::string out = all.substr(0, 4) + "-" + all.substr(4, 4) + "-" + all.substr(8, 2);
  wipe(all.data(), all.size());
  return out;
}

Bytes OneTimeCode::key_confirmation(ByteView transcript) const {
  const auto key = stretch(lookup_, secret_.view());
  Bytes message(domain::kKeyConfirmation.begin(), domain::kKeyConfirmation.end());
  message.insert(message.end(), transcript.begin(), transcript.end());
  const auto mac = hmac_sha256(key.view(), message);
  return {mac.bytes.begin(), mac.bytes.end()};
}

bool OneTimeCode::verify_key_confirmation(ByteView transcript, ByteView confirmation) const {
  return constant_time_equal(key_confirmation(transcript), confirmation);
}

}  // namespace sk::crypto
