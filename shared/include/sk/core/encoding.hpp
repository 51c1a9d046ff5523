#pragma once
// Text encodings of bytes used on the wire and in files. Decoders are strict (no whitespace,
// no padding, canonical trailing bits), so an encoded value has exactly one spelling.

#include <optional>
#include <string>
#include <string_view>

#include "sk/core/bytes.hpp"

namespace sk {

std::string hex_encode(ByteView bytes);                  // lower-case
std::optional<Bytes> hex_decode(std::string_view text);  // either case; nullopt if malformed

std::string base64url_encode(ByteView bytes);                  // RFC 4648 §5, unpadded
std::optional<Bytes> base64url_decode(std::string_view text);  // nullopt if not canonical

}  // namespace sk
