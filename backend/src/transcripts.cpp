#include "transcripts.hpp"

namespace sk::backend {

namespace {
void append(Bytes& out, ByteView b) {
  out.insert(out.end(), b.begin(), b.end());
}
void append(Bytes& out, std::string_view s) {
  out.insert(out.end(), s.begin(), s.end());
}
}  // namespace

Bytes org_transcript(std::string_view org_id, ByteView recovery_x25519) {
  Bytes out;
  append(out, std::string_view("spillkontakt/enroll/org/v1"));
  out.push_back(0);
  append(out, org_id);
  out.push_back(0);
  append(out, recovery_x25519);
  return out;
}

Bytes org_transcript(std::string_view org_id, ByteView recovery_x25519, ByteView issuer_ed25519,
                     ByteView issuer_x25519) {
  auto out = org_transcript(org_id, recovery_x25519);
  append(out, issuer_ed25519);
  append(out, issuer_x25519);
  return out;
}

Bytes device_transcript(ByteView ed25519, ByteView x25519) {
  Bytes out;
  append(out, std::string_view("spillkontakt/enroll/device/v1"));
  out.push_back(0);
  append(out, ed25519);
  append(out, x25519);
  return out;
}

}  // namespace sk::backend
