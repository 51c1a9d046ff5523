#pragma once
// What a fellow recipient can build with a file key it legitimately learned: a new payload under
// the same file key, a recomputed header MAC, every stanza kept. Used by the tests and by the
// vector generator to show such an envelope is refused.

#include "envelope_format.hpp"
#include "sk/crypto/envelope.hpp"

namespace sk::crypto::testing {

inline Bytes swap_payload(ByteView envelope, const Secret<kKeySize>& file_key, ByteView new_plaintext) {
  auto parsed = format::parse(envelope);
  if (!parsed) return {};
  const auto keys = format::expand(file_key);
  const auto padded = format::pad(new_plaintext);
  Bytes payload(padded.size() + kAeadTagSize);
  aead_seal(keys.payload_key, format::kZeroNonce, parsed->preamble, padded.view(), payload);
  Bytes out(parsed->header_body.begin(), parsed->header_body.end() - format::kPayloadLengthSize);
  format::put_u32(out, static_cast<std::uint32_t>(payload.size()));
  const auto mac = format::header_mac(keys.header_mac_key, out);
  out.insert(out.end(), mac.bytes.begin(), mac.bytes.end());
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

}  // namespace sk::crypto::testing
