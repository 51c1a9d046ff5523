#include "ids.hpp"

#include <chrono>

#include "sk/core/encoding.hpp"
#include "sk/core/random.hpp"
#include "sk/crypto/one_time_code.hpp"
#include "storage.hpp"

namespace sk::backend {

namespace {
constexpr std::size_t kIdBytes = 16;
constexpr std::size_t kIdChars = 22;  // base64url of 16 bytes, unpadded
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

bool is_hex_lower(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
}  // namespace

std::string new_id() {
  return base64url_encode(random_bytes(kIdBytes));
}

bool is_id(std::string_view s) {
  return s.size() == kIdChars && base64url_decode(s).has_value();
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex_lower(s[i])) return false;
  }
  return true;
}

bool is_lookup(std::string_view s) {
  if (s.size() != crypto::kCodeLookupChars) return false;
  for (char c : s) {
    if (kCrockford.find(c) == std::string_view::npos) return false;
  }
  return true;
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace sk::backend
